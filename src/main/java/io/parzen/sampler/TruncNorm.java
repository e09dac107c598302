package io.parzen.sampler;

/**
 * Log-space arithmetic for normal distributions truncated to an interval: the log of the standard
 * normal mass between two z-scores, kept accurate far in the tails (the role of Optuna's
 * {@code _truncnorm._log_gauss_mass}).
 */
final class TruncNorm {

  private static final double SQRT2 = Math.sqrt(2.0);
  static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private TruncNorm() {}

  /** The standard normal CDF. */
  static double ndtr(double z) {
    return 0.5 * erfc(-z / SQRT2);
  }

  // W. J. Cody's rational Chebyshev approximations of erf and erfc ("Rational Chebyshev
  // approximations for the error function", Math. Comp. 23 (1969), and his CALERF routine), whose
  // approximation error is below 1e-16 on each interval (in doubles, within 6e-16 of mpmath): a
  // few rational terms instead of commons-math's continued fraction of the incomplete gamma
  // function, which is about ten times slower.
  private static final double[] ERF_A = {3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
      3.20937758913846947e03, 1.85777706184603153e-1};
  private static final double[] ERF_B = {2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
      2.84423683343917062e03};
  private static final double[] ERFC_C = {5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
      2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03,
      1.23033935479799725e03, 2.15311535474403846e-8};
  private static final double[] ERFC_D = {1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
      1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03,
      1.23033935480374942e03};
  private static final double[] ERFC_P = {3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
      1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2};
  private static final double[] ERFC_Q = {2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1,
      6.05183413124413191e-2, 2.33520497626869185e-3};
  private static final double INV_SQRT_PI = 0.56418958354775628695;
  /** Beyond this erfc(x) underflows to 0. */
  private static final double ERFC_UNDERFLOW = 26.543;

  /** The complementary error function, {@code 1 - erf(x)}, to about 1e-16 relative error. */
  static double erfc(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    double y = Math.abs(x);
    double result;
    if (y <= 0.46875) {
      double ysq = y * y;
      double num = ERF_A[4] * ysq;
      double den = ysq;
      for (int i = 0; i < 3; i++) {
        num = (num + ERF_A[i]) * ysq;
        den = (den + ERF_B[i]) * ysq;
      }
      return 1 - x * (num + ERF_A[3]) / (den + ERF_B[3]);
    }
    if (y >= ERFC_UNDERFLOW) {
      result = 0;
    } else {
      double scaled;  // erfc(y) exp(y^2)
      if (y <= 4) {
        double num = ERFC_C[8] * y;
        double den = y;
        for (int i = 0; i < 7; i++) {
          num = (num + ERFC_C[i]) * y;
          den = (den + ERFC_D[i]) * y;
        }
        scaled = (num + ERFC_C[7]) / (den + ERFC_D[7]);
      } else {
        double r = 1 / (y * y);
        double num = ERFC_P[5] * r;
        double den = r;
        for (int i = 0; i < 4; i++) {
          num = (num + ERFC_P[i]) * r;
          den = (den + ERFC_Q[i]) * r;
        }
        scaled = (INV_SQRT_PI - r * (num + ERFC_P[4]) / (den + ERFC_Q[4])) / y;
      }
      // exp(-y^2) in two factors: y^2 rounded to 1/16 is exact, so its rounding error does not grow.
      double head = Math.floor(y * 16) / 16;
      double rest = (y - head) * (y + head);
      result = Math.exp(-head * head) * Math.exp(-rest) * scaled;
    }
    return x < 0 ? 2 - result : result;
  }

  /** {@code log(ndtr(z))}, with an asymptotic series deep in the lower tail. */
  static double logNdtr(double z) {
    if (z > 5) {
      return Math.log1p(-ndtr(-z));
    }
    if (z > -30) {
      return Math.log(ndtr(z));
    }
    if (z == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    double r = 1 / (z * z);
    return -0.5 * z * z - Math.log(-z) - LOG_SQRT_2PI + Math.log1p(r * (-1 + r * (3 - 15 * r)));
  }

  /** {@code log(ndtr(b) - ndtr(a))} for {@code a <= b}; {@code -inf} when the interval is empty. */
  static double logMass(double a, double b) {
    if (!(a < b)) {
      return Double.NEGATIVE_INFINITY;
    }
    if (a > 0) {
      return logMass(-b, -a);  // Both in the upper tail: mirror into the lower one.
    }
    if (b <= 0) {
      double la = logNdtr(a);
      double lb = logNdtr(b);
      return lb + Math.log1p(-Math.exp(la - lb));
    }
    return Math.log1p(-ndtr(a) - ndtr(-b));
  }

  /** Log density of the standard normal at {@code z}. */
  static double logPhi(double z) {
    return -0.5 * z * z - LOG_SQRT_2PI;
  }

  /** {@code log(exp(a_1) + ... + exp(a_n))}, safe when every term is {@code -inf}. */
  static double logSumExp(double[] terms) {
    double max = Double.NEGATIVE_INFINITY;
    for (double t : terms) {
      max = Math.max(max, t);
    }
    if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double t : terms) {
      sum += Math.exp(t - max);
    }
    return max + Math.log(sum);
  }

  /**
   * {@code log(exp(a_1) + ... + exp(a_n))} accumulated one term at a time, with one {@code exp}
   * per term and no array: the running sum is kept relative to the largest term so far.
   */
  static final class LogSum {
    private double max = Double.NEGATIVE_INFINITY;
    private double sum;

    void add(double term) {
      if (max == Double.POSITIVE_INFINITY) {
        return;
      }
      if (term <= max) {
        if (term != Double.NEGATIVE_INFINITY) {
          sum += Math.exp(term - max);
        }
      } else {
        sum = max == Double.NEGATIVE_INFINITY ? 1 : sum * Math.exp(max - term) + 1;
        max = term;
      }
    }

    double value() {
      if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
        return max;
      }
      return max + Math.log(sum);
    }
  }
}
