package io.parzen.sampler;

import java.util.Arrays;

/**
 * Evaluates the log density of a large mixture of continuous truncated-normal kernels without
 * visiting every kernel. Most kernels of a big study share one width (the magic clip, or the
 * multivariate bandwidth); those are kept sorted by mean, and for a point {@code t} only the ones
 * within {@code W} widths of it are summed, where {@code W} is chosen so that all the skipped
 * kernels together contribute less than {@code 2^-60} of the density, far below a double's
 * rounding. Kernels of other widths (and the prior) are always summed.
 *
 * <p>Built from the kernels' means, inverse widths and log coefficients (mixture weight, width and
 * normaliser folded in); immutable.
 */
final class KernelWindow {

  /** Below this many kernels, summing them all is as fast. */
  static final int MIN_KERNELS = 64;
  /** ln(2^60): the skipped kernels stay under 2^-60 of the sum. */
  private static final double LOG_TOLERANCE = 60 * Math.log(2);

  private final double[] narrowMus;
  private final double[] narrowLogCoefficients;
  private final double narrowInverseSigma;
  private final double narrowLogCoefficientMax;
  private final double logNarrowCount;
  private final double[] wideMus;
  private final double[] wideInverseSigmas;
  private final double[] wideLogCoefficients;

  private KernelWindow(double[] narrowMus, double[] narrowLogCoefficients, double narrowInverseSigma,
      double[] wideMus, double[] wideInverseSigmas, double[] wideLogCoefficients) {
    this.narrowMus = narrowMus;
    this.narrowLogCoefficients = narrowLogCoefficients;
    this.narrowInverseSigma = narrowInverseSigma;
    double max = Double.NEGATIVE_INFINITY;
    for (double c : narrowLogCoefficients) {
      max = Math.max(max, c);
    }
    this.narrowLogCoefficientMax = max;
    this.logNarrowCount = Math.log(narrowMus.length);
    this.wideMus = wideMus;
    this.wideInverseSigmas = wideInverseSigmas;
    this.wideLogCoefficients = wideLogCoefficients;
  }

  /**
   * A window over the kernels, or {@code null} when there are too few kernels or too few of them
   * share the smallest width for a window to pay off. {@code order}, when not null, lists the
   * kernels but the last (the prior) in ascending order of mean (any order among equal means), and
   * saves sorting them again.
   */
  static KernelWindow of(double[] mus, double[] sigmas, double[] inverseSigmas, double[] logCoefficients, int[] order) {
    int m = mus.length;
    if (m < MIN_KERNELS) {
      return null;
    }
    double narrow = Double.POSITIVE_INFINITY;
    for (double s : sigmas) {
      narrow = Math.min(narrow, s);
    }
    int narrowCount = 0;
    for (double s : sigmas) {
      if (s == narrow) {
        narrowCount++;
      }
    }
    if (narrowCount < m / 2) {
      return null;
    }
    int prior = m - 1;
    boolean givenOrder = order != null;
    if (givenOrder && sigmas[prior] == narrow) {
      narrowCount--;  // with a given order the prior is always summed in full
    }
    if (order == null) {
      double[] narrowValues = new double[narrowCount];
      int[] narrowIndex = new int[narrowCount];
      int a = 0;
      for (int k = 0; k < m; k++) {
        if (sigmas[k] == narrow) {
          narrowValues[a] = mus[k];
          narrowIndex[a++] = k;
        }
      }
      int[] sorted = ParzenEstimator.Numerical.sortedOrder(narrowValues);
      order = new int[narrowCount];
      for (int i = 0; i < narrowCount; i++) {
        order[i] = narrowIndex[sorted[i]];
      }
    }
    boolean[] isNarrow = new boolean[m];
    double[] sortedMus = new double[narrowCount];
    double[] sortedCoefficients = new double[narrowCount];
    int a = 0;
    for (int k : order) {
      if (sigmas[k] == narrow && !(givenOrder && k == prior)) {
        isNarrow[k] = true;
        sortedMus[a] = mus[k];
        sortedCoefficients[a++] = logCoefficients[k];
      }
    }
    int wideCount = m - narrowCount;
    double[] wideMus = new double[wideCount];
    double[] wideInverse = new double[wideCount];
    double[] wideCoefficients = new double[wideCount];
    int b = 0;
    for (int k = 0; k < m; k++) {
      if (!isNarrow[k]) {
        wideMus[b] = mus[k];
        wideInverse[b] = inverseSigmas[k];
        wideCoefficients[b++] = logCoefficients[k];
      }
    }
    return new KernelWindow(sortedMus, sortedCoefficients, 1 / narrow, wideMus, wideInverse, wideCoefficients);
  }

  /**
   * A window over narrow kernels of width {@code 1 / narrowInverseSigma} already in ascending
   * order of mean, and other kernels ({@code wide*}) summed in full in the order given.
   */
  static KernelWindow ofSorted(double[] narrowMus, double[] narrowLogCoefficients, double narrowInverseSigma,
      double[] wideMus, double[] wideInverseSigmas, double[] wideLogCoefficients) {
    return new KernelWindow(narrowMus, narrowLogCoefficients, narrowInverseSigma, wideMus, wideInverseSigmas,
        wideLogCoefficients);
  }

  /** The log density at {@code t} (in the kernels' space, inside their range). */
  double logPdf(double t) {
    TruncNorm.LogSum sum = new TruncNorm.LogSum();
    for (int k = 0; k < wideMus.length; k++) {
      double z = (t - wideMus[k]) * wideInverseSigmas[k];
      sum.add(wideLogCoefficients[k] - 0.5 * z * z);
    }
    int n = narrowMus.length;
    int right = Arrays.binarySearch(narrowMus, t);
    if (right < 0) {
      right = -right - 1;
    }
    int left = right - 1;
    // The nearest narrow kernel joins the lower bound of the sum that sets the window.
    int nearest = left < 0 || right < n && narrowMus[right] - t <= t - narrowMus[left] ? right : left;
    double zn = (t - narrowMus[nearest]) * narrowInverseSigma;
    sum.add(narrowLogCoefficients[nearest] - 0.5 * zn * zn);
    double bound = sum.value();
    // Skip kernel k when log(count) + max coefficient - z^2/2 < bound - ln 2^60.
    double halfSquare = logNarrowCount + narrowLogCoefficientMax - bound + LOG_TOLERANCE;
    double reach = halfSquare <= 0 ? 0 : Math.sqrt(2 * halfSquare) / narrowInverseSigma;
    if (nearest == right) {
      right++;
    } else {
      left--;
    }
    for (int k = right; k < n && narrowMus[k] - t <= reach; k++) {
      double z = (t - narrowMus[k]) * narrowInverseSigma;
      sum.add(narrowLogCoefficients[k] - 0.5 * z * z);
    }
    for (int k = left; k >= 0 && t - narrowMus[k] <= reach; k--) {
      double z = (t - narrowMus[k]) * narrowInverseSigma;
      sum.add(narrowLogCoefficients[k] - 0.5 * z * z);
    }
    return sum.value();
  }
}
