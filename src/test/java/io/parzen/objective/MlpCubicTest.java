package io.parzen.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.objective.MlpCubic.Config;
import io.parzen.objective.MlpCubic.Optimizer;
import io.parzen.objective.MlpCubic.Settings;
import io.parzen.pruner.MedianPruner;
import io.parzen.sampler.TpeSampler;
import io.parzen.space.FloatDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FixedTrial;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MlpCubicTest {

  /** A tenth of the demo's data and a third of its epochs, for the tests that run whole studies. */
  private static final Settings SMALL = new Settings(2_000, 3, 32, 10);

  private static Map<String, Object> params(int layers, int units, double lr, String optimizer) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("n_layers", layers);
    for (int i = 0; i < layers; i++) {
      p.put(MlpCubic.unitsName(i), units);
    }
    p.put("lr", lr);
    p.put("optimizer", optimizer);
    return p;
  }

  private static double variance(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x / v.length;
    }
    double s = 0;
    for (double x : v) {
      s += (x - mean) * (x - mean);
    }
    return s / v.length;
  }

  @Test
  void theTargetIsTheTutorialsCubic() {
    assertThat(MlpCubic.target(new double[] {1, 1, 1, 1, 1})).isEqualTo(1 + 1 + 2 + 3 + 4 + 5);
    assertThat(MlpCubic.target(new double[] {-2, 2, 0, 0, 0})).isEqualTo(-2 + 4 + 16);
    assertThat(MlpCubic.target(new double[] {0, -1, 0.5, 0.25, -0.2})).isEqualTo(-2 + 1.5 + 1 - 1, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void aGoodConfigurationLearnsTheCubicFarBelowTheTargetsVariance() throws Exception {
    MlpCubic mlp = new MlpCubic();
    double variance = variance(mlp.testTargets());
    assertThat(variance).isBetween(0.8, 1.2);  // Standardised with the training part's statistics.
    double mse = mlp.train(new Config(new int[] {32, 32}, 1e-3, Optimizer.ADAM), 0, (s, v) -> { });
    assertThat(mse).isLessThan(variance / 100);
  }

  @Test
  void aTinyLearningRateLeavesTheNetworkNearWhereItStarted() throws Exception {
    MlpCubic mlp = new MlpCubic();
    double variance = variance(mlp.testTargets());
    double mse = mlp.train(new Config(new int[] {32, 32}, 1e-5, Optimizer.SGD), 0, (s, v) -> { });
    assertThat(mse).isGreaterThan(variance / 2);
  }

  @Test
  void theTestMseIsReportedEveryHundredStepsAndTheLastReportIsTheValue() {
    Objectives.Builtin builtin = Objectives.create("mlp-cubic");
    Study study = Study.builder().space(builtin.space()).direction(StudyDirection.MINIMIZE).build();
    study.enqueue(params(1, 8, 0.01, "Adam"));
    study.optimizeMulti(builtin.objective(), Budget.trials(1), 1);
    FrozenTrial trial = study.trials().get(0);
    assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
    int steps = Settings.DEFAULTS.steps();
    assertThat(steps).isEqualTo(2_500);
    assertThat(trial.intermediateValues().keySet())
        .containsExactlyElementsOf(IntStream.rangeClosed(1, steps / 100).map(k -> k * 100).boxed().toList());
    assertThat(trial.value()).isEqualTo(trial.intermediateValues().get(steps));
    assertThat(trial.intermediateValues().get(steps)).isLessThan(trial.intermediateValues().get(100));
  }

  @Test
  void theSameTrialNumberAndParametersGiveTheSameLearningCurve() {
    Map<String, Object> p = params(2, 12, 0.003, "SGD");
    List<FrozenTrial> first = twoTrials(p);
    List<FrozenTrial> again = twoTrials(p);
    for (int n = 0; n < 2; n++) {
      assertThat(again.get(n).intermediateValues()).isEqualTo(first.get(n).intermediateValues());
      assertThat(again.get(n).value()).isEqualTo(first.get(n).value());
    }
    // Trial 1 starts from other weights and sees the batches in another order.
    assertThat(first.get(1).intermediateValues()).hasSameSizeAs(first.get(0).intermediateValues())
        .isNotEqualTo(first.get(0).intermediateValues());
  }

  /** Trials 0 and 1 of a fresh study, both with {@code params}. */
  private static List<FrozenTrial> twoTrials(Map<String, Object> params) {
    MlpCubic mlp = new MlpCubic(SMALL);
    Study study = Study.builder().space(mlp.space()).direction(StudyDirection.MINIMIZE).build();
    study.enqueue(params);
    study.enqueue(params);
    study.optimize(mlp, Budget.trials(2));
    assertThat(study.trials()).allMatch(t -> t.state() == TrialState.COMPLETE);
    return study.trials();
  }

  @Test
  void aLearningRateFarTooLargeFailsTheTrialWithAMessageAndTheStudyGoesOn() {
    MlpCubic mlp = new MlpCubic(SMALL);
    List<Parameter> parameters = new ArrayList<>(mlp.space().parameters());
    parameters.replaceAll(p -> p.name().equals("lr") ? new Parameter("lr", new FloatDistribution(10, 100, true, null)) : p);
    Study study = Study.builder().space(SearchSpace.of(parameters)).direction(StudyDirection.MINIMIZE).build();
    study.enqueue(params(2, 16, 20.0, "SGD"));
    study.enqueue(params(1, 4, 50.0, "SGD"));
    study.optimize(mlp, Budget.trials(2));
    assertThat(study.trials()).hasSize(2).allSatisfy(t -> {
      assertThat(t.state()).isEqualTo(TrialState.FAIL);
      assertThat(t.failReason()).get().asString().startsWith("training diverged at step ")
          .contains("is Infinity").contains("lr=").contains("optimizer=SGD").contains("smaller learning rate");
    });
    assertThatThrownBy(() -> mlp.train(new Config(new int[] {16, 16}, 20, Optimizer.SGD), 0, (s, v) -> { }))
        .isInstanceOf(MlpCubic.DivergedException.class)
        .satisfies(e -> assertThat(((MlpCubic.DivergedException) e).step()).isBetween(1, SMALL.steps()));
  }

  @Test
  void theMedianPrunerStopsAClearlyBadTrialAtItsFirstReport() {
    MlpCubic mlp = new MlpCubic(SMALL);
    Study study = Study.builder().space(mlp.space()).direction(StudyDirection.MINIMIZE)
        .pruner(new MedianPruner(3, 0, 1)).build();
    study.enqueue(params(1, 16, 0.01, "Adam"));
    study.enqueue(params(2, 8, 0.003, "Adam"));
    study.enqueue(params(1, 32, 0.01, "SGD"));
    study.enqueue(params(2, 16, 1e-5, "SGD"));  // Barely moves: far above the median from the start.
    study.optimize(mlp, Budget.trials(4));
    List<FrozenTrial> trials = study.trials();
    assertThat(trials).extracting(FrozenTrial::state).containsExactly(
        TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE, TrialState.PRUNED);
    assertThat(trials.subList(0, 3)).allSatisfy(t -> assertThat(t.lastStep()).contains(SMALL.steps()));
    FrozenTrial bad = trials.get(3);
    int first = SMALL.reportEvery();
    assertThat(bad.intermediateValues()).containsOnlyKeys(first);
    assertThat(bad.intermediateValues().get(first)).isGreaterThan(0.5);
    double median = trials.subList(0, 3).stream().mapToDouble(t -> t.intermediateValues().get(first))
        .sorted().toArray()[1];
    assertThat(bad.intermediateValues().get(first)).isGreaterThan(median);
  }

  @Test
  void aTenTrialTpeStudyRunsAndFindsAGoodNetwork() {
    Objectives.Builtin builtin = Objectives.create("mlp-cubic");
    Study study = Study.builder().space(builtin.space()).direction(StudyDirection.MINIMIZE)
        .sampler(new TpeSampler(42L)).pruner(new MedianPruner(5, 500, 1)).build();
    study.optimizeMulti(builtin.objective(), Budget.trials(10), 1);
    assertThat(study.trials()).hasSize(10)
        .allMatch(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED);
    assertThat(study.trials()).allSatisfy(t -> {
      int layers = ((Number) t.params().get("n_layers")).intValue();
      assertThat(t.params().keySet()).as("active parameters").hasSize(3 + layers);
    });
    assertThat(study.bestValue()).isLessThan(0.05);
  }

  @Test
  void anInterruptStopsTrainingAsACancellation() {
    MlpCubic mlp = new MlpCubic(SMALL);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> mlp.train(new Config(new int[] {8}, 0.01, Optimizer.ADAM), 0, (s, v) -> { }))
          .isInstanceOf(InterruptedException.class).hasMessage("cancelled at step 0");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void configurationsAreValues() {
    Config a = new Config(new int[] {8, 4}, 0.01, Optimizer.ADAM);
    assertThat(a).isEqualTo(new Config(new int[] {8, 4}, 0.01, Optimizer.ADAM))
        .hasSameHashCodeAs(new Config(new int[] {8, 4}, 0.01, Optimizer.ADAM))
        .isNotEqualTo(new Config(new int[] {8, 5}, 0.01, Optimizer.ADAM))
        .isNotEqualTo(new Config(new int[] {8, 4}, 0.01, Optimizer.SGD));
    assertThat(a).hasToString("units=[8, 4], lr=0.0100, optimizer=Adam");
  }

  @Test
  void badInputIsRejectedNamingTheFieldAndValue() {
    assertThatThrownBy(() -> new Config(new int[] {8}, 0, Optimizer.ADAM))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("lr (0.0) must be finite and > 0");
    assertThatThrownBy(() -> new Config(new int[] {8, 0}, 0.01, Optimizer.ADAM))
        .hasMessage("n_units_l1 (0) must be >= 1");
    assertThatThrownBy(() -> new Config(new int[0], 0.01, Optimizer.ADAM)).hasMessageContaining("n_layers");
    assertThatThrownBy(() -> Optimizer.parse("RMSprop"))
        .hasMessage("optimizer: unknown value \"RMSprop\" (known: Adam, SGD)");
    assertThat(Optimizer.parse("sgd")).isEqualTo(Optimizer.SGD);
    assertThatThrownBy(() -> new Settings(5, 1, 32, 10)).hasMessage("samples (5) must be >= 10");
    assertThatThrownBy(() -> new Settings(100, 1, 0, 10)).hasMessage("batch_size (0) must be >= 1");
    MlpCubic mlp = new MlpCubic(SMALL);
    assertThatThrownBy(() -> mlp.evaluate(new FixedTrial(params(1, 8, 0.01, "RMSprop"))))
        .hasMessageContaining("optimizer").hasMessageContaining("RMSprop");
  }

  @Test
  void theFactoryOffersTheDemoWithItsConditionalSpace() {
    Objectives.Builtin mlp = Objectives.create("MLP-Cubic");
    assertThat(mlp.name()).isEqualTo("mlp-cubic");
    assertThat(mlp.maximize()).isFalse();
    assertThat(mlp.space().names()).containsExactly(
        "n_layers", "n_units_l0", "n_units_l1", "n_units_l2", "n_units_l3", "lr", "optimizer");
    assertThat(mlp.space().activeNames(Map.of("n_layers", 2L, "n_units_l0", 8L, "n_units_l1", 8L,
        "lr", 0.01, "optimizer", "Adam"))).containsExactlyInAnyOrder("n_layers", "n_units_l0", "n_units_l1", "lr", "optimizer");
    assertThat(Objectives.names()).contains("mlp-cubic");
  }
}
