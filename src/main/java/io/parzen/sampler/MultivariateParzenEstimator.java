package io.parzen.sampler;

import io.parzen.space.Distribution;
import io.parzen.space.Prior;
import java.util.random.RandomGenerator;

/**
 * The joint Parzen estimator of several parameters (Optuna's {@code _ParzenEstimator} with
 * {@code multivariate=True}): one product kernel per observation, plus the prior's product
 * kernel, with one set of mixture weights. Each dimension's kernels are those of the univariate
 * {@link ParzenEstimator}, except that numerical ones all get Optuna's multivariate bandwidth
 * {@code 0.2 n^(-1/(d+4))} times the range (magic-clipped), {@code n} the number of observations
 * and {@code d} the number of parameters.
 *
 * <p>Values are internal, one array entry per dimension in the order the estimator was built
 * with. Immutable; sampling uses the generator it is given.
 */
final class MultivariateParzenEstimator {

  /** Optuna's {@code SIGMA0_MAGNITUDE}. */
  static final double SIGMA0_MAGNITUDE = 0.2;

  private final ParzenEstimator[] dimensions;
  private final double[] logMixture;
  private final ParzenEstimator first;

  private MultivariateParzenEstimator(ParzenEstimator[] dimensions) {
    this.dimensions = dimensions;
    this.first = dimensions[0];
    this.logMixture = first.logMixture;
  }

  /**
   * An estimator of {@code observations[d][i]}, the internal value of dimension {@code d} in
   * observation {@code i} (oldest first; every dimension has the same number of observations).
   */
  static MultivariateParzenEstimator of(double[][] observations, Distribution[] distributions, Prior[] priors,
      ParzenEstimator.Settings settings) {
    int d = distributions.length;
    if (d == 0 || observations.length != d || priors.length != d) {
      throw new IllegalArgumentException("a multivariate estimator needs one observation array, distribution and "
          + "prior per dimension, and at least one dimension");
    }
    int n = observations[0].length;
    double sigma0 = sigma0(n, d);
    ParzenEstimator[] dims = new ParzenEstimator[d];
    for (int j = 0; j < d; j++) {
      if (observations[j].length != n) {
        throw new IllegalArgumentException("dimension " + j + " has " + observations[j].length
            + " observations, dimension 0 has " + n);
      }
      dims[j] = ParzenEstimator.of(observations[j], distributions[j], priors[j], settings, sigma0);
    }
    return new MultivariateParzenEstimator(dims);
  }

  /** Optuna's {@code sigma0}: {@code 0.2 max(n, 1)^(-1/(d+4))}. */
  static double sigma0(int n, int d) {
    return SIGMA0_MAGNITUDE * Math.pow(Math.max(n, 1), -1.0 / (d + 4));
  }

  int dimensions() {
    return dimensions.length;
  }

  /** The estimator of dimension {@code j} alone (its kernels, with the shared weights). */
  ParzenEstimator dimension(int j) {
    return dimensions[j];
  }

  /** One joint draw: a kernel, then each dimension from that kernel. */
  double[] sample(RandomGenerator rng) {
    int k = first.pickKernel(rng);
    double[] x = new double[dimensions.length];
    for (int j = 0; j < dimensions.length; j++) {
      x[j] = dimensions[j].sampleKernel(k, rng);
    }
    return x;
  }

  /** The joint log density (log probability in discrete dimensions) at {@code x}. */
  double logPdf(double[] x) {
    double[] terms = logMixture.clone();
    for (int j = 0; j < dimensions.length; j++) {
      dimensions[j].addLogKernels(x[j], terms);
    }
    TruncNorm.LogSum sum = new TruncNorm.LogSum();
    for (double term : terms) {
      sum.add(term);
    }
    return sum.value();
  }
}
