package io.parzen.storage;

import io.parzen.trial.FrozenTrial;
import java.util.List;

/** Trials read by {@link Storage#trialsChangedSince}, ordered by number, and the cursor to read on from. */
public record TrialDelta(List<FrozenTrial> trials, TrialCursor next) {

  public TrialDelta {
    trials = List.copyOf(trials);
  }
}
