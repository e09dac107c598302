package io.parzen.sampler;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Prior;
import io.parzen.space.PriorSampling;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * The univariate Parzen estimator of one parameter (Optuna's {@code _ParzenEstimator} with one
 * dimension): a weighted mixture with one kernel per observation plus one prior kernel.
 *
 * <p>Numerical parameters get truncated-normal kernels on {@code [low, high]}, in log space for
 * log parameters; quantized and integer parameters widen the range by half a step on each side,
 * give each grid point the kernel mass of its cell, and round samples to the grid. Categorical
 * parameters get Optuna's categorical kernels: each observation puts mass 1 on its choice plus
 * {@code priorWeight / nKernels} on every choice, and the prior kernel is the prior's choice
 * probabilities (uniform unless the declared parameter carries weights).
 *
 * <p>Values are in Optuna's internal representation (the choice index for categoricals).
 * Immutable but for a memo of per-kernel constants that draws fill in (TPE draws under its
 * generator's lock); sampling uses the generator it is given. The per-kernel methods ({@link
 * #sampleKernel}, {@link #logKernel}) let {@link MultivariateParzenEstimator} combine one
 * estimator per parameter into a product kernel that shares the mixture weights.
 */
abstract class ParzenEstimator {

  static final double EPS = 1e-12;

  /**
   * Settings shared by the below and above estimators; {@code normalizers} and {@code mixtures}
   * (either may be null) remember kernel normalisers and mixture weights from one estimator to the
   * next, which assumes the weights function depends on {@code n} alone.
   */
  record Settings(double priorWeight, boolean considerMagicClip, boolean considerEndpoints,
      IntFunction<double[]> weights, NormalizerCache normalizers, MixtureCache mixtures) {

    Settings(double priorWeight, boolean considerMagicClip, boolean considerEndpoints, IntFunction<double[]> weights) {
      this(priorWeight, considerMagicClip, considerEndpoints, weights, null, null);
    }
  }

  /** Normalised mixture weights of {@code n} observations and the prior (last), and their logs; never modified. */
  record Mixture(double[] weights, double[] logWeights) {

    static Mixture of(double[] weights) {
      double[] logs = new double[weights.length];
      for (int k = 0; k < weights.length; k++) {
        logs[k] = Math.log(weights[k]);
      }
      return new Mixture(weights, logs);
    }
  }

  /** Mixture weights, normalised, prior last. */
  final double[] mixture;
  final double[] logMixture;

  ParzenEstimator(Mixture mixture) {
    this.mixture = mixture.weights();
    this.logMixture = mixture.logWeights();
  }

  /** The mixture of {@code n} observations and the prior, remembered when the settings say so. */
  static Mixture mixture(int n, Settings settings) {
    MixtureCache cache = settings.mixtures();
    return cache == null ? Mixture.of(mixtureWeights(n, settings)) : cache.get(n, () -> Mixture.of(mixtureWeights(n, settings)));
  }

  /**
   * An estimator of {@code observations} (internal values, oldest first) of a parameter drawn
   * from {@code distribution}, whose prior shape is {@code prior}.
   */
  static ParzenEstimator of(double[] observations, Distribution distribution, Prior prior, Settings settings) {
    return of(observations, distribution, prior, settings, Double.NaN);
  }

  /**
   * As {@link #of(double[], Distribution, Prior, Settings)}; when {@code sigma0} is a number,
   * numerical kernels get Optuna's multivariate bandwidth {@code sigma0 * range} (magic-clipped)
   * instead of the univariate neighbour rule.
   */
  static ParzenEstimator of(double[] observations, Distribution distribution, Prior prior, Settings settings,
      double sigma0) {
    return of(observations, null, distribution, prior, settings, sigma0);
  }

  /**
   * As {@link #of(double[], Distribution, Prior, Settings)}, given the observations' indices in
   * ascending order of value ({@code null} to sort them here), which saves sorting them again.
   */
  static ParzenEstimator of(double[] observations, int[] order, Distribution distribution, Prior prior,
      Settings settings, double sigma0) {
    Mixture mixture = mixture(observations.length, settings);
    if (distribution instanceof CategoricalDistribution c) {
      return new Categorical(observations, c, prior, settings.priorWeight(), mixture);
    }
    return Numerical.of(observations, order, distribution, prior, settings, mixture, sigma0);
  }

  /** Optuna's mixture weights: the weights function for the observations, then the prior weight. */
  static double[] mixtureWeights(int n, Settings settings) {
    if (n == 0) {
      return new double[] {1.0};
    }
    double[] w = settings.weights().apply(n);
    if (w == null || w.length < n) {
      throw new IllegalArgumentException("the weights function returned " + (w == null ? "null" : w.length
          + " weights") + " for " + n + " observations");
    }
    double[] all = Arrays.copyOf(w, n + 1);
    all[n] = settings.priorWeight();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (!(all[i] >= 0) || !Double.isFinite(all[i])) {
        throw new IllegalArgumentException("the weights function returned " + all[i] + " for " + n + " observations");
      }
      sum += all[i];
    }
    sum += all[n];
    if (!(sum > 0)) {
      throw new IllegalArgumentException("the weights function returned only zeros for " + n + " observations");
    }
    for (int i = 0; i <= n; i++) {
      all[i] /= sum;
    }
    return all;
  }

  /** Optuna's default weights: all ones below 25 observations, else a ramp from 1/n to 1 then 25 ones. */
  static double[] defaultWeights(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    if (n >= 25) {
      int ramp = n - 25;
      for (int i = 0; i < ramp; i++) {
        // numpy.linspace(1/n, 1, ramp)
        w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
      }
    }
    return w;
  }

  int pickKernel(RandomGenerator rng) {
    double u = rng.nextDouble();
    double cumulative = 0;
    int last = 0;
    for (int k = 0; k < mixture.length; k++) {
      if (mixture[k] > 0) {
        last = k;
        cumulative += mixture[k];
        if (u < cumulative) {
          return k;
        }
      }
    }
    return last;
  }

  /** The number of kernels, the prior's included. */
  int kernels() {
    return mixture.length;
  }

  /** One draw, as an internal value of the distribution. */
  double sample(RandomGenerator rng) {
    return sampleKernel(pickKernel(rng), rng);
  }

  /** One draw from kernel {@code k} alone, as an internal value. */
  abstract double sampleKernel(int k, RandomGenerator rng);

  /** The log density (log probability for discrete values) of kernel {@code k} alone at {@code x}. */
  abstract double logKernel(int k, double x);

  /** Adds {@link #logKernel logKernel(k, x)} to {@code sums[k]} for every kernel {@code k}. */
  void addLogKernels(double x, double[] sums) {
    for (int k = 0; k < sums.length; k++) {
      sums[k] += logKernel(k, x);
    }
  }

  /** The log density (log probability for discrete values) of the internal value {@code x}. */
  abstract double logPdf(double x);

  /** Truncated-normal kernels for float and int parameters. */
  static final class Numerical extends ParzenEstimator {
    final double low;
    final double high;
    final double step;  // 0 when continuous
    final boolean logSpace;
    /** The kernels' support in the kernels' space: [low - step/2, high + step/2], logged if log. */
    final double adaptedLow;
    final double adaptedHigh;
    final double[] mus;
    final double[] sigmas;
    /** log of each kernel's normal mass inside [adaptedLow, adaptedHigh]. */
    final double[] logNormalizers;
    final double[] inverseSigmas;
    /**
     * Per kernel, the constant part of its weighted log density: {@code log w - log sigma - log Z
     * - log sqrt(2 pi)} for continuous ranges, {@code log w - log Z} for stepped ones.
     */
    final double[] logCoefficients;
    /** Per kernel, {@code -log sigma - log Z - log sqrt(2 pi)}: its log density without the weight. */
    private final double[] logKernelConstants;
    /** For continuous ranges with many kernels: a faster, equally exact way to sum them. */
    private final KernelWindow window;

    private Numerical(double low, double high, double step, boolean logSpace, double adaptedLow,
        double adaptedHigh, double[] mus, double[] sigmas, Mixture mixture, NormalizerCache normalizers,
        int[] observationOrder) {
      super(mixture);
      this.low = low;
      this.high = high;
      this.step = step;
      this.logSpace = logSpace;
      this.adaptedLow = adaptedLow;
      this.adaptedHigh = adaptedHigh;
      this.mus = mus;
      this.sigmas = sigmas;
      int m = mus.length;
      this.logNormalizers = new double[m];
      this.inverseSigmas = new double[m];
      this.logCoefficients = new double[m];
      this.logKernelConstants = new double[m];
      if (normalizers != null) {
        normalizers.logMasses(mus, sigmas, adaptedLow, adaptedHigh, logNormalizers);
      } else {
        for (int k = 0; k < m; k++) {
          logNormalizers[k] = TruncNorm.logMass((adaptedLow - mus[k]) / sigmas[k], (adaptedHigh - mus[k]) / sigmas[k]);
        }
      }
      double sigma = Double.NaN;
      double logSigma = Double.NaN;
      for (int k = 0; k < m; k++) {
        if (sigmas[k] != sigma) {  // most kernels share the clipped width: one log for all of them
          sigma = sigmas[k];
          logSigma = Math.log(sigma);
        }
        inverseSigmas[k] = 1 / sigma;
        logKernelConstants[k] = -logSigma - logNormalizers[k] - TruncNorm.LOG_SQRT_2PI;
        logCoefficients[k] = step > 0 ? logMixture[k] - logNormalizers[k]
            : logMixture[k] - logSigma - logNormalizers[k] - TruncNorm.LOG_SQRT_2PI;
      }
      // Multivariate dimensions (no order given) are only evaluated kernel by kernel.
      window = step > 0 || observationOrder == null ? null
          : KernelWindow.of(mus, sigmas, inverseSigmas, logCoefficients, observationOrder);
    }

    static Numerical of(double[] observations, int[] givenOrder, Distribution distribution, Prior prior,
        Settings settings, Mixture mixture, double sigma0) {
      double low;
      double high;
      double step;
      boolean log;
      if (distribution instanceof FloatDistribution f) {
        low = f.low();
        high = f.high();
        step = f.step() == null ? 0 : f.step();
        log = f.log();
      } else {
        IntDistribution i = (IntDistribution) distribution;
        low = i.low();
        high = i.high();
        step = i.step();
        log = i.log();
      }
      double aLow = low - step / 2;
      double aHigh = high + step / 2;
      // Hyperopt's log-uniform and log-normal priors on a range that is not log (quantized
      // ranges, where Optuna forbids log with a step) also put the kernels in log space, when
      // the widened range stays positive.
      boolean logSpace = log || (prior instanceof Prior.LogUniform || prior instanceof Prior.LogNormal) && aLow > 0;
      double[] mus = observations.clone();
      if (logSpace) {
        aLow = Math.log(aLow);
        aHigh = Math.log(aHigh);
        for (int k = 0; k < mus.length; k++) {
          mus[k] = Math.log(mus[k]);
        }
      }
      double range = aHigh - aLow;
      int[] order = null;
      double[] sigmas;
      if (Double.isNaN(sigma0)) {
        order = givenOrder == null ? null : withPrior(mus, givenOrder, 0.5 * (aLow + aHigh));
        if (order == null) {
          order = orderWithPrior(mus, aLow, aHigh);
        }
        sigmas = bandwidths(mus, order, aLow, aHigh, settings);
      } else {
        sigmas = multivariateBandwidths(mus.length, sigma0, aLow, aHigh, settings);
      }

      // The prior kernel: the declared normal or log-normal prior when it lives in the kernels'
      // space, else Optuna's (the middle of the range, sigma = the range).
      double priorMu = 0.5 * (aLow + aHigh);
      double priorSigma = range;
      if (prior instanceof Prior.Normal n && !logSpace) {
        priorMu = n.mu();
        priorSigma = n.sigma();
      } else if (prior instanceof Prior.LogNormal n && logSpace) {
        priorMu = n.mu();
        priorSigma = n.sigma();
      }
      int n = mus.length;
      double[] allMus = Arrays.copyOf(mus, n + 1);
      double[] allSigmas = Arrays.copyOf(sigmas, n + 1);
      allMus[n] = priorMu;
      allSigmas[n] = Math.max(priorSigma, EPS);
      return new Numerical(low, high, step, logSpace, aLow, aHigh, allMus, allSigmas, mixture, settings.normalizers(),
          order);
    }

    /**
     * Optuna's univariate bandwidth rule: each kernel's sigma is the larger gap to its
     * neighbours among the sorted observations, the prior's mean and the range's ends; without
     * {@code considerEndpoints}, the first and last take the gap on their inner side. Sigmas are
     * then clipped to {@code [range / min(100, 1 + nKernels), range]} (the magic clip).
     */
    static double[] bandwidths(double[] mus, double low, double high, Settings settings) {
      return bandwidths(mus, orderWithPrior(mus, low, high), low, high, settings);
    }

    /** The order of the observations and Optuna's prior mean (index {@code n}, the range's middle). */
    static int[] orderWithPrior(double[] mus, double low, double high) {
      double[] withPrior = Arrays.copyOf(mus, mus.length + 1);
      withPrior[mus.length] = 0.5 * (low + high);
      return sortedOrder(withPrior);
    }

    /**
     * {@link #orderWithPrior} from {@code order}, the observations' indices in ascending order, by
     * placing the prior's index after the values up to {@code priorMu}; {@code null} unless {@code
     * order} is exactly what a stable sort of {@code mus} gives (checked, as the caller sorted the
     * raw values and {@code mus} may be their logarithms, where distinct values can tie).
     */
    static int[] withPrior(double[] mus, int[] order, double priorMu) {
      int n = mus.length;
      if (order.length != n) {
        return null;
      }
      int[] out = new int[n + 1];
      boolean[] seen = new boolean[n];
      int j = 0;
      boolean priorPlaced = false;
      for (int i = 0; i < n; i++) {
        int k = order[i];
        if (k < 0 || k >= n || seen[k]) {
          return null;
        }
        seen[k] = true;
        if (i > 0) {
          int previous = order[i - 1];
          int c = Double.compare(mus[previous], mus[k]);
          if (c > 0 || c == 0 && previous > k) {
            return null;
          }
        }
        if (!priorPlaced && Double.compare(mus[k], priorMu) > 0) {
          out[j++] = n;
          priorPlaced = true;
        }
        out[j++] = k;
      }
      if (!priorPlaced) {
        out[j] = n;
      }
      return out;
    }

    /** {@link #bandwidths(double[], double, double, Settings)} given {@link #orderWithPrior}. */
    private static double[] bandwidths(double[] mus, int[] order, double low, double high, Settings settings) {
      int n = mus.length;
      if (n == 0) {
        return new double[0];
      }
      int m = n + 1;
      double[] withPrior = Arrays.copyOf(mus, m);
      withPrior[n] = 0.5 * (low + high);
      double[] ext = new double[m + 2];
      ext[0] = low;
      for (int i = 0; i < m; i++) {
        ext[i + 1] = withPrior[order[i]];
      }
      ext[m + 1] = high;
      double[] sorted = new double[m];
      for (int i = 0; i < m; i++) {
        sorted[i] = Math.max(ext[i + 1] - ext[i], ext[i + 2] - ext[i + 1]);
      }
      if (!settings.considerEndpoints() && ext.length >= 4) {
        sorted[0] = ext[2] - ext[1];
        sorted[m - 1] = ext[m] - ext[m - 1];
      }
      double range = high - low;
      double minSigma = settings.considerMagicClip() ? range / Math.min(100.0, 1.0 + (n + 1)) : EPS;
      double[] sigmas = new double[n];
      for (int i = 0; i < m; i++) {
        if (order[i] < n) {
          sigmas[order[i]] = Math.min(range, Math.max(minSigma, sorted[i]));
        }
      }
      return sigmas;
    }

    /**
     * Optuna's multivariate bandwidth: every kernel gets {@code sigma0 * range}, where {@code
     * sigma0 = 0.2 n^(-1/(d+4))} (Scott's rule as in BOHB), then the magic clip.
     */
    static double[] multivariateBandwidths(int n, double sigma0, double low, double high, Settings settings) {
      double range = high - low;
      double minSigma = settings.considerMagicClip() ? range / Math.min(100.0, 1.0 + (n + 1)) : EPS;
      double[] sigmas = new double[n];
      Arrays.fill(sigmas, Math.min(range, Math.max(minSigma, sigma0 * range)));
      return sigmas;
    }

    /**
     * The indices of {@code values} in ascending order of value, equal values in index order (as a
     * stable sort orders them; {@link Double#compare} order, so -0.0 before 0.0).
     */
    static int[] sortedOrder(double[] values) {
      int n = values.length;
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      int[] buffer = new int[n];
      for (int width = 1; width < n; width *= 2) {
        for (int lo = 0; lo < n - width; lo += 2 * width) {
          int mid = lo + width;
          int hi = Math.min(lo + 2 * width, n);
          if (Double.compare(values[order[mid - 1]], values[order[mid]]) <= 0) {
            continue;  // already in order
          }
          int i = lo;
          int j = mid;
          int k = lo;
          while (i < mid && j < hi) {
            buffer[k++] = Double.compare(values[order[j]], values[order[i]]) < 0 ? order[j++] : order[i++];
          }
          while (i < mid) {
            buffer[k++] = order[i++];
          }
          while (j < hi) {
            buffer[k++] = order[j++];
          }
          System.arraycopy(buffer, lo, order, lo, hi - lo);
        }
      }
      return order;
    }

    /**
     * Per kernel, the normal CDF at its range's ends as {@link PriorSampling#truncatedNormal} takes
     * them (both ends in the lower tail); NaN until a draw from the kernel needs them. Several of
     * the 24 candidates of a trial usually come from the same kernel, and TPE reuses a below
     * estimator for as long as the below trials stay the same. (TPE draws under its generator's
     * lock; the array is published filled, so unlocked callers at worst compute a value twice.)
     */
    private volatile double[] endCdfs;

    @Override
    double sampleKernel(int k, RandomGenerator rng) {
      double x = adaptedLow >= adaptedHigh ? adaptedLow : truncatedNormal(k, rng);
      if (logSpace) {
        x = Math.exp(x);
      }
      if (step > 0) {
        x = low + Math.rint((x - low) / step) * step;
      }
      return Math.min(high, Math.max(low, x));
    }

    /**
     * {@link PriorSampling#truncatedNormal} for kernel {@code k} on the kernels' range, bit for bit,
     * with the CDF at the range's ends computed once per kernel rather than once per draw.
     */
    private double truncatedNormal(int k, RandomGenerator rng) {
      double mu = mus[k];
      double sigma = sigmas[k];
      double a = adaptedLow;
      double b = adaptedHigh;
      double za = (a - mu) / sigma;
      double zb = (b - mu) / sigma;
      if (za >= zb) {
        return a;
      }
      boolean flip = za > 0;
      if (flip) {
        double t = -zb;
        zb = -za;
        za = t;
      }
      double[] cdfs = endCdfs;
      if (cdfs == null) {
        cdfs = new double[2 * mus.length];
        Arrays.fill(cdfs, Double.NaN);
        endCdfs = cdfs;
      }
      double pa = cdfs[2 * k];
      double pb = cdfs[2 * k + 1];
      if (Double.isNaN(pa) || Double.isNaN(pb)) {  // (another thread may be filling them in)
        pa = KernelSampling.cdf(za);
        pb = KernelSampling.cdf(zb);
        cdfs[2 * k] = pa;
        cdfs[2 * k + 1] = pb;
      }
      double z;
      if (pb - pa <= 0) {
        z = za + (zb - za) * rng.nextDouble();
      } else {
        z = KernelSampling.inverseCdf(pa + (pb - pa) * rng.nextDouble());
        z = Math.min(zb, Math.max(za, z));
      }
      return Math.min(b, Math.max(a, mu + sigma * (flip ? -z : z)));
    }

    @Override
    void addLogKernels(double x, double[] sums) {
      if (step > 0) {
        super.addLogKernels(x, sums);
        return;
      }
      double t = logSpace ? Math.log(x) : x;
      if (!(t >= adaptedLow && t <= adaptedHigh)) {
        Arrays.fill(sums, Double.NEGATIVE_INFINITY);
        return;
      }
      for (int k = 0; k < sums.length; k++) {
        double z = (t - mus[k]) * inverseSigmas[k];
        sums[k] += logKernelConstants[k] - 0.5 * z * z;
      }
    }

    @Override
    double logKernel(int k, double x) {
      if (step > 0) {
        double left = x - step / 2;
        double right = x + step / 2;
        if (logSpace) {
          left = Math.log(left);
          right = Math.log(right);
        }
        return TruncNorm.logMass((left - mus[k]) * inverseSigmas[k], (right - mus[k]) * inverseSigmas[k])
            - logNormalizers[k];
      }
      double t = logSpace ? Math.log(x) : x;
      if (!(t >= adaptedLow && t <= adaptedHigh)) {
        return Double.NEGATIVE_INFINITY;
      }
      double z = (t - mus[k]) * inverseSigmas[k];
      return TruncNorm.logPhi(z) - Math.log(sigmas[k]) - logNormalizers[k];
    }

    @Override
    double logPdf(double x) {
      TruncNorm.LogSum sum = new TruncNorm.LogSum();
      if (step > 0) {
        double left = x - step / 2;
        double right = x + step / 2;
        if (logSpace) {
          left = Math.log(left);
          right = Math.log(right);
        }
        for (int k = 0; k < mus.length; k++) {
          sum.add(logCoefficients[k]
              + TruncNorm.logMass((left - mus[k]) * inverseSigmas[k], (right - mus[k]) * inverseSigmas[k]));
        }
        return sum.value();
      }
      double t = logSpace ? Math.log(x) : x;
      if (!(t >= adaptedLow && t <= adaptedHigh)) {
        return Double.NEGATIVE_INFINITY;
      }
      if (window != null) {
        return window.logPdf(t);
      }
      for (int k = 0; k < mus.length; k++) {
        double z = (t - mus[k]) * inverseSigmas[k];
        sum.add(logCoefficients[k] - 0.5 * z * z);
      }
      return sum.value();
    }
  }

  /** Optuna's categorical kernels, with the prior's choice probabilities as the prior kernel. */
  static final class Categorical extends ParzenEstimator {
    /** probabilities[k][c]: kernel k's probability of choice c; the prior kernel last. */
    final double[][] probabilities;

    Categorical(double[] observations, CategoricalDistribution distribution, Prior prior, double priorWeight,
        Mixture mixture) {
      super(mixture);
      int choices = distribution.choices().size();
      double[] priorProbabilities = new double[choices];
      if (prior instanceof Prior.Weighted w && w.weights().size() == choices) {
        priorProbabilities = w.probabilities();
      } else {
        Arrays.fill(priorProbabilities, 1.0 / choices);
      }
      int n = observations.length;
      if (n == 0) {
        probabilities = new double[][] {priorProbabilities};
        return;
      }
      int kernels = n + 1;
      probabilities = new double[kernels][];
      for (int k = 0; k < n; k++) {
        // Optuna adds priorWeight / nKernels to every choice; spread here in proportion to the
        // prior's probabilities, which is the same for a uniform prior.
        double[] row = new double[choices];
        for (int c = 0; c < choices; c++) {
          row[c] = priorWeight / kernels * choices * priorProbabilities[c];
        }
        row[(int) observations[k]] += 1;
        probabilities[k] = normalized(row);
      }
      probabilities[n] = priorProbabilities;
    }

    private static double[] normalized(double[] row) {
      double sum = Arrays.stream(row).sum();
      if (sum > 0) {
        for (int c = 0; c < row.length; c++) {
          row[c] /= sum;
        }
      }
      return row;
    }

    @Override
    double sampleKernel(int k, RandomGenerator rng) {
      double[] p = probabilities[k];
      double u = rng.nextDouble();
      double cumulative = 0;
      int last = 0;
      for (int c = 0; c < p.length; c++) {
        if (p[c] > 0) {
          last = c;
          cumulative += p[c];
          if (u < cumulative) {
            return c;
          }
        }
      }
      return last;
    }

    @Override
    double logKernel(int k, double x) {
      return Math.log(probabilities[k][(int) x]);
    }

    @Override
    double logPdf(double x) {
      int c = (int) x;
      TruncNorm.LogSum sum = new TruncNorm.LogSum();
      for (int k = 0; k < probabilities.length; k++) {
        sum.add(logMixture[k] + Math.log(probabilities[k][c]));
      }
      return sum.value();
    }
  }
}
