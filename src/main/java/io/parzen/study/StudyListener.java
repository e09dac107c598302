package io.parzen.study;

import io.parzen.trial.FrozenTrial;

/**
 * Hears about trials as they start and finish. Called on the worker thread that ran the trial,
 * possibly from several workers at once, with immutable snapshots; implementations should hand
 * the snapshot off (to a queue, say) and return quickly. Exceptions are logged and ignored.
 */
public interface StudyListener {

  default void trialStarted(Study study, FrozenTrial trial) {}

  default void trialFinished(Study study, FrozenTrial trial) {}
}
