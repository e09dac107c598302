package io.parzen.sampler;

import io.parzen.space.FloatDistribution;
import io.parzen.space.Prior;
import java.util.Arrays;

/**
 * The above group's log density {@code log g(x)} of a continuous float parameter, built straight
 * into a {@link KernelWindow} in one sweep of the observations' sorted order, with what stays the
 * same from one trial to the next remembered per observation (see {@link Memo}): its kernel mean
 * (the log of its value on a log range) and, while its width stays the same, its normaliser. Only
 * the widths (a neighbour rule), the mixture weights (which depend on {@code n}) and the kernel
 * constants are computed afresh, without the dozen intermediate arrays of {@link
 * ParzenEstimator#of}.
 *
 * <p>Every number is computed by the same operations in the same order as in {@code
 * ParzenEstimator.of(...).logPdf}, so the densities are bit for bit the same. Where that estimator
 * would not use a window (fewer than {@link KernelWindow#MIN_KERNELS} kernels, or most of them of
 * different widths), or the given order is not exactly a stable sort of the kernel means, {@link
 * Memo#build} gives {@code null} and the caller builds the full estimator. Immutable.
 */
final class AboveDensity {

  private final boolean logSpace;
  private final double low;
  private final double high;
  private final KernelWindow window;

  private AboveDensity(boolean logSpace, double low, double high, KernelWindow window) {
    this.logSpace = logSpace;
    this.low = low;
    this.high = high;
    this.window = window;
  }

  /** The log density at the internal value {@code x}; {@code -inf} outside the range. */
  double logPdf(double x) {
    double t = logSpace ? Math.log(x) : x;
    if (!(t >= low && t <= high)) {
      return Double.NEGATIVE_INFINITY;
    }
    return window.logPdf(t);
  }

  /**
   * What one parameter's above densities remember between trials: the last density's kernels in
   * sorted order, each with its trial's arrival index in a {@link TrialHistory}, its mean, and its
   * width and normaliser. Forgets everything when the history starts over or the parameter's range
   * changes. Thread-safe.
   */
  static final class Memo {
    private int generation = Integer.MIN_VALUE;
    private double low = Double.NaN;
    private double high = Double.NaN;
    private boolean logSpace;
    /**
     * The last build's kernels in ascending order of mean: their arrivals, means, widths and
     * normalisers. The next trial's kernels are mostly the same ones in the same order (trials
     * only join or leave), so a merge-like walk finds each survivor's entry where it expects it,
     * reading these arrays front to back instead of jumping around a table by arrival.
     */
    private int previousCount;
    private int[] previousArrivals = new int[0];
    private double[] previousMus = new double[0];
    private double[] previousWidths = new double[0];
    private double[] previousLogNormalizers = new double[0];
    private int[] currentArrivals = new int[0];
    private double[] currentMus = new double[0];
    private double[] currentWidths = new double[0];
    private double[] currentLogNormalizers = new double[0];
    /** Working arrays of {@link #build}, kept from one trial to the next (each is written before it is read). */
    private double[] scratchExt = new double[2];
    private int[] scratchIndex = new int[0];
    private int[] scratchMemoAt = new int[0];
    private double[] scratchWidths = new double[0];
    private double[] scratchWideCoefficients = new double[0];

