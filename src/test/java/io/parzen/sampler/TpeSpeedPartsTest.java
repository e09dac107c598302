package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parzen.objective.BenchmarkFunction;
import io.parzen.objective.BenchmarkFunctions;
import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Prior;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.Trial;
import io.parzen.trial.TrialPruned;
import io.parzen.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The parts that make TPE fast (incremental trial history, remembered normalisers, windowed
 * kernel sums) give the same answers as the plain computations they replace.
 */
class TpeSpeedPartsTest {

  private static final ParzenEstimator.Settings DEFAULTS =
      new ParzenEstimator.Settings(1.0, true, false, ParzenEstimator::defaultWeights);

  @Test
  void seededRunsGiveTheTrialsTheyGaveBeforeTheSpeedWork() {
    // Recorded with the sampler as it was before incremental history, normaliser cache and
    // windowed sums: the same seed must keep giving exactly these trials.
    BenchmarkFunction branin = BenchmarkFunctions.branin();
    Study study = Study.builder().sampler(new TpeSampler(1L)).space(branin.space()).direction(StudyDirection.MINIMIZE).build();
    study.optimize(branin, Budget.trials(80));
    assertThat(study.trials().get(78).params()).isEqualTo(Map.of("x0", 8.208534431192053, "x1", 2.254630061999268));
    assertThat(study.trials().get(79).params()).isEqualTo(Map.of("x0", 9.264180409118843, "x1", 1.6715755549013593));

    Study mixed = Study.builder().sampler(Samplers.create("tpe", Map.of("seed", 3L))).direction(StudyDirection.MINIMIZE).build();
    mixed.optimize(TpeSpeedPartsTest::mixedObjective, Budget.trials(80));
    assertThat(mixed.trials().get(79).params())
        .isEqualTo(Map.of("lr", 1.1238516832410714E-4, "layers", 5L, "act", "tanh", "q", 1.0, "li", 34L));
  }

  private static double mixedObjective(Trial t) {
    double lr = t.suggestFloat("lr", 1e-5, 1e-1, true);
    int layers = t.suggestInt("layers", 1, 8);
    String act = t.suggestCategorical("act", List.of("relu", "tanh", "sigmoid"));
    double q = t.suggestFloat("q", 0, 1, 0.1);
    int li = t.suggestInt("li", 1, 1000, 1, true);
    double v = Math.pow(Math.log10(lr) + 3, 2) + 0.1 * Math.pow(layers - 4, 2)
        + (act.equals("relu") ? 0 : act.equals("tanh") ? 0.5 : 1) + Math.abs(q - 0.3) + Math.abs(Math.log(li) - 3);
    if (layers > 6) {
      double y = t.suggestFloat("y", -1, 1);
      v += y * y;
    }
    return v;
  }

  @Test
  void windowedSumsEqualFullSums() {
    SplittableRandom rng = new SplittableRandom(9);
    for (int n : new int[] {300, 3000}) {
      double[] observations = new double[n];
      for (int i = 0; i < n; i++) {
        observations[i] = i % 4 == 0 ? 2 + 0.01 * rng.nextDouble() : rng.nextDouble(-5, 5);  // a dense cluster
      }
      for (Distribution d : List.<Distribution>of(FloatDistribution.uniform(-5, 5), FloatDistribution.uniform(-5, 95))) {
        ParzenEstimator.Numerical pe = (ParzenEstimator.Numerical) ParzenEstimator.of(observations, d, Prior.UNIFORM, DEFAULTS);
        KernelWindow window = KernelWindow.of(pe.mus, pe.sigmas, pe.inverseSigmas, pe.logCoefficients, null);
        KernelWindow presorted = KernelWindow.of(pe.mus, pe.sigmas, pe.inverseSigmas, pe.logCoefficients,
            ParzenEstimator.Numerical.orderWithPrior(observations, pe.adaptedLow, pe.adaptedHigh));
        assertThat(window).as("n=%d", n).isNotNull();
        for (int i = 0; i < 200; i++) {
          double x = i < 100 ? rng.nextDouble(-5, 5) : 2 + 0.02 * rng.nextDouble();
          TruncNorm.LogSum full = new TruncNorm.LogSum();
          for (int k = 0; k < pe.mus.length; k++) {
            double z = (x - pe.mus[k]) / pe.sigmas[k];
            full.add(pe.logCoefficients[k] - 0.5 * z * z);
          }
          assertThat(window.logPdf(x)).as("n=%d x=%s", n, x).isCloseTo(full.value(), within(1e-13));
          assertThat(presorted.logPdf(x)).as("n=%d x=%s, presorted", n, x).isCloseTo(full.value(), within(1e-13));
        }
      }
    }
    assertThat(KernelWindow.of(new double[10], new double[10], new double[10], new double[10], null)).isNull();
  }

