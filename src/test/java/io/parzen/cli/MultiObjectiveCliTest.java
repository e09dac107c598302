package io.parzen.cli;

import static io.parzen.cli.ParzenCliTest.parzen;
import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.cli.ParzenCliTest.Result;
import io.parzen.objective.MultiObjectiveFunction;
import io.parzen.sampler.NsgaIISampler;
import io.parzen.storage.SqliteStorage;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multi-objective example (resources/examples/binh-korn.json) through the command line. */
class MultiObjectiveCliTest {

  @TempDir
  Path dir;

  @Test
  void theBinhKornExampleRunsWithNsgaIIAndResumesItsGenerations() throws Exception {
    Path example = dir.resolve("binh-korn.json");
    try (InputStream in = getClass().getResourceAsStream("/examples/binh-korn.json")) {
      assertThat(in).as("example on the class path").isNotNull();
      Files.write(example, in.readAllBytes());
    }
    Path db = dir.resolve("mo.db");
    Result created = parzen("create", "--storage", db.toString(), "--from", example.toString());
    assertThat(created.code()).as(created.err()).isZero();

    Result run = parzen("run", db.toString(), "--trials", "50");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("binh-korn", "NsgaIISampler(population=20, uniform, seed=42)",
        "Best trials (Pareto front): ", "Hypervolume: ", "Optuna's rule");
    Result more = parzen("run", db.toString(), "--trials", "30");
    assertThat(more.code()).as(more.err()).isZero();

    try (SqliteStorage storage = SqliteStorage.open(db)) {
      long id = storage.studyId("binh-korn");
      assertThat(storage.directions(id)).containsExactly(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE);
      List<FrozenTrial> trials = storage.trials(id);
      assertThat(trials).hasSize(80).allMatch(t -> t.state() == TrialState.COMPLETE && t.hasValues(2));
      for (FrozenTrial t : trials) {
        assertThat(((Number) t.systemAttrs().get(NsgaIISampler.GENERATION_KEY)).intValue()).as("trial " + t.number())
            .isEqualTo(t.number() / 20);
      }
      // Every value is what the objective gives at the trial's parameters.
      FrozenTrial last = trials.get(79);
      double[] expected = MultiObjectiveFunction.binhKorn().values(new double[] {
          ((Number) last.params().get("x0")).doubleValue(), ((Number) last.params().get("x1")).doubleValue()});
      assertThat(last.values()).containsExactly(expected[0], expected[1]);
    }
  }

  @Test
  void aBuiltinWhoseValuesDoNotMatchTheDirectionsIsRefused() throws Exception {
    String json = new String(getClass().getResourceAsStream("/examples/binh-korn.json").readAllBytes())
        .replace("\"directions\" : [ \"MINIMIZE\", \"MINIMIZE\" ]", "\"directions\" : [ \"MINIMIZE\" ]");
    Path example = dir.resolve("one.json");
    Files.writeString(example, json);
    Path db = dir.resolve("one.db");
    assertThat(parzen("create", "--storage", db.toString(), "--from", example.toString()).code()).isZero();

    Result run = parzen("run", db.toString(), "--trials", "5");
    assertThat(run.code()).isNotZero();
    assertThat(run.err()).contains("has 1 direction(s) [MINIMIZE] but its objective binh-korn returns 2 values");
  }
}
