package io.parzen.app.run;

import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.time.Duration;
import java.util.Map;

/**
 * One line of the trials table: a finished or running trial as the studio shows it. Immutable.
 *
 * @param value the first objective value, or {@code null} when the trial has none (yet)
 * @param values every objective value (empty when none yet)
 * @param duration wall time from start to end, or {@code null} while it runs
 */
public record TrialRow(int number, TrialState state, Double value, java.util.List<Double> values,
    Map<String, Object> params, Duration duration) {

  public TrialRow {
    values = java.util.List.copyOf(values);
    params = Map.copyOf(params);
  }

  /** Objective {@code i}'s value, or {@code null} when the trial has none. */
  public Double value(int i) {
    return i < values.size() ? values.get(i) : null;
  }

  /** The row of {@code trial}. */
  public static TrialRow of(FrozenTrial trial) {
    return new TrialRow(trial.number(), trial.state(), trial.values().isEmpty() ? null : trial.values().get(0),
        trial.values(), withoutNulls(trial.params()), trial.duration().orElse(null));
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> params) {
    boolean hasNull = false;
    for (Object value : params.values()) {
      hasNull |= value == null;
    }
    if (!hasNull) {
      return params;  // the common case: copied once, by the constructor
    }
    Map<String, Object> kept = new java.util.HashMap<>(params);
    kept.values().removeIf(java.util.Objects::isNull);
    return kept;
  }
}
