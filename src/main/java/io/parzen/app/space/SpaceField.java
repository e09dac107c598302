package io.parzen.app.space;

import io.parzen.space.ParameterKind;

/** The editable fields of a parameter row: one column of the table and one line of the detail form each. */
public enum SpaceField {
  NAME("name"),
  KIND("kind"),
  LOW("low"),
  HIGH("high"),
  STEP("step"),
  MU("mu"),
  SIGMA("sigma"),
  CHOICES("choices"),
  CONDITION("condition");

  private final String label;

  SpaceField(String label) {
    this.label = label;
  }

  /** The column header. */
  public String label() {
    return label;
  }

  /** Whether a parameter of {@code kind} uses this field; the others stay empty. */
  public boolean appliesTo(ParameterKind kind) {
    return switch (this) {
      case NAME, KIND, CONDITION -> true;
      case LOW, HIGH -> !kind.isCategorical();
      case STEP -> kind.isQuantized() || kind == ParameterKind.INT;
      case MU, SIGMA -> kind.hasNormalPrior();
      case CHOICES -> kind.isCategorical();
    };
  }

  /**
   * The field that shows an engine problem, from {@code SpaceValidationException.field()}:
   * weights are part of the choices cell; distribution, prior and type problems belong to the kind.
   */
  public static SpaceField ofEngineField(String field) {
    if (field == null) {
      return KIND;
    }
    return switch (field) {
      case "name" -> NAME;
      case "low" -> LOW;
      case "high" -> HIGH;
      case "step" -> STEP;
      case "mu" -> MU;
      case "sigma" -> SIGMA;
      case "choices", "weights" -> CHOICES;
      case "condition" -> CONDITION;
      default -> KIND;
    };
  }
}
