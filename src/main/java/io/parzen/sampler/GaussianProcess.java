package io.parzen.sampler;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gaussian-process regression with an ARD Matern-5/2 kernel, as Optuna's {@code _gp/gp.py}:
 * {@code k(x, x') = scale * matern52(sum_d isl_d * sqd_d(x, x'))} where {@code isl_d} is the
 * inverse squared lengthscale of dimension {@code d} and {@code sqd_d} the squared difference
 * for a numerical dimension or the Hamming distance (0 or 1) for a categorical one, plus a noise
 * variance of at least {@value #MINIMUM_NOISE} on the diagonal.
 *
 * <p>{@link #fit} finds the kernel hyperparameters by maximum a posteriori: the marginal
 * log-likelihood plus Optuna's priors ({@code -(0.1/isl + 0.1 isl)} per lengthscale,
 * {@code Gamma(2, 1)} on the scale and {@code Gamma(1.1, 30)} on the noise), optimised by L-BFGS
 * over their logarithms with the analytic gradient {@code 0.5 tr((alpha alpha^T - K^-1) dK)},
 * starting from the previous fit when there is one. The inputs are expected in {@code [0,1]}
 * (categorical dimensions: any distinct codes) and the outputs standardised.
 *
 * <p>Immutable once fitted; thread-safe for posterior queries. Fitting costs
 * {@code O(n^3)} per L-BFGS iteration and a posterior query {@code O(n^2)}.
 */
final class GaussianProcess {

  /** Optuna's {@code DEFAULT_MINIMUM_NOISE_VAR}. */
  static final double MINIMUM_NOISE = 1e-6;
  /** Largest projected-gradient component at which the hyperparameter fit stops (Optuna's gtol). */
  static final double FIT_GTOL = 1e-2;
  private static final int FIT_MAX_ITERATIONS = 1000;
  private static final double SQRT5 = Math.sqrt(5);
  private static final Logger LOG = LoggerFactory.getLogger(GaussianProcess.class);

  /** Kernel hyperparameters: inverse squared lengthscales, kernel scale, noise variance. */
  record Hyperparameters(double[] inverseSquaredLengthscales, double kernelScale, double noiseVariance) {

    /** Optuna's starting point: every hyperparameter 1. */
    static Hyperparameters defaults(int dimension) {
      double[] isl = new double[dimension];
      Arrays.fill(isl, 1.0);
      return new Hyperparameters(isl, 1.0, 1.0);
    }

    /**
     * The unconstrained coordinates the fit works in: {@code log isl}, {@code log scale} and
     * {@code log(noise - MINIMUM_NOISE)}; the noise starts a hair above its minimum, as Optuna's.
     */
    double[] raw() {
      int d = inverseSquaredLengthscales.length;
      double[] raw = new double[d + 2];
      for (int i = 0; i < d; i++) {
        raw[i] = Math.log(inverseSquaredLengthscales[i]);
      }
      raw[d] = Math.log(kernelScale);
      raw[d + 1] = Math.log(noiseVariance - 0.99 * MINIMUM_NOISE);
      return raw;
    }

    static Hyperparameters fromRaw(double[] raw) {
      int d = raw.length - 2;
      double[] isl = new double[d];
      for (int i = 0; i < d; i++) {
        isl[i] = Math.exp(raw[i]);
      }
      return new Hyperparameters(isl, Math.exp(raw[d]), Math.exp(raw[d + 1]) + MINIMUM_NOISE);
    }

    /** {@code 1 / sqrt(isl)} per dimension. */
    double[] lengthscales() {
      return Arrays.stream(inverseSquaredLengthscales).map(v -> 1 / Math.sqrt(v)).toArray();
    }
  }

  private final int n;
  private final int d;
  /** Training inputs, row-major {@code n x d}. */
  private final double[] x;
  private final boolean[] categorical;
  private final Hyperparameters hyper;
  /** Lower Cholesky factor of {@code K + noise I}, row-major. */
  private final double[] chol;
  /** {@code (K + noise I)^-1 y}. */
  private final double[] alpha;

  /** A GP with fixed hyperparameters; throws {@link ArithmeticException} when the kernel matrix is not positive definite. */
  GaussianProcess(double[] x, double[] y, boolean[] categorical, Hyperparameters hyper) {
    this.d = categorical.length;
    this.n = y.length;
    if (x.length != n * d || hyper.inverseSquaredLengthscales().length != d) {
      throw new IllegalArgumentException("GP inputs (" + x.length + " values) do not match "
          + n + " points x " + d + " dimensions");
    }
    this.x = x.clone();
    this.categorical = categorical.clone();
    this.hyper = hyper;
    double[] k = new double[n * n];
    double s = hyper.kernelScale();
    double[] isl = hyper.inverseSquaredLengthscales();
    for (int i = 0; i < n; i++) {
      k[i * n + i] = s + hyper.noiseVariance();
      for (int j = 0; j < i; j++) {
        double r2 = 0;
        for (int c = 0; c < d; c++) {
          r2 += isl[c] * sqd(x[i * d + c], x[j * d + c], categorical[c]);
        }
        k[i * n + j] = k[j * n + i] = s * matern52(r2);
      }
    }
    if (!cholesky(k, n)) {
      throw new ArithmeticException("the GP kernel matrix is not positive definite");
    }
    this.chol = k;
    this.alpha = y.clone();
    solveLower(chol, n, alpha);
    solveUpper(chol, n, alpha);
  }

  /**
   * Fits the hyperparameters to {@code (x, y)} by maximum a posteriori, from {@code start} (the
   * previous fit, or {@code null}) and, when that does not converge, from the defaults; when
   * neither converges the best finite fit is kept, and when there is none the defaults are used.
   */
  static GaussianProcess fit(double[] x, double[] y, boolean[] categorical, Hyperparameters start) {
    Likelihood likelihood = new Likelihood(x, y, categorical);
    int d = categorical.length;
    BoundedLbfgs lbfgs = new BoundedLbfgs(null, null, FIT_GTOL, FIT_MAX_ITERATIONS);
    Hyperparameters[] starts = start == null
        ? new Hyperparameters[] {Hyperparameters.defaults(d)}
        : new Hyperparameters[] {start, Hyperparameters.defaults(d)};
    BoundedLbfgs.Result best = null;
    for (Hyperparameters from : starts) {
      BoundedLbfgs.Result result = lbfgs.minimize(likelihood::lossAndGradient, from.raw());
      if (Double.isFinite(result.value()) && (best == null || result.value() < best.value())) {
        best = result;
      }
      if (result.converged() && Double.isFinite(result.value())) {
        break;
      }
    }
    if (best != null) {
      try {
        return new GaussianProcess(x, y, categorical, Hyperparameters.fromRaw(best.x()));
      } catch (ArithmeticException e) {
        // Falls through to the defaults.
      }
    }
    LOG.warn("fitting the GP kernel parameters failed; using the default parameters");
    return new GaussianProcess(x, y, categorical, Hyperparameters.defaults(d));
  }

  Hyperparameters hyperparameters() {
    return hyper;
  }

  int size() {
    return n;
  }

  /**
   * The posterior mean and variance at {@code point}: {@code out[0]} the mean, {@code out[1]} the
   * variance (clamped at 0). When {@code dims} is given, also their gradients with respect to the
   * coordinates {@code dims} (numerical dimensions only) into {@code gradMean} and {@code gradVar}.
   */
  void posterior(double[] point, double[] out, int[] dims, double[] gradMean, double[] gradVar) {
    double s = hyper.kernelScale();
    double[] isl = hyper.inverseSquaredLengthscales();
    double[] k = new double[n];
    double[] dk = dims == null ? null : new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      double r2 = 0;
      for (int c = 0; c < d; c++) {
        r2 += isl[c] * sqd(point[c], x[i * d + c], categorical[c]);
      }
      double t = Math.sqrt(5 * r2);
      double e = Math.exp(-t);
      k[i] = s * e * (5.0 / 3 * r2 + t + 1);
      if (dk != null) {
        dk[i] = s * (-5.0 / 6) * (t + 1) * e;  // d k_i / d r2
      }
      mean += k[i] * alpha[i];
    }
    double[] v = k.clone();
    solveLower(chol, n, v);
    double var = s;
    for (int i = 0; i < n; i++) {
      var -= v[i] * v[i];
    }
    boolean clamped = var < 0;
    out[0] = mean;
    out[1] = clamped ? 0 : var;
    if (dims == null) {
      return;
    }
    double[] w = v;  // K^-1 k, in place
    solveUpper(chol, n, w);
    for (int j = 0; j < dims.length; j++) {
      int c = dims[j];
      double gm = 0;
      double gv = 0;
      for (int i = 0; i < n; i++) {
        double dki = dk[i] * 2 * isl[c] * (point[c] - x[i * d + c]);
        gm += alpha[i] * dki;
        gv += w[i] * dki;
      }
      gradMean[j] = gm;
      gradVar[j] = clamped ? 0 : -2 * gv;
    }
  }

  /** {@code exp(-sqrt(5 r2)) (5/3 r2 + sqrt(5 r2) + 1)}, the Matern-5/2 kernel of a squared distance. */
  static double matern52(double r2) {
    double t = Math.sqrt(5 * r2);
    return Math.exp(-t) * (5.0 / 3 * r2 + t + 1);
  }

  /** The derivative of {@link #matern52} with respect to the squared distance. */
  static double matern52Derivative(double r2) {
    double t = Math.sqrt(5 * r2);
    return -5.0 / 6 * (t + 1) * Math.exp(-t);
  }

  private static double sqd(double a, double b, boolean categorical) {
    if (categorical) {
      return a == b ? 0 : 1;
    }
    double diff = a - b;
    return diff * diff;
  }

  /**
   * The negative log posterior of the hyperparameters (without constants) and its gradient, over
   * the raw coordinates of {@link Hyperparameters#raw()}. Precomputes the per-dimension squared
   * differences of every pair of points once.
   */
  static final class Likelihood {
    private final int n;
    private final int d;
    private final double[] y;
    /** Per pair {@code (i, j), j < i}, in row order: the d squared differences. */
    private final double[] pairSqd;
    private final double[] k;
    private final double[] m;
    private final double[] dm;
    private final double[] alpha;
    private final double[] inverse;

    Likelihood(double[] x, double[] y, boolean[] categorical) {
      this.n = y.length;
      this.d = categorical.length;
      this.y = y.clone();
      int pairs = n * (n - 1) / 2;
      this.pairSqd = new double[pairs * d];
      int p = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++, p++) {
          for (int c = 0; c < d; c++) {
            pairSqd[p * d + c] = sqd(x[i * d + c], x[j * d + c], categorical[c]);
          }
        }
      }
      this.k = new double[n * n];
      this.m = new double[pairs];
      this.dm = new double[pairs];
      this.alpha = new double[n];
      this.inverse = new double[n * n];
    }

    /** The loss at {@code raw}, its gradient written into {@code grad}; {@code NaN} when the kernel matrix is singular. */
    double lossAndGradient(double[] raw, double[] grad) {
      double[] isl = new double[d];
      for (int c = 0; c < d; c++) {
        isl[c] = Math.exp(raw[c]);
      }
      double s = Math.exp(raw[d]);
      double rawNoise = Math.exp(raw[d + 1]);
      double noise = rawNoise + MINIMUM_NOISE;
      int p = 0;
      for (int i = 0; i < n; i++) {
        k[i * n + i] = s + noise;
        for (int j = 0; j < i; j++, p++) {
          double r2 = 0;
          int base = p * d;
          for (int c = 0; c < d; c++) {
            r2 += isl[c] * pairSqd[base + c];
          }
          double t = Math.sqrt(5 * r2);
          double e = Math.exp(-t);
          m[p] = e * (5.0 / 3 * r2 + t + 1);
          dm[p] = -5.0 / 6 * (t + 1) * e;
          k[i * n + j] = s * m[p];
        }
      }
      if (!cholesky(k, n)) {
        return Double.NaN;
      }
      System.arraycopy(y, 0, alpha, 0, n);
      solveLower(k, n, alpha);
      double quad = 0;
      for (int i = 0; i < n; i++) {
        quad += alpha[i] * alpha[i];
      }
      solveUpper(k, n, alpha);
      double logDet = 0;
      for (int i = 0; i < n; i++) {
        logDet += Math.log(k[i * n + i]);
      }
      double logLikelihood = -logDet - 0.5 * quad;
      inverseFromCholesky(k, n, inverse);

      // dLL/dtheta = 0.5 tr(W dK/dtheta), W = alpha alpha^T - K^-1, symmetric: pairs count twice.
      double[] gIsl = new double[d];
      double gScale = 0;
      double traceW = 0;
      for (int i = 0; i < n; i++) {
        traceW += alpha[i] * alpha[i] - inverse[i * n + i];
      }
      p = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++, p++) {
          double w = alpha[i] * alpha[j] - inverse[i * n + j];
          gScale += w * m[p];
          double wdm = w * dm[p];
          int base = p * d;
          for (int c = 0; c < d; c++) {
            gIsl[c] += wdm * pairSqd[base + c];
          }
        }
      }
      double logPrior = 0;
      for (int c = 0; c < d; c++) {
        logPrior -= 0.1 / isl[c] + 0.1 * isl[c];
        grad[c] = -(s * isl[c] * gIsl[c]) - (0.1 / isl[c] - 0.1 * isl[c]);
      }
      logPrior += Math.log(s) - s;                  // Gamma(2, 1) on the scale
      logPrior += 0.1 * Math.log(noise) - 30 * noise;  // Gamma(1.1, 30) on the noise
      // The scale's part of each diagonal entry is s * matern52(0) = s.
      grad[d] = -(s * (gScale + 0.5 * traceW)) - (1 - s);
      grad[d + 1] = -(0.5 * rawNoise * traceW) - (0.1 / noise - 30) * rawNoise;
      return -logLikelihood - logPrior;
    }
  }

  // ---- dense linear algebra on row-major n x n arrays

  /** Overwrites the lower triangle of {@code a} with its Cholesky factor; false when not positive definite. */
  static boolean cholesky(double[] a, int n) {
    for (int j = 0; j < n; j++) {
      int rj = j * n;
      double sum = a[rj + j] - dot(a, rj, a, rj, j);
      if (!(sum > 0)) {
        return false;
      }
      double diag = Math.sqrt(sum);
      a[rj + j] = diag;
      for (int i = j + 1; i < n; i++) {
        int ri = i * n;
        a[ri + j] = (a[ri + j] - dot(a, ri, a, rj, j)) / diag;
      }
    }
    return true;
  }

  /** {@code sum_k x[xOff + k] * y[yOff + k]} for {@code k < length}, with four accumulators (the JIT does not reorder floating-point sums). */
  static double dot(double[] x, int xOff, double[] y, int yOff, int length) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = 0;
    for (; k + 3 < length; k += 4) {
      s0 += x[xOff + k] * y[yOff + k];
      s1 += x[xOff + k + 1] * y[yOff + k + 1];
      s2 += x[xOff + k + 2] * y[yOff + k + 2];
      s3 += x[xOff + k + 3] * y[yOff + k + 3];
    }
    for (; k < length; k++) {
      s0 += x[xOff + k] * y[yOff + k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Solves {@code L v = b} in place ({@code L} the lower triangle of {@code l}). */
  static void solveLower(double[] l, int n, double[] b) {
    for (int i = 0; i < n; i++) {
      int ri = i * n;
      double v = b[i];
      for (int c = 0; c < i; c++) {
        v -= l[ri + c] * b[c];
      }
      b[i] = v / l[ri + i];
    }
  }

  /** Solves {@code L^T v = b} in place. */
  static void solveUpper(double[] l, int n, double[] b) {
    for (int i = n - 1; i >= 0; i--) {
      int ri = i * n;
      double v = b[i] / l[ri + i];
      b[i] = v;
      for (int c = 0; c < i; c++) {
        b[c] -= l[ri + c] * v;
      }
    }
  }

  /** Writes {@code (L L^T)^-1} (full, symmetric) into {@code out}. */
  static void inverseFromCholesky(double[] l, int n, double[] out) {
    // u = (L^-1)^T, upper triangular, row-major: u[j][i] = (L^-1)[i][j] for i >= j.
    double[] u = new double[n * n];
    for (int j = 0; j < n; j++) {
      int rj = j * n;
      for (int i = j; i < n; i++) {
        int ri = i * n;
        double v = (i == j ? 1 : 0) - dot(l, ri + j, u, rj + j, i - j);
        u[rj + i] = v / l[ri + i];
      }
    }
    // (K^-1)[a][b] = sum_i (L^-1)[i][a] (L^-1)[i][b] = sum_{i >= max(a, b)} u[a][i] u[b][i].
    for (int a = 0; a < n; a++) {
      int ra = a * n;
      for (int b = 0; b <= a; b++) {
        int rb = b * n;
        double sum = dot(u, ra + a, u, rb + a, n - a);
        out[ra + b] = sum;
        out[rb + a] = sum;
      }
    }
  }
}
