package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.objective.BenchmarkFunction;
import io.parzen.objective.BenchmarkFunctions;
import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Condition;
import io.parzen.space.FloatDistribution;
import io.parzen.space.Hp;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.Prior;
import io.parzen.space.SearchSpace;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialPruned;
import io.parzen.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class TpeSamplerTest {

  private static Study study(Sampler sampler, SearchSpace space, StudyDirection direction) {
    return Study.builder().sampler(sampler).space(space).direction(direction).build();
  }

  private static List<Map<String, Object>> paramsOf(Study study) {
    return study.trials().stream().map(FrozenTrial::params).toList();
  }

  private static List<Map<String, Object>> runBranin(long seed, int trials) {
    BenchmarkFunction f = BenchmarkFunctions.branin();
    Study study = study(new TpeSampler(seed), f.space(), StudyDirection.MINIMIZE);
    study.optimize(f, Budget.trials(trials));
    return paramsOf(study);
  }

  @Test
  void sameSeedGivesTheSameTrialsAndAnotherSeedDifferentOnes() {
    List<Map<String, Object>> a = runBranin(7, 40);
    List<Map<String, Object>> b = runBranin(7, 40);
    List<Map<String, Object>> c = runBranin(8, 40);
    assertThat(a).hasSize(40).isEqualTo(b);
    assertThat(c).isNotEqualTo(a);
    assertThat(c.subList(10, 40)).isNotEqualTo(a.subList(10, 40));  // TPE part too, not just startup
  }

  private static double meanBest(BenchmarkFunction f, LongFunction<Sampler> samplers, int seeds, int trials,
      String label) {
    double sum = 0;
    for (long seed = 0; seed < seeds; seed++) {
      Study study = study(samplers.apply(seed), f.space(), StudyDirection.MINIMIZE);
      study.optimize(f, Budget.trials(trials));
      double best = study.bestValue();
      assertThat(best).isNotNaN();
      sum += best;
    }
    double mean = sum / seeds;
    System.out.printf("%s on %s: mean best over %d seeds x %d trials = %.5f%n", label, f.name(), seeds, trials, mean);
    return mean;
  }

  @Test
  void tpeBeatsRandomSearchOnBranin() {
    BenchmarkFunction f = BenchmarkFunctions.branin();
    double tpe = meanBest(f, TpeSampler::new, 10, 60, "TPE");
    double random = meanBest(f, RandomSampler::new, 10, 60, "random");
    assertThat(tpe).isLessThan(0.7 * random);
  }

  @Test
  void tpeBeatsRandomSearchOnTheQuadratic() {
    BenchmarkFunction f = BenchmarkFunctions.quadratic();
    double tpe = meanBest(f, TpeSampler::new, 10, 60, "TPE");
    double random = meanBest(f, RandomSampler::new, 10, 60, "random");
    assertThat(tpe).isLessThan(0.7 * random);
  }

  @Test
  void hyperoptPresetAlsoImprovesOnRandomSearch() {
    BenchmarkFunction f = BenchmarkFunctions.branin();
    double tpe = meanBest(f, TpeSampler::hyperopt, 10, 60, "TPE(hyperopt)");
    double random = meanBest(f, RandomSampler::new, 10, 60, "random");
    assertThat(tpe).isLessThan(random);
    assertThat(TpeSampler.hyperopt(3).describe()).isEqualTo("TpeSampler[hyperopt](seed=3)");
  }

  @Test
  void mixedParametersStayInsideTheirDistributions() {
    SearchSpace space = SearchSpace.of(
        new Parameter("lr", FloatDistribution.logUniform(1e-5, 1e-1)),
        new Parameter("dropout", FloatDistribution.stepped(0, 0.5, 0.05)),
        new Parameter("layers", IntDistribution.of(1, 8)),
        new Parameter("units", IntDistribution.logScaled(1, 1024)),
        new Parameter("batch", new IntDistribution(0, 100, false, 10)),
        new Parameter("opt", CategoricalDistribution.of("adam", "sgd", "rmsprop")),
        new Parameter("w", CategoricalDistribution.of("x", "y", "z"), new Prior.Weighted(List.of(0.3, 0.0, 0.7)), null),
        Hp.normal("n", 0, 1),
        Hp.qloguniform("ql", 1, 100, 1),
        Hp.lognormal("ln", 0, 1),
        Hp.qlognormal("qln", 0, 1, 0.5));
    Study study = study(new TpeSampler(11L), space, StudyDirection.MINIMIZE);
    study.optimize(trial -> {
      Map<String, Object> p = trial.params();
      double lr = (Double) p.get("lr");
      double score = Math.pow(Math.log10(lr) + 3, 2) + (Double) p.get("dropout")
          + Math.abs((Long) p.get("layers") - 4) + Math.abs(Math.log((Long) p.get("units")) - 4)
          + Math.abs((Long) p.get("batch") - 30) / 10.0 + ("sgd".equals(p.get("opt")) ? 0 : 1)
          + ("z".equals(p.get("w")) ? 0 : 1) + Math.abs((Double) p.get("n") - 1)
          + Math.abs((Double) p.get("ql") - 20) / 10 + Math.abs((Double) p.get("ln") - 2)
          + (Double) p.get("qln");
      return score;
    }, Budget.trials(100));
    List<FrozenTrial> trials = study.trials();
    assertThat(trials).hasSize(100).allMatch(t -> t.state() == TrialState.COMPLETE);
    for (FrozenTrial t : trials) {
      for (Parameter p : space.parameters()) {
        Object value = t.params().get(p.name());
        assertThat(p.distribution().containsInternal(p.distribution().toInternal(value)))
            .as("trial %d: %s = %s in %s", t.number(), p.name(), value, p.distribution().describe())
            .isTrue();
      }
      assertThat(t.params().get("w")).isNotEqualTo("y");  // zero prior weight
      assertThat(t.params().get("layers")).isInstanceOf(Long.class);
      assertThat(t.params().get("units")).isInstanceOf(Long.class);
    }
    assertThat(study.bestValue()).isNotNaN();
  }

  @Test
  void conditionalDeclaredSpaceWorks() {
    SearchSpace space = SearchSpace.of(
        Hp.choice("model", "linear", "tree"),
        Hp.loguniform("alpha", 1e-4, 1).withCondition(Condition.when("model", "linear")),
        Hp.uniformint("depth", 1, 10).withCondition(Condition.when("model", "tree")));
    Study study = study(new TpeSampler(5L), space, StudyDirection.MINIMIZE);
    study.optimize(trial -> {
      Map<String, Object> p = trial.params();
      if ("linear".equals(p.get("model"))) {
        assertThat(p).containsOnlyKeys("model", "alpha");
        return 1 + Math.abs(Math.log10((Double) p.get("alpha")) + 2);
      }
      assertThat(p).containsOnlyKeys("model", "depth");
      return Math.abs((Long) p.get("depth") - 6) / 10.0;
    }, Budget.trials(60));
    List<FrozenTrial> trials = study.trials();
    assertThat(trials).hasSize(60).allMatch(t -> t.state() == TrialState.COMPLETE);
    long lateTree = trials.subList(40, 60).stream().filter(t -> "tree".equals(t.params().get("model"))).count();
    assertThat(lateTree).isGreaterThanOrEqualTo(12);
    assertThat(study.bestValue()).isLessThan(0.2);
  }

  @Test
  void categoricalConcentratesOnTheGoodChoice() {
    SearchSpace space = SearchSpace.of(
        Hp.choice("c", "a", "b", "c", "d"),
        Hp.uniform("x", -1, 1));
    Study study = study(new TpeSampler(2L), space, StudyDirection.MINIMIZE);
    study.optimize(trial -> {
      Map<String, Object> p = trial.params();
      double x = (Double) p.get("x");
      return ("b".equals(p.get("c")) ? 0 : 10) + x * x;
    }, Budget.trials(60));
    long lateB = study.trials().subList(40, 60).stream().filter(t -> "b".equals(t.params().get("c"))).count();
    System.out.println("categorical: \"b\" in " + lateB + " of the last 20 trials");
    assertThat(lateB).isGreaterThanOrEqualTo(13);  // 15-17 of 20 over seeds 0-19
  }

  @Test
  void maximizingStudiesClimb() {
    BenchmarkFunction q = BenchmarkFunctions.quadratic();
    double sumTpe = 0;
    double sumRandom = 0;
    for (long seed = 0; seed < 10; seed++) {
      for (boolean tpe : new boolean[] {true, false}) {
        Study study = study(tpe ? new TpeSampler(seed) : new RandomSampler(seed), q.space(), StudyDirection.MAXIMIZE);
        study.optimize(trial -> -q.evaluate(trial), Budget.trials(60));
        double best = study.bestValue();
        assertThat(best).isNotNaN().isLessThanOrEqualTo(0);
        if (tpe) {
          sumTpe += best;
        } else {
          sumRandom += best;
        }
      }
    }
    System.out.printf("maximize -quadratic: TPE mean best %.5f, random %.5f%n", sumTpe / 10, sumRandom / 10);
    assertThat(-sumTpe).isLessThan(-0.7 * sumRandom);  // TPE's best is much closer to 0
  }

  @Test
  void prunedTrialsAreRankedAfterCompleteOnesByTheirLastValue() {
    Study study = study(new RandomSampler(1L), SearchSpace.empty(), StudyDirection.MINIMIZE);
    study.optimize(trial -> {
      double x = trial.suggestFloat("x", 0, 10);
      int n = trial.number();
      if (n % 3 == 0) {
        trial.report(0, x);
        if (n % 2 == 0) {
          trial.report(1, -100 + x);  // later step: ranks before pruned trials with fewer steps
        }
        throw new TrialPruned();
      }
      return x;
    }, Budget.trials(12));
    List<FrozenTrial> trials = study.trials(EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED));
    int complete = (int) trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
    List<List<FrozenTrial>> split = TpeSampler.split(trials, StudyDirection.MINIMIZE, complete + 2, -1);
    List<FrozenTrial> below = split.get(0);
    assertThat(below).hasSize(complete + 2);
    assertThat(below.stream().filter(t -> t.state() == TrialState.PRUNED).map(FrozenTrial::number))
        .containsExactlyInAnyOrder(0, 6);  // the pruned trials that reached step 1
    assertThat(split.get(1)).hasSize(trials.size() - complete - 2);
    assertThat(below).isSortedAccordingTo(java.util.Comparator.comparingInt(FrozenTrial::number));
  }

  @Test
  void constantLiarAndParallelWorkersRunCleanly() {
    BenchmarkFunction f = BenchmarkFunctions.branin();
    Study study = study(TpeSampler.builder().seed(4L).constantLiar(true).build(), f.space(), StudyDirection.MINIMIZE);
    study.optimize(f, Budget.trials(80), 4);
    assertThat(study.trials()).hasSize(80).allMatch(t -> t.state() == TrialState.COMPLETE);
    assertThat(study.bestValue()).isLessThan(5);
  }
}
