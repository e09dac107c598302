package io.parzen.storage;

import io.parzen.study.StudyDirection;
import java.util.List;

/** A study as listed by {@link Storage#studies()}. */
public record StudySummary(long id, String name, List<StudyDirection> directions, int trialCount) {

  public StudySummary {
    directions = List.copyOf(directions);
  }
}