  @Test
  void aGivenOrderGivesTheSortedOrderWithThePrior() {
    SplittableRandom rng = new SplittableRandom(12);
    for (int round = 0; round < 200; round++) {
      int n = 1 + rng.nextInt(60);
      double[] raw = new double[n];
      for (int i = 0; i < n; i++) {
        raw[i] = round % 2 == 0 ? 1 + rng.nextInt(8) : Math.exp(rng.nextDouble(-12, 0));  // ties, or logs
      }
      double[] mus = raw.clone();
      if (round % 2 == 1) {
        for (int i = 0; i < n; i++) {
          mus[i] = Math.log(mus[i]);
        }
      }
      int[] rawOrder = ParzenEstimator.Numerical.sortedOrder(raw);
      double prior = round % 2 == 0 ? 4.5 : -6;
      int[] expected = ParzenEstimator.Numerical.orderWithPrior(mus, prior - 1, prior + 1);
      int[] actual = ParzenEstimator.Numerical.withPrior(mus, rawOrder, prior);
      assertThat(actual).as("round %d", round).isEqualTo(expected);
    }
    // Not a sorted permutation: refused, so the caller sorts.
    assertThat(ParzenEstimator.Numerical.withPrior(new double[] {2, 1}, new int[] {0, 1}, 0)).isNull();
    assertThat(ParzenEstimator.Numerical.withPrior(new double[] {1, 1}, new int[] {1, 0}, 0)).isNull();
    assertThat(ParzenEstimator.Numerical.withPrior(new double[] {1, 2}, new int[] {0, 0}, 0)).isNull();
  }

  @Test
  void rememberedNormalisersAreTheComputedOnes() {
    NormalizerCache cache = new NormalizerCache();
    SplittableRandom rng = new SplittableRandom(4);
    double[] mus = new double[5000];
    double[] sigmas = new double[5000];
    for (int k = 0; k < mus.length; k++) {
      mus[k] = rng.nextDouble(-5, 5);
      sigmas[k] = k % 2 == 0 ? 0.1 : rng.nextDouble(0.01, 10);
    }
    double[] first = new double[mus.length];
    double[] again = new double[mus.length];
    cache.logMasses(mus, sigmas, -5, 5, first);
    cache.logMasses(mus, sigmas, -5, 5, again);
    assertThat(cache.size()).isEqualTo(mus.length);
    for (int k = 0; k < mus.length; k++) {
      double expected = TruncNorm.logMass((-5 - mus[k]) / sigmas[k], (5 - mus[k]) / sigmas[k]);
      assertThat(first[k]).isEqualTo(expected);
      assertThat(again[k]).isEqualTo(expected);
    }
    double[] otherRange = new double[1];
    cache.logMasses(new double[] {mus[0]}, new double[] {sigmas[0]}, -6, 6, otherRange);
    assertThat(otherRange[0]).isEqualTo(TruncNorm.logMass((-6 - mus[0]) / sigmas[0], (6 - mus[0]) / sigmas[0]));
  }

