package io.parzen.importance;

import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What both evaluators share: which trials count (COMPLETE with a finite value of the objective;
 * FAIL, PRUNED, RUNNING, NaN and infinite values are left out, as in Optuna), their values as
 * losses (negated when the objective is maximised, so lower is always better), and the final
 * normalisation.
 */
final class UsableTrials {

  private UsableTrials() {}

  /** The COMPLETE trials whose objective value {@code objective} is finite, in the given order. */
  static List<FrozenTrial> of(Collection<FrozenTrial> trials, int objective) {
    Objects.requireNonNull(trials, "trials");
    List<FrozenTrial> usable = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.state() != TrialState.COMPLETE) {
        continue;
      }
      if (t.values().size() <= objective) {
        throw new IllegalArgumentException("trial " + t.number() + " has " + t.values().size()
            + " objective value(s); objective " + objective + " was asked for");
      }
      if (Double.isFinite(t.values().get(objective))) {
        usable.add(t);
      }
    }
    return usable;
  }

  /** The trial's objective value as a loss: negated when maximising. */
  static double loss(FrozenTrial t, int objective, StudyDirection direction) {
    double v = t.values().get(objective);
    return direction == StudyDirection.MAXIMIZE ? -v : v;
  }

  /**
   * Entries from raw importances: divided by their sum, most important first (ties by name);
   * equal shares with a warning when the sum is zero.
   */
  static List<ParamImportances.Entry> normalised(Map<String, double[]> rawAndSpread, List<String> warnings,
      String whyAllZero) {
    double sum = 0;
    for (double[] v : rawAndSpread.values()) {
      sum += v[0];
    }
    List<ParamImportances.Entry> entries = new ArrayList<>();
    boolean equal = !(sum > 0) || !Double.isFinite(sum);
    if (equal && !rawAndSpread.isEmpty()) {
      warnings.add(whyAllZero);
    }
    for (Map.Entry<String, double[]> e : rawAndSpread.entrySet()) {
      double importance = equal ? 1.0 / rawAndSpread.size() : e.getValue()[0] / sum;
      double raw = e.getValue()[1];
      double spread = Double.isNaN(raw) ? Double.NaN : equal ? 0 : raw / sum;
      entries.add(new ParamImportances.Entry(e.getKey(), importance, spread));
    }
    entries.sort(Comparator.comparingDouble(ParamImportances.Entry::importance).reversed()
        .thenComparing(ParamImportances.Entry::name));
    return entries;
  }
}
