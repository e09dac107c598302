package io.parzen.space;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hyperopt's {@code hp.*} vocabulary, building {@link Parameter}s. Bounds of log kinds are given in
 * real space ({@code loguniform("lr", 1e-5, 1e-1)}), as in Optuna and NNI; the {@code mu} and
 * {@code sigma} of log-normal kinds describe {@code log(value)}, as in Hyperopt. Unbounded normal
 * priors are truncated to mu ± 8 sigma so that every parameter stays an Optuna distribution.
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.of(
 *     Hp.loguniform("lr", 1e-5, 1e-1),
 *     Hp.choice("optimizer", "adam", "sgd"),
 *     Hp.uniform("momentum", 0.0, 0.99).withCondition(Condition.when("optimizer", "sgd")));
 * }</pre>
 */
public final class Hp {

  /** How many standard deviations an unbounded normal prior is truncated at. */
  public static final double NORMAL_TRUNCATION = 8.0;

  private Hp() {}

  public static Parameter uniform(String name, double low, double high) {
    return build(name, () -> FloatDistribution.uniform(low, high), Prior.UNIFORM);
  }

  /** Values {@code round(uniform(low, high) / q) * q}. */
  public static Parameter quniform(String name, double low, double high, double q) {
    return build(name, () -> {
      checkQ(q);
      double lo = times(Math.ceil(low / q - 1e-9), q);
      double hi = times(Math.floor(high / q + 1e-9), q);
      return FloatDistribution.stepped(lo, hi, q);
    }, Prior.UNIFORM);
  }

  public static Parameter loguniform(String name, double low, double high) {
    return build(name, () -> FloatDistribution.logUniform(low, high), Prior.UNIFORM);
  }

  /** Log-uniform values rounded to multiples of {@code q} (never below {@code q}). */
  public static Parameter qloguniform(String name, double low, double high, double q) {
    return build(name, () -> {
      checkQ(q);
      double lo = Math.max(q, times(Math.ceil(low / q - 1e-9), q));
      double hi = Math.max(lo, times(Math.floor(high / q + 1e-9), q));
      return FloatDistribution.stepped(lo, hi, q);
    }, new Prior.LogUniform());
  }

  public static Parameter normal(String name, double mu, double sigma) {
    return build(name, () -> {
      new Prior.Normal(mu, sigma);
      return FloatDistribution.uniform(mu - NORMAL_TRUNCATION * sigma, mu + NORMAL_TRUNCATION * sigma);
    }, () -> new Prior.Normal(mu, sigma));
  }

  public static Parameter qnormal(String name, double mu, double sigma, double q) {
    return build(name, () -> {
      new Prior.Normal(mu, sigma);
      checkQ(q);
      double lo = times(Math.floor((mu - NORMAL_TRUNCATION * sigma) / q), q);
      double hi = times(Math.ceil((mu + NORMAL_TRUNCATION * sigma) / q), q);
      return FloatDistribution.stepped(lo, hi, q);
    }, () -> new Prior.Normal(mu, sigma));
  }

  /** {@code exp(normal(mu, sigma))}. */
  public static Parameter lognormal(String name, double mu, double sigma) {
    return build(name, () -> {
      new Prior.LogNormal(mu, sigma);
      return FloatDistribution.logUniform(
          Math.exp(mu - NORMAL_TRUNCATION * sigma), Math.exp(mu + NORMAL_TRUNCATION * sigma));
    }, () -> new Prior.LogNormal(mu, sigma));
  }

  /** {@code round(exp(normal(mu, sigma)) / q) * q}, which may be 0. */
  public static Parameter qlognormal(String name, double mu, double sigma, double q) {
    return build(name, () -> {
      new Prior.LogNormal(mu, sigma);
      checkQ(q);
      double hi = Math.max(q, times(Math.ceil(Math.exp(mu + NORMAL_TRUNCATION * sigma) / q), q));
      return FloatDistribution.stepped(0.0, hi, q);
    }, () -> new Prior.LogNormal(mu, sigma));
  }

  /** Integers {@code 0 .. upper - 1}. */
  public static Parameter randint(String name, long upper) {
    return randint(name, 0, upper);
  }

  /** Integers {@code low .. upper - 1}. */
  public static Parameter randint(String name, long low, long upper) {
    return build(name, () -> IntDistribution.of(low, upper - 1), Prior.UNIFORM);
  }

  /** Integers {@code low .. high} inclusive. */
  public static Parameter uniformint(String name, long low, long high) {
    return build(name, () -> IntDistribution.of(low, high), Prior.UNIFORM);
  }

  public static Parameter intLog(String name, long low, long high) {
    return build(name, () -> IntDistribution.logScaled(low, high), Prior.UNIFORM);
  }

  public static Parameter choice(String name, Object... options) {
    return build(name, () -> new CategoricalDistribution(List.of(options)), Prior.UNIFORM);
  }

  public static Parameter choice(String name, List<?> options) {
    return build(name, () -> new CategoricalDistribution(new ArrayList<>(options)), Prior.UNIFORM);
  }

  /** A weighted choice: {@code options} maps each choice to its probability. */
  public static Parameter pchoice(String name, Map<?, Double> options) {
    return build(
        name,
        () -> new CategoricalDistribution(new ArrayList<>(options.keySet())),
        () -> new Prior.Weighted(new ArrayList<>(options.values())));
  }

  /** {@code k * q} rounded from its exact decimal value, so multiples of q = 0.1 read 0.3, not 0.30000000000000004. */
  private static double times(double k, double q) {
    return new BigDecimal(k).multiply(new BigDecimal(Double.toString(q))).doubleValue();
  }

  private static void checkQ(double q) {
    if (!(q > 0) || !Double.isFinite(q)) {
      throw new SpaceValidationException(null, "step", "q (" + q + ") must be a positive number");
    }
  }

  private interface Part<T> {
    T get();
  }

  private static Parameter build(String name, Part<Distribution> distribution, Prior prior) {
    return build(name, distribution, () -> prior);
  }

  private static Parameter build(String name, Part<Distribution> distribution, Part<Prior> prior) {
    try {
      return new Parameter(name, distribution.get(), prior.get(), null);
    } catch (SpaceValidationException e) {
      throw e.forParameter(name);
    }
  }
}
