package io.parzen.sampler;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Hansen's standard (mu/mu_w, lambda) CMA-ES with an ask/tell interface, minimising over the box
 * {@code [0,1]^n} (candidates outside are resampled, then clipped). Weights, learning rates and
 * damping follow Hansen's tutorial ("The CMA Evolution Strategy: A Tutorial", 2016), including the
 * active (negative) weights of the rank-mu update. Not thread-safe; the sampler guards it.
 */
final class CmaEs {

  private static final double EPS = 1e-8;
  private static final double SIGMA_MAX = 1e32;
  private static final int MAX_RESAMPLING = 100;
  private static final double TOL_FUN = 1e-12;
  private static final double TOL_X_UP = 1e4;
  private static final double TOL_CONDITION = 1e14;

  private final int n;
  private final int lambda;
  private final int mu;
  private final double[] weights;
  private final double muEff;
  private final double cSigma;
  private final double dSigma;
  private final double cc;
  private final double c1;
  private final double cMu;
  private final double chiN;
  private final double tolX;
  private final int funHistoryLength;

  private double[] mean;
  private double sigma;
  private double[][] c;
  private double[] pSigma;
  private double[] pc;
  private double[][] b;
  private double[] d;
  private int generation;
  private final Deque<Double> funHistory = new ArrayDeque<>();

  /** A strategy in {@code mean.length} dimensions with step size {@code sigma} and population {@code lambda}. */
  CmaEs(double[] mean, double sigma, int lambda) {
    if (mean.length < 1) {
      throw new IllegalArgumentException("CMA-ES needs at least one dimension");
    }
    if (lambda < 2) {
      throw new IllegalArgumentException("CMA-ES population size (" + lambda + ") must be >= 2");
    }
    if (!(sigma > 0)) {
      throw new IllegalArgumentException("CMA-ES sigma (" + sigma + ") must be > 0");
    }
    this.n = mean.length;
    this.lambda = lambda;
    this.mu = lambda / 2;

    double[] raw = new double[lambda];
    for (int i = 0; i < lambda; i++) {
      raw[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
    }
    double sumPos = 0;
    double sumPosSq = 0;
    double sumNeg = 0;
    double sumNegSq = 0;
    for (double w : raw) {
      if (w > 0) {
        sumPos += w;
        sumPosSq += w * w;
      } else {
        sumNeg += w;
        sumNegSq += w * w;
      }
    }
    this.muEff = sumPos * sumPos / sumPosSq;
    double muEffMinus = sumNegSq > 0 ? sumNeg * sumNeg / sumNegSq : 0;

    double alphaCov = 2;
    this.c1 = alphaCov / ((n + 1.3) * (n + 1.3) + muEff);
    this.cMu = Math.min(1 - c1 - 1e-8,
        alphaCov * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + alphaCov * muEff / 2));
    double alphaMuMinus = 1 + c1 / cMu;
    double alphaMuEffMinus = 1 + 2 * muEffMinus / (muEff + 2);
    double alphaPosDefMinus = (1 - c1 - cMu) / (n * cMu);
    double minAlpha = Math.min(alphaMuMinus, Math.min(alphaMuEffMinus, alphaPosDefMinus));
    this.weights = new double[lambda];
    for (int i = 0; i < lambda; i++) {
      weights[i] = raw[i] >= 0 ? raw[i] / sumPos : minAlpha * raw[i] / Math.abs(sumNeg);
    }

    this.cSigma = (muEff + 2) / (n + muEff + 5);
    this.dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
    this.cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
    this.chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
    this.tolX = 1e-12 * sigma;
    this.funHistoryLength = 10 + (int) Math.ceil(30.0 * n / lambda);

    this.mean = mean.clone();
    this.sigma = sigma;
    this.c = new double[n][n];
    for (int i = 0; i < n; i++) {
      c[i][i] = 1;
    }
    this.pSigma = new double[n];
    this.pc = new double[n];
  }

  int dimension() {
    return n;
  }

  int populationSize() {
    return lambda;
  }

  int generation() {
    return generation;
  }

  double sigma() {
    return sigma;
  }

  double[] mean() {
    return mean.clone();
  }

  /** A candidate inside {@code [0,1]^n}. */
  double[] ask(RandomGenerator rng) {
    eigen();
    for (int attempt = 0; attempt < MAX_RESAMPLING; attempt++) {
      double[] x = sample(rng);
      if (inBounds(x)) {
        return x;
      }
    }
    double[] x = sample(rng);
    for (int i = 0; i < n; i++) {
      x[i] = Math.min(1, Math.max(0, x[i]));
    }
    return x;
  }

