package io.parzen.sampler;

import org.apache.commons.math3.special.Erf;

/**
 * The logarithm of expected improvement, computed stably for any {@code z} (Ament et al.,
 * "Unexpected Improvements to Expected Improvement for Bayesian Optimization", 2023, eq. 9, as
 * Optuna's {@code standard_logei} does).
 *
 * <p>{@code ei(z) = E[max(0, x + z)]} for a standard normal {@code x}, which is
 * {@code z Phi(z) + phi(z)}. For {@code z} below {@value #SMALL_Z} the two terms cancel and
 * underflow, so the value is rewritten with the scaled complementary error function
 * {@code erfcx(u) = exp(u^2) erfc(u)}: {@code log ei(z) = -z^2/2 - log sqrt(2 pi) + log(1 + sqrt(pi/2) z
 * erfcx(-z/sqrt 2))}, and below {@value #ASYMPTOTIC_Z} by its asymptotic series. The result stays
 * finite down to {@code z = -1e150} or so, where EI itself underflowed long before (at about -38).
 *
 * <p>Stateless and thread-safe.
 */
final class LogExpectedImprovement {

  /** Below this the cancellation-free formula is used. */
  static final double SMALL_Z = -5;
  /** Below this {@code 1 + sqrt(pi/2) z erfcx(-z/sqrt 2)} is taken from its series in {@code 1/z^2}. */
  static final double ASYMPTOTIC_Z = -100;

  private static final double SQRT_HALF = Math.sqrt(0.5);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
  private static final double LOG_SQRT_2PI = Math.log(Math.sqrt(2 * Math.PI));
  private static final double SQRT_HALF_PI = Math.sqrt(0.5 * Math.PI);
  private static final double INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
  /** Added to the posterior variance, as Optuna's {@code stabilizing_noise}. */
  static final double STABILIZING_NOISE = 1e-12;

  private LogExpectedImprovement() {}

  /** {@code log ei(z)}. */
  static double standard(double z) {
    if (z >= SMALL_Z) {
      return Math.log(z * cdf(z) + Math.exp(-0.5 * z * z) * INV_SQRT_2PI);
    }
    return -0.5 * z * z - LOG_SQRT_2PI + Math.log(tailRatio(z));
  }

  /**
   * The derivative of {@link #standard} at {@code z}: {@code Phi(z) / ei(z)}, positive for every
   * {@code z} (about {@code -z} far below zero, {@code 1/z} far above).
   */
  static double standardDerivative(double z) {
    if (z >= SMALL_Z) {
      double cdf = cdf(z);
      return cdf / (z * cdf + Math.exp(-0.5 * z * z) * INV_SQRT_2PI);
    }
    if (z < ASYMPTOTIC_Z) {
      // h(z) = -z^2/2 - log sqrt(2 pi) + log(u S(u)), u = 1/z^2, S(u) = 1 - 3u + 15u^2 - 105u^3.
      double u = 1 / (z * z);
      double s = 1 + u * (-3 + u * (15 - 105 * u));
      double ds = -3 + u * (30 - 315 * u);
      return -z - 2 / z + ds / s * (-2 * u / z);
    }
    double e = erfcx(-z * SQRT_HALF);
    return SQRT_HALF_PI * e / (1 + SQRT_HALF_PI * z * e);
  }

  /** {@code ei(z) exp(z^2/2) sqrt(2 pi)}, that is {@code 1 + sqrt(pi/2) z erfcx(-z/sqrt 2)}, for z below {@link #SMALL_Z}. */
  private static double tailRatio(double z) {
    if (z < ASYMPTOTIC_Z) {
      double u = 1 / (z * z);
      return u * (1 + u * (-3 + u * (15 - 105 * u)));
    }
    return 1 + SQRT_HALF_PI * z * erfcx(-z * SQRT_HALF);
  }

  /**
   * Log EI of a normal posterior {@code N(mean, variance)} over the threshold {@code f0}:
   * {@code log E[max(0, y - f0)]}, with {@link #STABILIZING_NOISE} added to the variance.
   */
  static double of(double mean, double variance, double f0) {
    double sigma = Math.sqrt(Math.max(variance, 0) + STABILIZING_NOISE);
    return standard((mean - f0) / sigma) + Math.log(sigma);
  }

  /** The standard normal CDF, {@code erfc(-z / sqrt 2) / 2}. */
  static double cdf(double z) {
    return 0.5 * Erf.erfc(-z * SQRT_HALF);
  }

  /**
   * The scaled complementary error function {@code exp(x^2) erfc(x)} for {@code x >= 0}: directly
   * below 5, by its continued fraction (evaluated from the tail, 60 terms) above, where
   * {@code erfc} alone heads for underflow.
   */
  static double erfcx(double x) {
    if (x < 0) {
      throw new IllegalArgumentException("erfcx is only needed for x >= 0, got " + x);
    }
    if (x < 5) {
      return Math.exp(x * x) * Erf.erfc(x);
    }
    // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))).
    double tail = x;
    for (int k = 60; k >= 1; k--) {
      tail = x + (k / 2.0) / tail;
    }
    return INV_SQRT_PI / tail;
  }
}
