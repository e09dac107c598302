package io.parzen.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/** Statistical sanity of the priors, with fixed seeds and generous tolerances. */
class PriorSamplingStatisticsTest {

  private static final int N = 20_000;

  private static double[] draws(Parameter p, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return DoubleStream.generate(() -> PriorSampling.sample(p, rng)).limit(N).toArray();
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }

  private static double sd(double[] values) {
    double m = mean(values);
    return Math.sqrt(Arrays.stream(values).map(v -> (v - m) * (v - m)).sum() / (values.length - 1));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  @Test
  void normalPriorHasMeanMuAndSdSigma() {
    double[] x = draws(Hp.normal("x", 3, 2), 11);

    assertThat(mean(x)).isCloseTo(3, within(0.1));
    assertThat(sd(x)).isCloseTo(2, within(0.1));
  }

  @Test
  void normalPriorOnANarrowRangeIsTruncatedNotClamped() {
    // normal(0, 1) truncated to [0, 1]: mean is (phi(0) - phi(1)) / (Phi(1) - Phi(0)) = 0.4599.
    Parameter p = new Parameter("x", FloatDistribution.uniform(0, 1), new Prior.Normal(0, 1), null);
    double[] x = draws(p, 12);

    assertThat(mean(x)).isCloseTo(0.4599, within(0.02));
    assertThat(Arrays.stream(x).filter(v -> v == 0.0 || v == 1.0).count()).isLessThan(5);
  }

  @Test
  void truncatedNormalFarInTheUpperTailHugsItsLowerBound() {
    // For a standard normal truncated to [10, 11] the mean is about 10 + 1/10.
    SplittableRandom rng = new SplittableRandom(13);
    double[] x = DoubleStream.generate(() -> PriorSampling.truncatedNormal(0, 1, 10, 11, rng)).limit(N).toArray();

    assertThat(mean(x)).isCloseTo(10.098, within(0.01));
    assertThat(Arrays.stream(x).min().orElseThrow()).isGreaterThanOrEqualTo(10);
    assertThat(Arrays.stream(x).max().orElseThrow()).isLessThanOrEqualTo(11);
  }

  @Test
  void normalPriorCenteredFarBelowTheRangeHugsTheLowerBound() {
    // mu is 10 sigma below the range: the draws crowd near 10, not at the far bound 11.
    Parameter p = new Parameter("x", FloatDistribution.uniform(10, 11), new Prior.Normal(0, 1), null);
    double[] x = draws(p, 27);

    assertThat(mean(x)).isCloseTo(10.098, within(0.01));
    assertThat(median(x)).isLessThan(10.1);
  }

  @Test
  void qnormalPriorHasMeanMuAndValuesOnTheGrid() {
    double[] x = draws(Hp.qnormal("x", 5, 3, 0.5), 14);

    assertThat(mean(x)).isCloseTo(5, within(0.1));
    assertThat(sd(x)).isCloseTo(Math.sqrt(9 + 0.25 / 12), within(0.15));
    assertThat(boxed(x)).allSatisfy(v -> assertThat(v * 2).isCloseTo(Math.rint(v * 2), within(1e-9)));
  }

  @Test
  void lognormalLogValuesHaveMeanMuAndSdSigma() {
    double[] logs = Arrays.stream(draws(Hp.lognormal("C", 1, 0.5), 15)).map(Math::log).toArray();

    assertThat(mean(logs)).isCloseTo(1, within(0.02));
    assertThat(sd(logs)).isCloseTo(0.5, within(0.02));
  }

  @Test
  void qlognormalMedianIsAboutExpMu() {
    double[] x = draws(Hp.qlognormal("x", 2, 0.5, 1), 16);

    assertThat(median(x)).isCloseTo(Math.exp(2), within(0.6));
    assertThat(boxed(x)).allSatisfy(v -> assertThat(v).isEqualTo(Math.rint(v)).isGreaterThanOrEqualTo(0));
  }

  @Test
  void pchoiceFrequenciesMatchTheWeights() {
    Map<String, Double> options = new LinkedHashMap<>();
    options.put("adam", 0.6);
    options.put("sgd", 0.3);
    options.put("rmsprop", 0.1);
    double[] x = draws(Hp.pchoice("optimizer", options), 17);

    double[] frequencies = new double[3];
    Arrays.stream(x).forEach(v -> frequencies[(int) v] += 1.0 / N);

    assertThat(frequencies[0]).isCloseTo(0.6, within(0.02));
    assertThat(frequencies[1]).isCloseTo(0.3, within(0.02));
    assertThat(frequencies[2]).isCloseTo(0.1, within(0.02));
  }

  @Test
  void unnormalizedWeightsAreUsedAsProportions() {
    Parameter p = new Parameter("x", CategoricalDistribution.of("a", "b", "c", "d"),
        new Prior.Weighted(java.util.List.of(3.0, 0.0, 1.0, 0.0)), null);
    double[] x = draws(p, 18);

    assertThat(Arrays.stream(x).filter(v -> v == 0).count() / (double) N).isCloseTo(0.75, within(0.02));
    assertThat(x).doesNotContain(1.0, 3.0);
  }

  @Test
  void choiceFrequenciesAreUniform() {
    double[] x = draws(Hp.choice("c", "a", "b", "c", "d"), 19);

    for (int i = 0; i < 4; i++) {
      final int index = i;
      assertThat(Arrays.stream(x).filter(v -> v == index).count() / (double) N).isCloseTo(0.25, within(0.02));
    }
  }

  @Test
  void loguniformMedianIsTheGeometricMeanOfTheBounds() {
    double[] x = draws(Hp.loguniform("lr", 1e-5, 1e-1), 20);

    assertThat(Math.log10(median(x))).isCloseTo(-3, within(0.05));
    assertThat(Arrays.stream(x).filter(v -> v < 1e-4).count() / (double) N).isCloseTo(0.25, within(0.02));
  }

  @Test
  void qloguniformValuesAreMultiplesOfQSpreadInLogSpace() {
    double[] x = draws(Hp.qloguniform("units", 1, 1000, 1), 21);

    assertThat(boxed(x)).allSatisfy(v -> assertThat(v).isEqualTo(Math.rint(v)).isBetween(1.0, 1000.0));
    // Log-uniform on [q/2, 1000 + q/2] then snapped: the median is sqrt(0.5 * 1000.5).
    assertThat(median(x)).isCloseTo(Math.sqrt(0.5 * 1000.5), within(2.0));
  }

  @Test
  void quniformValuesAreMultiplesOfQCoveringTheWholeGrid() {
    double[] x = draws(Hp.quniform("x", 0, 10, 0.5), 22);

    assertThat(boxed(x)).allSatisfy(v -> assertThat(v / 0.5).isCloseTo(Math.rint(v / 0.5), within(1e-9)));
    assertThat(Arrays.stream(x).distinct().count()).isEqualTo(21);
    assertThat(mean(x)).isCloseTo(5, within(0.1));
  }

  @Test
  void quniformGridPointsIncludingTheEndsAreEquallyLikely() {
    // Drawn on [low - q/2, high + q/2] and snapped, as Optuna does: each of the 21 points gets 1/21.
    double[] x = draws(Hp.quniform("x", 0, 10, 0.5), 23);

    for (double point : new double[] {0, 5, 10}) {
      assertThat(Arrays.stream(x).filter(v -> v == point).count() / (double) N)
          .isCloseTo(1.0 / 21, within(0.008));
    }
  }

  @Test
  void uniformIntHitsEveryValueEquallyOften() {
    double[] x = draws(Hp.uniformint("n", 1, 5), 24);

    for (int n = 1; n <= 5; n++) {
      final int value = n;
      assertThat(Arrays.stream(x).filter(v -> v == value).count() / (double) N).isCloseTo(0.2, within(0.02));
    }
  }

  @Test
  void intLogFavoursSmallValuesLikeOptuna() {
    // Optuna draws log-uniformly on [low - 0.5, high + 0.5]: P(1) = log(3) / log(201).
    double[] x = draws(Hp.intLog("n", 1, 100), 25);

    assertThat(Arrays.stream(x).filter(v -> v == 1).count() / (double) N)
        .isCloseTo(Math.log(3) / Math.log(201), within(0.02));
    assertThat(median(x)).isCloseTo(Math.sqrt(0.5 * 100.5), within(1.5));
  }

  @Test
  void uniformMeanIsTheMidpoint() {
    double[] x = draws(Hp.uniform("x", -2, 6), 26);

    assertThat(mean(x)).isCloseTo(2, within(0.05));
    assertThat(sd(x)).isCloseTo(8 / Math.sqrt(12), within(0.05));
  }

  private static java.util.List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
