package io.parzen.pruner;

import io.parzen.study.Study;
import io.parzen.trial.FrozenTrial;

/**
 * Decides whether a running trial should stop early, from the intermediate values it and the
 * study's other trials reported (Optuna's {@code BasePruner}). Must be thread-safe.
 */
@FunctionalInterface
public interface Pruner {

  /** Whether {@code trial} (a snapshot of a RUNNING trial) should be pruned now. */
  boolean prune(Study study, FrozenTrial trial);
}
