package io.parzen.pruner;

import io.parzen.study.Study;
import io.parzen.trial.FrozenTrial;

/**
 * Prunes a trial whose latest intermediate value is below {@code lower}, above {@code upper} or
 * NaN (Optuna's {@code ThresholdPruner}), at steps {@code >= nWarmupSteps}, once per
 * {@code intervalSteps} steps. A missing bound is given as {@code null}.
 */
public final class ThresholdPruner implements Pruner {

  private final double lower;
  private final double upper;
  private final int nWarmupSteps;
  private final int intervalSteps;

  public ThresholdPruner(Double lower, Double upper) {
    this(lower, upper, 0, 1);
  }

  public ThresholdPruner(Double lower, Double upper, int nWarmupSteps, int intervalSteps) {
    if (lower == null && upper == null) {
      throw new IllegalArgumentException("threshold pruner needs lower or upper (both are missing)");
    }
    if (lower != null && lower.isNaN()) {
      throw new IllegalArgumentException("lower (NaN) must be a number");
    }
    if (upper != null && upper.isNaN()) {
      throw new IllegalArgumentException("upper (NaN) must be a number");
    }
    this.lower = lower == null ? Double.NEGATIVE_INFINITY : lower;
    this.upper = upper == null ? Double.POSITIVE_INFINITY : upper;
    if (this.lower > this.upper) {
      throw new IllegalArgumentException("lower (" + lower + ") must not be greater than upper (" + upper + ")");
    }
    this.nWarmupSteps = PrunerSteps.nonNegative("n_warmup_steps", nWarmupSteps);
    this.intervalSteps = PrunerSteps.atLeast("interval_steps", intervalSteps, 1);
  }

  public double lower() {
    return lower;
  }

  public double upper() {
    return upper;
  }

  @Override
  public boolean prune(Study study, FrozenTrial trial) {
    if (trial.lastStep().isEmpty()) {
      return false;
    }
    int step = trial.lastStep().get();
    if (step < nWarmupSteps) {
      return false;
    }
    if (!PrunerSteps.isFirstInIntervalStep(step, trial.intermediateValues().keySet(), nWarmupSteps, intervalSteps)) {
      return false;
    }
    double latest = trial.intermediateValues().get(step);
    return Double.isNaN(latest) || latest < lower || latest > upper;
  }

  @Override
  public String toString() {
    return "ThresholdPruner(lower=" + lower + ", upper=" + upper + ", n_warmup_steps=" + nWarmupSteps
        + ", interval_steps=" + intervalSteps + ")";
  }
}
