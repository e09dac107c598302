package io.parzen.sampler;

import org.apache.commons.math3.special.Erf;

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
    return 0.5 * Erf.erfc(-z / SQRT2);
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
