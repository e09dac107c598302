package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class LogExpectedImprovementTest {

  /** ei(z) = z Phi(z) + phi(z), straight from the definition. */
  private static double naiveEi(double z) {
    return z * 0.5 * Erf.erfc(-z / Math.sqrt(2)) + Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  }

  @Test
  void matchesTheLogOfEiWhereEiIsRepresentableWithoutCancellation() {
    for (double z = -4.9; z <= 30; z += 0.173) {
      assertThat(LogExpectedImprovement.standard(z)).as("z = %s", z)
          .isCloseTo(Math.log(naiveEi(z)), within(1e-12 * Math.max(1, Math.abs(Math.log(naiveEi(z))))));
    }
  }

  @Test
  void matchesAHighPrecisionEiDeepInTheTail() {
    // For z << 0 the naive sum cancels; the Mills-ratio series of ei(z) exp(z^2/2) sqrt(2 pi)
    // = sum_k (-1)^k (2k+1)!! / z^(2k+2) is exact to far below double precision at |z| >= 20.
    for (double z : new double[] {-20, -25, -30, -37, -40, -60, -99, -101, -300, -1e4}) {
      BigDecimal u = BigDecimal.ONE.divide(new BigDecimal(z * z), MathContext.DECIMAL128);
      BigDecimal term = u;
      BigDecimal sum = BigDecimal.ZERO;
      for (int k = 0; k < 12; k++) {
        sum = sum.add(term);
        term = term.multiply(u).multiply(BigDecimal.valueOf(-(2L * k + 3)));
      }
      double expected = -0.5 * z * z - Math.log(Math.sqrt(2 * Math.PI)) + Math.log(sum.doubleValue());
      assertThat(LogExpectedImprovement.standard(z)).as("z = %s", z)
          .isCloseTo(expected, within(1e-10 * Math.abs(expected)));
    }
  }

  @Test
  void agreesWithTheNaiveFormulaWhereBothAreAccurate() {
    // Between -30 and -5 the naive formula loses at most a few digits to cancellation.
    for (double z = -30; z < -5; z += 0.37) {
      double naive = Math.log(naiveEi(z));
      assertThat(LogExpectedImprovement.standard(z)).as("z = %s", z).isCloseTo(naive, within(1e-9 * Math.abs(naive)));
    }
  }

  @Test
  void staysFiniteAndMonotoneFarBelowZero() {
    assertThat(naiveEi(-40)).isZero();  // EI itself underflows here
    double previous = Double.NEGATIVE_INFINITY;
    for (double z : new double[] {-1e8, -1e4, -1000, -100.0001, -99.9999, -40, -38, -5.0001, -4.9999, 0, 5}) {
      double v = LogExpectedImprovement.standard(z);
      assertThat(v).as("z = %s", z).isFinite().isGreaterThan(previous);
      previous = v;
    }
  }

  @Test
  void derivativeMatchesFiniteDifferencesOnEveryBranch() {
    for (double z : new double[] {-1e4, -300, -100.5, -99.5, -60, -40, -20, -5.5, -4.5, -1, 0, 0.7, 3, 12}) {
      double h = 1e-6 * Math.max(1, Math.abs(z));
      double fd = (LogExpectedImprovement.standard(z + h) - LogExpectedImprovement.standard(z - h)) / (2 * h);
      assertThat(LogExpectedImprovement.standardDerivative(z)).as("z = %s", z)
          .isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
    }
  }

  @Test
  void erfcxMatchesTheDirectFormulaWhereErfcIsRepresentable() {
    for (double x = 0; x < 25; x += 0.31) {
      double direct = Math.exp(x * x) * Erf.erfc(x);
      assertThat(LogExpectedImprovement.erfcx(x)).as("x = %s", x).isCloseTo(direct, within(1e-12 * direct));
    }
  }

  @Test
  void ofAGaussianPosteriorScalesBySigma() {
    assertThat(LogExpectedImprovement.of(1.5, 4, 0.5))
        .isCloseTo(LogExpectedImprovement.standard(0.5) + Math.log(2), within(1e-9));
    // A posterior with no variance left improves by max(0, mean - f0) only.
    assertThat(LogExpectedImprovement.of(2, 0, 1)).isCloseTo(0, within(1e-9));
    assertThat(LogExpectedImprovement.of(0, 0, 1)).isFinite().isLessThan(-1e10);
  }
}
