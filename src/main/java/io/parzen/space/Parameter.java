package io.parzen.space;

import java.util.Objects;

/**
 * One named parameter of a {@link SearchSpace}: its Optuna distribution, the shape of its prior
 * and, for conditional parameters, the condition that makes it active.
 */
public record Parameter(String name, Distribution distribution, Prior prior, Condition condition) {

  public Parameter {
    if (name == null || name.isBlank()) {
      throw new SpaceValidationException(null, "name", "parameter name must not be empty");
    }
    if (distribution == null) {
      throw new SpaceValidationException(name, "distribution", "distribution is missing");
    }
    prior = prior == null ? Prior.UNIFORM : prior;
    checkPrior(name, distribution, prior);
  }

  public Parameter(String name, Distribution distribution) {
    this(name, distribution, Prior.UNIFORM, null);
  }

  /** Whether this parameter is conditional. */
  public boolean isConditional() {
    return condition != null;
  }

  public Parameter withCondition(Condition newCondition) {
    return new Parameter(name, distribution, prior, newCondition);
  }

  public Parameter withName(String newName) {
    return new Parameter(newName, distribution, prior, condition);
  }

  /** The kind a Hyperopt or Optuna user would call this parameter. */
  public ParameterKind kind() {
    return ParameterKind.of(this);
  }

  private static void checkPrior(String name, Distribution d, Prior prior) {
    if (prior instanceof Prior.Weighted w) {
      if (!(d instanceof CategoricalDistribution c)) {
        throw new SpaceValidationException(name, "weights", "weights need a categorical parameter");
      }
      if (w.weights().size() != c.choices().size()) {
        throw new SpaceValidationException(
            name,
            "weights",
            "has " + w.weights().size() + " weights for " + c.choices().size() + " choices");
      }
      return;
    }
    if (prior instanceof Prior.Uniform) {
      return;
    }
    if (d instanceof CategoricalDistribution) {
      throw new SpaceValidationException(
          name, "prior", "a categorical parameter takes only uniform or weighted priors");
    }
    double low = d instanceof FloatDistribution f ? f.low() : ((IntDistribution) d).low();
    double high = d instanceof FloatDistribution f ? f.high() : ((IntDistribution) d).high();
    if (prior instanceof Prior.LogUniform && low <= 0) {
      throw new SpaceValidationException(
          name, "low", "low (" + fmt(low) + ") must be > 0 for a log-uniform prior");
    }
    if (prior instanceof Prior.LogNormal && high <= 0) {
      throw new SpaceValidationException(
          name, "high", "high (" + fmt(high) + ") must be > 0 for a log-normal prior");
    }
    Objects.requireNonNull(prior);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
