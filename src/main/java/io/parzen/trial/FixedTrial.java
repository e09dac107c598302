package io.parzen.trial;

import io.parzen.space.Distribution;
import io.parzen.space.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trial whose parameter values are given up front (Optuna's {@code FixedTrial}): evaluates an
 * objective at a chosen point, for tests and for re-running the best parameters.
 */
public final class FixedTrial implements Trial {

  private final Map<String, Object> fixed;
  private final SearchSpace space;
  private final int number;
  private final Map<String, Object> suggested = new LinkedHashMap<>();
  private final Map<Integer, Double> intermediate = new TreeMap<>();
  private final Map<String, Object> userAttrs = new LinkedHashMap<>();

  public FixedTrial(Map<String, ?> params) {
    this(params, SearchSpace.empty(), 0);
  }

  public FixedTrial(Map<String, ?> params, SearchSpace space, int number) {
    this.fixed = new LinkedHashMap<>(params);
    this.space = space;
    this.number = number;
  }

  @Override
  public int number() {
    return number;
  }

  @Override
  public Object suggest(String name, Distribution distribution) {
    if (suggested.containsKey(name)) {
      return suggested.get(name);
    }
    if (!fixed.containsKey(name)) {
      throw new IllegalArgumentException("no value given for parameter \"" + name + "\"");
    }
    double internal;
    try {
      internal = distribution.checkedInternal(fixed.get(name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("parameter \"" + name + "\": " + e.getMessage(), e);
    }
    Object external = distribution.toExternal(internal);
    suggested.put(name, external);
    return external;
  }

  @Override
  public SearchSpace space() {
    return space;
  }

  @Override
  public Map<String, Object> currentParams() {
    return Collections.unmodifiableMap(suggested);
  }

  @Override
  public void report(int step, double value) {
    intermediate.putIfAbsent(step, value);
  }

  @Override
  public boolean shouldPrune() {
    return false;
  }

  @Override
  public void setUserAttr(String key, Object value) {
    userAttrs.put(key, value);
  }

  /** Values passed to {@link #setUserAttr}. */
  public Map<String, Object> userAttrs() {
    return Collections.unmodifiableMap(userAttrs);
  }
}
