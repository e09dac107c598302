package io.parzen.pruner;

import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.Trial;
import io.parzen.trial.TrialState;

/** Hand-built studies for the pruner tests. */
final class PrunerTesting {

  private PrunerTesting() {}

  static Study study(Pruner pruner, StudyDirection direction) {
    return Study.builder().direction(direction).pruner(pruner).build();
  }

  /** Adds a COMPLETE trial that reported {@code curve} at steps 0, 1, 2 ... */
  static void complete(Study study, double... curve) {
    Trial trial = study.ask();
    for (int step = 0; step < curve.length; step++) {
      trial.report(step, curve[step]);
    }
    study.tell(trial, curve[curve.length - 1]);
  }

  /** Reports {@code curve} at steps 0, 1, 2 ... and returns whether the pruner then wants the trial stopped; the trial ends PRUNED. */
  static boolean prunedAfter(Study study, double... curve) {
    Trial trial = study.ask();
    for (int step = 0; step < curve.length; step++) {
      trial.report(step, curve[step]);
    }
    boolean prune = trial.shouldPrune();
    study.tell(trial, TrialState.PRUNED);
    return prune;
  }

  /**
   * Reports {@code curve} step by step, asking the pruner after each, and returns the first step
   * at which it said prune, or -1. The trial ends PRUNED.
   */
  static int firstPrunedStep(Study study, double... curve) {
    Trial trial = study.ask();
    try {
      for (int step = 0; step < curve.length; step++) {
        trial.report(step, curve[step]);
        if (trial.shouldPrune()) {
          return step;
        }
      }
      return -1;
    } finally {
      study.tell(trial, TrialState.PRUNED);
    }
  }
}
