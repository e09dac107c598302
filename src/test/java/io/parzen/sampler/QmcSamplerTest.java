package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.Hp;
import io.parzen.space.IntDistribution;
import io.parzen.space.SearchSpace;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class QmcSamplerTest {

  private static final SearchSpace MIXED = SearchSpace.of(
      Hp.uniform("x", -10, 10),
      Hp.loguniform("lr", 1e-5, 1e-1),
      Hp.quniform("q", 0, 1, 0.25),
      Hp.uniformint("n", 1, 5),
      Hp.intLog("units", 1, 1024),
      Hp.choice("act", "relu", "tanh", "gelu"));

  private static Study run(Sampler sampler, SearchSpace space, int trials, int workers) {
    Study study = Study.builder().sampler(sampler).space(space).direction(StudyDirection.MINIMIZE).build();
    study.optimize(t -> {
      Map<String, Object> p = t.params();
      return ((Number) p.values().iterator().next()).doubleValue();
    }, Budget.trials(trials), workers);
    return study;
  }

  private static List<Map<String, Object>> params(Study study) {
    return study.trials().stream().map(FrozenTrial::params).toList();
  }

  /** Variance of the counts of {@code points} in the cells of an 8 x 8 grid. */
  private static double cellVariance(List<double[]> points) {
    int[] counts = new int[64];
    for (double[] p : points) {
      counts[(int) (p[0] * 8) * 8 + (int) (p[1] * 8)]++;
    }
    double mean = points.size() / 64.0;
    double var = 0;
    for (int c : counts) {
      var += (c - mean) * (c - mean);
    }
    return var / 64;
  }

  @Test
  void seededRunsRepeatAndOtherSeedsDiffer() {
    for (QmcSampler.Sequence seq : QmcSampler.Sequence.values()) {
      List<Map<String, Object>> a = params(run(new QmcSampler(seq, 11L), MIXED, 20, 1));
      List<Map<String, Object>> b = params(run(new QmcSampler(seq, 11L), MIXED, 20, 1));
      List<Map<String, Object>> c = params(run(new QmcSampler(seq, 12L), MIXED, 20, 1));
      assertThat(a).isEqualTo(b);
      assertThat(a).isNotEqualTo(c);
      assertThat(a.get(0).get("x")).isNotEqualTo(c.get(0).get("x"));
    }
  }

  @Test
  void pointsCoverTheUnitSquareMoreEvenlyThanRandom() {
    double random = 0;
    double sobol = 0;
    double halton = 0;
    int seeds = 10;
    for (long seed = 0; seed < seeds; seed++) {
      SplittableRandom rng = new SplittableRandom(seed);
      List<double[]> r = new java.util.ArrayList<>();
      List<double[]> s = new java.util.ArrayList<>();
      List<double[]> h = new java.util.ArrayList<>();
      QmcSampler so = new QmcSampler(QmcSampler.Sequence.SOBOL, seed);
      QmcSampler ha = new QmcSampler(QmcSampler.Sequence.HALTON, seed);
      for (int k = 0; k < 256; k++) {
        r.add(new double[] {rng.nextDouble(), rng.nextDouble()});
        s.add(so.point(k, 2));
        h.add(ha.point(k, 2));
      }
      for (List<double[]> pts : List.of(s, h)) {
        assertThat(pts).allMatch(p -> p[0] >= 0 && p[0] < 1 && p[1] >= 0 && p[1] < 1);
      }
      random += cellVariance(r);
      sobol += cellVariance(s);
      halton += cellVariance(h);
    }
    // Random counts are about Poisson(4): variance near 4. A shifted Sobol net puts exactly 4 in
    // every cell; Halton comes close.
    assertThat(random / seeds).isGreaterThan(2.5);
    assertThat(sobol / seeds).isLessThan(0.5);
    assertThat(halton / seeds).isLessThan(1.0);
  }

  @Test
  void trialsOfAStudyCoverTheSpaceLikeTheSequence() {
    SearchSpace space = SearchSpace.of(Hp.uniform("a", 0, 1), Hp.uniform("b", -1, 1));
    Study study = run(new QmcSampler(QmcSampler.Sequence.SOBOL, 3L), space, 256, 1);
    List<double[]> pts = study.trials().stream()
        .map(t -> new double[] {(Double) t.params().get("a"), ((Double) t.params().get("b") + 1) / 2})
        .toList();
    assertThat(cellVariance(pts)).isLessThan(0.5);
  }

  @Test
  void parallelWorkersGetDistinctPoints() {
    Study study = run(new QmcSampler(QmcSampler.Sequence.SOBOL, 4L), SearchSpace.of(Hp.uniform("a", 0, 1)), 64, 4);
    Set<Object> values = new HashSet<>();
    study.trials().forEach(t -> values.add(t.params().get("a")));
    assertThat(values).hasSize(64);
  }

  @Test
  void valuesRespectLogStepIntAndCategoricalDistributions() {
    for (QmcSampler.Sequence seq : QmcSampler.Sequence.values()) {
      Study study = run(new QmcSampler(seq, 21L), MIXED, 128, 1);
      int belowMilli = 0;
      int smallUnits = 0;
      Set<Object> qs = new HashSet<>();
      Set<Object> ns = new HashSet<>();
      Set<Object> acts = new HashSet<>();
      for (FrozenTrial t : study.trials()) {
        t.distributions().forEach((name, d) ->
            assertThat(d.containsInternal(t.internalParam(name))).as(name + " of trial " + t.number()).isTrue());
        double lr = (Double) t.params().get("lr");
        if (lr < 1e-3) {
          belowMilli++;
        }
        if ((Long) t.params().get("units") <= 32) {
          smallUnits++;
        }
        qs.add(t.params().get("q"));
        ns.add(t.params().get("n"));
        acts.add(t.params().get("act"));
      }
      // Log scale: half of the decades of lr lie below 1e-3, half of the octaves of units below 32.
      assertThat(belowMilli).isBetween(50, 78);
      assertThat(smallUnits).isBetween(50, 82);
      assertThat(qs).containsExactlyInAnyOrder(0.0, 0.25, 0.5, 0.75, 1.0);
      assertThat(ns).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
      assertThat(acts).containsExactlyInAnyOrder("relu", "tanh", "gelu");
    }
  }

  @Test
  void coordinatesMapOntoDistributions() {
    assertThat(QmcSampler.toInternal(0.0, FloatDistribution.uniform(2, 4))).isEqualTo(2.0);
    assertThat(QmcSampler.toInternal(0.5, FloatDistribution.logUniform(1, 100))).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(QmcSampler.toInternal(0.999999, IntDistribution.of(1, 3))).isEqualTo(3.0);
    assertThat(QmcSampler.toInternal(0.0, IntDistribution.of(1, 3))).isEqualTo(1.0);
    assertThat(QmcSampler.toInternal(0.5, IntDistribution.of(1, 3))).isEqualTo(2.0);
    assertThat(QmcSampler.toInternal(0.34, CategoricalDistribution.of("a", "b", "c"))).isEqualTo(1.0);
    assertThat(QmcSampler.toInternal(0.9999999999, CategoricalDistribution.of("a", "b", "c"))).isEqualTo(2.0);
    assertThat(QmcSampler.toInternal(0.6, FloatDistribution.stepped(0, 1, 0.5))).isEqualTo(0.5);
  }

  @Test
  void defineByRunStudiesUseTheParametersOfCompletedTrialsAndRandomForTheRest() {
    QmcSampler sampler = new QmcSampler(QmcSampler.Sequence.HALTON, 5L);
    Study study = Study.builder().sampler(sampler).direction(StudyDirection.MINIMIZE).build();
    study.optimize(t -> {
      double x = t.suggestFloat("x", 0, 1);
      if (t.number() % 2 == 0) {
        t.suggestInt("even", 0, 10);
      }
      return x;
    }, Budget.trials(10));
    FrozenTrial first = study.trials().get(0);
    assertThat(sampler.inferRelativeSearchSpace(study, first)).containsOnlyKeys("x");
    FrozenTrial later = study.trials().get(5);
    double expected = QmcSampler.toInternal(sampler.point(5, 1)[0], FloatDistribution.uniform(0, 1));
    assertThat((Double) later.params().get("x")).isEqualTo(expected);
    assertThatThrownBy(() -> QmcSampler.Sequence.parse("lattice")).hasMessageContaining("sobol, halton");
  }

  @Test
  void qmcFindsTheQuadraticsMinimumBetterThanRandomOnAverage() {
    SearchSpace space = SearchSpace.of(Hp.uniform("x", -10, 10), Hp.uniform("y", -10, 10));
    int seeds = 30;
    int trials = 64;
    double qmc = 0;
    double halton = 0;
    double random = 0;
    for (long seed = 0; seed < seeds; seed++) {
      qmc += best(new QmcSampler(QmcSampler.Sequence.SOBOL, seed), space, trials);
      halton += best(new QmcSampler(QmcSampler.Sequence.HALTON, seed), space, trials);
      random += best(new RandomSampler(seed), space, trials);
    }
    System.out.printf("quadratic best, mean over %d seeds: sobol %.4f halton %.4f random %.4f%n",
        seeds, qmc / seeds, halton / seeds, random / seeds);
    assertThat(qmc).isLessThan(0.8 * random);
    assertThat(halton).isLessThan(0.8 * random);
  }

  private static double best(Sampler sampler, SearchSpace space, int trials) {
    Study study = Study.builder().sampler(sampler).space(space).direction(StudyDirection.MINIMIZE).build();
    study.optimize(t -> {
      double x = t.suggestFloat("x", -10, 10);
      double y = t.suggestFloat("y", -10, 10);
      return (x - 2) * (x - 2) + (y + 1) * (y + 1);
    }, Budget.trials(trials));
    return study.bestValue();
  }
}
