package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.objective.BenchmarkFunction;
import io.parzen.objective.BenchmarkFunctions;
import io.parzen.space.Condition;
import io.parzen.space.Distribution;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.Trial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Multivariate and grouped TPE, and the constant liar. */
@Timeout(120)
class TpeMultivariateTest {

  private static Study study(Sampler sampler, SearchSpace space) {
    return Study.builder().sampler(sampler).space(space).direction(StudyDirection.MINIMIZE).build();
  }

  /** A narrow ellipse along the diagonal x = y, minimum 0 at (1, 1): x and y must move together. */
  private static double rotatedEllipse(Trial t) {
    double x = t.suggestFloat("x", -5, 5);
    double y = t.suggestFloat("y", -5, 5);
    double u = (x + y - 2) / Math.sqrt(2);
    double v = (x - y) / Math.sqrt(2);
    return u * u + 100 * v * v;
  }

  private static double meanLog10Best(LongFunction<Sampler> samplers, long firstSeed, int seeds) {
    double sum = 0;
    for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
      Study study = study(samplers.apply(seed), SearchSpace.empty());
      study.optimize(TpeMultivariateTest::rotatedEllipse, Budget.trials(80));
      sum += Math.log10(study.bestValue());
    }
    return sum / seeds;
  }

  @Test
  void multivariateBeatsUnivariateAndRandomOnARotatedEllipse() {
    // Seeds 200-219: multivariate -0.73, univariate -0.45, random 0.42 (10 seeds vary by about 0.3).
    double multivariate = meanLog10Best(s -> TpeSampler.builder().seed(s).multivariate(true).build(), 200, 20);
    double univariate = meanLog10Best(s -> TpeSampler.builder().seed(s).build(), 200, 20);
    double random = meanLog10Best(RandomSampler::new, 200, 20);
    System.out.printf("rotated ellipse, mean log10 best of 80 trials: multivariate %.3f, univariate %.3f, random %.3f%n",
        multivariate, univariate, random);
    assertThat(multivariate).isLessThan(univariate - 0.15).isLessThan(random - 0.8);
  }

  private static List<Map<String, Object>> run(Sampler sampler, BenchmarkFunction f, int trials) {
    Study study = study(sampler, f.space());
    study.optimize(f, Budget.trials(trials));
    return study.trials().stream().map(FrozenTrial::params).toList();
  }

  @Test
  void everyModeIsReproducibleWithItsSeed() {
    BenchmarkFunction f = BenchmarkFunctions.hartmann6();
    List<LongFunction<Sampler>> modes = List.of(
        s -> TpeSampler.builder().seed(s).multivariate(true).build(),
        s -> TpeSampler.builder().seed(s).multivariate(true).group(true).build(),
        s -> TpeSampler.builder().seed(s).constantLiar(false).build(),
        s -> TpeSampler.builder().hyperoptDefaults().seed(s).multivariate(true).build());
    for (LongFunction<Sampler> mode : modes) {
      List<Map<String, Object>> a = run(mode.apply(3), f, 40);
      assertThat(run(mode.apply(3), f, 40)).as(mode.apply(3).describe()).isEqualTo(a);
      List<Map<String, Object>> other = run(mode.apply(4), f, 40);
      assertThat(other.subList(25, 40)).as(mode.apply(4).describe()).isNotEqualTo(a.subList(25, 40));
    }
  }

  @Test
  void multivariateSamplesTheSharedParametersJointlyAndTheRestOnTheirOwn() {
    RecordingSampler sampler = new RecordingSampler(TpeSampler.builder().seed(5L).multivariate(true).build());
    Study study = study(sampler, SearchSpace.empty());
    study.optimize(t -> {
      double x = t.suggestFloat("x", 0, 1);
      double y = t.suggestFloat("y", 0, 1);
      double z = t.number() % 2 == 0 ? t.suggestFloat("z", 0, 1) : 0;  // not in every trial
      return x + y + z;
    }, Budget.trials(30));
    assertThat(sampler.relative.subList(0, 10)).allMatch(Map::isEmpty);  // startup trials
    assertThat(sampler.relative.subList(10, 30)).allMatch(p -> p.keySet().equals(Set.of("x", "y")));
    for (FrozenTrial t : study.trials().subList(10, 30)) {
      Map<String, Object> relative = sampler.relative.get(t.number());
      assertThat(t.params()).containsEntry("x", relative.get("x")).containsEntry("y", relative.get("y"));
    }
  }

  /** A space where "model" decides which of two groups of parameters is active. */
  private static SearchSpace conditionalSpace() {
    return SearchSpace.of(
        Hp.choice("model", "linear", "tree"),
        Hp.loguniform("alpha", 1e-4, 1).withCondition(Condition.when("model", "linear")),
        Hp.uniform("l1", 0, 1).withCondition(Condition.when("model", "linear")),
        Hp.uniformint("depth", 1, 10).withCondition(Condition.when("model", "tree")),
        Hp.uniform("shrink", 0, 1).withCondition(Condition.when("model", "tree")));
  }

  private static double conditionalObjective(Trial trial) {
    Map<String, Object> p = trial.params();
    if ("linear".equals(p.get("model"))) {
      assertThat(p).containsOnlyKeys("model", "alpha", "l1");
      return 1 + Math.abs(Math.log10((Double) p.get("alpha")) + 2) + (Double) p.get("l1");
    }
    assertThat(p).containsOnlyKeys("model", "depth", "shrink");
    return Math.abs((Long) p.get("depth") - 6) / 10.0 + Math.abs((Double) p.get("shrink") - 0.3);
  }

  @Test
  void groupModeSamplesEachGroupJointlyAndSuggestsOnlyActiveParameters() {
    TpeSampler tpe = TpeSampler.builder().seed(6L).multivariate(true).group(true).build();
    RecordingSampler sampler = new RecordingSampler(tpe);
    Study study = study(sampler, conditionalSpace());
    study.optimize(TpeMultivariateTest::conditionalObjective, Budget.trials(60));

    assertThat(study.trials()).hasSize(60).allMatch(t -> t.state() == TrialState.COMPLETE);
    for (FrozenTrial t : study.trials()) {
      assertThat(t.params().keySet()).isIn(Set.of("model", "alpha", "l1"), Set.of("model", "depth", "shrink"));
    }
    // Once both models have finished trials, every trial gets a joint sample of every group.
    Set<String> all = Set.of("model", "alpha", "l1", "depth", "shrink");
    assertThat(sampler.relative.subList(20, 60)).allMatch(p -> p.keySet().equals(all));
    List<Set<String>> groups = new ArrayList<>();
    tpe.inferRelativeSearchSpace(study, study.trials().get(59));
    SearchSpaceTracker tracker = new SearchSpaceTracker();
    tracker.update(study);
    tracker.groups().forEach(g -> groups.add(g.keySet()));
    assertThat(groups).containsExactlyInAnyOrder(Set.of("model"), Set.of("alpha", "l1"), Set.of("depth", "shrink"));
    assertThat(tracker.intersection()).containsOnlyKeys("model");
    assertThat(study.bestValue()).isLessThan(0.3);
  }

  @Test
  void groupNeedsMultivariate() {
    assertThatThrownBy(() -> TpeSampler.builder().group(true).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("group (true) requires multivariate (true)");
  }

  @Test
  void runningTrialsOfOtherWorkersCountAsBadUnlessTheLiarIsOff() {
    for (Boolean liar : new Boolean[] {null, true, false}) {
      TpeSampler tpe = TpeSampler.builder().seed(1L).nStartupTrials(3).constantLiar(liar).build();
      Study study = study(tpe, SearchSpace.empty());
      study.optimize(t -> t.suggestFloat("x", 0, 1), Budget.trials(5));
      Trial other = study.ask();  // another worker's trial, still running
      other.suggestFloat("x", 0, 1);
      Trial mine = study.ask();
      FrozenTrial mineFrozen = study.trials().get(mine.number());
      FrozenTrial otherFrozen = study.trials().get(other.number());
      List<List<FrozenTrial>> split = tpe.splitFor(study, mineFrozen);
      List<Integer> above = split.get(1).stream().map(FrozenTrial::number).toList();
      if (Boolean.FALSE.equals(liar)) {
        assertThat(above).as("constant_liar=false").doesNotContain(otherFrozen.number());
      } else {
        assertThat(above).as("constant_liar=" + liar).contains(otherFrozen.number()).doesNotContain(mine.number());
      }
      assertThat(split.get(0)).extracting(FrozenTrial::state).containsOnly(TrialState.COMPLETE);
    }
  }

  /** Passes everything to a sampler and records what its relative sampling returned, by trial number. */
  private static final class RecordingSampler implements Sampler {
    final Sampler delegate;
    final List<Map<String, Object>> relative = java.util.Collections.synchronizedList(new ArrayList<>());

    RecordingSampler(Sampler delegate) {
      this.delegate = delegate;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
      Map<String, Distribution> space = delegate.inferRelativeSearchSpace(study, trial);
      if (space.isEmpty()) {
        relative.add(Map.of());
      }
      return space;
    }

    @Override
    public Map<String, Object> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> space) {
      Map<String, Object> params = delegate.sampleRelative(study, trial, space);
      relative.add(params);
      return params;
    }

    @Override
    public Object sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
      return delegate.sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
      delegate.afterTrial(study, trial, state, values);
    }
  }
}
