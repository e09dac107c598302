package io.parzen.trial;

/** The life cycle of a trial, with Optuna's names (stored as these names in study files). */
public enum TrialState {
  /** Being evaluated by a worker. */
  RUNNING,
  /** Finished with objective value(s). */
  COMPLETE,
  /** Stopped early by the pruner; its value is the last intermediate value, if any. */
  PRUNED,
  /** The objective threw, returned NaN or no value; the reason is in {@code fail_reason}. */
  FAIL,
  /** Enqueued, waiting for a worker to pick it up. */
  WAITING;

  /** Whether the trial has ended (COMPLETE, PRUNED or FAIL). */
  public boolean isFinished() {
    return this == COMPLETE || this == PRUNED || this == FAIL;
  }
}
