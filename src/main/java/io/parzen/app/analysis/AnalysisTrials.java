package io.parzen.app.analysis;

import io.parzen.app.run.DeferredTrials;
import io.parzen.app.run.RunViewModel;
import io.parzen.space.SearchSpace;
import io.parzen.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The finished trials of a {@link RunViewModel} as an analysis panel holds them: passed on only
 * while the panel is shown ({@link DeferredTrials}), kept in order, with the names of their
 * parameters in the order first seen. Calls {@code changed} after every reset and batch, from
 * {@link #listenTo} on. FX thread only.
 */
final class AnalysisTrials {

  private final List<FrozenTrial> trials = new ArrayList<>();
  private final Set<String> parameters = new LinkedHashSet<>();
  private final DeferredTrials deferred;

  AnalysisTrials(Runnable changed) {
    this(reset -> changed.run());
  }

  /** As {@link #AnalysisTrials(Runnable)}, telling {@code changed} whether the trials were replaced. */
  AnalysisTrials(java.util.function.Consumer<Boolean> changed) {
    deferred = new DeferredTrials(new RunViewModel.TrialsListener() {
      @Override
      public void trialsReset(List<FrozenTrial> finished, SearchSpace space) {
        trials.clear();
        parameters.clear();
        add(finished);
        changed.accept(true);
      }

      @Override
      public void trialsFinished(List<FrozenTrial> batch) {
        add(batch);
        changed.accept(false);
      }
    });
  }

  /** Starts hearing {@code runs}, which at once passes on the trials so far. */
  void listenTo(RunViewModel runs) {
    runs.addTrialsListener(deferred);
  }

  /** A snapshot of the trials so far, safe to hand to another thread. */
  List<FrozenTrial> snapshot() {
    return List.copyOf(trials);
  }

  /** The parameters of the trials so far, in the order first seen. */
  List<String> parameters() {
    return List.copyOf(parameters);
  }

  void setActive(boolean active) {
    deferred.setActive(active);
  }

  private void add(List<FrozenTrial> batch) {
    for (FrozenTrial t : batch) {
      trials.add(t);
      for (String name : t.params().keySet()) {
        if (t.distributions().containsKey(name)) {
          parameters.add(name);
        }
      }
    }
  }
}
