package io.parzen.importance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The importance of each parameter of a study, as plot data: one {@link Entry} per assessed
 * parameter, most important first, importances summing to 1 (Optuna's normalised output of
 * {@code get_param_importances}). When nothing can be told apart (fewer than two usable trials,
 * an objective that never changed) every parameter gets the same share, as in Optuna, and
 * {@link #warnings} says why.
 *
 * <p>Immutable.
 *
 * @param method how the importances were computed
 * @param entries the assessed parameters, by decreasing importance (ties by name)
 * @param trialsUsed how many completed trials with a finite value went into the computation
 * @param excluded parameters of the trials that were not assessed, each with the reason
 * @param warnings caveats a reader of the numbers should see, such as too few trials
 */
public record ParamImportances(
    Method method, List<Entry> entries, int trialsUsed, List<Excluded> excluded, List<String> warnings) {

  /** The importance evaluators. */
  public enum Method {
    /** {@link Importance#fanova}: variance decomposition of a random forest. */
    FANOVA,
    /** {@link Importance#pedAnova}: Pearson divergence of the top trials' parameter densities. */
    PED_ANOVA
  }

  /**
   * One parameter's importance.
   *
   * @param importance its share, in {@code [0, 1]}
   * @param spread for fANOVA, the standard deviation of the share across the forest's trees
   *     (scaled like {@code importance}), an error bar; {@code NaN} for PED-ANOVA, which has none
   */
  public record Entry(String name, double importance, double spread) {
    public Entry {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A parameter left out of the assessment, and why. */
  public record Excluded(String name, String reason) {}

  public ParamImportances {
    Objects.requireNonNull(method, "method");
    entries = List.copyOf(entries);
    excluded = List.copyOf(excluded);
    warnings = List.copyOf(warnings);
  }

  /** Parameter name to importance, most important first. */
  public Map<String, Double> asMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    for (Entry e : entries) {
      map.put(e.name(), e.importance());
    }
    return Collections.unmodifiableMap(map);
  }

  /** The importance of one parameter, if it was assessed. */
  public OptionalDouble importance(String name) {
    for (Entry e : entries) {
      if (e.name().equals(name)) {
        return OptionalDouble.of(e.importance());
      }
    }
    return OptionalDouble.empty();
  }

  /** The names, most important first. */
  public List<String> ranking() {
    return entries.stream().map(Entry::name).toList();
  }
}
