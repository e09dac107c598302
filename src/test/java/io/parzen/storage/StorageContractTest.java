package io.parzen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every {@link Storage} must have, whatever keeps the data (Optuna's
 * {@code tests/storages_tests/test_storages.py}). An implementation's test extends this class and
 * creates a fresh, empty storage in {@link #createStorage(Clock)}; every test here then runs against
 * it.
 *
 * <p>The storage must take its trial start and completion times from the clock it is given, so
 * that time stamps can be asserted exactly. The clock only ever moves by whole seconds from a
 * whole-second instant, so storages keeping millisecond precision pass too.
 *
 * <p>Attribute values are compared as JSON values: numbers by their numeric value, whatever
 * {@link Number} subclass a storage reads them back as.
 */
public abstract class StorageContractTest {

  /** When every test starts. */
  protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private static final long UNKNOWN_ID = 987_654_321L;
  private static final List<StudyDirection> MINIMIZE = List.of(StudyDirection.MINIMIZE);
  private static final long TIMEOUT_SECONDS = 30;

  /**
   * A new, empty storage that stamps trial times from {@code clock}. It is closed after the test.
   */
  protected abstract Storage createStorage(Clock clock);

  protected MutableClock clock;
  protected Storage storage;
  private final List<Storage> opened = new ArrayList<>();

  @BeforeEach
  void openStorage() {
    clock = new MutableClock(T0);
    storage = open(clock);
  }

  @AfterEach
  void closeStorages() throws Exception {
    for (Storage s : opened) {
      s.close();
    }
  }

  /** Whether the storage keeps heartbeats (storages shared between processes do). */
  protected boolean keepsHeartbeats() {
    return true;
  }

  /** Creates a storage that is closed after the test. */
  protected Storage open(Clock c) {
    Storage s = createStorage(c);
    opened.add(s);
    return s;
  }

  // ------------------------------------------------------------------------------------- studies

  @Nested
  class Studies {

    @Test
    void createdStudyIsFoundByItsName() {
      long id = storage.createStudy("mnist", MINIMIZE);

      assertThat(storage.findStudyId("mnist")).contains(id);
      assertThat(storage.studyId("mnist")).isEqualTo(id);
      assertThat(storage.studyName(id)).isEqualTo("mnist");
    }

    @Test
    void studiesGetDistinctIds() {
      long a = storage.createStudy("a", MINIMIZE);
      long b = storage.createStudy("b", MINIMIZE);
      long c = storage.createStudy("c", MINIMIZE);

      assertThat(Set.of(a, b, c)).hasSize(3);
      assertThat(storage.studyName(b)).isEqualTo("b");
    }

    @Test
    void findingAnUnknownNameReturnsEmpty() {
      storage.createStudy("mnist", MINIMIZE);

      assertThat(storage.findStudyId("cifar")).isEmpty();
    }

    @Test
    void studyIdOfAnUnknownNameThrowsNoSuchStudy() {
      assertThatThrownBy(() -> storage.studyId("cifar")).isInstanceOf(NoSuchStudyException.class);
    }

    @Test
    void creatingAStudyWithATakenNameThrowsDuplicateStudy() {
      long id = storage.createStudy("mnist", MINIMIZE);

      assertThatThrownBy(() -> storage.createStudy("mnist", List.of(StudyDirection.MAXIMIZE)))
          .isInstanceOf(DuplicateStudyException.class);
      assertThat(storage.studies()).extracting(StudySummary::id).containsExactly(id);
      assertThat(storage.directions(id)).containsExactly(StudyDirection.MINIMIZE);
    }

    @Test
    void directionsAreKeptInOrder() {
      long id = storage.createStudy(
          "pareto", List.of(StudyDirection.MAXIMIZE, StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE));

      assertThat(storage.directions(id))
          .containsExactly(StudyDirection.MAXIMIZE, StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
    }

    @Test
    void studiesAreListedInCreationOrderWithNameDirectionsAndTrialCount() {
      long b = storage.createStudy("b", List.of(StudyDirection.MAXIMIZE));
      long a = storage.createStudy("a", List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE));
      storage.createTrial(b);
      storage.createTrial(b);
      storage.createTrial(b, TrialState.WAITING, Map.of(), Storage.UNLIMITED);

      assertThat(storage.studies()).containsExactly(
          new StudySummary(b, "b", List.of(StudyDirection.MAXIMIZE), 3),
          new StudySummary(a, "a", List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE), 0));
    }

    @Test
    void studySummaryCountsTrialsInEveryState() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.finishTrial(storage.createTrial(id).id(), TrialState.COMPLETE, List.of(1.0));
      storage.finishTrial(storage.createTrial(id).id(), TrialState.PRUNED, List.of());
      storage.finishTrial(storage.createTrial(id).id(), TrialState.FAIL, List.of());
      storage.createTrial(id);
      storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED);

      assertThat(storage.studies()).singleElement().extracting(StudySummary::trialCount).isEqualTo(5);
    }

    @Test
    void noStudiesAreListedInAnEmptyStorage() {
      assertThat(storage.studies()).isEmpty();
    }

    @Test
    void deletedStudyIsNoLongerListedOrFound() {
      long keep = storage.createStudy("keep", MINIMIZE);
      long gone = storage.createStudy("gone", MINIMIZE);

      storage.deleteStudy(gone);

      assertThat(storage.findStudyId("gone")).isEmpty();
      assertThat(storage.studies()).extracting(StudySummary::id).containsExactly(keep);
      assertThatThrownBy(() -> storage.studyName(gone)).isInstanceOf(NoSuchStudyException.class);
    }

    @Test
    void deletingAStudyDeletesItsTrialsButNoOtherStudys() {
      long keep = storage.createStudy("keep", MINIMIZE);
      long gone = storage.createStudy("gone", MINIMIZE);
      FrozenTrial kept = storage.createTrial(keep);
      FrozenTrial deleted = storage.createTrial(gone);

      storage.deleteStudy(gone);

      assertThatThrownBy(() -> storage.trial(deleted.id())).isInstanceOf(NoSuchTrialException.class);
      assertThat(storage.trial(kept.id())).isEqualTo(kept);
      assertThat(storage.trials(keep)).containsExactly(kept);
    }

    @Test
    void nameOfADeletedStudyCanBeReused() {
      long old = storage.createStudy("mnist", MINIMIZE);
      storage.createTrial(old);
      storage.deleteStudy(old);

      long reborn = storage.createStudy("mnist", List.of(StudyDirection.MAXIMIZE));

      assertThat(storage.studyId("mnist")).isEqualTo(reborn);
      assertThat(storage.directions(reborn)).containsExactly(StudyDirection.MAXIMIZE);
      assertThat(storage.trials(reborn)).isEmpty();
      assertThat(storage.studyUserAttrs(reborn)).isEmpty();
    }

    @Test
    void deletingAStudyTwiceThrowsNoSuchStudy() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.deleteStudy(id);

      assertThatThrownBy(() -> storage.deleteStudy(id)).isInstanceOf(NoSuchStudyException.class);
    }

    @Test
    void returnedStudyListsAreDetachedFromTheStorage() {
      long id = storage.createStudy("s", MINIMIZE);

      tryToMutate(() -> storage.studies().clear());
      tryToMutate(() -> storage.directions(id).add(StudyDirection.MAXIMIZE));

      assertThat(storage.studies()).hasSize(1);
      assertThat(storage.directions(id)).containsExactly(StudyDirection.MINIMIZE);
    }
  }

  static Stream<Arguments> studyOperations() {
    return Stream.of(
        op("deleteStudy", (s, id) -> s.deleteStudy(id)),
        op("studyName", (s, id) -> s.studyName(id)),
        op("directions", (s, id) -> s.directions(id)),
        op("setStudyUserAttr", (s, id) -> s.setStudyUserAttr(id, "k", "v")),
        op("setStudySystemAttr", (s, id) -> s.setStudySystemAttr(id, "k", "v")),
        op("studyUserAttrs", (s, id) -> s.studyUserAttrs(id)),
        op("studySystemAttrs", (s, id) -> s.studySystemAttrs(id)),
        op("createTrial", (s, id) -> s.createTrial(id, TrialState.RUNNING, Map.of(), Storage.UNLIMITED)),
        op("claimWaitingTrial", (s, id) -> s.claimWaitingTrial(id)),
        op("trials", (s, id) -> s.trials(id)),
        op("trials by state", (s, id) -> s.trials(id, EnumSet.of(TrialState.COMPLETE))),
        op("trialCount", (s, id) -> s.trialCount(id)),
        op("trialCount by state", (s, id) -> s.trialCount(id, EnumSet.of(TrialState.RUNNING))),
        op("trialsChangedSince", (s, id) -> s.trialsChangedSince(id, TrialCursor.START)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("studyOperations")
  void aNeverCreatedStudyIdThrowsNoSuchStudy(BiConsumer<Storage, Long> operation) {
    storage.createStudy("other", MINIMIZE);

    assertThatThrownBy(() -> operation.accept(storage, UNKNOWN_ID)).isInstanceOf(NoSuchStudyException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("studyOperations")
  void aDeletedStudyIdThrowsNoSuchStudy(BiConsumer<Storage, Long> operation) {
    long id = storage.createStudy("gone", MINIMIZE);
    storage.createTrial(id);
    storage.deleteStudy(id);

    assertThatThrownBy(() -> operation.accept(storage, id)).isInstanceOf(NoSuchStudyException.class);
  }

  // -------------------------------------------------------------------------------- study attrs

  @Nested
  class StudyAttributes {

    @Test
    void newStudyHasNoAttributes() {
      long id = storage.createStudy("s", MINIMIZE);

      assertThat(storage.studyUserAttrs(id)).isEmpty();
      assertThat(storage.studySystemAttrs(id)).isEmpty();
    }

    @Test
    void studyUserAttrsHoldJsonLikeValues() {
      long id = storage.createStudy("s", MINIMIZE);
      Map<String, Object> expected = jsonLikeValues();

      expected.forEach((k, v) -> storage.setStudyUserAttr(id, k, v));

      assertJsonEquals(storage.studyUserAttrs(id), expected);
    }

    @Test
    void studySystemAttrsHoldJsonLikeValues() {
      long id = storage.createStudy("s", MINIMIZE);
      Map<String, Object> expected = jsonLikeValues();

      expected.forEach((k, v) -> storage.setStudySystemAttr(id, k, v));

      assertJsonEquals(storage.studySystemAttrs(id), expected);
    }

    @Test
    void settingAStudyAttrAgainOverwritesIt() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.setStudyUserAttr(id, "note", "first");
      storage.setStudyUserAttr(id, "note", List.of("second", 2));

      assertJsonEquals(storage.studyUserAttrs(id), Map.of("note", List.of("second", 2)));
    }

    @Test
    void studyUserAndSystemAttrsAreSeparate() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.setStudyUserAttr(id, "key", "user");
      storage.setStudySystemAttr(id, "key", "system");

      assertThat(storage.studyUserAttrs(id)).containsExactly(Map.entry("key", "user"));
      assertThat(storage.studySystemAttrs(id)).containsExactly(Map.entry("key", "system"));
    }

    @Test
    void studyAttrsBelongToTheirStudyOnly() {
      long a = storage.createStudy("a", MINIMIZE);
      long b = storage.createStudy("b", MINIMIZE);
      storage.setStudyUserAttr(a, "owner", "ann");
      storage.setStudySystemAttr(a, "space", "{}");

      assertThat(storage.studyUserAttrs(b)).isEmpty();
      assertThat(storage.studySystemAttrs(b)).isEmpty();
    }

    @Test
    void returnedStudyAttrMapsAreDetachedFromTheStorage() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.setStudyUserAttr(id, "k", "v");
      storage.setStudySystemAttr(id, "k", "v");

      tryToMutate(() -> storage.studyUserAttrs(id).put("k", "changed"));
      tryToMutate(() -> storage.studySystemAttrs(id).clear());

      assertThat(storage.studyUserAttrs(id)).containsExactly(Map.entry("k", "v"));
      assertThat(storage.studySystemAttrs(id)).containsExactly(Map.entry("k", "v"));
    }
  }

  // ------------------------------------------------------------------------------ createTrial

  @Nested
  class CreateTrial {

    @Test
    void trialsAreNumberedZeroOneTwoInCreationOrder() {
      long id = storage.createStudy("s", MINIMIZE);

      List<Integer> numbers = Stream.of(
              storage.createTrial(id),
              storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED).orElseThrow(),
              storage.createTrial(id))
          .map(FrozenTrial::number)
          .toList();

      assertThat(numbers).containsExactly(0, 1, 2);
    }

    @Test
    void eachStudyNumbersItsTrialsIndependently() {
      long a = storage.createStudy("a", MINIMIZE);
      long b = storage.createStudy("b", MINIMIZE);

      FrozenTrial a0 = storage.createTrial(a);
      FrozenTrial b0 = storage.createTrial(b);
      FrozenTrial a1 = storage.createTrial(a);
      FrozenTrial b1 = storage.createTrial(b);
      FrozenTrial b2 = storage.createTrial(b);

      assertThat(List.of(a0.number(), a1.number())).containsExactly(0, 1);
      assertThat(List.of(b0.number(), b1.number(), b2.number())).containsExactly(0, 1, 2);
    }

    @Test
    void trialIdsAreUniqueAcrossStudies() {
      long a = storage.createStudy("a", MINIMIZE);
      long b = storage.createStudy("b", MINIMIZE);

      Set<Long> ids = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        ids.add(storage.createTrial(a).id());
        ids.add(storage.createTrial(b).id());
      }

      assertThat(ids).hasSize(6);
    }

    @Test
    void runningTrialStartsAtTheClocksTimeAndHasNoCompletionTime() {
      long id = storage.createStudy("s", MINIMIZE);
      clock.advance(Duration.ofSeconds(42));

      FrozenTrial t = storage.createTrial(id);

      assertThat(t.state()).isEqualTo(TrialState.RUNNING);
      assertThat(t.start()).isEqualTo(T0.plusSeconds(42));
      assertThat(t.complete()).isNull();
    }

    @Test
    void waitingTrialHasNoStartTime() {
      long id = storage.createStudy("s", MINIMIZE);

      FrozenTrial t = storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED).orElseThrow();

      assertThat(t.state()).isEqualTo(TrialState.WAITING);
      assertThat(t.start()).isNull();
      assertThat(t.complete()).isNull();
      assertThat(storage.trial(t.id()).start()).isNull();
    }

    @Test
    void newTrialHoldsOnlyTheGivenSystemAttrs() {
      long id = storage.createStudy("s", MINIMIZE);
      Map<String, Object> attrs = Map.of("fixed_params", Map.of("x", 1.5), "worker", "w-1");

      FrozenTrial t = storage.createTrial(id, TrialState.RUNNING, attrs, Storage.UNLIMITED).orElseThrow();

      assertJsonEquals(t.systemAttrs(), attrs);
      assertThat(t.values()).isEmpty();
      assertThat(t.params()).isEmpty();
      assertThat(t.distributions()).isEmpty();
      assertThat(t.userAttrs()).isEmpty();
      assertThat(t.intermediateValues()).isEmpty();
    }

    @Test
    void createdTrialReadsBackEqualToTheReturnedSnapshot() {
      long id = storage.createStudy("s", MINIMIZE);
      FrozenTrial created =
          storage.createTrial(id, TrialState.RUNNING, Map.of("a", "b"), Storage.UNLIMITED).orElseThrow();

      assertThat(storage.trial(created.id())).isEqualTo(created);
    }

    @Test
    void createTrialBelowTheLimitCreatesTheTrial() {
      long id = storage.createStudy("s", MINIMIZE);

      Optional<FrozenTrial> t0 = storage.createTrial(id, TrialState.RUNNING, Map.of(), 2);
      Optional<FrozenTrial> t1 = storage.createTrial(id, TrialState.RUNNING, Map.of(), 2);

      assertThat(t0).map(FrozenTrial::number).contains(0);
      assertThat(t1).map(FrozenTrial::number).contains(1);
    }

    @Test
    void createTrialAtTheLimitReturnsEmptyAndCreatesNothing() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.createTrial(id, TrialState.RUNNING, Map.of(), 2);
      storage.createTrial(id, TrialState.RUNNING, Map.of(), 2);

      Optional<FrozenTrial> third = storage.createTrial(id, TrialState.RUNNING, Map.of(), 2);
      Optional<FrozenTrial> waiting = storage.createTrial(id, TrialState.WAITING, Map.of(), 2);

      assertThat(third).isEmpty();
      assertThat(waiting).isEmpty();
      assertThat(storage.trialCount(id)).isEqualTo(2);
    }

    @Test
    void trialLimitCountsTrialsInEveryState() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.finishTrial(storage.createTrial(id).id(), TrialState.COMPLETE, List.of(1.0));
      storage.finishTrial(storage.createTrial(id).id(), TrialState.FAIL, List.of());
      storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED);

      assertThat(storage.createTrial(id, TrialState.RUNNING, Map.of(), 3)).isEmpty();
      assertThat(storage.createTrial(id, TrialState.RUNNING, Map.of(), 4)).map(FrozenTrial::number).contains(3);
    }

    @Test
    void aLimitOfZeroCreatesNothing() {
      long id = storage.createStudy("s", MINIMIZE);

      assertThat(storage.createTrial(id, TrialState.RUNNING, Map.of(), 0)).isEmpty();
      assertThat(storage.trials(id)).isEmpty();
    }

    @Test
    void trialLimitIsPerStudy() {
      long a = storage.createStudy("a", MINIMIZE);
      long b = storage.createStudy("b", MINIMIZE);
      storage.createTrial(a, TrialState.RUNNING, Map.of(), 1);

      assertThat(storage.createTrial(b, TrialState.RUNNING, Map.of(), 1)).map(FrozenTrial::number).contains(0);
    }

    @ParameterizedTest
    @EnumSource(value = TrialState.class, names = {"COMPLETE", "PRUNED", "FAIL"})
    void aTrialCannotBeCreatedFinished(TrialState state) {
      long id = storage.createStudy("s", MINIMIZE);

      assertThatThrownBy(() -> storage.createTrial(id, state, Map.of(), Storage.UNLIMITED))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(storage.trials(id)).isEmpty();
    }

    @Test
    void laterChangesToTheCallersSystemAttrMapDoNotReachTheTrial() {
      long id = storage.createStudy("s", MINIMIZE);
      Map<String, Object> attrs = new HashMap<>(Map.of("worker", "w-1"));
      FrozenTrial t = storage.createTrial(id, TrialState.RUNNING, attrs, Storage.UNLIMITED).orElseThrow();

      attrs.put("worker", "w-2");
      attrs.put("extra", true);

      assertThat(storage.trial(t.id()).systemAttrs()).containsExactly(Map.entry("worker", "w-1"));
    }
  }

  // ------------------------------------------------------------------------ claimWaitingTrial

  @Nested
  class ClaimWaitingTrial {

    @Test
    void claimReturnsTheLowestNumberedWaitingTrialAsRunning() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.createTrial(id);
      FrozenTrial w1 = storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED).orElseThrow();
      storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED);

      FrozenTrial claimed = storage.claimWaitingTrial(id).orElseThrow();

      assertThat(claimed.id()).isEqualTo(w1.id());
      assertThat(claimed.number()).isEqualTo(1);
      assertThat(claimed.state()).isEqualTo(TrialState.RUNNING);
      assertThat(storage.trial(w1.id()).state()).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void claimedTrialStartsAtTheClaimTime() {
      long id = storage.createStudy("s", MINIMIZE);
      FrozenTrial w = storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED).orElseThrow();
      clock.advance(Duration.ofSeconds(7));

      FrozenTrial claimed = storage.claimWaitingTrial(id).orElseThrow();

      assertThat(claimed.start()).isEqualTo(T0.plusSeconds(7));
      assertThat(claimed.complete()).isNull();
      assertThat(storage.trial(w.id()).start()).isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void theSameTrialIsNeverClaimedTwice() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED);
      storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED);

      Optional<FrozenTrial> first = storage.claimWaitingTrial(id);
      Optional<FrozenTrial> second = storage.claimWaitingTrial(id);
      Optional<FrozenTrial> third = storage.claimWaitingTrial(id);

      assertThat(first).map(FrozenTrial::number).contains(0);
      assertThat(second).map(FrozenTrial::number).contains(1);
      assertThat(third).isEmpty();
    }

    @Test
    void claimReturnsEmptyWhenNoTrialWaits() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.createTrial(id);
      storage.finishTrial(storage.createTrial(id).id(), TrialState.COMPLETE, List.of(1.0));

      assertThat(storage.claimWaitingTrial(id)).isEmpty();
      assertThat(storage.trialCount(id, EnumSet.of(TrialState.RUNNING))).isEqualTo(1);
    }

    @Test
    void claimOnlyTakesTrialsOfTheGivenStudy() {
      long a = storage.createStudy("a", MINIMIZE);
      long b = storage.createStudy("b", MINIMIZE);
      storage.createTrial(a, TrialState.WAITING, Map.of(), Storage.UNLIMITED);

      assertThat(storage.claimWaitingTrial(b)).isEmpty();
      assertThat(storage.trialCount(a, EnumSet.of(TrialState.WAITING))).isEqualTo(1);
    }

    @Test
    void claimedTrialKeepsItsEnqueuedParamsAndSystemAttrs() {
      long id = storage.createStudy("s", MINIMIZE);
      FloatDistribution lr = FloatDistribution.logUniform(1e-4, 1e-1);
      FrozenTrial w = storage.createTrial(id, TrialState.WAITING, Map.of("enqueued", true), Storage.UNLIMITED)
          .orElseThrow();
      storage.setTrialParam(w.id(), "lr", 0.01, lr);

      FrozenTrial claimed = storage.claimWaitingTrial(id).orElseThrow();

      assertThat(claimed.params()).containsExactly(Map.entry("lr", 0.01));
      assertThat(claimed.distributions()).containsExactly(Map.entry("lr", lr));
      assertThat(claimed.systemAttrs()).containsExactly(Map.entry("enqueued", true));
    }
  }

  // ------------------------------------------------------------------------------ parameters

  @Nested
  class Params {

    @Test
    void floatParamIsStoredAsADouble() {
      FrozenTrial t = newRunningTrial();
      FloatDistribution d = FloatDistribution.uniform(-1.0, 1.0);

      storage.setTrialParam(t.id(), "x", 0.25, d);

      FrozenTrial read = storage.trial(t.id());
      assertThat(read.params().get("x")).isInstanceOf(Double.class).isEqualTo(0.25);
      assertThat(read.distributions()).containsExactly(Map.entry("x", d));
    }

    @Test
    void intParamIsStoredAsALong() {
      FrozenTrial t = newRunningTrial();
      IntDistribution d = new IntDistribution(0, 100, false, 5);

      storage.setTrialParam(t.id(), "units", 35.0, d);

      FrozenTrial read = storage.trial(t.id());
      assertThat(read.params().get("units")).isInstanceOf(Long.class).isEqualTo(35L);
      assertThat(read.distributions()).containsExactly(Map.entry("units", d));
    }

    @Test
    void categoricalParamIsStoredAsTheChoiceAtTheInternalIndex() {
      FrozenTrial t = newRunningTrial();
      CategoricalDistribution d = CategoricalDistribution.of("adam", "sgd", 3, true);

      storage.setTrialParam(t.id(), "opt", 1.0, d);
      storage.setTrialParam(t.id(), "n", 2.0, CategoricalDistribution.of("a", 2.5, 7));

      FrozenTrial read = storage.trial(t.id());
      assertThat(read.params().get("opt")).isEqualTo("sgd");
      assertThat(read.params().get("n")).isEqualTo(7L);
      assertThat(read.internalParam("opt")).isEqualTo(1.0);
      assertThat(read.distributions().get("opt")).isEqualTo(d);
    }

    @Test
    void paramsKeepTheOrderTheyWereSuggestedIn() {
      FrozenTrial t = newRunningTrial();

      storage.setTrialParam(t.id(), "z", 0.5, FloatDistribution.uniform(0, 1));
      storage.setTrialParam(t.id(), "a", 3, IntDistribution.of(0, 9));
      storage.setTrialParam(t.id(), "m", 0, CategoricalDistribution.of("x", "y"));

      assertThat(storage.trial(t.id()).params().keySet()).containsExactly("z", "a", "m");
      assertThat(storage.trial(t.id()).distributions().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void settingAParamAgainWithTheSameDistributionOverwritesItsValue() {
      FrozenTrial t = newRunningTrial();
      IntDistribution d = IntDistribution.of(1, 10);
      storage.setTrialParam(t.id(), "k", 3, d);

      storage.setTrialParam(t.id(), "k", 8, d);

      assertThat(storage.trial(t.id()).params()).containsExactly(Map.entry("k", 8L));
    }

    @Test
    void settingAParamAgainWithADifferentDistributionIsRejected() {
      FrozenTrial t = newRunningTrial();
      storage.setTrialParam(t.id(), "k", 3, IntDistribution.of(1, 10));

      assertThatThrownBy(() -> storage.setTrialParam(t.id(), "k", 3, IntDistribution.of(1, 20)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> storage.setTrialParam(t.id(), "k", 3, FloatDistribution.uniform(1, 10)))
          .isInstanceOf(IllegalArgumentException.class);

      FrozenTrial read = storage.trial(t.id());
      assertThat(read.params()).containsExactly(Map.entry("k", 3L));
      assertThat(read.distributions()).containsExactly(Map.entry("k", IntDistribution.of(1, 10)));
    }

    @Test
    void theSameNameMayUseDifferentDistributionsInDifferentTrials() {
      long id = storage.createStudy("s", MINIMIZE);
      FrozenTrial t0 = storage.createTrial(id);
      FrozenTrial t1 = storage.createTrial(id);

      storage.setTrialParam(t0.id(), "x", 2, IntDistribution.of(0, 5));
      storage.setTrialParam(t1.id(), "x", 0.5, FloatDistribution.uniform(0, 1));

      assertThat(storage.trial(t0.id()).params()).containsExactly(Map.entry("x", 2L));
      assertThat(storage.trial(t1.id()).params()).containsExactly(Map.entry("x", 0.5));
    }

    static Stream<Arguments> valuesOutsideTheirDistribution() {
      return Stream.of(
          Arguments.of(FloatDistribution.uniform(0, 1), 1.5),
          Arguments.of(FloatDistribution.uniform(0, 1), -0.1),
          Arguments.of(FloatDistribution.uniform(0, 1), Double.NaN),
          Arguments.of(FloatDistribution.stepped(0, 1, 0.25), 0.3),
          Arguments.of(FloatDistribution.logUniform(1e-3, 1), 2.0),
          Arguments.of(IntDistribution.of(1, 10), 11.0),
          Arguments.of(IntDistribution.of(1, 10), 2.5),
          Arguments.of(new IntDistribution(0, 10, false, 2), 3.0),
          Arguments.of(CategoricalDistribution.of("a", "b", "c"), 3.0),
          Arguments.of(CategoricalDistribution.of("a", "b", "c"), -1.0),
          Arguments.of(CategoricalDistribution.of("a", "b", "c"), 0.5));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("valuesOutsideTheirDistribution")
    void aValueOutsideTheDistributionIsRejectedAndNothingIsStored(Distribution d, double internal) {
      FrozenTrial t = newRunningTrial();

      assertThatThrownBy(() -> storage.setTrialParam(t.id(), "p", internal, d))
          .isInstanceOf(IllegalArgumentException.class);

      assertThat(storage.trial(t.id()).params()).isEmpty();
      assertThat(storage.trial(t.id()).distributions()).isEmpty();
    }

    @Test
    void boundsOfADistributionAreInside() {
      FrozenTrial t = newRunningTrial();

      storage.setTrialParam(t.id(), "lo", 1e-3, FloatDistribution.logUniform(1e-3, 1));
      storage.setTrialParam(t.id(), "hi", 10, IntDistribution.of(1, 10));
      storage.setTrialParam(t.id(), "last", 2, CategoricalDistribution.of("a", "b", "c"));

      assertThat(storage.trial(t.id()).params())
          .containsExactly(Map.entry("lo", 1e-3), Map.entry("hi", 10L), Map.entry("last", "c"));
    }

    @Test
    void paramsCanBeSetOnAWaitingTrial() {
      long id = storage.createStudy("s", MINIMIZE);
      FrozenTrial w = storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED).orElseThrow();

      storage.setTrialParam(w.id(), "x", 4, IntDistribution.of(0, 5));

      FrozenTrial read = storage.trial(w.id());
      assertThat(read.state()).isEqualTo(TrialState.WAITING);
      assertThat(read.params()).containsExactly(Map.entry("x", 4L));
    }
  }

  // ----------------------------------------------------------------------- intermediate values

  @Nested
  class IntermediateValues {

    @Test
    void intermediateValuesAreKeptByStepInStepOrder() {
      FrozenTrial t = newRunningTrial();

      storage.setTrialIntermediateValue(t.id(), 10, 0.3);
      storage.setTrialIntermediateValue(t.id(), 0, 0.9);
      storage.setTrialIntermediateValue(t.id(), 5, 0.5);

      FrozenTrial read = storage.trial(t.id());
      assertThat(read.intermediateValues())
          .containsExactly(Map.entry(0, 0.9), Map.entry(5, 0.5), Map.entry(10, 0.3));
      assertThat(read.lastStep()).contains(10);
    }

    @Test
    void reportingAStepAgainOverwritesItsValue() {
      FrozenTrial t = newRunningTrial();
      storage.setTrialIntermediateValue(t.id(), 1, 0.5);

      storage.setTrialIntermediateValue(t.id(), 1, 0.25);

      assertThat(storage.trial(t.id()).intermediateValues()).containsExactly(Map.entry(1, 0.25));
    }

    @Test
    void intermediateValuesMayBeNaNOrInfinite() {
      FrozenTrial t = newRunningTrial();

      storage.setTrialIntermediateValue(t.id(), 0, Double.NaN);
      storage.setTrialIntermediateValue(t.id(), 1, Double.POSITIVE_INFINITY);
      storage.setTrialIntermediateValue(t.id(), 2, Double.NEGATIVE_INFINITY);

      assertThat(storage.trial(t.id()).intermediateValues()).containsExactly(
          Map.entry(0, Double.NaN), Map.entry(1, Double.POSITIVE_INFINITY), Map.entry(2, Double.NEGATIVE_INFINITY));
    }

    @Test
    void intermediateValuesBelongToTheirTrialOnly() {
      long id = storage.createStudy("s", MINIMIZE);
      FrozenTrial a = storage.createTrial(id);
      FrozenTrial b = storage.createTrial(id);

      storage.setTrialIntermediateValue(a.id(), 0, 1.0);

      assertThat(storage.trial(b.id()).intermediateValues()).isEmpty();
    }
  }

  // ------------------------------------------------------------------------------ trial attrs

  @Nested
  class TrialAttributes {

    @Test
    void trialUserAttrsHoldJsonLikeValues() {
      FrozenTrial t = newRunningTrial();
      Map<String, Object> expected = jsonLikeValues();

      expected.forEach((k, v) -> storage.setTrialUserAttr(t.id(), k, v));

      assertJsonEquals(storage.trial(t.id()).userAttrs(), expected);
    }

    @Test
    void trialSystemAttrsHoldJsonLikeValues() {
      FrozenTrial t = newRunningTrial();
      Map<String, Object> expected = jsonLikeValues();

      expected.forEach((k, v) -> storage.setTrialSystemAttr(t.id(), k, v));

      assertJsonEquals(storage.trial(t.id()).systemAttrs(), expected);
    }

    @Test
    void settingATrialAttrAgainOverwritesIt() {
      FrozenTrial t = newRunningTrial();
      storage.setTrialUserAttr(t.id(), "loss", "nan");
      storage.setTrialUserAttr(t.id(), "loss", 0.5);
      storage.setTrialSystemAttr(t.id(), "worker", "a");
      storage.setTrialSystemAttr(t.id(), "worker", "b");

      FrozenTrial read = storage.trial(t.id());
      assertThat(read.userAttrs()).containsExactly(Map.entry("loss", 0.5));
      assertThat(read.systemAttrs()).containsExactly(Map.entry("worker", "b"));
    }

    @Test
    void setTrialSystemAttrAddsToTheAttrsGivenAtCreation() {
      long id = storage.createStudy("s", MINIMIZE);
      FrozenTrial t = storage.createTrial(id, TrialState.RUNNING, Map.of("a", 1), Storage.UNLIMITED).orElseThrow();

      storage.setTrialSystemAttr(t.id(), "b", 2);

      assertJsonEquals(storage.trial(t.id()).systemAttrs(), Map.of("a", 1, "b", 2));
    }

    @Test
    void trialUserAndSystemAttrsAreSeparate() {
      FrozenTrial t = newRunningTrial();
      storage.setTrialUserAttr(t.id(), "key", "user");
      storage.setTrialSystemAttr(t.id(), "key", "system");

      FrozenTrial read = storage.trial(t.id());
      assertThat(read.userAttrs()).containsExactly(Map.entry("key", "user"));
      assertThat(read.systemAttrs()).containsExactly(Map.entry("key", "system"));
    }

    @Test
    void attrsCanBeSetOnAWaitingTrial() {
      long id = storage.createStudy("s", MINIMIZE);
      FrozenTrial w = storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED).orElseThrow();

      storage.setTrialUserAttr(w.id(), "source", "enqueue");

      assertThat(storage.trial(w.id()).userAttrs()).containsExactly(Map.entry("source", "enqueue"));
    }
  }

  // ------------------------------------------------------------------------------ finishTrial

  @Nested
  class FinishTrial {

    @ParameterizedTest
    @EnumSource(value = TrialState.class, names = {"COMPLETE", "PRUNED", "FAIL"})
    void finishTrialSetsStateValuesAndCompletionTime(TrialState state) {
      FrozenTrial t = newRunningTrial();
      clock.advance(Duration.ofSeconds(90));

      FrozenTrial done = storage.finishTrial(t.id(), state, List.of(0.125));

      assertThat(done.state()).isEqualTo(state);
      assertThat(done.values()).containsExactly(0.125);
      assertThat(done.start()).isEqualTo(T0);
      assertThat(done.complete()).isEqualTo(T0.plusSeconds(90));
      assertThat(done.duration()).contains(Duration.ofSeconds(90));
      assertThat(storage.trial(t.id())).isEqualTo(done);
    }

    @Test
    void finishedTrialKeepsEverythingRecordedWhileRunning() {
      FrozenTrial t = newRunningTrial();
      storage.setTrialParam(t.id(), "x", 2, IntDistribution.of(0, 5));
      storage.setTrialIntermediateValue(t.id(), 0, 3.0);
      storage.setTrialUserAttr(t.id(), "u", "v");
      storage.setTrialSystemAttr(t.id(), "s", "w");

      FrozenTrial done = storage.finishTrial(t.id(), TrialState.PRUNED, List.of(3.0));

      assertThat(done.number()).isEqualTo(t.number());
      assertThat(done.params()).containsExactly(Map.entry("x", 2L));
      assertThat(done.intermediateValues()).containsExactly(Map.entry(0, 3.0));
      assertThat(done.userAttrs()).containsExactly(Map.entry("u", "v"));
      assertThat(done.systemAttrs()).containsExactly(Map.entry("s", "w"));
    }

    @Test
    void multiObjectiveValuesAreKeptInOrder() {
      long id = storage.createStudy("mo", List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE));
      FrozenTrial t = storage.createTrial(id);

      storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(2.5, -1.0));

      assertThat(storage.trial(t.id()).values()).containsExactly(2.5, -1.0);
    }

    @Test
    void completedValuesMayBeInfinite() {
      long id = storage.createStudy("mo", List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE));
      FrozenTrial t = storage.createTrial(id);

      storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));

      assertThat(storage.trial(t.id()).values()).containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Test
    void failedTrialMayHaveNoValues() {
      FrozenTrial t = newRunningTrial();
      storage.setTrialSystemAttr(t.id(), FrozenTrial.FAIL_REASON, "boom");

      FrozenTrial done = storage.finishTrial(t.id(), TrialState.FAIL, List.of());

      assertThat(done.values()).isEmpty();
      assertThat(done.failReason()).contains("boom");
    }

    @ParameterizedTest
    @EnumSource(value = TrialState.class, names = {"RUNNING", "WAITING"})
    void finishingWithAnUnfinishedStateIsRejected(TrialState state) {
      FrozenTrial t = newRunningTrial();

      assertThatThrownBy(() -> storage.finishTrial(t.id(), state, List.of(1.0)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(storage.trial(t.id())).isEqualTo(t);
    }

    @ParameterizedTest
    @EnumSource(value = TrialState.class, names = {"COMPLETE", "PRUNED", "FAIL"})
    void finishingAFinishedTrialAgainThrowsTrialFinishedAndKeepsTheFirstResult(TrialState first) {
      FrozenTrial t = newRunningTrial();
      FrozenTrial done = storage.finishTrial(t.id(), first, List.of(1.0));
      clock.advance(Duration.ofSeconds(5));

      assertThatThrownBy(() -> storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(2.0)))
          .isInstanceOf(TrialFinishedException.class);
      assertThat(storage.trial(t.id())).isEqualTo(done);
    }

    static Stream<Arguments> trialWrites() {
      return Stream.of(
          op("setTrialParam", (s, id) -> s.setTrialParam(id, "new", 0.5, FloatDistribution.uniform(0, 1))),
          op("setTrialParam of an existing name",
              (s, id) -> s.setTrialParam(id, "x", 1, IntDistribution.of(0, 5))),
          op("setTrialIntermediateValue", (s, id) -> s.setTrialIntermediateValue(id, 1, 0.5)),
          op("setTrialUserAttr", (s, id) -> s.setTrialUserAttr(id, "u", "changed")),
          op("setTrialSystemAttr", (s, id) -> s.setTrialSystemAttr(id, "s", "changed")),
          op("finishTrial", (s, id) -> s.finishTrial(id, TrialState.FAIL, List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trialWrites")
    void anyWriteToAFinishedTrialThrowsTrialFinishedAndChangesNothing(BiConsumer<Storage, Long> write) {
      FrozenTrial t = newRunningTrial();
      storage.setTrialParam(t.id(), "x", 2, IntDistribution.of(0, 5));
      storage.setTrialIntermediateValue(t.id(), 0, 0.7);
      storage.setTrialUserAttr(t.id(), "u", "v");
      storage.setTrialSystemAttr(t.id(), "s", "w");
      FrozenTrial done = storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(0.7));

      assertThatThrownBy(() -> write.accept(storage, t.id())).isInstanceOf(TrialFinishedException.class);
      assertThat(storage.trial(t.id())).isEqualTo(done);
    }
  }

  static Stream<Arguments> trialOperations() {
    return Stream.of(
        op("setTrialParam", (s, id) -> s.setTrialParam(id, "x", 0.5, FloatDistribution.uniform(0, 1))),
        op("setTrialIntermediateValue", (s, id) -> s.setTrialIntermediateValue(id, 0, 1.0)),
        op("setTrialUserAttr", (s, id) -> s.setTrialUserAttr(id, "k", "v")),
        op("setTrialSystemAttr", (s, id) -> s.setTrialSystemAttr(id, "k", "v")),
        op("finishTrial", (s, id) -> s.finishTrial(id, TrialState.COMPLETE, List.of(1.0))),
        op("trial", (s, id) -> s.trial(id)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trialOperations")
  void anUnknownTrialIdThrowsNoSuchTrial(BiConsumer<Storage, Long> operation) {
    long study = storage.createStudy("s", MINIMIZE);
    long existing = storage.createTrial(study).id();
    long unknown = existing == UNKNOWN_ID ? UNKNOWN_ID + 1 : UNKNOWN_ID;

    assertThatThrownBy(() -> operation.accept(storage, unknown)).isInstanceOf(NoSuchTrialException.class);
  }

  // ------------------------------------------------------------------------------ trial queries

  @Nested
  class TrialQueries {

    @Test
    void trialsAreListedByNumber() {
      long id = storage.createStudy("s", MINIMIZE);
      for (int i = 0; i < 5; i++) {
        storage.createTrial(id);
      }
      // Finish out of order so that no "last written" ordering can pass for "by number".
      List<FrozenTrial> created = storage.trials(id);
      storage.finishTrial(created.get(3).id(), TrialState.COMPLETE, List.of(3.0));
      storage.finishTrial(created.get(0).id(), TrialState.COMPLETE, List.of(0.0));

      assertThat(storage.trials(id)).extracting(FrozenTrial::number).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void trialsOfAStudyWithoutTrialsIsEmpty() {
      long id = storage.createStudy("s", MINIMIZE);

      assertThat(storage.trials(id)).isEmpty();
      assertThat(storage.trialCount(id)).isZero();
    }

    @Test
    void trialsListsOnlyTheGivenStudysTrials() {
      long a = storage.createStudy("a", MINIMIZE);
      long b = storage.createStudy("b", MINIMIZE);
      FrozenTrial a0 = storage.createTrial(a);
      storage.createTrial(b);
      FrozenTrial a1 = storage.createTrial(a);

      assertThat(storage.trials(a)).extracting(FrozenTrial::id).containsExactly(a0.id(), a1.id());
    }

    @Test
    void trialsByStateReturnsOnlyThoseStatesInNumberOrder() {
      long id = populateEveryState();

      assertThat(storage.trials(id, EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED)))
          .extracting(FrozenTrial::number, FrozenTrial::state)
          .containsExactly(
              tuple(0, TrialState.COMPLETE),
              tuple(2, TrialState.PRUNED),
              tuple(5, TrialState.COMPLETE));
      assertThat(storage.trials(id, EnumSet.of(TrialState.WAITING)))
          .extracting(FrozenTrial::number).containsExactly(4);
      assertThat(storage.trials(id, EnumSet.noneOf(TrialState.class))).isEmpty();
    }

    @Test
    void trialCountCountsEveryTrialOrThoseInTheGivenStates() {
      long id = populateEveryState();

      assertThat(storage.trialCount(id)).isEqualTo(6);
      assertThat(storage.trialCount(id, EnumSet.of(TrialState.COMPLETE))).isEqualTo(2);
      assertThat(storage.trialCount(id, EnumSet.of(TrialState.RUNNING, TrialState.WAITING))).isEqualTo(2);
      assertThat(storage.trialCount(id, EnumSet.of(TrialState.FAIL))).isEqualTo(1);
      assertThat(storage.trialCount(id, EnumSet.noneOf(TrialState.class))).isZero();
    }

    @Test
    void trialReadsBackTheLatestStateOfTheTrial() {
      FrozenTrial t = newRunningTrial();
      storage.setTrialUserAttr(t.id(), "k", "v");

      FrozenTrial read = storage.trial(t.id());

      assertThat(read.id()).isEqualTo(t.id());
      assertThat(read.userAttrs()).containsExactly(Map.entry("k", "v"));
      assertThat(storage.trials(storage.studyId("s"))).containsExactly(read);
    }

    /** Trials 0 COMPLETE, 1 RUNNING, 2 PRUNED, 3 FAIL, 4 WAITING, 5 COMPLETE. */
    private long populateEveryState() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.finishTrial(storage.createTrial(id).id(), TrialState.COMPLETE, List.of(0.0));
      storage.createTrial(id);
      storage.finishTrial(storage.createTrial(id).id(), TrialState.PRUNED, List.of());
      storage.finishTrial(storage.createTrial(id).id(), TrialState.FAIL, List.of());
      storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED);
      storage.finishTrial(storage.createTrial(id).id(), TrialState.COMPLETE, List.of(5.0));
      return id;
    }
  }

  // -------------------------------------------------------------------------------- snapshots

  @Nested
  class Snapshots {

    @Test
    void snapshotMapsAndListsCannotBeModified() {
      FrozenTrial t = newRunningTrial();
      storage.setTrialParam(t.id(), "x", 0.5, FloatDistribution.uniform(0, 1));
      storage.setTrialIntermediateValue(t.id(), 0, 1.0);
      storage.setTrialUserAttr(t.id(), "u", 1);
      storage.setTrialSystemAttr(t.id(), "s", 1);
      storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(1.0));
      FrozenTrial read = storage.trial(t.id());

      assertThatThrownBy(() -> read.params().put("y", 1.0)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> read.params().remove("x")).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> read.distributions().clear()).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> read.userAttrs().put("u", 2)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> read.systemAttrs().put("s", 2)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> read.intermediateValues().put(1, 2.0))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> read.values().set(0, 2.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyMethodReturningTrialsReturnsUnmodifiableSnapshots() {
      long id = storage.createStudy("s", MINIMIZE);
      FrozenTrial created = storage.createTrial(id);
      storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED);
      FrozenTrial claimed = storage.claimWaitingTrial(id).orElseThrow();
      FrozenTrial finished = storage.finishTrial(created.id(), TrialState.COMPLETE, List.of(1.0));
      FrozenTrial listed = storage.trials(id).get(1);
      FrozenTrial filtered = storage.trials(id, EnumSet.of(TrialState.RUNNING)).get(0);
      FrozenTrial delta = storage.trialsChangedSince(id, TrialCursor.START).trials().get(0);

      for (FrozenTrial t : List.of(created, claimed, finished, listed, filtered, delta)) {
        assertThatThrownBy(() -> t.userAttrs().put("u", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.params().put("p", 1)).isInstanceOf(UnsupportedOperationException.class);
      }
    }

    @Test
    void aSnapshotDoesNotChangeAfterLaterWrites() {
      FrozenTrial t = newRunningTrial();
      storage.setTrialParam(t.id(), "x", 0.5, FloatDistribution.uniform(0, 1));
      FrozenTrial before = storage.trial(t.id());

      storage.setTrialParam(t.id(), "x", 0.75, FloatDistribution.uniform(0, 1));
      storage.setTrialParam(t.id(), "y", 1, IntDistribution.of(0, 3));
      storage.setTrialIntermediateValue(t.id(), 0, 9.0);
      storage.setTrialUserAttr(t.id(), "u", "v");
      storage.setTrialSystemAttr(t.id(), "s", "w");
      clock.advance(Duration.ofSeconds(3));
      storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(1.0));

      assertThat(before.state()).isEqualTo(TrialState.RUNNING);
      assertThat(before.params()).containsExactly(Map.entry("x", 0.5));
      assertThat(before.distributions()).containsOnlyKeys("x");
      assertThat(before.intermediateValues()).isEmpty();
      assertThat(before.userAttrs()).isEmpty();
      assertThat(before.systemAttrs()).isEmpty();
      assertThat(before.values()).isEmpty();
      assertThat(before.complete()).isNull();
    }

    @Test
    void aCreatedTrialSnapshotDoesNotChangeWhenTheTrialIsClaimed() {
      long id = storage.createStudy("s", MINIMIZE);
      FrozenTrial waiting = storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED).orElseThrow();

      storage.claimWaitingTrial(id);

      assertThat(waiting.state()).isEqualTo(TrialState.WAITING);
      assertThat(waiting.start()).isNull();
    }

    @Test
    void aListOfTrialsDoesNotChangeAfterLaterWrites() {
      long id = storage.createStudy("s", MINIMIZE);
      FrozenTrial t = storage.createTrial(id);
      List<FrozenTrial> before = storage.trials(id);

      storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(1.0));
      storage.createTrial(id);

      assertThat(before).hasSize(1);
      assertThat(before.get(0).state()).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void returnedTrialListsAreDetachedFromTheStorage() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.createTrial(id);

      tryToMutate(() -> storage.trials(id).clear());
      tryToMutate(() -> storage.trials(id, EnumSet.of(TrialState.RUNNING)).clear());

      assertThat(storage.trials(id)).hasSize(1);
    }
  }

  // ----------------------------------------------------------------------- trialsChangedSince

  @Nested
  class TrialsChangedSince {

    @Test
    void fromStartEveryTrialIsReturnedInNumberOrder() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.finishTrial(storage.createTrial(id).id(), TrialState.COMPLETE, List.of(1.0));
      storage.createTrial(id);
      storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED);

      TrialDelta delta = storage.trialsChangedSince(id, TrialCursor.START);

      assertThat(delta.trials()).isEqualTo(storage.trials(id));
      assertThat(delta.trials()).extracting(FrozenTrial::number).containsExactly(0, 1, 2);
      assertThat(delta.next().nextNumber()).isEqualTo(3);
    }

    @Test
    void fromStartAStudyWithoutTrialsReturnsNothing() {
      long id = storage.createStudy("s", MINIMIZE);

      TrialDelta delta = storage.trialsChangedSince(id, TrialCursor.START);

      assertThat(delta.trials()).isEmpty();
      assertThat(delta.next()).isEqualTo(TrialCursor.START);
    }

    @Test
    void theNextCallReturnsNewTrialsAndTheStillUnfinishedOnes() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.finishTrial(storage.createTrial(id).id(), TrialState.COMPLETE, List.of(1.0));
      storage.createTrial(id);
      storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED);
      TrialCursor cursor = storage.trialsChangedSince(id, TrialCursor.START).next();
      storage.createTrial(id);

      TrialDelta delta = storage.trialsChangedSince(id, cursor);

      assertThat(delta.trials()).extracting(FrozenTrial::number).containsExactly(1, 2, 3);
    }

    @Test
    void finishedTrialsAlreadySeenAreNotReturnedAgain() {
      long id = storage.createStudy("s", MINIMIZE);
      storage.finishTrial(storage.createTrial(id).id(), TrialState.COMPLETE, List.of(1.0));
      storage.finishTrial(storage.createTrial(id).id(), TrialState.FAIL, List.of());
      TrialCursor cursor = storage.trialsChangedSince(id, TrialCursor.START).next();

      TrialDelta delta = storage.trialsChangedSince(id, cursor);

      assertThat(delta.trials()).isEmpty();
      assertThat(delta.next().nextNumber()).isEqualTo(2);
    }

    @Test
    void aTrialFinishedAfterBeingSeenRunningIsReturnedOnceMoreWithItsFinalState() {
      long id = storage.createStudy("s", MINIMIZE);
      FrozenTrial t = storage.createTrial(id);
      TrialDelta first = storage.trialsChangedSince(id, TrialCursor.START);
      assertThat(first.trials()).extracting(FrozenTrial::state).containsExactly(TrialState.RUNNING);
      clock.advance(Duration.ofSeconds(4));
      storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(0.5));

      TrialDelta second = storage.trialsChangedSince(id, first.next());
      TrialDelta third = storage.trialsChangedSince(id, second.next());

      assertThat(second.trials()).singleElement().satisfies(done -> {
        assertThat(done.number()).isZero();
        assertThat(done.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(done.values()).containsExactly(0.5);
        assertThat(done.complete()).isEqualTo(T0.plusSeconds(4));
      });
      assertThat(third.trials()).isEmpty();
    }

    @Test
    void aWaitingTrialIsReturnedAgainUntilItFinishes() {
      long id = storage.createStudy("s", MINIMIZE);
      FrozenTrial w = storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED).orElseThrow();
      TrialCursor c1 = storage.trialsChangedSince(id, TrialCursor.START).next();
      storage.claimWaitingTrial(id);

      TrialDelta d2 = storage.trialsChangedSince(id, c1);
      storage.finishTrial(w.id(), TrialState.PRUNED, List.of());
      TrialDelta d3 = storage.trialsChangedSince(id, d2.next());
      TrialDelta d4 = storage.trialsChangedSince(id, d3.next());

      assertThat(d2.trials()).extracting(FrozenTrial::state).containsExactly(TrialState.RUNNING);
      assertThat(d3.trials()).extracting(FrozenTrial::state).containsExactly(TrialState.PRUNED);
      assertThat(d4.trials()).isEmpty();
    }

    @Test
    void followingTheCursorSeesEveryTrialsFinalStateExactlyOnce() {
      long id = storage.createStudy("s", MINIMIZE);
      Map<Integer, TrialState> lastSeen = new HashMap<>();
      Map<Integer, Integer> finishedSightings = new HashMap<>();
      TrialCursor cursor = TrialCursor.START;
      List<Long> running = new ArrayList<>();
      for (int round = 0; round < 6; round++) {
        running.add(storage.createTrial(id).id());
        running.add(storage.createTrial(id).id());
        // Finish the oldest running trial each round, leaving the rest open.
        storage.finishTrial(running.remove(0), TrialState.COMPLETE, List.of((double) round));
        TrialDelta delta = storage.trialsChangedSince(id, cursor);
        for (FrozenTrial t : delta.trials()) {
          lastSeen.put(t.number(), t.state());
          if (t.state().isFinished()) {
            finishedSightings.merge(t.number(), 1, Integer::sum);
          }
        }
        cursor = delta.next();
      }
      for (long trialId : running) {
        storage.finishTrial(trialId, TrialState.FAIL, List.of());
      }
      for (FrozenTrial t : storage.trialsChangedSince(id, cursor).trials()) {
        lastSeen.put(t.number(), t.state());
        finishedSightings.merge(t.number(), 1, Integer::sum);
      }

      Map<Integer, TrialState> actual = storage.trials(id).stream()
          .collect(Collectors.toMap(FrozenTrial::number, FrozenTrial::state));
      assertThat(lastSeen).isEqualTo(actual);
      assertThat(finishedSightings).hasSize(12).allSatisfy((number, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void changesInOtherStudiesAreNotReturned() {
      long a = storage.createStudy("a", MINIMIZE);
      long b = storage.createStudy("b", MINIMIZE);
      storage.createTrial(a);
      TrialCursor cursor = storage.trialsChangedSince(b, TrialCursor.START).next();
      storage.createTrial(a);

      assertThat(storage.trialsChangedSince(b, cursor).trials()).isEmpty();
    }
  }

  // ------------------------------------------------------------------------------ concurrency

  @Nested
  class Concurrency {

    private static final int THREADS = 8;

    @Test
    @Timeout(60)
    void createTrialNeverExceedsTheLimitUnderContention() throws Exception {
      long id = storage.createStudy("race", MINIMIZE);

      List<List<FrozenTrial>> perThread = runConcurrently(THREADS, () -> {
        List<FrozenTrial> mine = new ArrayList<>();
        Optional<FrozenTrial> t;
        while ((t = storage.createTrial(id, TrialState.RUNNING, Map.of(), 200)).isPresent()) {
          mine.add(t.get());
        }
        return mine;
      });

      List<Integer> numbers = perThread.stream().flatMap(List::stream).map(FrozenTrial::number).sorted().toList();
      assertThat(numbers).isEqualTo(IntStream.range(0, 200).boxed().toList());
      assertThat(storage.trialCount(id)).isEqualTo(200);
      assertThat(storage.trials(id)).extracting(FrozenTrial::number)
          .isEqualTo(IntStream.range(0, 200).boxed().toList());
    }

    @Test
    @Timeout(60)
    void trialsCreatedConcurrentlyGetDistinctIdsAndGaplessNumbers() throws Exception {
      long id = storage.createStudy("race", MINIMIZE);

      List<List<FrozenTrial>> perThread = runConcurrently(THREADS, () -> {
        List<FrozenTrial> mine = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
          mine.add(storage.createTrial(id));
        }
        return mine;
      });

      List<FrozenTrial> all = perThread.stream().flatMap(List::stream).toList();
      assertThat(all).extracting(FrozenTrial::id).doesNotHaveDuplicates();
      assertThat(all).extracting(FrozenTrial::number)
          .containsExactlyInAnyOrderElementsOf(IntStream.range(0, THREADS * 25).boxed().toList());
    }

    @Test
    @Timeout(60)
    void concurrentClaimsTakeEveryWaitingTrialExactlyOnce() throws Exception {
      long id = storage.createStudy("queue", MINIMIZE);
      Set<Long> waiting = new HashSet<>();
      for (int i = 0; i < 100; i++) {
        waiting.add(storage.createTrial(id, TrialState.WAITING, Map.of(), Storage.UNLIMITED).orElseThrow().id());
      }

      List<List<FrozenTrial>> perThread = runConcurrently(THREADS, () -> {
        List<FrozenTrial> mine = new ArrayList<>();
        Optional<FrozenTrial> t;
        while ((t = storage.claimWaitingTrial(id)).isPresent()) {
          mine.add(t.get());
        }
        return mine;
      });

      List<FrozenTrial> claimed = perThread.stream().flatMap(List::stream).toList();
      assertThat(claimed).hasSize(100);
      assertThat(claimed).extracting(FrozenTrial::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(waiting);
      assertThat(claimed).allSatisfy(t -> {
        assertThat(t.state()).isEqualTo(TrialState.RUNNING);
        assertThat(t.start()).isEqualTo(T0);
      });
      assertThat(storage.trialCount(id, EnumSet.of(TrialState.WAITING))).isZero();
      assertThat(storage.trialCount(id, EnumSet.of(TrialState.RUNNING))).isEqualTo(100);
    }

    @Test
    @Timeout(60)
    void whenTwoThreadsFinishTheSameTrialExactlyOneSucceeds() throws Exception {
      long id = storage.createStudy("finish", MINIMIZE);
      for (int round = 0; round < 50; round++) {
        long trialId = storage.createTrial(id).id();

        List<Object> outcomes = runConcurrently(2, List.<Callable<Object>>of(
            () -> finishOrException(trialId, TrialState.COMPLETE, List.of(1.0)),
            () -> finishOrException(trialId, TrialState.FAIL, List.of())));

        List<FrozenTrial> winners = outcomes.stream()
            .filter(FrozenTrial.class::isInstance).map(FrozenTrial.class::cast).toList();
        List<Object> losers = outcomes.stream().filter(o -> !(o instanceof FrozenTrial)).toList();
        assertThat(winners).as("round %d", round).hasSize(1);
        assertThat(losers).as("round %d", round).singleElement().isInstanceOf(TrialFinishedException.class);
        assertThat(storage.trial(trialId)).as("round %d", round).isEqualTo(winners.get(0));
      }
    }

    @Test
    @Timeout(60)
    void concurrentWritesToDifferentTrialsAreAllKept() throws Exception {
      long id = storage.createStudy("writes", MINIMIZE);
      List<Long> trialIds = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        trialIds.add(storage.createTrial(id).id());
      }
      IntDistribution steps = IntDistribution.of(0, 1000);

      List<Callable<Void>> tasks = new ArrayList<>();
      for (long trialId : trialIds) {
        tasks.add(() -> {
          for (int step = 0; step < 50; step++) {
            storage.setTrialIntermediateValue(trialId, step, step * 0.5);
            storage.setTrialParam(trialId, "p" + step, step, steps);
            storage.setTrialUserAttr(trialId, "u" + step, step);
          }
          storage.finishTrial(trialId, TrialState.COMPLETE, List.of(1.0));
          return null;
        });
      }
      runConcurrently(THREADS, tasks);

      assertThat(storage.trials(id)).hasSize(THREADS).allSatisfy(t -> {
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.intermediateValues()).hasSize(50).containsEntry(49, 24.5);
        assertThat(t.params()).hasSize(50).containsEntry("p49", 49L);
        assertThat(t.userAttrs()).hasSize(50);
      });
    }

    private Object finishOrException(long trialId, TrialState state, List<Double> values) {
      try {
        return storage.finishTrial(trialId, state, values);
      } catch (TrialFinishedException e) {
        return e;
      }
    }
  }

  // -------------------------------------------------------------------------------- addTrial

  @Nested
  class Heartbeats {

    @Test
    void aWorkersTrialStartsWithItsHeartbeatAndFailsWhenTheHeartbeatsStop() {
      long study = storage.createStudy("s", MINIMIZE);
      FrozenTrial asked = storage.createTrial(study);  // as Study.ask: whoever tells may be far away
      storage.createTrial(study, TrialState.WAITING, Map.of(), Storage.UNLIMITED);

      FrozenTrial claimed = storage.startTrialWithHeartbeat(study, Storage.UNLIMITED).orElseThrow();
      FrozenTrial created = storage.startTrialWithHeartbeat(study, Storage.UNLIMITED).orElseThrow();

      assertThat(claimed.number()).isEqualTo(1);
      assertThat(created.number()).isEqualTo(2);
      assertThat(List.of(claimed.state(), created.state())).containsOnly(TrialState.RUNNING);
      assertThat(storage.startTrialWithHeartbeat(study, 3)).isEmpty();
      assertThat(storage.trials(study)).hasSize(3);
      clock.advance(java.time.Duration.ofSeconds(61));
      List<FrozenTrial> failed = storage.failStaleTrials(study, java.time.Duration.ofSeconds(60));
      if (keepsHeartbeats()) {
        assertThat(failed).extracting(FrozenTrial::number).containsExactly(1, 2);
        assertThat(failed).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.FAIL));
      } else {
        assertThat(failed).isEmpty();
      }
      assertThat(storage.trial(asked.id()).state()).isEqualTo(TrialState.RUNNING);
    }
  }

  @Nested
  class AddTrial {

    @Test
    void addedTrialKeepsEverythingGivenAndTakesTheNextNumber() {
      long study = storage.createStudy("s", MINIMIZE);
      storage.createTrial(study);
      FloatDistribution x = FloatDistribution.uniform(0, 10);
      CategoricalDistribution c = CategoricalDistribution.of("a", null, 2L);
      Instant start = T0.minusSeconds(100);
      Instant end = T0.minusSeconds(40);
      java.util.TreeMap<Integer, Double> iv = new java.util.TreeMap<>(Map.of(0, 3.0, 5, Double.NaN));
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("x", 2.5);
      params.put("c", null);
      FrozenTrial template = new FrozenTrial(99, 42, TrialState.COMPLETE, List.of(Double.NEGATIVE_INFINITY),
          start, end, params, Map.of("x", x, "c", c), Map.of("u", List.of(1, 2)),
          Map.of(FrozenTrial.FAIL_REASON, "none"), iv);

      FrozenTrial added = storage.addTrial(study, template);

      assertThat(added.number()).isEqualTo(1);
      assertThat(added.state()).isEqualTo(TrialState.COMPLETE);
      assertThat(added.values()).containsExactly(Double.NEGATIVE_INFINITY);
      assertThat(added.start()).isEqualTo(start);
      assertThat(added.complete()).isEqualTo(end);
      assertThat(added.params()).containsEntry("x", 2.5).containsEntry("c", null);
      assertThat(added.distributions()).containsEntry("x", x).containsEntry("c", c);
      assertThat(added.intermediateValues()).containsEntry(0, 3.0).containsKey(5);
      assertThat(added.intermediateValues().get(5)).isNaN();
      assertThat(added.systemAttrs()).containsEntry(FrozenTrial.FAIL_REASON, "none");
      assertThat(storage.trials(study)).extracting(FrozenTrial::number).containsExactly(0, 1);
      assertThat(storage.trial(added.id())).isEqualTo(added);
    }

    /**
     * Hundreds of trials (storages may read those in bulk differently than a few) come back with
     * each parameter's value and distribution, in the order they were given, whatever the other
     * trials and studies hold.
     */
    @Test
    void manyTrialsReadBackWithTheirParametersInOrder() {
      long study = storage.createStudy("many", MINIMIZE);
      long other = storage.createStudy("other", MINIMIZE);
      FloatDistribution narrow = FloatDistribution.uniform(0, 1);
      FloatDistribution wide = FloatDistribution.uniform(0, 2);
      CategoricalDistribution optimizer = CategoricalDistribution.of("adam", null, 3L);
      IntDistribution units = new IntDistribution(1, 64, false, 1);
      List<FrozenTrial> given = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Distribution> distributions = new LinkedHashMap<>();
        FloatDistribution x = i < 300 ? narrow : wide;
        switch (i % 3) {
          case 0 -> {
            params.put("x", i / 1000.0);
            distributions.put("x", x);
            params.put("optimizer", i % 2 == 0 ? "adam" : null);
            distributions.put("optimizer", optimizer);
            params.put("units", (long) (1 + i % 64));
            distributions.put("units", units);
          }
          case 1 -> {
            params.put("units", (long) (1 + i % 64));
            distributions.put("units", units);
            params.put("x", i / 1000.0);
            distributions.put("x", x);
          }
          default -> {
            params.put("optimizer", 3L);
            distributions.put("optimizer", optimizer);
          }
        }
        given.add(storage.addTrial(study, new FrozenTrial(0, 0, TrialState.COMPLETE, List.of((double) i), T0, T0,
            params, distributions, Map.of(), Map.of(), new java.util.TreeMap<>())));
        if (i % 6 == 0) {
          storage.addTrial(other, new FrozenTrial(0, 0, TrialState.COMPLETE, List.of(1.0), T0, T0,
              Map.of("x", 2.5), Map.of("x", FloatDistribution.uniform(0, 3)), Map.of(), Map.of(),
              new java.util.TreeMap<>()));
        }
      }

      List<FrozenTrial> read = storage.trials(study);

      assertThat(read).hasSize(600);
      for (int i = 0; i < 600; i++) {
        FrozenTrial want = given.get(i);
        FrozenTrial got = read.get(i);
        assertThat(got.number()).isEqualTo(i);
        assertThat(new ArrayList<>(got.params().entrySet())).as("params of trial %d", i)
            .isEqualTo(new ArrayList<>(want.params().entrySet()));
        assertThat(new ArrayList<>(got.distributions().entrySet())).as("distributions of trial %d", i)
            .isEqualTo(new ArrayList<>(want.distributions().entrySet()));
      }
      assertThat(storage.trials(other)).hasSize(100)
          .allSatisfy(t -> assertThat(t.distributions()).containsExactly(Map.entry("x", FloatDistribution.uniform(0, 3))));
    }

    @Test
    void manyTrialsWithAParameterWhoseRangeChangesEveryTrialReadBack() {
      long study = storage.createStudy("drifting", MINIMIZE);
      for (int i = 0; i < 520; i++) {
        storage.addTrial(study, new FrozenTrial(0, 0, TrialState.COMPLETE, List.of((double) i), T0, T0,
            Map.of("x", 0.5), Map.of("x", FloatDistribution.uniform(0, i + 1)), Map.of(), Map.of(),
            new java.util.TreeMap<>()));
      }

      List<FrozenTrial> read = storage.trials(study);

      assertThat(read).hasSize(520);
      for (int i = 0; i < 520; i++) {
        assertThat(read.get(i).distributions()).containsExactly(Map.entry("x", FloatDistribution.uniform(0, i + 1)));
        assertThat(read.get(i).params()).containsExactly(Map.entry("x", 0.5));
      }
    }

    @Test
    void anAddedWaitingTrialCanBeClaimed() {
      long study = storage.createStudy("s", MINIMIZE);
      FrozenTrial waiting = new FrozenTrial(0, 0, TrialState.WAITING, List.of(), null, null, Map.of(), Map.of(),
          Map.of(), Map.of("fixed_params", Map.of("x", 1.0)), new java.util.TreeMap<>());
      storage.addTrial(study, waiting);

      FrozenTrial claimed = storage.claimWaitingTrial(study).orElseThrow();

      assertThat(claimed.state()).isEqualTo(TrialState.RUNNING);
      assertThat(claimed.start()).isEqualTo(T0);
    }
  }

  // --------------------------------------------------------------------------------- helpers

  /** A new study named "s" with one RUNNING trial started at {@link #T0}. */
  protected FrozenTrial newRunningTrial() {
    long id = storage.createStudy("s", MINIMIZE);
    return storage.createTrial(id);
  }

  /** Runs {@code task} on {@code threads} threads released together; its results in thread order. */
  protected static <T> List<T> runConcurrently(int threads, Callable<T> task) throws Exception {
    return runConcurrently(threads, Collections.nCopies(threads, task));
  }

  /** Runs each task on its own thread, all released together; their results in task order. */
  protected static <T> List<T> runConcurrently(int threads, List<? extends Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(tasks.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          if (!go.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("start signal never came");
          }
          return task.call();
        }));
      }
      assertThat(ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("all threads ready").isTrue();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        try {
          results.add(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          throw new AssertionError("a concurrent task failed", e.getCause());
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("pool terminated").isTrue();
    }
  }

  /** One value of every JSON kind: string, integer, real, boolean, null, list and nested map. */
  private static Map<String, Object> jsonLikeValues() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("depth", 2);
    nested.put("tags", List.of("a", "b"));
    nested.put("none", null);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("string", "résumé \"quoted\"\n");
    values.put("int", 42);
    values.put("long", 5_000_000_000L);
    values.put("negative", -7);
    values.put("real", 0.001);
    values.put("true", true);
    values.put("false", false);
    values.put("null", null);
    values.put("empty list", List.of());
    values.put("list", Arrays.asList(1, "two", 3.5, false, null));
    values.put("map", nested);
    values.put("empty map", Map.of());
    return values;
  }

  /** Asserts two attribute maps hold the same JSON values, numbers compared by value. */
  private static void assertJsonEquals(Map<String, Object> actual, Map<String, Object> expected) {
    assertThat(json(actual)).isEqualTo(json(expected));
  }

  private static Object json(Object value) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros();
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(json(v)));
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new HashMap<>();
      map.forEach((k, v) -> out.put(k, json(v)));
      return out;
    }
    return value;
  }

  /**
   * Tries to modify a collection a storage returned. Returning an unmodifiable collection and
   * returning a private copy both keep the storage intact, which is what the caller checks next.
   */
  private static void tryToMutate(Runnable mutation) {
    Throwable thrown = catchThrowable(mutation::run);
    assertThat(thrown).satisfiesAnyOf(
        t -> assertThat(t).isNull(),
        t -> assertThat(t).isInstanceOf(UnsupportedOperationException.class));
  }

  private static Arguments op(String name, BiConsumer<Storage, Long> operation) {
    return Arguments.of(Named.of(name, operation));
  }

  /** A clock the test moves by hand; storages must read every time stamp from it. */
  protected static final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    public void advance(Duration by) {
      now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(instant(), zone);
    }
  }
}
