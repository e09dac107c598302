package io.parzen.importance;

import io.parzen.space.Distribution;
import io.parzen.space.SearchSpace;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** Studies made of random trials over a search space, with a known objective, for the tests. */
final class SyntheticTrials {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private SyntheticTrials() {}

  /** {@code n} COMPLETE trials drawn uniformly (conditions respected) and valued by {@code f}. */
  static List<FrozenTrial> random(SearchSpace space, int n, long seed, ToDoubleFunction<Map<String, Object>> f) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> params = space.sample(rng);
      trials.add(trial(i, TrialState.COMPLETE, params, space, List.of(f.applyAsDouble(params))));
    }
    return trials;
  }

  /** A finished trial with the given parameters (drawn from {@code space}) and values. */
  static FrozenTrial trial(int number, TrialState state, Map<String, Object> params, SearchSpace space,
      List<Double> values) {
    Map<String, Distribution> distributions = new LinkedHashMap<>();
    for (String name : params.keySet()) {
      distributions.put(name, space.parameter(name).orElseThrow().distribution());
    }
    Instant start = START.plusSeconds(number);
    return new FrozenTrial(1000 + number, number, state, values, start, start.plusMillis(100), params,
        distributions, Map.of(), Map.of(), new TreeMap<>());
  }

  /** The same trials with every objective value mapped by {@code g}. */
  static List<FrozenTrial> revalued(List<FrozenTrial> trials, java.util.function.DoubleUnaryOperator g) {
    List<FrozenTrial> out = new ArrayList<>();
    for (FrozenTrial t : trials) {
      out.add(new FrozenTrial(t.id(), t.number(), t.state(), t.values().stream().map(g::applyAsDouble).toList(),
          t.start(), t.complete(), t.params(), t.distributions(), t.userAttrs(), t.systemAttrs(),
          t.intermediateValues()));
    }
    return out;
  }

  static double num(Map<String, Object> params, String name) {
    return ((Number) params.get(name)).doubleValue();
  }
}
