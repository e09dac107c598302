package io.parzen.space;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;

/**
 * Draws values from a parameter's prior inside its distribution, in Optuna's internal
 * representation. Quantized and integer values are drawn from the continuous prior over the range
 * widened by half a step on each side, then snapped to the grid, as Optuna's and Hyperopt's
 * samplers do.
 */
public final class PriorSampling {

  private static final double SQRT2 = Math.sqrt(2.0);

  private PriorSampling() {}

  /** One draw from the prior of {@code parameter}, as an internal value. */
  public static double sample(Parameter parameter, RandomGenerator rng) {
    Distribution d = parameter.distribution();
    Prior prior = parameter.prior();
    if (d instanceof CategoricalDistribution c) {
      if (prior instanceof Prior.Weighted w) {
        return pickWeighted(w.probabilities(), rng);
      }
      return rng.nextInt(c.choices().size());
    }
    if (d instanceof IntDistribution i) {
      double half = i.step() / 2.0;
      double x = continuous(i.low() - half, i.high() + half, i.low(), i.log(), prior, rng);
      return i.snap(x);
    }
    FloatDistribution f = (FloatDistribution) d;
    if (f.step() == null) {
      return Math.min(f.high(), Math.max(f.low(), continuous(f.low(), f.high(), f.low(), f.log(), prior, rng)));
    }
    double half = f.step() / 2.0;
    return f.snap(continuous(f.low() - half, f.high() + half, f.low(), false, prior, rng));
  }

  /**
   * Draws from the prior on {@code [lo, hi]}. {@code low} is the distribution's true lower bound,
   * which keeps log-space draws positive when the widened bound {@code lo} is not.
   */
  private static double continuous(
      double lo, double hi, double low, boolean log, Prior prior, RandomGenerator rng) {
    if (prior instanceof Prior.Normal n) {
      return truncatedNormal(n.mu(), n.sigma(), lo, hi, rng);
    }
    boolean logSpace = log || prior instanceof Prior.LogUniform || prior instanceof Prior.LogNormal;
    if (!logSpace) {
      return lo == hi ? lo : lo + (hi - lo) * rng.nextDouble();
    }
    double logLo = lo > 0 ? Math.log(lo) : low > 0 ? Math.log(low / 2) : Double.NEGATIVE_INFINITY;
    double logHi = Math.log(hi);
    if (prior instanceof Prior.LogNormal n) {
      double bound = n.mu() - Hp.NORMAL_TRUNCATION * n.sigma();
      return Math.exp(truncatedNormal(n.mu(), n.sigma(), Math.max(logLo, bound), logHi, rng));
    }
    return Math.exp(logLo == logHi ? logLo : logLo + (logHi - logLo) * rng.nextDouble());
  }

  /** A draw from normal(mu, sigma) restricted to {@code [a, b]}, by inverting the CDF. */
  public static double truncatedNormal(double mu, double sigma, double a, double b, RandomGenerator rng) {
    double za = (a - mu) / sigma;
    double zb = (b - mu) / sigma;
    if (za >= zb) {
      return a;
    }
    // Work in the lower tail, where the CDF keeps its precision.
    boolean flip = za > 0;
    if (flip) {
      double t = -zb;
      zb = -za;
      za = t;
    }
    double pa = cdf(za);
    double pb = cdf(zb);
    double z;
    if (pb - pa <= 0) {
      z = za + (zb - za) * rng.nextDouble();
    } else {
      z = inverseCdf(pa + (pb - pa) * rng.nextDouble());
      z = Math.min(zb, Math.max(za, z));
    }
    // Rounding in mu + sigma * z can step just outside [a, b].
    return Math.min(b, Math.max(a, mu + sigma * (flip ? -z : z)));
  }

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
      // Erf.erfcInv(x) computes erfInv(1 - x), which loses the lower tail (it is infinite below
      // about 1e-16). Refine with Newton steps on log(cdf(z)) = log(p), where erfc is accurate.
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

  private static int pickWeighted(double[] probabilities, RandomGenerator rng) {
    double u = rng.nextDouble();
    double cumulative = 0;
    int last = 0;
    for (int i = 0; i < probabilities.length; i++) {
      if (probabilities[i] > 0) {
        last = i;
        cumulative += probabilities[i];
        if (u < cumulative) {
          return i;
        }
      }
    }
    return last;
  }
}
