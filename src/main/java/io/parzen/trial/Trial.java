package io.parzen.trial;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an objective sees of the trial it evaluates (Optuna's {@code Trial}).
 *
 * <p>Define-by-run objectives ask for values one at a time with {@code suggestFloat},
 * {@code suggestInt} and {@code suggestCategorical}; objectives over a declared
 * {@link SearchSpace} call {@link #params()} once and get every active parameter. Suggesting
 * the same name again returns the value already chosen. An objective reports learning curves
 * with {@link #report} and asks {@link #shouldPrune()} whether to stop early, throwing
 * {@link TrialPruned} if so.
 *
 * <p>A trial belongs to the one worker thread that evaluates it; it is not meant to be shared.
 *
 * <pre>{@code
 * double objective(Trial trial) {
 *   double lr = trial.suggestFloat("lr", 1e-5, 1e-1, true);
 *   int layers = trial.suggestInt("layers", 1, 4);
 *   String optimizer = trial.suggestCategorical("optimizer", List.of("adam", "sgd"));
 *   ...
 * }
 * }</pre>
 */
public interface Trial {

  /** Position of the trial in its study, from 0. */
  int number();

  /**
   * The value of parameter {@code name} drawn from {@code distribution}, as an external value
   * ({@code Double}, {@code Long}, or one of the categorical choices). Every other
   * {@code suggest*} method goes through this one.
   */
  Object suggest(String name, Distribution distribution);

  /** The declared search space of the study (empty for define-by-run studies). */
  SearchSpace space();

  /** The parameters suggested so far, in order. */
  Map<String, Object> currentParams();

  /** Records an intermediate value of the objective, such as validation loss after an epoch. */
  void report(int step, double value);

  /** Whether the study's pruner wants this trial stopped, given the values reported so far. */
  boolean shouldPrune();

  /** Attaches a JSON-compatible value (string, number, boolean, list or map) to the trial. */
  void setUserAttr(String key, Object value);

  /** A float in {@code [low, high]}. */
  default double suggestFloat(String name, double low, double high) {
    return ((Number) suggest(name, checked(name, () -> FloatDistribution.uniform(low, high)))).doubleValue();
  }

  /** A float in {@code [low, high]}, sampled in log space when {@code log} is true. */
  default double suggestFloat(String name, double low, double high, boolean log) {
    return ((Number) suggest(name, checked(name, () -> new FloatDistribution(low, high, log, null)))).doubleValue();
  }

  /** A float in {@code [low, high]} on the grid {@code low + k * step}. */
  default double suggestFloat(String name, double low, double high, double step) {
    return ((Number) suggest(name, checked(name, () -> FloatDistribution.stepped(low, high, step)))).doubleValue();
  }

  /** An integer in {@code [low, high]}, both included. */
  default int suggestInt(String name, int low, int high) {
    return suggestInt(name, low, high, 1, false);
  }

  /** An integer in {@code [low, high]} on the grid {@code low + k * step}, log-scaled if asked. */
  default int suggestInt(String name, int low, int high, int step, boolean log) {
    Object value = suggest(name, checked(name, () -> new IntDistribution(low, high, log, step)));
    return Math.toIntExact(((Number) value).longValue());
  }

  /** One of {@code choices}, returned as the very object passed in. */
  default <T> T suggestCategorical(String name, List<T> choices) {
    CategoricalDistribution distribution =
        checked(name, () -> new CategoricalDistribution(new java.util.ArrayList<>(choices)));
    Object value = suggest(name, distribution);
    return choices.get(distribution.indexOf(value));
  }

  /** One of {@code choices}. */
  @SuppressWarnings("unchecked")
  default <T> T suggestCategorical(String name, T... choices) {
    return suggestCategorical(name, java.util.Arrays.asList(choices));
  }

  /** The value of a declared parameter, with its prior. */
  default Object suggest(Parameter parameter) {
    return suggest(parameter.name(), parameter.distribution());
  }

  /**
   * Suggests every parameter of the declared space that is active given its parents' values and
   * returns them in sampling order: exactly the active parameters, nothing else.
   */
  default Map<String, Object> params() {
    Map<String, Object> values = new LinkedHashMap<>();
    SearchSpace space = space();
    for (Parameter p : space.sampleOrder()) {
      if (space.isActive(p, values)) {
        values.put(p.name(), suggest(p));
      }
    }
    return values;
  }

  private static <D extends Distribution> D checked(String name, java.util.function.Supplier<D> factory) {
    try {
      return factory.get();
    } catch (io.parzen.space.SpaceValidationException e) {
      throw io.parzen.space.SpaceValidationException.withMessage(name, e.field(), name + ": " + e.getMessage());
    }
  }
}
