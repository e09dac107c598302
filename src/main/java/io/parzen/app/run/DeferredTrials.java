package io.parzen.app.run;

import io.parzen.space.SearchSpace;
import io.parzen.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes a {@link RunViewModel}'s trials on to a plot's model only while the plot is shown. While
 * it is hidden, a reset and the batches after it are kept, not computed: opening a study of 10,000
 * trials then costs nothing for the plots in other tabs, and a run does not rebuild them batch by
 * batch. When the plot is shown again the kept reset and batches are passed on at once. FX thread
 * only.
 */
public final class DeferredTrials implements RunViewModel.TrialsListener {

  private final RunViewModel.TrialsListener target;
  private boolean active = true;
  private boolean resetPending;
  private List<FrozenTrial> resetTrials = List.of();
  private SearchSpace resetSpace;
  private final List<FrozenTrial> pendingBatch = new ArrayList<>();

  public DeferredTrials(RunViewModel.TrialsListener target) {
    this.target = target;
  }

  /** Shows or hides the plot; showing it passes on what was kept meanwhile. */
  public void setActive(boolean active) {
    this.active = active;
    if (active) {
      flush();
    }
  }

  public boolean isActive() {
    return active;
  }

  @Override
  public void trialsReset(List<FrozenTrial> finished, SearchSpace space) {
    if (active) {
      target.trialsReset(finished, space);
      return;
    }
    resetPending = true;
    resetTrials = finished;
    resetSpace = space;
    pendingBatch.clear();
  }

  @Override
  public void trialsFinished(List<FrozenTrial> batch) {
    if (active) {
      target.trialsFinished(batch);
    } else {
      pendingBatch.addAll(batch);
    }
  }

  private void flush() {
    if (resetPending) {
      resetPending = false;
      List<FrozenTrial> all = new ArrayList<>(resetTrials);
      all.addAll(pendingBatch);
      pendingBatch.clear();
      resetTrials = List.of();
      target.trialsReset(all, resetSpace);
    } else if (!pendingBatch.isEmpty()) {
      List<FrozenTrial> batch = List.copyOf(pendingBatch);
      pendingBatch.clear();
      target.trialsFinished(batch);
    }
  }
}
