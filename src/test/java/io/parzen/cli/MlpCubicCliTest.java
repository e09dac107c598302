package io.parzen.cli;

import static io.parzen.cli.ParzenCliTest.parzen;
import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.objective.MlpCubic;
import io.parzen.storage.SqliteStorage;
import io.parzen.study.StudyDefinition;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "MLP on a cubic function" example (resources/examples/mlp-cubic.json) through the command line. */
class MlpCubicCliTest {

  @TempDir
  Path dir;

  @Test
  void theExampleCreatesAndRunsWithTheMedianPruner() throws Exception {
    Path example = dir.resolve("mlp-cubic.json");
    try (InputStream in = getClass().getResourceAsStream("/examples/mlp-cubic.json")) {
      assertThat(in).as("example on the class path").isNotNull();
      Files.write(example, in.readAllBytes());
    }
    Path db = dir.resolve("studies.db");
    ParzenCliTest.Result created = parzen("create", "--storage", db.toString(), "--from", example.toString());
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out()).contains("mlp-cubic");
    ParzenCliTest.Result run = parzen("run", db.toString(), "--trials", "3");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("mlp-cubic").contains("Best value:").contains("n_layers=").contains("lr=");
    try (SqliteStorage storage = SqliteStorage.open(db)) {
      long id = storage.studyId("mlp-cubic");
      assertThat(storage.directions(id)).containsExactly(StudyDirection.MINIMIZE);
      StudyDefinition definition = StudyDefinition.load(storage, id).orElseThrow();
      assertThat(definition.objective().name()).isEqualTo(MlpCubic.NAME);
      assertThat(definition.pruner().name()).isEqualTo("median");
      assertThat(definition.sampler().name()).isEqualTo("tpe");
      assertThat(definition.space()).isEqualTo(new MlpCubic().space());
      List<FrozenTrial> trials = storage.trials(id);
      // Fewer trials than the median pruner's 5 startup trials: all run to the end.
      assertThat(trials).hasSize(3).allMatch(t -> t.state() == TrialState.COMPLETE);
      assertThat(trials).allSatisfy(t -> {
        assertThat(t.intermediateValues()).hasSize(MlpCubic.Settings.DEFAULTS.steps() / 100);
        assertThat(t.value()).isPositive().isEqualTo(t.intermediateValues().lastEntry().getValue());
      });
    }
  }

  /**
   * The command example runs {@code python3 mlp_cubic.py} in {@code resources/examples}, a
   * directory relative to where Parzen started: here the project root, as for Maven's tests.
   */
  @Test
  void theCommandExampleRunsThePythonScriptInTheExamplesDirectory() throws Exception {
    boolean python = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
        .anyMatch(d -> new File(d, "python3").canExecute());
    if (!python) {
      if ("1".equals(System.getenv("PARZEN_REQUIRE_OPTUNA"))) {
        throw new AssertionError("python3 is not on the PATH and PARZEN_REQUIRE_OPTUNA=1");
      }
      Assumptions.abort("python3 is not on the PATH");
    }
    Path example = Path.of("resources/examples/mlp-cubic-command.json");
    assertThat(example).as("run from the project root").exists();
    Path db = dir.resolve("studies.db");
    ParzenCliTest.Result created = parzen("create", "--storage", db.toString(), "--from", example.toString());
    assertThat(created.code()).as(created.err()).isZero();
    ParzenCliTest.Result run = parzen("run", db.toString(), "--trials", "2");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("mlp-cubic-command").contains("command").contains("Best value:");
    try (SqliteStorage storage = SqliteStorage.open(db)) {
      long id = storage.studyId("mlp-cubic-command");
      StudyDefinition definition = StudyDefinition.load(storage, id).orElseThrow();
      assertThat(definition.objective().name()).isEqualTo("command");
      assertThat(definition.objective().options()).containsEntry("cwd", "resources/examples");
      List<FrozenTrial> trials = storage.trials(id);
      assertThat(trials).hasSize(2).allSatisfy(t -> {
        assertThat(t.state()).as(t.failReason().orElse("")).isEqualTo(TrialState.COMPLETE);
        // 1,000 samples: 25 steps an epoch, 4 epochs, a report every 10 steps.
        assertThat(t.intermediateValues()).containsOnlyKeys(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertThat(t.value()).isEqualTo(t.intermediateValues().get(100));
      });
    }
  }
}
