package io.parzen.objective;

import io.parzen.trial.Trial;

/**
 * An objective returning one value per study direction. Returning {@code null} or too few values
 * marks the trial FAIL ("returned no value"), as does a NaN; the study goes on. Must be
 * thread-safe.
 */
@FunctionalInterface
public interface MultiObjective {

  double[] evaluate(Trial trial) throws Exception;
}
