package io.parzen.space;

import java.util.List;

/**
 * The shape of a parameter's prior inside its distribution's bounds: how the random sampler and
 * the sampling preview draw it, and what TPE uses as its prior component. The distribution stays
 * an Optuna distribution; the prior adds Hyperopt's shapes on top of it.
 */
public sealed interface Prior {

  /** Uniform in the distribution's own scale: log-uniform when the distribution is log. */
  record Uniform() implements Prior {}

  /** Uniform in log space, for quantized ranges where Optuna forbids {@code log} with a step. */
  record LogUniform() implements Prior {}

  /** A normal(mu, sigma) of the value itself, truncated to the bounds. */
  record Normal(double mu, double sigma) implements Prior {
    public Normal {
      checkNormal(mu, sigma);
    }
  }

  /** A normal(mu, sigma) of {@code log(value)}, truncated to the bounds (Hyperopt's lognormal). */
  record LogNormal(double mu, double sigma) implements Prior {
    public LogNormal {
      checkNormal(mu, sigma);
    }
  }

  /** Probabilities of the choices of a categorical parameter (Hyperopt's {@code pchoice}). */
  record Weighted(List<Double> weights) implements Prior {
    public Weighted {
      if (weights == null || weights.isEmpty()) {
        throw new SpaceValidationException(null, "weights", "weights must not be empty");
      }
      double sum = 0;
      for (Double w : weights) {
        if (w == null || !Double.isFinite(w) || w < 0) {
          throw new SpaceValidationException(
              null, "weights", "weight " + w + " must be a finite number >= 0");
        }
        sum += w;
      }
      if (!(sum > 0)) {
        throw new SpaceValidationException(null, "weights", "weights must not all be 0");
      }
      weights = List.copyOf(weights);
    }

    /** The weights scaled to sum to one. */
    public double[] probabilities() {
      double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
      return weights.stream().mapToDouble(w -> w / sum).toArray();
    }
  }

  Prior UNIFORM = new Uniform();

  private static void checkNormal(double mu, double sigma) {
    if (!Double.isFinite(mu)) {
      throw new SpaceValidationException(null, "mu", "mu (" + mu + ") must be a finite number");
    }
    if (!(sigma > 0) || !Double.isFinite(sigma)) {
      throw new SpaceValidationException(null, "sigma", "sigma (" + sigma + ") must be a positive number");
    }
  }
}
