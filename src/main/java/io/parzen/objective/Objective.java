package io.parzen.objective;

import io.parzen.trial.Trial;

/**
 * A single-objective function to optimise: reads parameters from the trial and returns the value.
 * Throwing marks the trial FAIL with the exception's message (throw
 * {@link io.parzen.trial.TrialPruned} to end it as PRUNED); returning NaN marks it FAIL. The study
 * goes on in both cases. Parallel workers call one objective concurrently, so it must be
 * thread-safe.
 */
@FunctionalInterface
public interface Objective {

  double evaluate(Trial trial) throws Exception;

  /** This objective as a one-value {@link MultiObjective}. */
  default MultiObjective asMulti() {
    return trial -> new double[] {evaluate(trial)};
  }
}