  private double[] sample(RandomGenerator rng) {
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = rng.nextGaussian() * d[i];
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double y = 0;
      for (int j = 0; j < n; j++) {
        y += b[i][j] * z[j];
      }
      x[i] = mean[i] + sigma * y;
    }
    return x;
  }

  private static boolean inBounds(double[] x) {
    for (double v : x) {
      if (!(v >= 0 && v <= 1)) {
        return false;
      }
    }
    return true;
  }

  /** B and D of the current C (C = B diag(D^2) B^T), computed once per generation. */
  private void eigen() {
    if (b != null) {
      return;
    }
    double[][] sym = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        sym[i][j] = (c[i][j] + c[j][i]) / 2;
      }
    }
    c = sym;
    EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(sym, false));
    RealMatrix v = eig.getV();
    double[] d2 = eig.getRealEigenvalues();
    b = v.getData();
    d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = Math.sqrt(d2[i] < 0 ? EPS : d2[i]);
    }
  }

  /**
   * Updates the distribution with exactly {@code lambda} evaluated candidates, given as
   * {@code (x, value)} pairs (smaller is better).
   */
  void tell(List<double[]> xs, List<Double> values) {
    if (xs.size() != lambda || values.size() != lambda) {
      throw new IllegalArgumentException("CMA-ES expects " + lambda + " solutions, got " + xs.size());
    }
    Integer[] order = new Integer[lambda];
    for (int i = 0; i < lambda; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Double.compare(values.get(p), values.get(q)));
    generation++;
    eigen();

    double[][] y = new double[lambda][];
    for (int k = 0; k < lambda; k++) {
      double[] x = xs.get(order[k]);
      y[k] = new double[n];
      for (int i = 0; i < n; i++) {
        y[k][i] = (x[i] - mean[i]) / sigma;
      }
    }
    double[] yW = new double[n];
    for (int k = 0; k < mu; k++) {
      for (int i = 0; i < n; i++) {
        yW[i] += weights[k] * y[k][i];
      }
    }
    for (int i = 0; i < n; i++) {
      mean[i] += sigma * yW[i];  // c_m = 1
    }

    double[] cInvSqrtYw = invSqrt(yW);
    double pSigmaNormSq = 0;
    double ps = Math.sqrt(cSigma * (2 - cSigma) * muEff);
    for (int i = 0; i < n; i++) {
      pSigma[i] = (1 - cSigma) * pSigma[i] + ps * cInvSqrtYw[i];
      pSigmaNormSq += pSigma[i] * pSigma[i];
    }
    double pSigmaNorm = Math.sqrt(pSigmaNormSq);
    sigma *= Math.exp(cSigma / dSigma * (pSigmaNorm / chiN - 1));
    sigma = Math.min(sigma, SIGMA_MAX);

    double hLeft = pSigmaNorm / Math.sqrt(1 - Math.pow(1 - cSigma, 2.0 * (generation + 1)));
    double hRight = (1.4 + 2.0 / (n + 1)) * chiN;
    double hSigma = hLeft < hRight ? 1 : 0;
    double pcc = hSigma * Math.sqrt(cc * (2 - cc) * muEff);
    for (int i = 0; i < n; i++) {
      pc[i] = (1 - cc) * pc[i] + pcc * yW[i];
    }

    double[] wIo = new double[lambda];
    for (int k = 0; k < lambda; k++) {
      if (weights[k] >= 0) {
        wIo[k] = weights[k];
      } else {
        double[] t = invSqrt(y[k]);
        double norm = 0;
        for (double v : t) {
          norm += v * v;
        }
        wIo[k] = weights[k] * n / (norm + EPS);
      }
    }
    double sumW = 0;
    for (double w : weights) {
      sumW += w;
    }
    double deltaH = (1 - hSigma) * cc * (2 - cc);
    double keep = 1 + c1 * deltaH - c1 - cMu * sumW;
    double[][] next = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double rankMu = 0;
        for (int k = 0; k < lambda; k++) {
          rankMu += wIo[k] * y[k][i] * y[k][j];
        }
        next[i][j] = keep * c[i][j] + c1 * pc[i] * pc[j] + cMu * rankMu;
      }
    }
    c = next;
    b = null;
    d = null;

    double best = values.get(order[0]);
    double worst = values.get(order[lambda - 1]);
    funHistory.addLast(best);
    funHistory.addLast(worst);
    while (funHistory.size() > 2 * funHistoryLength) {
      funHistory.removeFirst();
    }
  }

  /** {@code C^(-1/2) v} with the current eigendecomposition. */
  private double[] invSqrt(double[] v) {
    double[] t = new double[n];
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += b[i][j] * v[i];
      }
      t[j] = s / d[j];
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += b[i][j] * t[j];
      }
      out[i] = s;
    }
    return out;
  }

  /**
   * Whether the run has stalled (Hansen's termination criteria used for restarts): a flat function
   * value history, a collapsed step size, a diverging step size, no effect of an axis or a
   * coordinate on the mean, or an ill-conditioned covariance.
   */
  boolean shouldStop() {
    eigen();
    if (generation > funHistoryLength && funHistory.size() >= 2 * funHistoryLength) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double v : funHistory) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if (hi - lo < TOL_FUN) {
        return true;
      }
    }
    boolean tolXReached = true;
    for (int i = 0; i < n; i++) {
      if (!(sigma * Math.sqrt(c[i][i]) < tolX && sigma * Math.abs(pc[i]) < tolX)) {
        tolXReached = false;
        break;
      }
    }
    if (tolXReached) {
      return true;
    }
    double dMax = 0;
    double dMin = Double.POSITIVE_INFINITY;
    for (double v : d) {
      dMax = Math.max(dMax, v);
      dMin = Math.min(dMin, v);
    }
    if (sigma * dMax > TOL_X_UP) {
      return true;
    }
    int axis = generation % n;
    boolean noEffectAxis = true;
    for (int i = 0; i < n; i++) {
      if (mean[i] != mean[i] + 0.1 * sigma * d[axis] * b[i][axis]) {
        noEffectAxis = false;
        break;
      }
    }
    if (noEffectAxis) {
      return true;
    }
    for (int i = 0; i < n; i++) {
      if (mean[i] == mean[i] + 0.2 * sigma * Math.sqrt(c[i][i])) {
        return true;
      }
    }
    return (dMax / dMin) * (dMax / dMin) > TOL_CONDITION;
  }
}
