package io.parzen.space;

/**
 * The set of values a parameter can take, with Optuna's semantics.
 *
 * <p>Every distribution maps its external values (what an objective sees: {@code Double},
 * {@code Long}, or a categorical choice) to an internal {@code double} (the value itself for
 * numbers, the choice index for categoricals), exactly as Optuna's storages do, so study files
 * stay readable by Optuna.
 *
 * <p>Implementations are immutable records, validated on construction: an invalid distribution
 * throws {@link SpaceValidationException} naming the offending field.
 */
public sealed interface Distribution
    permits FloatDistribution, IntDistribution, CategoricalDistribution {

  /** Converts an external value to Optuna's internal representation. */
  double toInternal(Object external);

  /**
   * Converts a given external value (an enqueued or fixed parameter) to its internal value, or
   * throws {@link IllegalArgumentException} saying why it does not belong to this distribution.
   */
  default double checkedInternal(Object external) {
    double internal = toInternal(external);
    if (!containsInternal(internal)) {
      throw new IllegalArgumentException(
          CategoricalDistribution.quote(external) + " is outside " + describe());
    }
    return internal;
  }

  /** Converts an internal value back to the external value the objective sees. */
  Object toExternal(double internal);

  /** Whether the internal value is one this distribution can produce. */
  boolean containsInternal(double internal);

  /** Whether the distribution holds exactly one value. */
  boolean isSingle();

  /** Short label for messages and tables, such as {@code float[0.001, 0.1] log}. */
  String describe();
}
