package io.parzen.pruner;

/**
 * Prunes a trial whose best intermediate value is worse than the median of the COMPLETE trials'
 * values at the same step (Optuna's {@code MedianPruner}): a {@link PercentilePruner} at 50.
 */
public final class MedianPruner extends PercentilePruner {

  /** Optuna's defaults: 5 startup trials, no warmup, every step, one trial at the step. */
  public MedianPruner() {
    this(5, 0, 1, 1);
  }

  public MedianPruner(int nStartupTrials, int nWarmupSteps, int intervalSteps) {
    this(nStartupTrials, nWarmupSteps, intervalSteps, 1);
  }

  public MedianPruner(int nStartupTrials, int nWarmupSteps, int intervalSteps, int nMinTrials) {
    super(50.0, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials);
  }
}
