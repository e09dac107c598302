package io.parzen.objective;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.objective.MlpCubic.Config;
import io.parzen.objective.MlpCubic.Optimizer;
import io.parzen.objective.MlpCubic.Settings;
import io.parzen.pruner.MedianPruner;
import io.parzen.space.FloatDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * resources/examples/mlp_cubic.py, the pure-Python version of the demo, run as a command
 * objective with /usr/bin/python3: skipped when that is missing, unless
 * {@code PARZEN_REQUIRE_OPTUNA=1} asks for every interop test to run.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MlpCubicPythonTest {

  private static final String PYTHON = "/usr/bin/python3";
  /** Small enough for Python to train in a fraction of a second; 26 steps, the last batch partial. */
  private static final Settings SETTINGS = new Settings(500, 2, 32, 5);
  private static final String TEMPLATE = PYTHON + " mlp_cubic.py --lr {lr} --layers {n_layers}"
      + " --units {n_units_l0},{n_units_l1},{n_units_l2},{n_units_l3} --optimizer {optimizer}"
      + " --samples " + SETTINGS.samples() + " --epochs " + SETTINGS.epochs()
      + " --batch-size " + SETTINGS.batchSize() + " --report-every " + SETTINGS.reportEvery();

  @TempDir
  Path dir;

  @BeforeEach
  void pythonAndTheScript() throws Exception {
    if (!new File(PYTHON).canExecute()) {
      if ("1".equals(System.getenv("PARZEN_REQUIRE_OPTUNA"))) {
        throw new AssertionError(PYTHON + " is missing and PARZEN_REQUIRE_OPTUNA=1");
      }
      Assumptions.abort(PYTHON + " is missing");
    }
    try (InputStream in = getClass().getResourceAsStream("/examples/mlp_cubic.py")) {
      assertThat(in).as("mlp_cubic.py on the class path").isNotNull();
      Files.write(dir.resolve("mlp_cubic.py"), in.readAllBytes());
    }
  }

  private CommandObjective command() {
    return new CommandObjective(new CommandObjective.Config(TEMPLATE, dir, Map.of(), java.time.Duration.ofSeconds(60)));
  }

  private static Map<String, Object> params(int[] units, double lr, String optimizer) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("n_layers", units.length);
    for (int i = 0; i < units.length; i++) {
      p.put(MlpCubic.unitsName(i), units[i]);
    }
    p.put("lr", lr);
    p.put("optimizer", optimizer);
    return p;
  }

  @Test
  void theScriptReportsTheJavaDemosLearningCurveExactly() throws Exception {
    MlpCubic java = new MlpCubic(SETTINGS);
    Study study = Study.builder().space(java.space()).direction(StudyDirection.MINIMIZE).build();
    List<Config> configs = List.of(new Config(new int[] {7, 3}, 0.02, Optimizer.SGD),
        new Config(new int[] {16}, 0.003, Optimizer.ADAM));
    for (Config c : configs) {
      study.enqueue(params(c.units(), c.lr(), c.optimizer().label()));
    }
    study.optimizeMulti(command(), Budget.trials(configs.size()), 1);

    List<FrozenTrial> trials = study.trials();
    assertThat(trials).hasSize(2);
    for (int n = 0; n < trials.size(); n++) {
      FrozenTrial t = trials.get(n);
      assertThat(t.state()).as("trial %d: %s", n, t.failReason().orElse("")).isEqualTo(TrialState.COMPLETE);
      TreeMap<Integer, Double> expected = new TreeMap<>();
      double value = java.train(configs.get(n), t.number(), expected::put);
      assertThat(t.intermediateValues().keySet()).containsExactly(5, 10, 15, 20, 25);
      assertThat(t.intermediateValues()).as("trial %d's curve", n).isEqualTo(expected);
      assertThat(t.value()).as("trial %d's value after step 26", n).isEqualTo(value);
    }
  }

  @Test
  void aDivergingRunFailsTheTrialWithTheScriptsMessage() {
    List<Parameter> parameters = new ArrayList<>(new MlpCubic(SETTINGS).space().parameters());
    parameters.replaceAll(p -> p.name().equals("lr") ? new Parameter("lr", new FloatDistribution(10, 100, true, null)) : p);
    Study study = Study.builder().space(SearchSpace.of(parameters)).direction(StudyDirection.MINIMIZE).build();
    study.enqueue(params(new int[] {16, 16}, 20.0, "SGD"));
    study.optimizeMulti(command(), Budget.trials(1), 1);
    FrozenTrial t = study.trials().get(0);
    assertThat(t.state()).isEqualTo(TrialState.FAIL);
    assertThat(t.failReason()).get().asString().contains("exited with status 1")
        .contains("mlp_cubic.py: training diverged at step").contains("lr=20");
  }

  @Test
  void theMedianPrunerStopsAClearlyBadRun() {
    MlpCubic java = new MlpCubic(SETTINGS);
    Study study = Study.builder().space(java.space()).direction(StudyDirection.MINIMIZE)
        .pruner(new MedianPruner(2, 0, 1)).build();
    study.enqueue(params(new int[] {16}, 0.01, "Adam"));
    study.enqueue(params(new int[] {8, 8}, 0.01, "Adam"));
    study.enqueue(params(new int[] {16, 16}, 1e-5, "SGD"));
    study.optimizeMulti(command(), Budget.trials(3), 1);
    List<FrozenTrial> trials = study.trials();
    assertThat(trials).extracting(FrozenTrial::state)
        .containsExactly(TrialState.COMPLETE, TrialState.COMPLETE, TrialState.PRUNED);
    assertThat(trials.get(2).intermediateValues()).containsOnlyKeys(SETTINGS.reportEvery());
  }
}
