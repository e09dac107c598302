package io.parzen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The storage contract for {@link InMemoryStorage}, plus what only the in-memory storage does. */
class InMemoryStorageTest extends StorageContractTest {

  @Override
  protected Storage createStorage(Clock clock) {
    return new InMemoryStorage(clock);
  }

  @Override
  protected boolean keepsHeartbeats() {
    return false;
  }

  @Test
  void defaultStorageStampsTrialsWithTheSystemClock() {
    Storage s = new InMemoryStorage();
    long id = s.createStudy("s", List.of(StudyDirection.MINIMIZE));
    Instant before = Instant.now();

    FrozenTrial t = s.createTrial(id);

    assertThat(t.start()).isBetween(before, Instant.now());
  }

  @Test
  void twoInMemoryStoragesShareNothing() {
    Storage other = open(clock);
    storage.createStudy("mnist", List.of(StudyDirection.MINIMIZE));

    assertThat(other.findStudyId("mnist")).isEmpty();
    assertThat(other.studies()).isEmpty();
  }

  @Test
  void aStudyNeedsANonBlankName() {
    assertThatThrownBy(() -> storage.createStudy(" ", List.of(StudyDirection.MINIMIZE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(storage.studies()).isEmpty();
  }

  @Test
  void aStudyNeedsAtLeastOneDirection() {
    assertThatThrownBy(() -> storage.createStudy("s", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThat(storage.studies()).isEmpty();
  }
}
