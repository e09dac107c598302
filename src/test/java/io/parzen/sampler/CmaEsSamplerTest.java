package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.objective.BenchmarkFunction;
import io.parzen.objective.BenchmarkFunctions;
import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.Hp;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(300)
class CmaEsSamplerTest {

  private static Study study(Sampler sampler, SearchSpace space, StudyDirection direction) {
    return Study.builder().sampler(sampler).space(space).direction(direction).build();
  }

  private static List<Map<String, Object>> paramsOf(Study study) {
    return study.trials().stream().map(FrozenTrial::params).toList();
  }

  private static List<Map<String, Object>> runRosenbrock(long seed, int trials) {
    BenchmarkFunction f = BenchmarkFunctions.rosenbrock(2);
    Study study = study(new CmaEsSampler(seed), f.space(), StudyDirection.MINIMIZE);
    study.optimize(f, Budget.trials(trials));
    return paramsOf(study);
  }

  @Test
  void sameSeedGivesTheSameTrialsAndAnotherSeedDifferentOnes() {
    List<Map<String, Object>> a = runRosenbrock(7, 40);
    List<Map<String, Object>> b = runRosenbrock(7, 40);
    List<Map<String, Object>> c = runRosenbrock(8, 40);
    assertThat(a).hasSize(40).isEqualTo(b);
    assertThat(c.get(0)).isNotEqualTo(a.get(0));
    assertThat(c.subList(20, 40)).isNotEqualTo(a.subList(20, 40));
  }

  private static double meanGap(BenchmarkFunction f, LongFunction<Sampler> samplers, int seeds, int trials,
      String label) {
    return meanGap(f.name(), f.space(), f::evaluate, f.optimumValue(), samplers, seeds, trials, label);
  }

  private static double meanGap(String name, SearchSpace space, io.parzen.objective.Objective objective, double optimum,
      LongFunction<Sampler> samplers, int seeds, int trials, String label) {
    double sum = 0;
    for (long seed = 0; seed < seeds; seed++) {
      Study study = study(samplers.apply(seed), space, StudyDirection.MINIMIZE);
      study.optimize(objective, Budget.trials(trials));
      double best = study.bestValue();
      assertThat(best).isNotNaN();
      sum += best - optimum;
    }
    double mean = sum / seeds;
    System.out.printf("%s on %s: mean (best - optimum) over %d seeds x %d trials = %.6g%n",
        label, name, seeds, trials, mean);
    return mean;
  }

  /** A shifted, ill-scaled 5-D ellipsoid on [-5, 5]^5: sum (i + 1) (x_i - s_i)^2, minimum 0. */
  private static double ellipsoid(io.parzen.trial.Trial t) {
    double sum = 0;
    for (int i = 0; i < 5; i++) {
      double x = t.suggestFloat("x" + i, -5, 5) - (1.5 - 0.7 * i);
      sum += (i + 1) * x * x;
    }
    return sum;
  }

  @Test
  void beatsRandomSearchOnA5dEllipsoid() {
    SearchSpace space = SearchSpace.of(Hp.uniform("x0", -5, 5), Hp.uniform("x1", -5, 5), Hp.uniform("x2", -5, 5),
        Hp.uniform("x3", -5, 5), Hp.uniform("x4", -5, 5));
    double cma = meanGap("ellipsoid-5d", space, CmaEsSamplerTest::ellipsoid, 0, CmaEsSampler::new, 8, 150, "CMA-ES");
    double random = meanGap("ellipsoid-5d", space, CmaEsSamplerTest::ellipsoid, 0, RandomSampler::new, 8, 150,
        "random");
    assertThat(cma).isLessThan(0.05 * random);
  }

  @Test
  void beatsRandomSearchOnRosenbrock2d() {
    BenchmarkFunction f = BenchmarkFunctions.rosenbrock(2);
    double cma = meanGap(f, CmaEsSampler::new, 8, 150, "CMA-ES");
    double random = meanGap(f, RandomSampler::new, 8, 150, "random");
    assertThat(cma).isLessThan(0.1 * random);
  }

