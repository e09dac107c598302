package io.parzen.trial;

/**
 * Thrown by an objective to end its trial as PRUNED, typically right after
 * {@link Trial#shouldPrune()} returned true (Optuna's {@code TrialPruned}).
 */
public final class TrialPruned extends RuntimeException {

  public TrialPruned() {
    super("trial pruned", null, false, false);
  }

  public TrialPruned(String message) {
    super(message, null, false, false);
  }
}
