package io.parzen.app.analysis;

import io.parzen.space.FloatDistribution;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Finished trials of one float parameter, for feeding the EDF panel. */
final class EdfTrials {

  private EdfTrials() {}

  static FrozenTrial trial(int number, TrialState state, Double value) {
    Instant start = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(number);
    double x = value == null ? 0.5 : Math.min(1, Math.abs(value) / 10);
    return new FrozenTrial(number + 1, number, state, value == null ? List.of() : List.of(value), start,
        start.plusMillis(200), Map.of("x", x), Map.of("x", FloatDistribution.uniform(0, 1)), Map.of(), Map.of(),
        new TreeMap<>());
  }

  /** Trials 0.. with {@code values} (complete), numbered from {@code first}. */
  static List<FrozenTrial> complete(int first, double... values) {
    List<FrozenTrial> trials = new ArrayList<>();
    for (double v : values) {
      trials.add(trial(first + trials.size(), TrialState.COMPLETE, v));
    }
    return trials;
  }
}