  @Test
  void beatsRandomSearchOnStyblinskiTang5d() {
    BenchmarkFunction f = BenchmarkFunctions.styblinskiTang(5);
    // Styblinski-Tang has 2^5 local minima: CMA-ES from the centre often settles in one, so the
    // margin is smaller than on unimodal functions.
    double cma = meanGap(f, CmaEsSampler::new, 16, 150, "CMA-ES");
    double random = meanGap(f, RandomSampler::new, 16, 150, "random");
    assertThat(cma).isLessThan(0.8 * random);
  }

  @Test
  void maximisesWhenTheStudyMaximises() {
    BenchmarkFunction f = BenchmarkFunctions.rosenbrock(2);
    Study study = study(new CmaEsSampler(3L), f.space(), StudyDirection.MAXIMIZE);
    study.optimize(t -> -f.evaluate(t), Budget.trials(150));
    assertThat(study.bestValue()).isGreaterThan(-0.5);
  }

  @Test
  void intAndLogParametersStayOnTheirGridsAndRanges() {
    SearchSpace space = SearchSpace.of(
        new Parameter("lr", FloatDistribution.logUniform(1e-5, 1e-1)),
        new Parameter("dropout", FloatDistribution.stepped(0, 0.5, 0.05)),
        new Parameter("layers", IntDistribution.of(1, 6)),
        new Parameter("units", IntDistribution.logScaled(8, 1024)),
        new Parameter("even", new IntDistribution(0, 20, false, 2)));
    Study study = study(new CmaEsSampler(5L), space, StudyDirection.MINIMIZE);
    study.optimize(t -> {
      Map<String, Object> p = t.params();
      double lr = (Double) p.get("lr");
      long units = (Long) p.get("units");
      long layers = (Long) p.get("layers");
      return Math.pow(Math.log10(lr) + 3, 2) + Math.pow(Math.log(units) - Math.log(64), 2)
          + Math.pow(layers - 3, 2) + (Double) p.get("dropout") + (Long) p.get("even") / 10.0;
    }, Budget.trials(120));
    List<FrozenTrial> trials = study.trials();
    assertThat(trials).hasSize(120).allMatch(t -> t.state() == TrialState.COMPLETE);
    for (FrozenTrial t : trials) {
      for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
        assertThat(e.getValue().containsInternal(t.internalParam(e.getKey())))
            .as("%s = %s", e.getKey(), t.params().get(e.getKey())).isTrue();
      }
      assertThat(t.params().get("layers")).isInstanceOf(Long.class);
    }
    assertThat(trials.get(0).systemAttrs()).containsKeys(CmaEsSampler.GENERATION, CmaEsSampler.CANDIDATE);
    assertThat(trials.get(119).systemAttrs().get(CmaEsSampler.GENERATION)).isNotEqualTo(0);
    // The log parameters converge in log space towards lr = 1e-3 and units = 64.
    FrozenTrial best = study.bestTrial();
    assertThat((Double) best.params().get("lr")).isBetween(1e-4, 1e-2);
    assertThat((Long) best.params().get("units")).isBetween(20L, 200L);
    assertThat(best.params().get("layers")).isEqualTo(3L);
  }

  @Test
  void categoricalParametersFallBackToIndependentSampling() {
    SearchSpace space = SearchSpace.of(
        Hp.uniform("x", -5, 5),
        Hp.uniform("y", -5, 5),
        Hp.choice("act", "relu", "tanh", "gelu"));
    CmaEsSampler sampler = new CmaEsSampler(9L);
    Study study = study(sampler, space, StudyDirection.MINIMIZE);
    assertThat(sampler.inferRelativeSearchSpace(study, null)).containsOnlyKeys("x", "y");
    study.optimize(t -> {
      Map<String, Object> p = t.params();
      double x = (Double) p.get("x");
      double y = (Double) p.get("y");
      return x * x + y * y + ("tanh".equals(p.get("act")) ? 0 : 1);
    }, Budget.trials(80));
    List<FrozenTrial> trials = study.trials();
    assertThat(trials).hasSize(80).allMatch(t -> t.state() == TrialState.COMPLETE);
    Set<Object> acts = new HashSet<>();
    trials.forEach(t -> acts.add(t.params().get("act")));
    assertThat(acts).containsExactlyInAnyOrder("relu", "tanh", "gelu");
    assertThat(trials.get(0).distributions().get("act")).isInstanceOf(CategoricalDistribution.class);
    assertThat(study.bestValue()).isLessThan(0.5);
  }

  @Test
  void defineByRunStudiesUseTheIntersectionOfCompletedTrials() {
    CmaEsSampler sampler = new CmaEsSampler(2L);
    Study study = Study.builder().sampler(sampler).direction(StudyDirection.MINIMIZE).build();
    study.optimize(t -> {
      double x = t.suggestFloat("x", -10, 10);
      int n = t.suggestInt("n", -10, 10);
      String kind = t.suggestCategorical("kind", List.of("a", "b"));
      return (x - 2) * (x - 2) + (n + 3) * (n + 3) + ("a".equals(kind) ? 0 : 0.5);
    }, Budget.trials(100));
    assertThat(study.trials()).hasSize(100).allMatch(t -> t.state() == TrialState.COMPLETE);
    assertThat(sampler.inferRelativeSearchSpace(study, null)).containsOnlyKeys("x", "n");
    assertThat(study.bestValue()).isLessThan(0.6);
  }

  @Test
  void startupTrialsAreSampledIndependently() {
    BenchmarkFunction f = BenchmarkFunctions.rosenbrock(2);
    Study study = study(new CmaEsSampler(1L, 0.3, 10, 15), f.space(), StudyDirection.MINIMIZE);
    study.optimize(f, Budget.trials(60));
    List<FrozenTrial> trials = study.trials();
    assertThat(trials.subList(0, 15)).allMatch(t -> !t.systemAttrs().containsKey(CmaEsSampler.GENERATION));
    assertThat(trials.subList(15, 60)).allMatch(t -> t.systemAttrs().containsKey(CmaEsSampler.GENERATION));
    assertThat(trials.get(15).systemAttrs().get(CmaEsSampler.GENERATION)).isEqualTo(0);
    assertThat(trials.get(59).systemAttrs().get(CmaEsSampler.GENERATION)).isEqualTo(4);
  }

  @Test
  void flatFunctionsTriggerIpopRestartsWithLargerPopulations() {
    SearchSpace space = SearchSpace.of(Hp.uniform("x", 0, 1), Hp.uniform("y", 0, 1));
    Study study = study(new CmaEsSampler(4L), space, StudyDirection.MINIMIZE);
    study.optimize(t -> {
      t.params();
      return 1.0;
    }, Budget.trials(200));
    List<FrozenTrial> trials = study.trials();
    int lastRestart = ((Number) trials.get(199).systemAttrs().get(CmaEsSampler.RESTART)).intValue();
    assertThat(lastRestart).isGreaterThanOrEqualTo(1);
  }

  @Test
  void fourParallelWorkersRunCleanly() {
    BenchmarkFunction f = BenchmarkFunctions.rosenbrock(2);
    Study study = study(new CmaEsSampler(11L), f.space(), StudyDirection.MINIMIZE);
    study.optimize(f, Budget.trials(150), 4);
    List<FrozenTrial> trials = study.trials();
    assertThat(trials).hasSize(150).allMatch(t -> t.state() == TrialState.COMPLETE);
    assertThat(trials).allMatch(t -> t.systemAttrs().containsKey(CmaEsSampler.GENERATION));
    Set<Object> generations = new HashSet<>();
    trials.forEach(t -> generations.add(t.systemAttrs().get(CmaEsSampler.GENERATION)));
    assertThat(generations.size()).isGreaterThan(10);
    assertThat(study.bestValue()).isLessThan(1.0);
  }
}