    /**
     * The above density of {@code observations} (in trial-number order, with their sorted order
     * and arrivals) of a parameter drawn from {@code distribution} with prior shape {@code prior};
     * {@code null} where the full estimator must be built instead (see the class comment).
     */
    synchronized AboveDensity build(TrialHistory.Observations observations, FloatDistribution distribution,
        Prior prior, ParzenEstimator.Settings settings) {
      double[] values = observations.values();
      int[] order = observations.order();
      int[] arrivals = observations.arrivals();
      int n = values.length;
      int m = n + 1;
      if (distribution.step() != null || order == null || arrivals == null || observations.indexOfArrival() == null
          || order.length != n
          || m < KernelWindow.MIN_KERNELS) {
        return null;
      }
      double aLow = distribution.low();
      double aHigh = distribution.high();
      boolean inLogs = distribution.log()
          || (prior instanceof Prior.LogUniform || prior instanceof Prior.LogNormal) && aLow > 0;
      if (inLogs) {
        aLow = Math.log(aLow);
        aHigh = Math.log(aHigh);
      }
      double range = aHigh - aLow;
      if (!(range > 0)) {
        return null;
      }
      remember(observations.generation(), aLow, aHigh, inLogs, n);
      int[] indexOfArrival = observations.indexOfArrival();

      // The kernel means in ascending order with the prior's (the range's middle) among them, as
      // ParzenEstimator.Numerical.withPrior places it; ext holds them between the range's ends.
      double priorMid = 0.5 * (aLow + aHigh);
      ensureScratch(m);
      double[] ext = scratchExt;
      int[] index = scratchIndex;  // observation index at each sorted position; n for the prior
      // Each kernel's memo entry, read once while its cache line is at hand: where it is, and the
      // width and normaliser it remembers.
      int[] memoAt = scratchMemoAt;  // position in the current arrays, per sorted position
      ext[0] = aLow;
      int p = 0;
      boolean priorPlaced = false;
      double previousMu = Double.NaN;
      int previous = -1;
      int j = 0;
      for (int i = 0; i < n; i++) {
        int k = order[i];
        if (k < 0 || k >= n) {
          return null;
        }
        int arrival = arrivals[k];
        while (j < previousCount && !isCurrent(previousArrivals[j], indexOfArrival)) {
          j++;  // left the above group
        }
        double mu;
        if (j < previousCount && previousArrivals[j] == arrival) {
          mu = previousMus[j];
          currentWidths[i] = previousWidths[j];
          currentLogNormalizers[i] = previousLogNormalizers[j];
          j++;
        } else {  // joined the above group
          mu = inLogs ? Math.log(values[k]) : values[k];
          currentWidths[i] = 0;  // never a kernel's width
        }
        currentArrivals[i] = arrival;
        currentMus[i] = mu;
        if (i > 0) {
          int c = Double.compare(previousMu, mu);
          if (c > 0 || c == 0 && previous > k) {
            return null;  // not a stable sort of the means (logs can tie where values did not)
          }
        }
        previousMu = mu;
        previous = k;
        if (!priorPlaced && Double.compare(mu, priorMid) > 0) {
          ext[p + 1] = priorMid;
          index[p++] = n;
          priorPlaced = true;
        }
        ext[p + 1] = mu;
        memoAt[p] = i;
        index[p++] = k;
      }
      if (!priorPlaced) {
        ext[p + 1] = priorMid;
        index[p] = n;
      }
      ext[m + 1] = aHigh;

      // Widths: Optuna's neighbour rule and magic clip (ParzenEstimator.Numerical.bandwidths).
      double priorMu = priorMid;
      double priorSigma = range;
      if (prior instanceof Prior.Normal normal && !inLogs) {
        priorMu = normal.mu();
        priorSigma = normal.sigma();
      } else if (prior instanceof Prior.LogNormal normal && inLogs) {
        priorMu = normal.mu();
        priorSigma = normal.sigma();
      }
      priorSigma = Math.max(priorSigma, ParzenEstimator.EPS);
      double minSigma = settings.considerMagicClip() ? range / Math.min(100.0, 1.0 + (n + 1)) : ParzenEstimator.EPS;
      double[] widths = scratchWidths;
      double narrow = Double.POSITIVE_INFINITY;
      for (int q = 0; q < m; q++) {
        double width;
        if (index[q] == n) {
          width = priorSigma;
        } else {
          double gap;
          if (!settings.considerEndpoints() && q == 0) {
            gap = ext[2] - ext[1];
          } else if (!settings.considerEndpoints() && q == m - 1) {
            gap = ext[m] - ext[m - 1];
          } else {
            gap = Math.max(ext[q + 1] - ext[q], ext[q + 2] - ext[q + 1]);
          }
          width = Math.min(range, Math.max(minSigma, gap));
        }
        widths[q] = width;
        narrow = Math.min(narrow, width);
      }
      int narrowCount = 0;
      for (int q = 0; q < m; q++) {
        if (widths[q] == narrow) {
          narrowCount++;
        }
      }
      if (narrowCount < m / 2) {
        return null;  // KernelWindow.of would decline: the full estimator sums every kernel
      }
      if (priorSigma == narrow) {
        narrowCount--;  // the prior is always summed in full
      }

      // Kernel constants, then the window's narrow kernels in sorted order and the others by index.
      double[] logMixture = ParzenEstimator.mixture(n, settings).logWeights();
      double[] narrowMus = new double[narrowCount];
      double[] narrowCoefficients = new double[narrowCount];
      int wideCount = m - narrowCount;
      long[] wide = new long[wideCount];  // (index << 32 | sorted position), to order them by index
      double[] wideCoefficientAt = scratchWideCoefficients;
      double narrowLogSigma = Math.log(narrow);
      int a = 0;
      int b = 0;
      for (int q = 0; q < m; q++) {
        int k = index[q];
        double width = widths[q];
        double logSigma = width == narrow ? narrowLogSigma : Math.log(width);
        if (k == n) {
          double logNormalizer = TruncNorm.logMass((aLow - priorMu) / width, (aHigh - priorMu) / width);
          wideCoefficientAt[q] = logMixture[k] - logSigma - logNormalizer - TruncNorm.LOG_SQRT_2PI;
          ext[q + 1] = priorMu;
          wide[b++] = (long) k << 32 | q;
          continue;
        }
        double mu = ext[q + 1];
        double logNormalizer;
        int at = memoAt[q];
        if (currentWidths[at] == width) {
          logNormalizer = currentLogNormalizers[at];
        } else {
          logNormalizer = TruncNorm.logMass((aLow - mu) / width, (aHigh - mu) / width);
          currentWidths[at] = width;
          currentLogNormalizers[at] = logNormalizer;
        }
        double coefficient = logMixture[k] - logSigma - logNormalizer - TruncNorm.LOG_SQRT_2PI;
        if (width == narrow) {
          narrowMus[a] = mu;
          narrowCoefficients[a++] = coefficient;
        } else {
          wideCoefficientAt[q] = coefficient;
          wide[b++] = (long) k << 32 | q;
        }
      }
      Arrays.sort(wide);
      double[] wideMus = new double[wideCount];
      double[] wideInverseSigmas = new double[wideCount];
      double[] wideCoefficients = new double[wideCount];
      for (int i = 0; i < wideCount; i++) {
        int q = (int) wide[i];
        wideMus[i] = ext[q + 1];
        wideInverseSigmas[i] = 1 / widths[q];
        wideCoefficients[i] = wideCoefficientAt[q];
      }
      KernelWindow window = KernelWindow.ofSorted(narrowMus, narrowCoefficients, 1 / narrow, wideMus,
          wideInverseSigmas, wideCoefficients);
      swap(n);
      return new AboveDensity(inLogs, aLow, aHigh, window);
    }

