package io.parzen.app.setup;

import io.parzen.space.Distribution;
import io.parzen.space.SearchSpace;
import io.parzen.trial.Trial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trial of a command's test run: values drawn beforehand from the space's priors, intermediate
 * values and attributes recorded, never pruned, stored nowhere. Confined to the thread that runs it.
 */
final class TestRunTrial implements Trial {

  private final SearchSpace space;
  private final Map<String, Object> drawn;
  private final Map<String, Object> suggested = new LinkedHashMap<>();
  private final List<TestRun.Step> steps = new ArrayList<>();
  private final Map<String, Object> userAttrs = new LinkedHashMap<>();

  /** A trial over {@code space} whose parameters take the values {@code drawn} (one draw of {@link SearchSpace#sample}). */
  TestRunTrial(SearchSpace space, Map<String, Object> drawn) {
    this.space = space;
    this.drawn = new LinkedHashMap<>(drawn);
  }

  @Override
  public int number() {
    return 0;
  }

  @Override
  public Object suggest(String name, Distribution distribution) {
    Object value = suggested.get(name);
    if (value == null) {
      if (!drawn.containsKey(name)) {
        throw new IllegalArgumentException("the test run drew no value for parameter \"" + name + "\"");
      }
      value = distribution.toExternal(distribution.checkedInternal(drawn.get(name)));
      suggested.put(name, value);
    }
    return value;
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
    steps.add(new TestRun.Step(step, value));
  }

  @Override
  public boolean shouldPrune() {
    return false;
  }

  @Override
  public void setUserAttr(String key, Object value) {
    userAttrs.put(key, value);
  }

  /** The intermediate values in the order they were reported. */
  List<TestRun.Step> steps() {
    return List.copyOf(steps);
  }

  Map<String, Object> userAttrs() {
    return userAttrs;
  }
}
