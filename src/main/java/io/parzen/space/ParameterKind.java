package io.parzen.space;

/**
 * The kinds of parameter offered to users, under the names Hyperopt and Optuna users know. Each
 * kind is a {@link Distribution} plus a {@link Prior}; {@link #of(Parameter)} tells the kind of
 * an existing parameter.
 */
public enum ParameterKind {
  UNIFORM("uniform", "uniform"),
  LOG_UNIFORM("log-uniform", "loguniform"),
  QUANTIZED_UNIFORM("quantized uniform", "quniform"),
  QUANTIZED_LOG_UNIFORM("quantized log-uniform", "qloguniform"),
  NORMAL("normal", "normal"),
  QUANTIZED_NORMAL("quantized normal", "qnormal"),
  LOG_NORMAL("log-normal", "lognormal"),
  QUANTIZED_LOG_NORMAL("quantized log-normal", "qlognormal"),
  INT("int", "uniformint"),
  INT_LOG("int log", "int_log"),
  RANDINT("randint", "randint"),
  CHOICE("choice", "choice"),
  WEIGHTED_CHOICE("weighted choice", "pchoice");

  private final String label;
  private final String hyperoptName;

  ParameterKind(String label, String hyperoptName) {
    this.label = label;
    this.hyperoptName = hyperoptName;
  }

  /** Human-readable name, as shown in the studio. */
  public String label() {
    return label;
  }

  /** The name of the matching {@code hp.*} function (or NNI {@code _type}). */
  public String hyperoptName() {
    return hyperoptName;
  }

  public boolean isCategorical() {
    return this == CHOICE || this == WEIGHTED_CHOICE;
  }

  public boolean isInteger() {
    return this == INT || this == INT_LOG || this == RANDINT;
  }

  /** Whether the kind has a normal (mu, sigma) prior. */
  public boolean hasNormalPrior() {
    return this == NORMAL || this == QUANTIZED_NORMAL || this == LOG_NORMAL || this == QUANTIZED_LOG_NORMAL;
  }

  /** Whether the kind is quantized by a step. */
  public boolean isQuantized() {
    return this == QUANTIZED_UNIFORM
        || this == QUANTIZED_LOG_UNIFORM
        || this == QUANTIZED_NORMAL
        || this == QUANTIZED_LOG_NORMAL;
  }

  /** The kind of an existing parameter. Integer ranges report {@link #INT}, never {@link #RANDINT}. */
  public static ParameterKind of(Parameter parameter) {
    return ofDistribution(parameter.distribution(), parameter.prior());
  }

  private static ParameterKind ofDistribution(Distribution d, Prior prior) {
    if (d instanceof CategoricalDistribution) {
      return prior instanceof Prior.Weighted ? WEIGHTED_CHOICE : CHOICE;
    }
    if (d instanceof IntDistribution i) {
      return i.log() || prior instanceof Prior.LogUniform ? INT_LOG : INT;
    }
    FloatDistribution f = (FloatDistribution) d;
    boolean q = f.step() != null;
    if (prior instanceof Prior.Normal) {
      return q ? QUANTIZED_NORMAL : NORMAL;
    }
    if (prior instanceof Prior.LogNormal) {
      return q ? QUANTIZED_LOG_NORMAL : LOG_NORMAL;
    }
    if (prior instanceof Prior.LogUniform) {
      return q ? QUANTIZED_LOG_UNIFORM : LOG_UNIFORM;
    }
    return f.log() ? LOG_UNIFORM : q ? QUANTIZED_UNIFORM : UNIFORM;
  }

  /** Finds a kind by its label or its Hyperopt name, ignoring case. */
  public static ParameterKind byName(String name) {
    for (ParameterKind kind : values()) {
      if (kind.label.equalsIgnoreCase(name) || kind.hyperoptName.equalsIgnoreCase(name)
          || kind.name().equalsIgnoreCase(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown parameter kind \"" + name + "\"");
  }

  @Override
  public String toString() {
    return label;
  }
}
