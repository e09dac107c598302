package io.parzen.importance;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * The one-dimensional Parzen estimator of PED-ANOVA on a grid (Optuna's
 * {@code scott_parzen_estimator.build_parzen_estimator_on_grid}): a numeric parameter's values
 * (their logarithms when log-scaled) are rounded to a grid of at most {@code steps} points over
 * its range, and each occupied grid point becomes a discretised normal kernel whose width follows
 * Scott's rule, weighted by how many values fell on it, plus one wide prior kernel of weight
 * {@code priorWeight} at the centre; a categorical parameter gets one kernel per observed choice
 * and a uniform prior. {@link #pdf} is the mixture's probability of every grid point.
 */
final class GridParzenEstimator {

  private static final double SQRT2 = Math.sqrt(2);
  /** With 1.64 sigma = half a grid step, 90 % of a kernel stays on its own grid point. */
  private static final double SIGMA_MIN = 0.5 / 1.64;

  private GridParzenEstimator() {}

  /** How many grid points a parameter of {@code d} gets, at most {@code steps}. */
  static int gridSize(Distribution d, int steps) {
    if (d instanceof CategoricalDistribution c) {
      return c.choices().size();
    }
    if (d instanceof IntDistribution i) {
      if (i.log()) {
        int log2Size = (int) Math.ceil(Math.log(i.high() - i.low() + 1) / Math.log(2)) + 1;
        return Math.min(log2Size, steps);
      }
      return (int) Math.min(Math.round((double) (i.high() - i.low()) / i.step()) + 1, steps);
    }
    FloatDistribution f = (FloatDistribution) d;
    if (f.step() != null) {
      return (int) Math.min(Math.round((f.high() - f.low()) / f.step()) + 1, steps);
    }
    return steps;
  }

  /** Grid point of an internal value: the nearest one, ties to the lower (as Optuna). */
  static int gridIndex(Distribution d, double internal, int size) {
    if (d instanceof CategoricalDistribution) {
      return (int) internal;
    }
    boolean log = d instanceof IntDistribution i ? i.log() : ((FloatDistribution) d).log();
    double low = d instanceof IntDistribution i ? i.low() : ((FloatDistribution) d).low();
    double high = d instanceof IntDistribution i ? i.high() : ((FloatDistribution) d).high();
    double v = internal;
    if (log) {
      low = Math.log(low);
      high = Math.log(high);
      v = Math.log(v);
    }
    double stepSize = (high - low) / (size - 1);
    int index = (int) Math.ceil((v - low) / stepSize - 0.5);
    return Math.max(0, Math.min(size - 1, index));
  }

  /**
   * The estimator's probability of each of the {@code counts.length} grid points.
   *
   * @param counts how many observations fell on each grid point (at least one in total)
   */
  static double[] pdf(boolean categorical, int[] counts, double priorWeight) {
    int size = counts.length;
    int kernels = 0;
    long total = 0;
    for (int c : counts) {
      if (c > 0) {
        kernels++;
        total += c;
      }
    }
    if (kernels == 0) {
      throw new IllegalArgumentException("a Parzen estimator needs at least one observation");
    }
    int[] at = new int[kernels];
    double[] weight = new double[kernels + 1];
    int k = 0;
    for (int i = 0; i < size; i++) {
      if (counts[i] > 0) {
        at[k] = i;
        weight[k] = counts[i];
        k++;
      }
    }
    weight[kernels] = priorWeight;
    double weightSum = total + priorWeight;
    for (int j = 0; j <= kernels; j++) {
      weight[j] /= weightSum;
    }
    double[] pdf = new double[size];
    if (categorical) {
      // Each kernel: its choice gets 1 + prior/(kernels+1), every choice prior/(kernels+1), normalised.
      double base = priorWeight / (kernels + 1);
      double rowSum = 1 + size * base;
      double priorRow = 1.0 / size;
      for (int i = 0; i < size; i++) {
        double p = weight[kernels] * priorRow;
        for (int j = 0; j < kernels; j++) {
          p += weight[j] * ((at[j] == i ? 1 : 0) + base) / rowSum;
        }
        pdf[i] = p;
      }
      return pdf;
    }
    // Observation kernels sit on grid points and share one width, so the mass a kernel puts on a
    // grid point depends only on their distance: tabulate the upper tail once.
    double sigma = Math.max(scottSigma(at, counts, total), SIGMA_MIN);
    double[] tail = new double[size + 1];
    for (int d = 0; d <= size; d++) {
      tail[d] = 0.5 * Erf.erfc((d + 0.5) / sigma / SQRT2);  // P(Z > (d + 1/2) / sigma)
    }
    for (int j = 0; j < kernels; j++) {
      int mu = at[j];
      double norm = 1 - tail[mu] - tail[size - 1 - mu];
      for (int i = 0; i < size; i++) {
        int d = Math.abs(i - mu);
        double mass = d == 0 ? 1 - 2 * tail[0] : tail[d - 1] - tail[d];
        pdf[i] += weight[j] * mass / norm;
      }
    }
    // The prior kernel: centred on the range, as wide as the grid.
    double high = size - 1;
    double mu = high / 2;
    double s = high + 1;
    double norm = mass((-0.5 - mu) / s, (high + 0.5 - mu) / s);
    for (int i = 0; i < size; i++) {
      pdf[i] += weight[kernels] * mass((i - 0.5 - mu) / s, (i + 0.5 - mu) / s) / norm;
    }
    return pdf;
  }

  /** Scott's rule on the weighted grid observations: 1.059 min(IQR / 1.34, sd) n^-1/5. */
  private static double scottSigma(int[] at, int[] counts, long total) {
    double mean = 0;
    for (int i : at) {
      mean += (double) i * counts[i];
    }
    mean /= total;
    double squares = 0;
    for (int i : at) {
      squares += (i - mean) * (i - mean) * counts[i];
    }
    double sd = Math.sqrt(squares / Math.max(1, total - 1));
    // Quartiles as Optuna takes them: searchsorted on the cumulative counts.
    long q1 = total / 4;
    long q3 = total * 3 / 4;
    int q1Index = -1;
    int q3Index = at.length;
    long cumulative = 0;
    for (int j = 0; j < at.length; j++) {
      cumulative += counts[at[j]];
      if (q1Index < 0 && cumulative >= q1) {
        q1Index = j;
      }
      if (q3Index == at.length && cumulative > q3) {
        q3Index = j;
      }
    }
    double iqr = at[Math.min(at.length - 1, q3Index)] - at[q1Index];
    return 1.059 * Math.min(iqr / 1.34, sd) * Math.pow(total, -0.2);
  }

  /** The standard normal mass between {@code a <= b}, accurate in either tail. */
  static double mass(double a, double b) {
    if (a > 0) {
      return 0.5 * (Erf.erfc(a / SQRT2) - Erf.erfc(b / SQRT2));
    }
    if (b < 0) {
      return 0.5 * (Erf.erfc(-b / SQRT2) - Erf.erfc(-a / SQRT2));
    }
    return 1 - 0.5 * Erf.erfc(-a / SQRT2) - 0.5 * Erf.erfc(b / SQRT2);
  }
}
