package io.parzen.pruner;

import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.EnumSet;
import java.util.List;

/**
 * Prunes a trial whose best intermediate value so far is worse than the given percentile of the
 * values COMPLETE trials reported at the same step (Optuna's {@code PercentilePruner}).
 *
 * <p>Pruning starts once {@code nStartupTrials} trials have completed, at steps
 * {@code >= nWarmupSteps}, and checks once per {@code intervalSteps} steps after the warmup. A
 * trial whose intermediate values are all NaN is pruned. When fewer than {@code nMinTrials}
 * completed trials reported the step, nothing is pruned. With percentile 25 a minimising study
 * keeps the trials in the best quarter; a maximising study compares with the 75th percentile.
 * Stateless and thread-safe.
 */
public class PercentilePruner implements Pruner {

  private final double percentile;
  private final int nStartupTrials;
  private final int nWarmupSteps;
  private final int intervalSteps;
  private final int nMinTrials;

  /** Optuna's defaults: 5 startup trials, no warmup, every step, one trial at the step. */
  public PercentilePruner(double percentile) {
    this(percentile, 5, 0, 1, 1);
  }

  public PercentilePruner(double percentile, int nStartupTrials, int nWarmupSteps, int intervalSteps, int nMinTrials) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile (" + percentile + ") must be between 0 and 100");
    }
    this.percentile = percentile;
    this.nStartupTrials = PrunerSteps.nonNegative("n_startup_trials", nStartupTrials);
    this.nWarmupSteps = PrunerSteps.nonNegative("n_warmup_steps", nWarmupSteps);
    this.intervalSteps = PrunerSteps.atLeast("interval_steps", intervalSteps, 1);
    this.nMinTrials = PrunerSteps.atLeast("n_min_trials", nMinTrials, 1);
  }

  public double percentile() {
    return percentile;
  }

  public int nStartupTrials() {
    return nStartupTrials;
  }

  public int nWarmupSteps() {
    return nWarmupSteps;
  }

  public int intervalSteps() {
    return intervalSteps;
  }

  public int nMinTrials() {
    return nMinTrials;
  }

  @Override
  public boolean prune(Study study, FrozenTrial trial) {
    List<FrozenTrial> completed = study.trials(EnumSet.of(TrialState.COMPLETE));
    if (completed.isEmpty() || completed.size() < nStartupTrials) {
      return false;
    }
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
    StudyDirection direction = study.directions().get(0);
    double best = PrunerSteps.bestIntermediate(trial, direction);
    if (Double.isNaN(best)) {
      return true;
    }
    double p = percentileAtStep(completed, direction, step);
    if (Double.isNaN(p)) {
      return false;
    }
    return direction == StudyDirection.MAXIMIZE ? best < p : best > p;
  }

  private double percentileAtStep(List<FrozenTrial> completed, StudyDirection direction, int step) {
    double[] values = completed.stream()
        .filter(t -> t.intermediateValues().containsKey(step))
        .mapToDouble(t -> t.intermediateValues().get(step))
        .toArray();
    if (values.length < nMinTrials) {
      return Double.NaN;
    }
    double q = direction == StudyDirection.MAXIMIZE ? 100 - percentile : percentile;
    return PrunerSteps.nanPercentile(values, q);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(percentile=" + percentile + ", n_startup_trials=" + nStartupTrials
        + ", n_warmup_steps=" + nWarmupSteps + ", interval_steps=" + intervalSteps + ", n_min_trials=" + nMinTrials + ")";
  }
}
