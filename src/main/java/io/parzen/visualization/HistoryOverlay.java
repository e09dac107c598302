package io.parzen.visualization;

import io.parzen.study.StudyDirection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The optimisation histories of several studies on one chart (Optuna's
 * {@code plot_optimization_history} given a list of studies): per study its {@link
 * OptimizationHistory}, each trial's value and the best value so far by trial number. The best
 * values only compare when every study optimises in the same direction, so studies that do not are
 * refused ({@link #directionConflict} says why).
 *
 * <p>Immutable.
 *
 * @param direction the direction all the studies share ({@link StudyDirection#MINIMIZE} for none)
 * @param studies one history per study, in the order given
 */
public record HistoryOverlay(StudyDirection direction, List<Entry> studies) {

  /** One study's history under its name. */
  public record Entry(String study, OptimizationHistory history) {
    public Entry {
      Objects.requireNonNull(study, "study");
      Objects.requireNonNull(history, "history");
    }
  }

  public HistoryOverlay {
    Objects.requireNonNull(direction, "direction");
    studies = List.copyOf(studies);
  }

  /**
   * The histories of {@code studies}.
   *
   * @throws IllegalArgumentException when they do not share a direction; the message names each
   *     study's direction
   */
  public static HistoryOverlay of(List<StudyTrials> studies) {
    directionConflict(studies).ifPresent(message -> {
      throw new IllegalArgumentException(message);
    });
    StudyDirection direction = studies.isEmpty() ? StudyDirection.MINIMIZE : studies.get(0).direction();
    List<Entry> entries = new ArrayList<>();
    for (StudyTrials s : studies) {
      entries.add(new Entry(s.name(), OptimizationHistory.of(s.trials(), direction)));
    }
    return new HistoryOverlay(direction, entries);
  }

  /**
   * Why {@code studies} cannot be overlaid, if they cannot: a sentence naming the studies that
   * minimise and those that maximise.
   */
  public static Optional<String> directionConflict(List<StudyTrials> studies) {
    Map<StudyDirection, List<String>> byDirection = new LinkedHashMap<>();
    for (StudyTrials s : studies) {
      byDirection.computeIfAbsent(s.direction(), d -> new ArrayList<>()).add("\"" + s.name() + "\"");
    }
    if (byDirection.size() < 2) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    byDirection.forEach((direction, names) -> parts.add(String.join(", ", names) + " "
        + direction.name().toLowerCase(Locale.ROOT) + (names.size() == 1 ? "s" : "")));
    return Optional.of("The studies optimise in different directions (" + String.join("; ", parts)
        + "), so their values do not compare. Remove the studies of one direction to compare the others.");
  }

  /** The history of the study named {@code study}; throws when there is none. */
  public OptimizationHistory history(String study) {
    return studies.stream().filter(e -> e.study().equals(study)).findFirst().map(Entry::history)
        .orElseThrow(() -> new IllegalArgumentException("no history for study \"" + study + "\""));
  }
}
