package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Prior;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {

  private static final ParzenEstimator.Settings OPTUNA =
      new ParzenEstimator.Settings(1.0, true, false, ParzenEstimator::defaultWeights);

  @Test
  void defaultWeightsMatchOptuna() {
    assertThat(ParzenEstimator.defaultWeights(0)).isEmpty();
    assertThat(ParzenEstimator.defaultWeights(24)).containsOnly(1.0).hasSize(24);
    double[] w = ParzenEstimator.defaultWeights(30);  // linspace(1/30, 1, 5) then 25 ones
    assertThat(w).hasSize(30);
    assertThat(w[0]).isCloseTo(1.0 / 30, within(1e-12));
    assertThat(w[4]).isCloseTo(1.0, within(1e-12));
    assertThat(w[2]).isCloseTo((1.0 / 30 + 1) / 2, within(1e-12));
    assertThat(w[29]).isEqualTo(1.0);
  }

  @Test
  void gammasMatchOptuna() {
    assertThat(TpeSampler.defaultGamma(10)).isEqualTo(1);
    assertThat(TpeSampler.defaultGamma(11)).isEqualTo(2);
    assertThat(TpeSampler.defaultGamma(1000)).isEqualTo(25);
    assertThat(TpeSampler.hyperoptGamma(20)).isEqualTo(2);  // ceil(0.25 * 4.47)
    assertThat(TpeSampler.hyperoptGamma(100000)).isEqualTo(25);
  }

  @Test
  void bandwidthsFollowOptunasRuleWithMagicClip() {
    // range [0, 10], prior mean 5; sorted points 0(low) 1 2 5 9 10(high)
    double[] sigmas = ParzenEstimator.Numerical.bandwidths(new double[] {9, 1, 2}, 0, 10, OPTUNA);
    // without endpoints: first = 2 - 1, last = 9 - 5; middle = max gaps; min sigma = 10 / 5 = 2
    assertThat(sigmas).containsExactly(4, 2, 3);
  }

  @Test
  void continuousDensityIntegratesToOne() {
    ParzenEstimator pe = ParzenEstimator.of(new double[] {-3, 0.5, 7}, FloatDistribution.uniform(-5, 10),
        Prior.UNIFORM, OPTUNA);
    assertThat(integrate(pe, -5, 10)).isCloseTo(1.0, within(1e-4));
    ParzenEstimator log = ParzenEstimator.of(new double[] {1e-4, 0.01}, FloatDistribution.logUniform(1e-5, 1),
        Prior.UNIFORM, OPTUNA);
    // density is per unit of log(x): integrate in log space
    double sum = 0;
    int steps = 200000;
    double a = Math.log(1e-5);
    double b = Math.log(1);
    for (int i = 0; i < steps; i++) {
      double t = a + (b - a) * (i + 0.5) / steps;
      sum += Math.exp(log.logPdf(Math.exp(t))) * (b - a) / steps;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-4));
  }

  @Test
  void discreteProbabilitiesSumToOneAndSamplesStayOnTheGrid() {
    IntDistribution ints = new IntDistribution(0, 100, false, 10);
    ParzenEstimator pe = ParzenEstimator.of(new double[] {10, 30, 30}, ints, Prior.UNIFORM, OPTUNA);
    double total = 0;
    for (long v = 0; v <= 100; v += 10) {
      total += Math.exp(pe.logPdf(v));
    }
    assertThat(total).isCloseTo(1.0, within(1e-9));
    IntDistribution logInts = IntDistribution.logScaled(1, 1000);
    ParzenEstimator lpe = ParzenEstimator.of(new double[] {3, 500}, logInts, Prior.UNIFORM, OPTUNA);
    total = 0;
    for (long v = 1; v <= 1000; v++) {
      total += Math.exp(lpe.logPdf(v));
    }
    assertThat(total).isCloseTo(1.0, within(1e-9));
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 2000; i++) {
      assertThat(ints.containsInternal(pe.sample(rng))).isTrue();
      assertThat(logInts.containsInternal(lpe.sample(rng))).isTrue();
    }
  }

  @Test
  void categoricalKernelsFollowOptuna() {
    CategoricalDistribution c = CategoricalDistribution.of("a", "b", "c");
    // two observations of "b": three kernels; each observation row is (1/3, 1 + 1/3, 1/3) / 2
    ParzenEstimator pe = ParzenEstimator.of(new double[] {1, 1}, c, Prior.UNIFORM, OPTUNA);
    double pb = 2.0 / 3 * ((1 + 1.0 / 3) / 2) + 1.0 / 3 * (1.0 / 3);
    assertThat(Math.exp(pe.logPdf(1))).isCloseTo(pb, within(1e-12));
    double total = 0;
    for (int i = 0; i < 3; i++) {
      total += Math.exp(pe.logPdf(i));
    }
    assertThat(total).isCloseTo(1.0, within(1e-12));
    // a zero-weight choice of a weighted prior gets no mass unless observed
    ParzenEstimator weighted = ParzenEstimator.of(new double[] {0}, c, new Prior.Weighted(List.of(1.0, 0.0, 1.0)),
        OPTUNA);
    assertThat(weighted.logPdf(1)).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void logMassIsAccurateInTheTails() {
    assertThat(TruncNorm.logMass(-1, 1)).isCloseTo(Math.log(0.6826894921370859), within(1e-12));
    // P(Z > 40) = about exp(-800 - log(40) - log(sqrt(2 pi)))
    double expected = -800 - Math.log(40) - 0.5 * Math.log(2 * Math.PI) + Math.log1p(-1.0 / 1600);
    assertThat(TruncNorm.logMass(40, Double.POSITIVE_INFINITY)).isCloseTo(expected, within(1e-5));
    assertThat(TruncNorm.logMass(40, 41)).isCloseTo(expected, within(1e-5));
    assertThat(TruncNorm.logMass(-41, -40)).isCloseTo(expected, within(1e-5));
  }

  private static double integrate(ParzenEstimator pe, double a, double b) {
    int steps = 200000;
    double sum = 0;
    for (int i = 0; i < steps; i++) {
      double x = a + (b - a) * (i + 0.5) / steps;
      sum += Math.exp(pe.logPdf(x)) * (b - a) / steps;
    }
    return sum;
  }
}
