package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.objective.BenchmarkFunction;
import io.parzen.objective.BenchmarkFunctions;
import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.storage.InMemoryStorage;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.Trial;
import io.parzen.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(600)
class GpSamplerTest {

  private static Study study(Sampler sampler, SearchSpace space, StudyDirection direction) {
    return Study.builder().sampler(sampler).space(space).direction(direction).build();
  }

  private static List<Map<String, Object>> runBranin(long seed, int trials) {
    BenchmarkFunction f = BenchmarkFunctions.branin();
    Study study = study(new GpSampler(seed), f.space(), StudyDirection.MINIMIZE);
    study.optimize(f, Budget.trials(trials));
    return study.trials().stream().map(FrozenTrial::params).toList();
  }

  @Test
  void sameSeedGivesTheSameTrialsAndAnotherSeedDifferentOnes() {
    List<Map<String, Object>> a = runBranin(7, 18);
    List<Map<String, Object>> b = runBranin(7, 18);
    List<Map<String, Object>> c = runBranin(8, 18);
    assertThat(a).hasSize(18).isEqualTo(b);
    assertThat(c.subList(10, 18)).isNotEqualTo(a.subList(10, 18));
  }

  /** Median over seeds of the best value minus the optimum after {@code trials} trials. */
  private static double medianGap(BenchmarkFunction f, LongFunction<Sampler> samplers, int seeds, int trials,
      String label) {
    double[] gaps = new double[seeds];
    for (int seed = 0; seed < seeds; seed++) {
      Study study = study(samplers.apply(seed), f.space(), StudyDirection.MINIMIZE);
      study.optimize(f, Budget.trials(trials));
      gaps[seed] = study.bestValue() - f.optimumValue();
    }
    Arrays.sort(gaps);
    double median = gaps[seeds / 2];
    System.out.printf("%s on %s: median (best - optimum) over %d seeds x %d trials = %.4g %s%n",
        label, f.name(), seeds, trials, median, Arrays.toString(gaps));
    return median;
  }

  @Test
  void beatsRandomSearchOnBranin() {
    BenchmarkFunction f = BenchmarkFunctions.branin();
    double gp = medianGap(f, GpSampler::new, 5, 30, "GP");
    double random = medianGap(f, RandomSampler::new, 5, 30, "random");
    assertThat(gp).isLessThan(0.1 * random);
  }

  @Test
  void beatsRandomSearchOnHartmann6() {
    BenchmarkFunction f = BenchmarkFunctions.hartmann6();
    double gp = medianGap(f, GpSampler::new, 5, 40, "GP");
    double random = medianGap(f, RandomSampler::new, 5, 40, "random");
    assertThat(gp).isLessThan(0.25 * random);
  }

  @Test
  void maximisesWhenTheStudyMaximises() {
    BenchmarkFunction f = BenchmarkFunctions.branin();
    Study study = study(new GpSampler(3L), f.space(), StudyDirection.MAXIMIZE);
    study.optimize(t -> -f.evaluate(t), Budget.trials(30));
    assertThat(study.bestValue()).isGreaterThan(-f.optimumValue() - 0.1);
  }

