package io.parzen.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * resources/examples/svc_iris.py, a pure-Python C-SVC with LIBSVM's solver, run as a command
 * objective with /usr/bin/python3 (skipped when that is missing, unless
 * {@code PARZEN_REQUIRE_OPTUNA=1}): it prints the built-in demo's accuracies.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SvcIrisPythonTest {

  private static final String PYTHON = "/usr/bin/python3";
  private static final double[][] PAIRS = {{1, 0.1}, {0.05, 1}, {0.3, 0.001}, {1000, 1e-4}};

  @TempDir
  Path dir;

  @Test
  void theScriptPrintsTheJavaDemosAccuracyAsItsLastLine() throws Exception {
    if (!new File(PYTHON).canExecute()) {
      if ("1".equals(System.getenv("PARZEN_REQUIRE_OPTUNA"))) {
        throw new AssertionError(PYTHON + " is missing and PARZEN_REQUIRE_OPTUNA=1");
      }
      Assumptions.abort(PYTHON + " is missing");
    }
    // The layout of resources/: the script finds ../datasets/iris.csv beside itself.
    copy("/examples/svc_iris.py", dir.resolve("examples/svc_iris.py"));
    copy("/datasets/iris.csv", dir.resolve("datasets/iris.csv"));
    CommandObjective command = new CommandObjective(new CommandObjective.Config(
        PYTHON + " svc_iris.py --C {C} --gamma {gamma}", dir.resolve("examples"), Map.of(), Duration.ofSeconds(60)));
    SvcIris svc = new SvcIris();
    Study study = Study.builder().space(svc.space()).direction(StudyDirection.MAXIMIZE).build();
    for (double[] pair : PAIRS) {
      study.enqueue(Map.of("C", pair[0], "gamma", pair[1]));
    }
    study.optimizeMulti(command, Budget.trials(PAIRS.length), 1);

    List<FrozenTrial> trials = study.trials();
    assertThat(trials).hasSize(PAIRS.length);
    for (int i = 0; i < PAIRS.length; i++) {
      FrozenTrial t = trials.get(i);
      assertThat(t.state()).as(t.failReason().orElse("")).isEqualTo(TrialState.COMPLETE);
      assertThat(t.value()).as("C=%s gamma=%s", PAIRS[i][0], PAIRS[i][1])
          .isCloseTo(svc.accuracy(PAIRS[i][0], PAIRS[i][1]), within(1e-12));
      assertThat((String) t.userAttrs().get(CommandObjective.STDOUT_ATTR)).contains("fold 5: accuracy");
    }
  }

  private void copy(String resource, Path to) throws Exception {
    Files.createDirectories(to.getParent());
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the class path").isNotNull();
      Files.write(to, in.readAllBytes());
    }
  }
}
