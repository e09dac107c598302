package io.parzen.study;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.SearchSpace;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.Trial;
import io.parzen.trial.TrialState;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live trial a worker evaluates: suggestions go through the study's sampler and are written
 * to the storage at once. Keeps a local copy of what it wrote, so samplers and pruners get
 * snapshots without reading the storage back. Used by one thread.
 */
final class StudyTrial implements Trial {

  /** Optuna's system attribute for parameters fixed by {@code enqueue_trial}. */
  static final String FIXED_PARAMS = "fixed_params";

  private final Study study;
  private final long id;
  private final int number;
  private final Instant start;
  private final Map<String, Object> params = new LinkedHashMap<>();
  private final Map<String, Distribution> distributions = new LinkedHashMap<>();
  private final Map<String, Object> userAttrs = new LinkedHashMap<>();
  private final Map<String, Object> systemAttrs;
  private final TreeMap<Integer, Double> intermediate = new TreeMap<>();
  private final Map<String, Object> fixedParams;
  private Map<String, Distribution> relativeSpace = Map.of();
  private Map<String, Object> relativeParams = Map.of();

  StudyTrial(Study study, FrozenTrial base) {
    this.study = study;
    this.id = base.id();
    this.number = base.number();
    this.start = base.start();
    this.systemAttrs = new LinkedHashMap<>(base.systemAttrs());
    this.fixedParams = fixedParams(base);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fixedParams(FrozenTrial base) {
    Object fixed = base.systemAttrs().get(FIXED_PARAMS);
    return fixed instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** Lets the sampler prepare and sample its relative search space. */
  void startSampling() {
    study.sampler().beforeTrial(study, snapshot());
    relativeSpace = study.sampler().inferRelativeSearchSpace(study, snapshot());
    if (!relativeSpace.isEmpty()) {
      relativeParams = study.sampler().sampleRelative(study, snapshot(), relativeSpace);
    }
  }

  Study study() {
    return study;
  }

  long id() {
    return id;
  }

  @Override
  public int number() {
    return number;
  }

  @Override
  public SearchSpace space() {
    return study.space();
  }

  @Override
  public Map<String, Object> currentParams() {
    return Collections.unmodifiableMap(params);
  }

  @Override
  public Object suggest(String name, Distribution distribution) {
    Distribution previous = distributions.get(name);
    if (previous != null) {
      checkCompatible(name, previous, distribution);
      return params.get(name);
    }
    double internal;
    if (fixedParams.containsKey(name)) {
      internal = fixedInternal(name, distribution);
    } else if (distribution.isSingle()) {
      internal = singleValue(distribution);
    } else if (relativeParams.containsKey(name) && distribution.equals(relativeSpace.get(name))) {
      internal = distribution.toInternal(relativeParams.get(name));
    } else {
      Object value = study.sampler().sampleIndependent(study, snapshot(), name, distribution);
      internal = distribution.toInternal(value);
    }
    study.storage().setTrialParam(id, name, internal, distribution);
    Object external = distribution.toExternal(internal);
    params.put(name, external);
    distributions.put(name, distribution);
    return external;
  }

  private double fixedInternal(String name, Distribution distribution) {
    try {
      return distribution.checkedInternal(fixedParams.get(name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("enqueued value of \"" + name + "\": " + e.getMessage(), e);
    }
  }

  private static double singleValue(Distribution distribution) {
    if (distribution instanceof io.parzen.space.FloatDistribution f) {
      return f.low();
    }
    if (distribution instanceof io.parzen.space.IntDistribution i) {
      return i.low();
    }
    return 0;
  }

  private void checkCompatible(String name, Distribution previous, Distribution now) {
    boolean sameKind = previous.getClass() == now.getClass()
        && (!(previous instanceof CategoricalDistribution c)
            || c.choices().equals(((CategoricalDistribution) now).choices()));
    if (!sameKind) {
      throw new IllegalArgumentException("parameter \"" + name + "\" was suggested as "
          + previous.describe() + " and now as " + now.describe());
    }
  }

  @Override
  public void report(int step, double value) {
    if (step < 0) {
      throw new IllegalArgumentException("step (" + step + ") must be >= 0");
    }
    if (intermediate.containsKey(step)) {
      return;  // Optuna keeps the first value reported for a step.
    }
    study.storage().setTrialIntermediateValue(id, step, value);
    intermediate.put(step, value);
  }

  @Override
  public boolean shouldPrune() {
    if (study.isMultiObjective()) {
      throw new IllegalStateException("pruning is not supported for multi-objective studies");
    }
    return study.pruner().prune(study, snapshot());
  }

  @Override
  public void setUserAttr(String key, Object value) {
    study.storage().setTrialUserAttr(id, key, value);
    userAttrs.put(key, value);
  }

  /** The trial as it stands, for samplers, pruners and listeners. */
  FrozenTrial snapshot() {
    return new FrozenTrial(id, number, TrialState.RUNNING, List.of(), start, null, params, distributions,
        userAttrs, systemAttrs, intermediate);
  }

  /** The last reported intermediate value, the value of a pruned trial. */
  Double lastIntermediateValue() {
    return intermediate.isEmpty() ? null : intermediate.lastEntry().getValue();
  }
}