  @Test
  void suggestionsRespectBoundsStepsLogIntAndCategoricalParameters() {
    SearchSpace space = SearchSpace.of(
        new Parameter("lr", FloatDistribution.logUniform(1e-5, 1e-1)),
        new Parameter("dropout", FloatDistribution.stepped(0, 0.5, 0.05)),
        new Parameter("layers", IntDistribution.of(1, 6)),
        new Parameter("units", IntDistribution.logScaled(8, 1024)),
        new Parameter("even", new IntDistribution(0, 200, false, 2)),
        new Parameter("act", CategoricalDistribution.of("relu", "tanh", "gelu")));
    Study study = study(new GpSampler(5L), space, StudyDirection.MINIMIZE);
    study.optimize(t -> {
      Map<String, Object> p = t.params();
      double lr = (Double) p.get("lr");
      long units = (Long) p.get("units");
      long layers = (Long) p.get("layers");
      return Math.pow(Math.log10(lr) + 3, 2) + Math.pow(Math.log(units) - Math.log(64), 2)
          + Math.pow(layers - 3, 2) + (Double) p.get("dropout") + Math.abs((Long) p.get("even") - 120) / 50.0
          + ("gelu".equals(p.get("act")) ? 0 : 1);
    }, Budget.trials(40));
    List<FrozenTrial> trials = study.trials();
    assertThat(trials).hasSize(40).allMatch(t -> t.state() == TrialState.COMPLETE);
    for (FrozenTrial t : trials) {
      assertThat(t.params()).containsOnlyKeys("lr", "dropout", "layers", "units", "even", "act");
      for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
        assertThat(e.getValue().containsInternal(t.internalParam(e.getKey())))
            .as("trial %d: %s = %s", t.number(), e.getKey(), t.params().get(e.getKey())).isTrue();
      }
      assertThat(t.params().get("layers")).isInstanceOf(Long.class);
      assertThat(t.params().get("units")).isInstanceOf(Long.class);
      assertThat(t.params().get("act")).isInstanceOf(String.class);
    }
    // The GP's trials find the optimum's neighbourhood: lr near 1e-3, gelu, 3 layers.
    FrozenTrial best = study.bestTrial();
    assertThat(best.params().get("act")).isEqualTo("gelu");
    assertThat(best.params().get("layers")).isEqualTo(3L);
    assertThat((Double) best.params().get("lr")).isBetween(1e-4, 1e-2);
    assertThat(study.bestValue()).isLessThan(1.0);
  }

  @Test
  void conditionalParametersAreSampledOnlyWhenActive() {
    GpSampler sampler = new GpSampler(4L);
    Study study = Study.builder().sampler(sampler).direction(StudyDirection.MINIMIZE).build();
    study.optimize(t -> {
      String model = t.suggestCategorical("model", List.of("svm", "tree"));
      double x = t.suggestFloat("x", -5, 5);
      if (model.equals("svm")) {
        double c = t.suggestFloat("c", 1e-3, 1e3, true);
        return x * x + Math.pow(Math.log10(c) - 1, 2);
      }
      int depth = t.suggestInt("depth", 1, 12);
      return x * x + 0.5 + Math.abs(depth - 4) / 4.0;
    }, Budget.trials(35));
    List<FrozenTrial> trials = study.trials();
    assertThat(trials).hasSize(35).allMatch(t -> t.state() == TrialState.COMPLETE);
    Set<Object> models = new HashSet<>();
    for (FrozenTrial t : trials) {
      models.add(t.params().get("model"));
      if (t.params().get("model").equals("svm")) {
        assertThat(t.params()).containsOnlyKeys("model", "x", "c");
      } else {
        assertThat(t.params()).containsOnlyKeys("model", "x", "depth");
      }
    }
    assertThat(models).containsExactlyInAnyOrder("svm", "tree");
    assertThat(sampler.inferRelativeSearchSpace(study, trials.get(34))).containsOnlyKeys("model", "x");
    // The GP still steers the shared parameter x towards 0, though c and depth are random draws.
    double[] startup = trials.subList(0, 10).stream().mapToDouble(t -> Math.abs((Double) t.params().get("x"))).sorted()
        .toArray();
    double[] guided = trials.subList(20, 35).stream().mapToDouble(t -> Math.abs((Double) t.params().get("x"))).sorted()
        .toArray();
    assertThat(guided[guided.length / 2]).isLessThan(0.5).isLessThan(startup[startup.length / 2] / 3);
  }

  @Test
  void twoParallelWorkersRunCleanly() {
    BenchmarkFunction f = BenchmarkFunctions.branin();
    Study study = study(new GpSampler(11L), f.space(), StudyDirection.MINIMIZE);
    study.optimize(f, Budget.trials(30), 2);
    assertThat(study.trials()).hasSize(30).allMatch(t -> t.state() == TrialState.COMPLETE);
    assertThat(study.bestValue()).isLessThan(f.optimumValue() + 0.5);
  }

  private static FrozenTrial finished(TrialState state, double value, double x, double y) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("x", x);
    params.put("y", y);
    Map<String, Distribution> dists = Map.of("x", FloatDistribution.uniform(-5, 10), "y", FloatDistribution.uniform(0, 15));
    Instant now = Instant.EPOCH;
    List<Double> values = state == TrialState.COMPLETE || state == TrialState.PRUNED ? List.of(value) : List.of();
    return new FrozenTrial(0, 0, state, values, now, state == TrialState.RUNNING ? null : now, params, dists,
        Map.of(), Map.of(), new TreeMap<>());
  }

  /** The relative sample of a fresh seeded sampler for the next trial of a study holding {@code trials}. */
  private static Map<String, Object> nextSample(List<FrozenTrial> trials) {
    Study study = Study.builder().storage(new InMemoryStorage()).sampler(new GpSampler(21L))
        .direction(StudyDirection.MINIMIZE).build();
    for (FrozenTrial t : trials) {
      study.storage().addTrial(study.id(), t);
    }
    Trial trial = study.ask();
    return Map.of("x", trial.suggestFloat("x", -5, 10), "y", trial.suggestFloat("y", 0, 15));
  }

  @Test
  void prunedFailedAndRunningTrialsPlayNoPart() {
    BenchmarkFunction f = BenchmarkFunctions.branin();
    SplittableRandom rng = new SplittableRandom(1);
    List<FrozenTrial> complete = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      double x = rng.nextDouble(-5, 10);
      double y = rng.nextDouble(0, 15);
      complete.add(finished(TrialState.COMPLETE, f.value(new double[] {x, y}), x, y));
    }
    List<FrozenTrial> noisy = new ArrayList<>(complete);
    noisy.add(finished(TrialState.PRUNED, -1e6, 9, 1));
    noisy.add(finished(TrialState.FAIL, 0, -4, 14));
    noisy.add(finished(TrialState.RUNNING, 0, 0, 7));
    Map<String, Object> clean = nextSample(complete);
    assertThat(nextSample(noisy)).isEqualTo(clean);
    // And the sample is the GP's, not a random draw: other data give another point.
    List<FrozenTrial> other = new ArrayList<>(complete);
    other.set(0, finished(TrialState.COMPLETE, -100, 9, 1));
    assertThat(nextSample(other)).isNotEqualTo(clean);
  }

  @Test
  void theFirstStartupTrialsAreRandomThenTheGpTakesOver() {
    GpSampler sampler = new GpSampler(2L, 5);
    BenchmarkFunction f = BenchmarkFunctions.branin();
    Study study = study(sampler, f.space(), StudyDirection.MINIMIZE);
    for (int i = 0; i < 6; i++) {
      FrozenTrial snapshot = study.trials().isEmpty() ? null : study.trials().get(study.trials().size() - 1);
      Map<String, Distribution> space = sampler.inferRelativeSearchSpace(study, snapshot);
      Map<String, Object> relative = sampler.sampleRelative(study, snapshot, space);
      if (i < 5) {
        assertThat(relative).as("after %d trials", i).isEmpty();
      } else {
        assertThat(relative).containsOnlyKeys("x0", "x1");
      }
      study.optimize(f, Budget.trials(1));
    }
  }

  @Test
  void largeStudiesFitTheBestAndTheMostRecentTrials() {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      // Values rise with the number: the best trials are the oldest.
      FrozenTrial t = finished(TrialState.COMPLETE, i, 0, 0);
      trials.add(new FrozenTrial(i, i, t.state(), t.values(), t.start(), t.complete(), t.params(), t.distributions(),
          Map.of(), Map.of(), new TreeMap<>()));
    }
    List<FrozenTrial> chosen = GpSampler.fitSet(trials, StudyDirection.MINIMIZE);
    assertThat(chosen).hasSize(GpSampler.MAX_FIT_TRIALS);
    assertThat(chosen.get(0).number()).isZero();
    assertThat(chosen.get(149).number()).isEqualTo(149);
    assertThat(chosen.get(150).number()).isEqualTo(850);
    assertThat(chosen.get(299).number()).isEqualTo(999);
    List<FrozenTrial> maximising = GpSampler.fitSet(trials, StudyDirection.MAXIMIZE);
    assertThat(maximising.get(0).number()).isEqualTo(700);  // best half and recent half coincide
    assertThat(maximising).hasSize(300);
    assertThat(GpSampler.fitSet(trials.subList(0, 200), StudyDirection.MINIMIZE)).hasSize(200);
  }

  @Test
  void standardisingClipsInfiniteValues() {
    double[] y = {1, 3, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    GpSampler.standardize(y);
    assertThat(Arrays.stream(y).allMatch(Double::isFinite)).isTrue();
    assertThat(y[2]).isEqualTo(y[1]);
    assertThat(y[3]).isEqualTo(y[0]);
    double[] flat = {2, 2, 2};
    GpSampler.standardize(flat);
    assertThat(flat).containsExactly(0, 0, 0);
  }

  @Test
  void samplersCreatesItByNameWithItsOptions() {
    assertThat(Samplers.create("gp", Map.of("seed", 5))).isInstanceOf(GpSampler.class)
        .extracting(Sampler::describe).isEqualTo("GpSampler(seed=5)");
    assertThat(((GpSampler) Samplers.create("gp", Map.of("n_startup_trials", "4"))).nStartupTrials()).isEqualTo(4);
    assertThat(Samplers.create("gp", Map.of("n_startup_trials", 0, "seed", 1L)).describe())
        .isEqualTo("GpSampler(startup=0, seed=1)");
    assertThatThrownBy(() -> Samplers.create("gp", Map.of("n_startup_trials", -1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gp n_startup_trials (-1) must be between 0 and 1000000");
    assertThatThrownBy(() -> Samplers.create("gp", Map.of("n_startup_trials", "ten")))
        .hasMessage("gp n_startup_trials \"ten\" is not a whole number");
    assertThatThrownBy(() -> Samplers.create("gp", Map.of("n_startup_trials", 2.5)))
        .hasMessage("gp n_startup_trials \"2.5\" is not a whole number");
    assertThatThrownBy(() -> new GpSampler(1L, -3)).hasMessage("GP n_startup_trials (-3) must be >= 0");
  }
}
