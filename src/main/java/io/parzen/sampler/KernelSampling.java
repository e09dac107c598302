package io.parzen.sampler;

import org.apache.commons.math3.special.Erf;

/**
 * The normal CDF and its inverse exactly as {@code io.parzen.space.PriorSampling} computes them
 * (commons-math's {@code erfc} and {@code erfcInv}, refined by Newton steps deep in the lower
 * tail), so that TPE's kernels, which remember the CDF at their range's ends, draw bit for bit the
 * values {@code PriorSampling.truncatedNormal} draws: seeded studies keep their trials.
 * {@code TpeSpeedPartsTest} checks that the two agree.
 */
final class KernelSampling {

  private static final double SQRT2 = Math.sqrt(2.0);

  private KernelSampling() {}

  static double cdf(double z) {
    return 0.5 * Erf.erfc(-z / SQRT2);
  }

  static double inverseCdf(double p) {
    if (p <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    double z = -SQRT2 * Erf.erfcInv(2 * p);
    if (p < 1e-8) {
      // erfcInv loses the lower tail: Newton steps on log(cdf(z)) = log(p).
      if (!Double.isFinite(z)) {
        z = -Math.sqrt(-2 * Math.log(p));
      }
      double logP = Math.log(p);
      for (int i = 0; i < 100; i++) {
        double c = cdf(z);
        double density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        if (!(c > 0) || !(density > 0)) {
          break;
        }
        double step = (Math.log(c) - logP) * c / density;
        z -= step;
        if (Math.abs(step) <= 1e-13 * Math.abs(z)) {
          break;
        }
      }
    }
    return z;
  }
}
