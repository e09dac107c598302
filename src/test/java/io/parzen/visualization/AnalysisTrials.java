package io.parzen.visualization;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Trials for the importance and timeline plot tests. */
final class AnalysisTrials {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final Map<String, Distribution> SPACE = new LinkedHashMap<>();

  static {
    SPACE.put("x", FloatDistribution.uniform(-10, 10));
    SPACE.put("lr", FloatDistribution.logUniform(1e-5, 1e-1));
    SPACE.put("layers", IntDistribution.of(1, 4));
    SPACE.put("optimizer", CategoricalDistribution.of("sgd", "adam"));
  }

  private AnalysisTrials() {}

  /**
   * {@code n} COMPLETE random trials over {@link #SPACE} where {@code x} dominates the value:
   * {@code sign * (x^2 + 0.01 * layers + 0.001 * log10(lr))}.
   */
  static List<FrozenTrial> xDominates(int n, long seed, double sign) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> params = new LinkedHashMap<>();
      double x = -10 + 20 * rng.nextDouble();
      double lr = Math.pow(10, -5 + 4 * rng.nextDouble());
      long layers = rng.nextInt(1, 5);
      params.put("x", x);
      params.put("lr", lr);
      params.put("layers", layers);
      params.put("optimizer", rng.nextBoolean() ? "sgd" : "adam");
      double value = sign * (x * x + 0.01 * layers + 0.001 * Math.log10(lr));
      trials.add(trial(i, TrialState.COMPLETE, List.of(value), params, T0.plusSeconds(i), T0.plusSeconds(i + 1)));
    }
    return trials;
  }

  static FrozenTrial trial(int number, TrialState state, List<Double> values, Map<String, Object> params,
      Instant start, Instant complete) {
    Map<String, Distribution> distributions = new LinkedHashMap<>();
    params.keySet().forEach(name -> distributions.put(name, SPACE.get(name)));
    return new FrozenTrial(100 + number, number, state, values, start, complete, params, distributions, Map.of(),
        Map.of(), new TreeMap<>());
  }

  /** A trial without parameters, for the timeline. */
  static FrozenTrial timed(int number, TrialState state, Instant start, Instant complete) {
    return trial(number, state, state == TrialState.COMPLETE ? List.of(1.0) : List.of(), Map.of(), start, complete);
  }
}
