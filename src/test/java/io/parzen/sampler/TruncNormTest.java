package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** TPE's own erfc (Cody's approximations) agrees with commons-math's everywhere a double can hold it. */
class TruncNormTest {

  /** erfc(x) to 20 digits (mpmath at 40 digits), across Cody's three intervals and their edges. */
  private static final double[][] REFERENCE = {
      {-6.0, 1.9999999999999999785},
      {-3.5, 1.9999992569016276586},
      {-1.0, 1.8427007929497148693},
      {-0.46875, 1.4926134732179379916},
      {-0.1, 1.1124629160182848984},
      {1e-08, 0.99999998871620832904},
      {0.2, 0.77729741078952153382},
      {0.46875, 0.50738652678206200841},
      {0.47, 0.50625494911391788759},
      {0.9, 0.20309178757716786034},
      {1.5, 0.033894853524689272933},
      {2.5, 0.00040695201744495893956},
      {3.99, 1.6739211364520814057e-8},
      {4.0, 1.5417257900280018852e-8},
      {4.01, 1.4196939421371051173e-8},
      {5.5, 7.3578479179743980631e-15},
      {7.25, 1.1466900814815011617e-24},
      {9.0, 4.1370317465138102381e-37},
      {12.5, 6.2319427819799110061e-70},
      {16.0, 2.3284857515715306934e-113},
      {20.0, 5.3958656116079009289e-176},
      {24.0, 1.6489825831519335142e-252},
      {26.5, 2.2109076642637342759e-307}};

  @Test
  void erfcIsCorrectToAFewUnitsInTheLastPlace() {
    for (double[] row : REFERENCE) {
      assertThat(TruncNorm.erfc(row[0])).as("erfc(%s)", row[0]).isCloseTo(row[1], withinPercentage(1e-13));
    }
  }

  @Test
  void erfcMatchesCommonsMathWithinItsOwnError() {
    // commons-math's continued fraction loses digits as x grows (1.5e-13 relative near 25
    // against mpmath, where Cody's approximation stays under 6e-16), hence the looser bound.
    double worst = 0;
    double worstAt = Double.NaN;
    for (int i = 0; i <= 400_000; i++) {
      double x = -7 + i * (33.5 / 400_000);  // [-7, 26.5]: erfc from 2 down to 1e-307
      double expected = Erf.erfc(x);
      double actual = TruncNorm.erfc(x);
      double relative = Math.abs(actual - expected) / expected;
      if (relative > worst) {
        worst = relative;
        worstAt = x;
      }
    }
    assertThat(worst).as("largest relative difference, at x = %s", worstAt).isLessThan(3e-13);
  }

  @Test
  void erfcHandlesTheEdges() {
    assertThat(TruncNorm.erfc(0)).isEqualTo(1.0);
    assertThat(TruncNorm.erfc(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
    assertThat(TruncNorm.erfc(Double.NEGATIVE_INFINITY)).isEqualTo(2.0);
    assertThat(TruncNorm.erfc(30)).isEqualTo(0.0);
    assertThat(TruncNorm.erfc(-30)).isEqualTo(2.0);
    assertThat(TruncNorm.erfc(Double.NaN)).isNaN();
    assertThat(TruncNorm.erfc(1e-300)).isEqualTo(1.0);
  }

  @Test
  void logMassIsThatOfCommonsMathsNormal() {
    double worst = 0;
    for (int i = -400; i <= 400; i++) {
      for (int j = i + 1; j <= 400; j += 7) {
        double a = i / 10.0;
        double b = j / 10.0;
        double expected = referenceLogMass(a, b);
        double actual = TruncNorm.logMass(a, b);
        double error = Math.abs(actual - expected) / Math.max(1e-300, Math.abs(expected));
        worst = Math.max(worst, Math.abs(expected) < 1e-300 ? Math.abs(actual) : error);
      }
    }
    assertThat(worst).isLessThan(1e-12);
  }

  /** The same formulas on commons-math's erfc. */
  private static double referenceLogMass(double a, double b) {
    if (a > 0) {
      return referenceLogMass(-b, -a);
    }
    if (b <= 0) {
      double la = referenceLogNdtr(a);
      double lb = referenceLogNdtr(b);
      return lb + Math.log1p(-Math.exp(la - lb));
    }
    return Math.log1p(-referenceNdtr(a) - referenceNdtr(-b));
  }

  private static double referenceNdtr(double z) {
    return 0.5 * Erf.erfc(-z / Math.sqrt(2));
  }

  private static double referenceLogNdtr(double z) {
    if (z > 5) {
      return Math.log1p(-referenceNdtr(-z));
    }
    if (z > -30) {
      return Math.log(referenceNdtr(z));
    }
    double r = 1 / (z * z);
    return -0.5 * z * z - Math.log(-z) - TruncNorm.LOG_SQRT_2PI + Math.log1p(r * (-1 + r * (3 - 15 * r)));
  }
}
