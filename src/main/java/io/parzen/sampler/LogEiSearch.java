package io.parzen.sampler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Maximises log expected improvement over a fitted {@link GaussianProcess} as Optuna's
 * {@code optimize_acqf_mixed} does: {@value #PRELIMINARY_SAMPLES} scrambled Sobol points are
 * scored; the best one, the given warm starts (the best trial so far) and further points picked
 * by roulette (probability proportional to their EI relative to the best) start
 * {@value #LOCAL_SEARCHES} local searches in all; the best point any of them reaches wins.
 *
 * <p>A local search alternates L-BFGS on the continuous coordinates (preconditioned by the
 * kernel's lengthscales, so that every coordinate moves on the same scale) with a search over
 * each discrete or categorical coordinate: every choice when there are at most
 * {@value #MAX_EXHAUSTIVE}, else a golden-section search over the grid around the current value.
 * It stops when a round changes no discrete coordinate.
 *
 * <p>Not thread-safe; one instance per suggestion.
 */
final class LogEiSearch {

  static final int PRELIMINARY_SAMPLES = 2048;
  static final int LOCAL_SEARCHES = 10;
  /** Optuna's {@code tol}: L-BFGS stops when the projected gradient is below its square root. */
  static final double TOL = 1e-4;
  static final int MAX_EXHAUSTIVE = 16;
  private static final int MAX_ROUNDS = 100;
  private static final int MAX_LBFGS_ITERATIONS = 200;
  private static final double GOLDEN = 0.3819660112501051;

  private final GaussianProcess gp;
  private final GpSearchSpace space;
  private final double threshold;
  private final int[] continuous;
  private final int[] choiceDims;
  private final double[] lengthscales;

  /** Log EI of {@code gp} over {@code threshold} (the best standardised value so far) in {@code space}. */
  LogEiSearch(GaussianProcess gp, GpSearchSpace space, double threshold) {
    this.gp = gp;
    this.space = space;
    this.threshold = threshold;
    this.continuous = space.continuousDims();
    this.choiceDims = space.choiceDims();
    double[] all = gp.hyperparameters().lengthscales();
    this.lengthscales = new double[continuous.length];
    for (int j = 0; j < continuous.length; j++) {
      lengthscales[j] = all[continuous[j]];
    }
  }

  /** Log EI at {@code x}. */
  double value(double[] x) {
    double[] out = new double[2];
    gp.posterior(x, out, null, null, null);
    return LogExpectedImprovement.of(out[0], out[1], threshold);
  }

  /** Log EI at {@code x} and its gradient with respect to the continuous coordinates, in their order. */
  double valueAndGradient(double[] x, double[] gradient) {
    double[] out = new double[2];
    double[] gradMean = new double[continuous.length];
    double[] gradVar = new double[continuous.length];
    gp.posterior(x, out, continuous, gradMean, gradVar);
    double variance = out[1] + LogExpectedImprovement.STABILIZING_NOISE;
    double sigma = Math.sqrt(variance);
    double z = (out[0] - threshold) / sigma;
    double h = LogExpectedImprovement.standard(z);
    double dh = LogExpectedImprovement.standardDerivative(z);
    double dMean = dh / sigma;
    double dSigma = (1 - dh * z) / sigma;
    for (int j = 0; j < continuous.length; j++) {
      gradient[j] = dMean * gradMean[j] + dSigma * gradVar[j] / (2 * sigma);
    }
    return h + Math.log(sigma);
  }

  /** The point of the space with the highest log EI found, from Sobol points and {@code warmStarts}. */
  double[] maximize(SplittableRandom rng, List<double[]> warmStarts) {
    int d = space.dimension();
    double[][] candidates = sobol(d, PRELIMINARY_SAMPLES, rng);
    double[] values = new double[candidates.length];
    int best = 0;
    for (int i = 0; i < candidates.length; i++) {
      space.roundUniform(candidates[i]);
      values[i] = value(candidates[i]);
      if (values[i] > values[best] || Double.isNaN(values[best])) {
        best = i;
      }
    }
    List<double[]> starts = new ArrayList<>();
    starts.add(candidates[best]);
    starts.addAll(warmStarts);
    for (int index : roulette(values, best, LOCAL_SEARCHES - starts.size(), rng)) {
      starts.add(candidates[index]);
    }
    double[] bestPoint = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (double[] start : starts) {
      double[] x = start.clone();
      double v = localSearch(x);
      if (bestPoint == null || v > bestValue) {
        bestPoint = x;
        bestValue = v;
      }
    }
    return bestPoint;
  }

  /**
   * Up to {@code count} distinct indices other than {@code best}, drawn without replacement with
   * probability proportional to {@code exp(value - value[best])}; fewer when fewer have a
   * non-zero weight (the study has converged).
   */
  static int[] roulette(double[] values, int best, int count, SplittableRandom rng) {
    double[] weights = new double[values.length];
    int positive = 0;
    for (int i = 0; i < values.length; i++) {
      weights[i] = i == best || Double.isNaN(values[i]) ? 0 : Math.exp(values[i] - values[best]);
      if (weights[i] > 0) {
        positive++;
      }
    }
    int draws = Math.max(0, Math.min(count, positive));
    int[] out = new int[draws];
    for (int k = 0; k < draws; k++) {
      double total = 0;
      for (double w : weights) {
        total += w;
      }
      double r = rng.nextDouble() * total;
      int pick = -1;
      for (int i = 0; i < weights.length; i++) {
        if (weights[i] > 0) {
          pick = i;
          r -= weights[i];
          if (r < 0) {
            break;
          }
        }
      }
      out[k] = pick;
      weights[pick] = 0;
    }
    return out;
  }

  /** Improves {@code x} in place; returns its log EI. */
  double localSearch(double[] x) {
    double f = value(x);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (continuous.length > 0) {
        f = gradientAscent(x, f);
      }
      boolean changed = false;
      for (int dim : choiceDims) {
        double improved = space.kind(dim) == GpSearchSpace.Kind.CATEGORICAL || space.choiceCount(dim) <= MAX_EXHAUSTIVE
            ? exhaustive(x, f, dim)
            : lineSearch(x, f, dim);
        if (improved > f) {
          f = improved;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    return f;
  }

  /** L-BFGS over the continuous coordinates, in units of their lengthscales; keeps the result only if better. */
  private double gradientAscent(double[] x, double f) {
    int m = continuous.length;
    double[] lower = new double[m];
    double[] upper = new double[m];
    double[] z0 = new double[m];
    for (int j = 0; j < m; j++) {
      upper[j] = 1 / lengthscales[j];
      z0[j] = x[continuous[j]] / lengthscales[j];
    }
    double[] point = x.clone();
    double[] grad = new double[m];
    BoundedLbfgs lbfgs = new BoundedLbfgs(lower, upper, Math.sqrt(TOL), MAX_LBFGS_ITERATIONS);
    BoundedLbfgs.Result result = lbfgs.minimize((z, g) -> {
      for (int j = 0; j < m; j++) {
        point[continuous[j]] = z[j] * lengthscales[j];
      }
      double v = valueAndGradient(point, grad);
      for (int j = 0; j < m; j++) {
        g[j] = -grad[j] * lengthscales[j];
      }
      return -v;
    }, z0);
    double value = -result.value();
    if (result.iterations() > 0 && value > f) {
      for (int j = 0; j < m; j++) {
        x[continuous[j]] = Math.min(1, Math.max(0, result.x()[j] * lengthscales[j]));
      }
      return value(x);
    }
    return f;
  }

  /** Tries every other choice of {@code dim}; moves {@code x} to the best if it improves on {@code f}. */
  private double exhaustive(double[] x, double f, int dim) {
    long count = space.choiceCount(dim);
    double current = x[dim];
    double bestValue = f;
    double bestChoice = current;
    for (long k = 0; k < count; k++) {
      double choice = space.choice(dim, k);
      if (choice == current) {
        continue;
      }
      x[dim] = choice;
      double v = value(x);
      if (v > bestValue) {
        bestValue = v;
        bestChoice = choice;
      }
    }
    x[dim] = bestChoice;
    return bestValue;
  }

  /**
   * A golden-section search over the grid indices of {@code dim}, bracketed by the ends of the
   * grid and starting from the current value; moves {@code x} to the result if it improves on
   * {@code f}.
   */
  private double lineSearch(double[] x, double f, int dim) {
    long count = space.choiceCount(dim);
    double current = x[dim];
    long b = space.nearestIndex(dim, current);
    Map<Long, Double> cache = new HashMap<>();
    cache.put(b, f);
    long a = -1;
    long c = count;
    double fb = f;
    while (c - a > 2) {
      long probe;
      if (b - a > c - b) {
        probe = b - Math.max(1, Math.round((b - a) * GOLDEN));
        probe = Math.max(a + 1, probe);
      } else {
        probe = b + Math.max(1, Math.round((c - b) * GOLDEN));
        probe = Math.min(c - 1, probe);
      }
      long p = probe;
      double fp = cache.computeIfAbsent(p, k -> {
        x[dim] = space.choice(dim, k);
        return value(x);
      });
      if (fp > fb) {
        if (p < b) {
          c = b;
        } else {
          a = b;
        }
        b = p;
        fb = fp;
      } else if (p < b) {
        a = p;
      } else {
        c = p;
      }
    }
    if (fb > f) {
      x[dim] = space.choice(dim, b);
      return fb;
    }
    x[dim] = current;
    return f;
  }

  /**
   * {@code count} points of a Sobol sequence in {@code [0,1)^dimension} with a random digital
   * shift (its 52 bits XOR-ed with random bits), which keeps the sequence's net structure.
   */
  static double[][] sobol(int dimension, int count, SplittableRandom rng) {
    long[] shift = new long[dimension];
    for (int i = 0; i < dimension; i++) {
      shift[i] = rng.nextLong() & ((1L << 52) - 1);
    }
    SobolSequenceGenerator generator = new SobolSequenceGenerator(dimension);
    double[][] points = new double[count][];
    for (int k = 0; k < count; k++) {
      double[] p = generator.nextVector();
      for (int i = 0; i < dimension; i++) {
        long bits = (long) (p[i] * 0x1p52);
        p[i] = (bits ^ shift[i]) / 0x1p52;
      }
      points[k] = p;
    }
    return points;
  }
}
