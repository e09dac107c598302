package io.parzen.trial;

import io.parzen.space.Distribution;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of a trial, as storages return it and listeners receive it.
 *
 * @param id storage-wide identifier
 * @param number position of the trial in its study: 0, 1, 2 ... without gaps
 * @param values objective values (one per direction) for COMPLETE trials, the last intermediate
 *     value for PRUNED trials that reported one; empty otherwise
 * @param start when a worker started it; {@code null} while WAITING
 * @param complete when it finished; {@code null} while RUNNING or WAITING
 * @param params external parameter values ({@code Double}, {@code Long} or a choice), in the
 *     order they were suggested
 * @param distributions the distribution each parameter was suggested from
 * @param intermediateValues values reported with {@code report(step, value)}
 */
public record FrozenTrial(
    long id,
    int number,
    TrialState state,
    List<Double> values,
    Instant start,
    Instant complete,
    Map<String, Object> params,
    Map<String, Distribution> distributions,
    Map<String, Object> userAttrs,
    Map<String, Object> systemAttrs,
    NavigableMap<Integer, Double> intermediateValues) {

  /** The system attribute holding why a trial failed (Optuna's key). */
  public static final String FAIL_REASON = "fail_reason";

  public FrozenTrial {
    values = List.copyOf(values);
    params = frozen(params);
    distributions = frozen(distributions);
    userAttrs = frozen(userAttrs);
    systemAttrs = frozen(systemAttrs);
    intermediateValues = intermediateValues.isEmpty() ? Collections.emptyNavigableMap()
        : Collections.unmodifiableNavigableMap(new TreeMap<>(intermediateValues));
  }

  private static <V> Map<String, V> frozen(Map<String, V> map) {
    return map.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** The single objective value; throws for multi-objective trials or trials without a value. */
  public double value() {
    if (values.size() != 1) {
      throw new IllegalStateException(
          "trial " + number + " has " + values.size() + " values; use values()");
    }
    return values.get(0);
  }

  /** Whether the trial has a value for every objective of a study with {@code n} objectives. */
  public boolean hasValues(int n) {
    return values.size() == n;
  }

  /** Why the trial failed, if it did. */
  public Optional<String> failReason() {
    Object reason = systemAttrs.get(FAIL_REASON);
    return reason == null ? Optional.empty() : Optional.of(reason.toString());
  }

  /** The last reported step, if any. */
  public Optional<Integer> lastStep() {
    return intermediateValues.isEmpty() ? Optional.empty() : Optional.of(intermediateValues.lastKey());
  }

  /** Wall time from start to completion, once finished. */
  public Optional<Duration> duration() {
    return start == null || complete == null ? Optional.empty() : Optional.of(Duration.between(start, complete));
  }

  /** The parameter's value in Optuna's internal representation. */
  public double internalParam(String name) {
    Distribution d = distributions.get(name);
    if (d == null) {
      throw new IllegalArgumentException("trial " + number + " has no parameter \"" + name + "\"");
    }
    return d.toInternal(params.get(name));
  }
}
