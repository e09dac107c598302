package io.parzen.app.analysis;

import io.parzen.app.DialogService;
import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Trials and dialogs for the analysis panels' tests. */
final class AnalysisFixtures {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final Map<String, Distribution> SPACE = new LinkedHashMap<>();

  static {
    SPACE.put("x", FloatDistribution.uniform(-10, 10));
    SPACE.put("lr", FloatDistribution.logUniform(1e-5, 1e-1));
    SPACE.put("layers", IntDistribution.of(1, 4));
    SPACE.put("optimizer", CategoricalDistribution.of("sgd", "adam"));
  }

  private AnalysisFixtures() {}

  /**
   * {@code n} random trials numbered from {@code first} where {@code x} dominates the value
   * {@code sign * (x^2 + 0.01 layers + 0.001 log10 lr)}; every seventh is PRUNED and every
   * eleventh FAIL. Trial {@code i} runs from {@code i} s to {@code i + 0.8} s after {@link #T0}.
   */
  static List<FrozenTrial> xDominates(int first, int n, long seed, double sign) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = first; i < first + n; i++) {
      Map<String, Object> params = new LinkedHashMap<>();
      double x = -10 + 20 * rng.nextDouble();
      double lr = Math.pow(10, -5 + 4 * rng.nextDouble());
      long layers = rng.nextInt(1, 5);
      params.put("x", x);
      params.put("lr", lr);
      params.put("layers", layers);
      params.put("optimizer", rng.nextBoolean() ? "sgd" : "adam");
      double value = sign * (x * x + 0.01 * layers + 0.001 * Math.log10(lr));
      TrialState state = i % 11 == 10 ? TrialState.FAIL : i % 7 == 6 ? TrialState.PRUNED : TrialState.COMPLETE;
      trials.add(trial(i, state, state == TrialState.FAIL ? List.of() : List.of(value), params,
          T0.plusMillis(1000L * i), T0.plusMillis(1000L * i + 800)));
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

  /** The same trials moved in time so that the latest start is {@code ago} before now. */
  static List<FrozenTrial> startedUntil(List<FrozenTrial> trials, java.time.Duration ago) {
    Instant latest = trials.stream().map(FrozenTrial::start).max(Instant::compareTo).orElseThrow();
    java.time.Duration shift = java.time.Duration.between(latest, Instant.now().minus(ago));
    return trials.stream().map(t -> new FrozenTrial(t.id(), t.number(), t.state(), t.values(), t.start().plus(shift),
        t.complete() == null ? null : t.complete().plus(shift), t.params(), t.distributions(), t.userAttrs(),
        t.systemAttrs(), t.intermediateValues())).toList();
  }

  /** Trial {@code number} running since {@code start}, with no parameters yet. */
  static FrozenTrial running(int number, Instant start) {
    return trial(number, TrialState.RUNNING, List.of(), Map.of(), start, null);
  }

  /** Answers file choosers from a queue; records errors. */
  static final class Dialogs implements DialogService {
    final Deque<Path> filesToSave = new ArrayDeque<>();
    final List<String> errors = new ArrayList<>();

    @Override
    public void showError(String title, String message) {
      errors.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message) {
      return true;
    }

    @Override
    public Optional<String> choose(String title, String message, List<String> options) {
      return Optional.empty();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
      return Optional.empty();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions) {
      return Optional.ofNullable(filesToSave.poll());
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
      return Optional.empty();
    }
  }
}