  @Test
  void incrementalSplitAndObservationsEqualTheFullOnes() {
    Study study = Study.builder().sampler(new RandomSampler(2L)).direction(StudyDirection.MAXIMIZE).build();
    TrialHistory history = new TrialHistory();
    for (int round = 0; round < 4; round++) {
      study.optimize(t -> {
        double x = t.suggestFloat("x", 0, 10);
        if (t.number() % 5 == 0) {
          t.suggestInt("k", 1, 4);  // only in some trials
        }
        t.suggestCategorical("c", List.of("a", "b"));
        if (t.number() % 7 == 3) {
          t.report(0, x);
          throw new TrialPruned();
        }
        if (t.number() % 11 == 4) {
          return Double.NaN;  // FAIL
        }
        return Math.floor(x);  // many ties
      }, Budget.trials(40));
      Trial running = study.ask();  // another worker's trial
      running.suggestFloat("x", 0, 10);
      Trial current = study.ask();
      history.update(study);
      List<FrozenTrial> all = study.trials(EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.RUNNING));
      for (int nBelow : new int[] {1, 7, 25, 200}) {
        List<List<FrozenTrial>> expected = TpeSampler.split(all, StudyDirection.MAXIMIZE, nBelow, current.number());
        TrialHistory.Split split = history.split(StudyDirection.MAXIMIZE, nBelow, true, current.number());
        assertThat(split.belowTrials()).as("below, n_below=%d", nBelow).containsExactlyElementsOf(expected.get(0));
        assertThat(split.aboveTrials()).as("above, n_below=%d", nBelow).containsExactlyElementsOf(expected.get(1));
        TrialHistory.Split finishedOnly = history.split(StudyDirection.MAXIMIZE, nBelow, false, current.number());
        List<FrozenTrial> finished = study.trials(EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED));
        List<List<FrozenTrial>> expectedFinished = TpeSampler.split(finished, StudyDirection.MAXIMIZE, nBelow, current.number());
        for (Map.Entry<String, Distribution> e : Map.<String, Distribution>of("x", FloatDistribution.uniform(0, 10),
            "x ", FloatDistribution.uniform(2, 8), "k", IntDistribution.of(1, 4), "c", CategoricalDistribution.of("a", "b"))
            .entrySet()) {
          String name = e.getKey().trim();
          assertThat(finishedOnly.belowObservations(name, e.getValue()))
              .isEqualTo(TpeSampler.observations(expectedFinished.get(0), name, e.getValue()));
          double[] aboveValues = TpeSampler.observations(expectedFinished.get(1), name, e.getValue());
          assertThat(finishedOnly.aboveObservations(name, e.getValue())).isEqualTo(aboveValues);
          TrialHistory.Observations inOrder = finishedOnly.aboveObservationsInOrder(name, e.getValue());
          assertThat(inOrder.values()).isEqualTo(aboveValues);
          if (!(e.getValue() instanceof CategoricalDistribution)) {
            assertThat(inOrder.order()).as("%s in order", e.getKey())
                .isEqualTo(ParzenEstimator.Numerical.sortedOrder(aboveValues));
          }
        }
      }
      study.tell(running, 1.0);
      study.tell(current, 2.0);
    }
    history.update(study);
    assertThat(history.finishedCount()).isEqualTo(study.trials(EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED)).size());
  }

  @Test
  void aboveDensitiesAreBitForBitThoseOfTheFullEstimator() {
    SplittableRandom rng = new SplittableRandom(21);
    List<ParzenEstimator.Settings> settings = List.of(DEFAULTS,
        new ParzenEstimator.Settings(1.0, true, true, ParzenEstimator::defaultWeights),
        new ParzenEstimator.Settings(0.5, false, false, ParzenEstimator::defaultWeights, null, new MixtureCache()));
    List<FloatDistribution> distributions = List.of(FloatDistribution.uniform(-5, 5), FloatDistribution.logUniform(1e-6, 1),
        FloatDistribution.uniform(0.5, 2));
    List<Prior> priors = List.of(Prior.UNIFORM, new Prior.Normal(1, 0.3), new Prior.LogUniform(), new Prior.LogNormal(-3, 1));
    int built = 0;
    for (int round = 0; round < 60; round++) {
      FloatDistribution d = distributions.get(round % distributions.size());
      Prior prior = priors.get(round % priors.size());
      ParzenEstimator.Settings s = settings.get(round % settings.size());
      AboveDensity.Memo memo = new AboveDensity.Memo();
      int n = 40 + rng.nextInt(400);
      double[] pool = new double[n + 80];
      for (int i = 0; i < pool.length; i++) {
        // a dense cluster, repeated values, and values whose logs tie, beside uniform ones
        double u = rng.nextDouble();
        pool[i] = i % 5 == 0 ? d.low() + (d.high() - d.low()) * (0.3 + 1e-4 * u)
            : i % 7 == 0 ? pool[i / 2] : i % 11 == 0 ? Math.nextUp(pool[i - 1]) : d.low() + (d.high() - d.low()) * u;
        pool[i] = Math.min(d.high(), pool[i]);
      }
      for (int grow = 0; grow < 4; grow++) {  // the memo carries over as observations join and leave
        int last = n + 20 * grow;
        int leaving = grow % 2 == 1 ? 13 : Integer.MAX_VALUE;
        int count = 0;
        double[] values = new double[last];
        int[] arrivals = new int[last];
        int[] indexOfArrival = new int[2 * pool.length + 2];
        java.util.Arrays.fill(indexOfArrival, -1);
        for (int i = 0; i < last; i++) {
          if (i % leaving != 5) {
            indexOfArrival[2 * i + 1] = count;
            arrivals[count] = 2 * i + 1;  // any distinct arrival indices
            values[count++] = pool[i];
          }
        }
        values = java.util.Arrays.copyOf(values, count);
        arrivals = java.util.Arrays.copyOf(arrivals, count);
        int[] order = ParzenEstimator.Numerical.sortedOrder(values);
        AboveDensity fast = memo.build(new TrialHistory.Observations(values, order, arrivals, indexOfArrival, 1), d,
            prior, s);
        ParzenEstimator full = ParzenEstimator.of(values, order, d, prior, s, Double.NaN);
        if (count + 1 < KernelWindow.MIN_KERNELS) {
          assertThat(fast).isNull();
          continue;
        }
        if (fast == null) {
          continue;  // the full estimator is used: nothing to compare
        }
        built++;
        for (int i = 0; i < 50; i++) {
          double x = i < 25 ? d.low() + (d.high() - d.low()) * rng.nextDouble() : values[rng.nextInt(count)];
          assertThat(fast.logPdf(x)).as("round %d, x=%s", round, x).isEqualTo(full.logPdf(x));
        }
        assertThat(fast.logPdf(d.high() * 2)).isEqualTo(Double.NEGATIVE_INFINITY);
      }
    }
    assertThat(built).as("densities built the fast way").isGreaterThan(60);
    // Not a sorted order: declined, so the caller builds the full estimator.
    double[] values = new double[100];
    for (int i = 0; i < values.length; i++) {
      values[i] = i / 300.0;  // closer than the magic clip: one common width
    }
    int[] identity = ParzenEstimator.Numerical.sortedOrder(values);
    int[] swapped = identity.clone();
    swapped[3] = 4;
    swapped[4] = 3;
    assertThat(new AboveDensity.Memo().build(new TrialHistory.Observations(values, swapped, identity, identity, 1),
        FloatDistribution.uniform(0, 1), Prior.UNIFORM, DEFAULTS)).isNull();
    assertThat(new AboveDensity.Memo().build(new TrialHistory.Observations(values, identity, identity, identity, 1),
        FloatDistribution.uniform(0, 1), Prior.UNIFORM, DEFAULTS)).isNotNull();
  }

  @Test
  void kernelDrawsAreBitForBitThoseOfPriorSampling() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int round = 0; round < 300; round++) {
      double low = rng.nextDouble(-10, 0);
      double high = low + Math.exp(rng.nextDouble(-8, 3));
      double[] observations = new double[1 + rng.nextInt(30)];
      for (int i = 0; i < observations.length; i++) {
        // some far outside the range's middle, so that draws come from kernels' far tails
        observations[i] = i % 3 == 0 ? (i % 2 == 0 ? low : high) : low + (high - low) * rng.nextDouble();
      }
      ParzenEstimator.Numerical pe = (ParzenEstimator.Numerical) ParzenEstimator.of(observations,
          FloatDistribution.uniform(low, high), Prior.UNIFORM, DEFAULTS);
      for (int draw = 0; draw < 40; draw++) {
        int k = draw % pe.kernels();
        long seed = rng.nextLong();
        double expected = io.parzen.space.PriorSampling.truncatedNormal(pe.mus[k], pe.sigmas[k], pe.adaptedLow,
            pe.adaptedHigh, new SplittableRandom(seed));
        assertThat(pe.sampleKernel(k, new SplittableRandom(seed))).isEqualTo(expected);
      }
    }
    assertThat(KernelSampling.inverseCdf(KernelSampling.cdf(-12))).isCloseTo(-12, within(1e-9));
  }
}
