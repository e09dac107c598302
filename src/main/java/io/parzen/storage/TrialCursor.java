package io.parzen.storage;

import io.parzen.trial.FrozenTrial;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * A position in a study's stream of trial changes, for {@link Storage#trialsChangedSince}: the next
 * trial number not yet seen, and the numbers of trials seen unfinished (or skipped) that must be
 * read again. Immutable.
 */
public record TrialCursor(int nextNumber, Set<Integer> openNumbers) {

  /** Before any trial. */
  public static final TrialCursor START = new TrialCursor(0, Set.of());

  public TrialCursor {
    openNumbers = Set.copyOf(openNumbers);
  }

  /** The cursor after reading {@code trials}, which answered a query at this cursor. */
  public TrialCursor advance(Collection<FrozenTrial> trials) {
    Set<Integer> open = new TreeSet<>(openNumbers);
    int next = nextNumber;
    for (FrozenTrial t : trials) {
      next = Math.max(next, t.number() + 1);
    }
    // Numbers between the old and new "next" that were not returned are not yet visible.
    for (int n = nextNumber; n < next; n++) {
      open.add(n);
    }
    for (FrozenTrial t : trials) {
      if (t.state().isFinished()) {
        open.remove(t.number());
      } else {
        open.add(t.number());
      }
    }
    return new TrialCursor(next, open);
  }
}
