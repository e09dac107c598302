package io.parzen.visualization;

import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.util.List;
import java.util.Objects;

/**
 * The trials of one study under the name it is shown with, for plots that compare several studies
 * ({@link Edf}, {@link HistoryOverlay}). Immutable.
 *
 * @param name the label of the study in legends; callers comparing two studies of the same name
 *     (from two files, say) make the labels differ
 * @param direction the direction of the objective compared (the first one of a multi-objective study)
 * @param trials the study's trials in any state, ordered by number
 */
public record StudyTrials(String name, StudyDirection direction, List<FrozenTrial> trials) {

  public StudyTrials {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(direction, "direction");
    trials = List.copyOf(trials);
  }
}
