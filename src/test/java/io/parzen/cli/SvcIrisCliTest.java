package io.parzen.cli;

import static io.parzen.cli.ParzenCliTest.parzen;
import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.storage.SqliteStorage;
import io.parzen.study.StudyDirection;
import io.parzen.study.StudyDefinition;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "SVC on iris" example (resources/examples/svc-iris.json) through the command line. */
class SvcIrisCliTest {

  @TempDir
  Path dir;

  @Test
  void theExampleCreatesAndRuns() throws Exception {
    Path example = dir.resolve("svc-iris.json");
    try (InputStream in = getClass().getResourceAsStream("/examples/svc-iris.json")) {
      assertThat(in).as("example on the class path").isNotNull();
      Files.write(example, in.readAllBytes());
    }
    Path db = dir.resolve("studies.db");
    ParzenCliTest.Result created = parzen("create", "--storage", db.toString(), "--from", example.toString());
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out()).contains("svc-iris");
    ParzenCliTest.Result run = parzen("run", db.toString(), "--trials", "5");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("svc-iris").contains("Best value:").contains("C=").contains("gamma=");
    try (SqliteStorage storage = SqliteStorage.open(db)) {
      long id = storage.studyId("svc-iris");
      assertThat(storage.directions(id)).containsExactly(StudyDirection.MAXIMIZE);
      StudyDefinition definition = StudyDefinition.load(storage, id).orElseThrow();
      assertThat(definition.objective().name()).isEqualTo("svc-iris");
      List<FrozenTrial> trials = storage.trials(id);
      assertThat(trials).hasSize(5).allMatch(t -> t.state() == TrialState.COMPLETE);
      assertThat(trials).allMatch(t -> t.value() > 0.3 && t.value() <= 1.0);
    }
  }
}
