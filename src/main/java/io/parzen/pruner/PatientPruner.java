package io.parzen.pruner;

import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lets a wrapped pruner prune only after the trial's intermediate values stopped improving by
 * more than {@code minDelta} for {@code patience} consecutive steps (Optuna's
 * {@code PatientPruner}). Without a wrapped pruner ({@code null}) it prunes at that point: plain
 * early stopping on the trial's own curve.
 */
public final class PatientPruner implements Pruner {

  private final Pruner wrapped;
  private final int patience;
  private final double minDelta;

  public PatientPruner(Pruner wrapped, int patience) {
    this(wrapped, patience, 0.0);
  }

  public PatientPruner(Pruner wrapped, int patience, double minDelta) {
    this.wrapped = wrapped;
    this.patience = PrunerSteps.nonNegative("patience", patience);
    if (!(minDelta >= 0)) {
      throw new IllegalArgumentException("min_delta (" + minDelta + ") must be >= 0");
    }
    this.minDelta = minDelta;
  }

  /** The wrapped pruner, or {@code null}. */
  public Pruner wrapped() {
    return wrapped;
  }

  public int patience() {
    return patience;
  }

  public double minDelta() {
    return minDelta;
  }

  @Override
  public boolean prune(Study study, FrozenTrial trial) {
    if (trial.lastStep().isEmpty()) {
      return false;
    }
    int n = trial.intermediateValues().size();
    if (n <= patience + 1) {
      return false;
    }
    List<Double> before = new ArrayList<>();
    List<Double> after = new ArrayList<>();
    int i = 0;
    for (Map.Entry<Integer, Double> e : trial.intermediateValues().entrySet()) {  // sorted by step
      (i++ < n - patience - 1 ? before : after).add(e.getValue());
    }
    StudyDirection direction = study.directions().get(0);
    double bestBefore = PrunerSteps.best(before, direction);
    double bestAfter = PrunerSteps.best(after, direction);
    boolean stalled = direction == StudyDirection.MINIMIZE
        ? bestBefore + minDelta < bestAfter
        : bestBefore - minDelta > bestAfter;
    if (!stalled) {
      return false;
    }
    return wrapped == null || wrapped.prune(study, trial);
  }

  @Override
  public String toString() {
    return "PatientPruner(" + wrapped + ", patience=" + patience + ", min_delta=" + minDelta + ")";
  }
}
