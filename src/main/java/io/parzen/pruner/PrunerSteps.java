package io.parzen.pruner;

import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.util.Arrays;
import java.util.Collection;

/** Helpers shared by the pruners: step intervals and best intermediate values (as in Optuna). */
final class PrunerSteps {

  private PrunerSteps() {}

  /**
   * Whether {@code step} is the first step reported at or after the latest pruning check point
   * ({@code warmup + k * interval}): the trial reported no other step since that point.
   */
  static boolean isFirstInIntervalStep(int step, Collection<Integer> steps, int warmupSteps, int intervalSteps) {
    int nearestLowerCheck = Math.floorDiv(step - warmupSteps, intervalSteps) * intervalSteps + warmupSteps;
    int secondLast = -1;
    for (int s : steps) {
      if (s > secondLast && s != step) {
        secondLast = s;
      }
    }
    return secondLast < nearestLowerCheck;
  }

  /** The best non-NaN intermediate value of {@code trial} in {@code direction}; NaN if none. */
  static double bestIntermediate(FrozenTrial trial, StudyDirection direction) {
    return best(trial.intermediateValues().values(), direction);
  }

  /** The best non-NaN value (NumPy's nanmin / nanmax); NaN when there is none. */
  static double best(Collection<Double> values, StudyDirection direction) {
    double best = Double.NaN;
    for (double v : values) {
      if (Double.isNaN(v)) {
        continue;
      }
      if (Double.isNaN(best) || direction.isBetter(v, best)) {
        best = v;
      }
    }
    return best;
  }

  /** NumPy's {@code nanpercentile} with linear interpolation; NaN when every value is NaN. */
  static double nanPercentile(double[] values, double q) {
    double[] finite = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (finite.length == 0) {
      return Double.NaN;
    }
    double index = q / 100.0 * (finite.length - 1);
    int lo = (int) Math.floor(index);
    int hi = (int) Math.ceil(index);
    if (lo == hi) {
      return finite[lo];
    }
    double frac = index - lo;
    return finite[lo] + (finite[hi] - finite[lo]) * frac;
  }

  static int nonNegative(String option, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(option + " (" + value + ") must be >= 0");
    }
    return value;
  }

  static int atLeast(String option, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(option + " (" + value + ") must be >= " + min);
    }
    return value;
  }
}