    private static boolean isCurrent(int arrival, int[] indexOfArrival) {
      return arrival < indexOfArrival.length && indexOfArrival[arrival] >= 0;
    }

    /** The current kernels become the previous ones. */
    private void swap(int n) {
      int[] arrivals = previousArrivals;
      previousArrivals = currentArrivals;
      currentArrivals = arrivals;
      double[] t = previousMus;
      previousMus = currentMus;
      currentMus = t;
      t = previousWidths;
      previousWidths = currentWidths;
      currentWidths = t;
      t = previousLogNormalizers;
      previousLogNormalizers = currentLogNormalizers;
      currentLogNormalizers = t;
      previousCount = n;
      ensureCurrent(n);
    }

    /** Makes the scratch arrays hold {@code m} kernels. */
    private void ensureScratch(int m) {
      if (scratchIndex.length < m) {
        int capacity = Math.max(m, 2 * scratchIndex.length);
        scratchExt = new double[capacity + 2];
        scratchIndex = new int[capacity];
        scratchMemoAt = new int[capacity];
        scratchWidths = new double[capacity];
        scratchWideCoefficients = new double[capacity];
      }
    }

    /** Starts over for another history or range, and makes room for {@code n} kernels. */
    private void remember(int newGeneration, double newLow, double newHigh, boolean newLogSpace, int n) {
      boolean same = generation == newGeneration && Double.compare(low, newLow) == 0
          && Double.compare(high, newHigh) == 0 && logSpace == newLogSpace;
      if (!same) {
        generation = newGeneration;
        low = newLow;
        high = newHigh;
        logSpace = newLogSpace;
        previousCount = 0;
      }
      ensureCurrent(n);
    }

    private void ensureCurrent(int n) {
      if (currentArrivals.length < n) {
        int capacity = Math.max(n, 2 * currentArrivals.length);
        currentArrivals = new int[capacity];
        currentMus = new double[capacity];
        currentWidths = new double[capacity];
        currentLogNormalizers = new double[capacity];
      }
    }
  }
}
