package io.parzen.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A declared search space: named parameters, some active only under a condition on a parent.
 *
 * <p>Immutable and thread-safe. Construction validates the whole space (unique names, known
 * parents, condition values the parent can take, no cycles) and throws a
 * {@link SpaceValidationException} naming the parameter and field at fault; {@link #validate}
 * returns every problem at once for editors.
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.of(
 *     Hp.choice("classifier", "svm", "forest"),
 *     Hp.lognormal("C", 0, 1).withCondition(Condition.when("classifier", "svm")),
 *     Hp.uniformint("depth", 2, 12).withCondition(Condition.when("classifier", "forest")));
 * Map<String, Object> sample = space.sample(new SplittableRandom(42));
 * }</pre>
 */
public final class SearchSpace {

  private final List<Parameter> parameters;
  private final List<Parameter> sampleOrder;
  private final Map<String, Parameter> byName;

  private SearchSpace(List<Parameter> parameters) {
    List<SpaceValidationException> problems = problems(parameters);
    if (!problems.isEmpty()) {
      throw problems.get(0);
    }
    this.parameters = List.copyOf(parameters);
    Map<String, Parameter> names = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      names.put(p.name(), p);
    }
    this.byName = Collections.unmodifiableMap(names);
    this.sampleOrder = List.copyOf(topologicalOrder(parameters, names));
  }

  public static SearchSpace of(Parameter... parameters) {
    return new SearchSpace(List.of(parameters));
  }

  public static SearchSpace of(List<Parameter> parameters) {
    return new SearchSpace(new ArrayList<>(parameters));
  }

  /** An empty space, for define-by-run objectives that declare nothing up front. */
  public static SearchSpace empty() {
    return new SearchSpace(List.of());
  }

  /** Every problem of a would-be space, in declaration order; empty when it is valid. */
  public static List<SpaceValidationException> validate(List<Parameter> parameters) {
    return problems(parameters);
  }

  /** The parameters in declaration order. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The parameters ordered so that every parent precedes its children. */
  public List<Parameter> sampleOrder() {
    return sampleOrder;
  }

  public Optional<Parameter> parameter(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Set<String> names() {
    return byName.keySet();
  }

  public int size() {
    return parameters.size();
  }

  public boolean isEmpty() {
    return parameters.isEmpty();
  }

  /** Whether any parameter is conditional. */
  public boolean isConditional() {
    return parameters.stream().anyMatch(Parameter::isConditional);
  }

  /** The parameters whose condition names {@code parent}. */
  public List<Parameter> children(String parent) {
    return parameters.stream()
        .filter(p -> p.isConditional() && p.condition().parent().equals(parent))
        .toList();
  }

  /**
   * Whether {@code parameter} is active given the values chosen so far: its parent is active and
   * takes one of the condition's values.
   */
  public boolean isActive(Parameter parameter, Map<String, ?> values) {
    Parameter current = parameter;
    while (current.isConditional()) {
      Condition c = current.condition();
      if (!values.containsKey(c.parent()) || !c.matches(values.get(c.parent()))) {
        return false;
      }
      current = byName.get(c.parent());
    }
    return true;
  }

  /** The names of the parameters active under {@code values}. */
  public Set<String> activeNames(Map<String, ?> values) {
    Set<String> active = new HashSet<>();
    for (Parameter p : sampleOrder) {
      if (isActive(p, values)) {
        active.add(p.name());
      }
    }
    return active;
  }

  /**
   * One draw from the prior: a value for every active parameter and nothing else, in sampling
   * order. Numbers are {@code Double} for float parameters and {@code Long} for int parameters.
   */
  public Map<String, Object> sample(RandomGenerator rng) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Parameter p : sampleOrder) {
      if (isActive(p, values)) {
        values.put(p.name(), p.distribution().toExternal(PriorSampling.sample(p, rng)));
      }
    }
    return values;
  }

  private static List<SpaceValidationException> problems(List<Parameter> parameters) {
    List<SpaceValidationException> problems = new ArrayList<>();
    Map<String, Parameter> names = new HashMap<>();
    for (Parameter p : parameters) {
      if (names.putIfAbsent(p.name(), p) != null) {
        problems.add(new SpaceValidationException(p.name(), "name", "duplicate parameter name"));
      }
    }
    for (Parameter p : parameters) {
      if (!p.isConditional()) {
        continue;
      }
      Condition c = p.condition();
      Parameter parent = names.get(c.parent());
      if (parent == null) {
        problems.add(new SpaceValidationException(
            p.name(), "condition", "condition on unknown parameter \"" + c.parent() + "\""));
        continue;
      }
      if (parent.name().equals(p.name())) {
        problems.add(new SpaceValidationException(p.name(), "condition", "condition on itself"));
        continue;
      }
      if (parent.distribution() instanceof FloatDistribution) {
        problems.add(new SpaceValidationException(
            p.name(), "condition",
            "condition on \"" + c.parent() + "\", which is a float; the parent must be a choice or an int"));
        continue;
      }
      for (Object value : c.values()) {
        if (!parentCanTake(parent.distribution(), value)) {
          problems.add(new SpaceValidationException(
              p.name(), "condition",
              "condition value " + CategoricalDistribution.quote(value) + " is not a value \""
                  + c.parent() + "\" can take (" + parent.distribution().describe() + ")"));
        }
      }
    }
    for (Parameter p : parameters) {
      if (inCycle(p, names)) {
        problems.add(new SpaceValidationException(
            p.name(), "condition", "conditions form a cycle: " + cyclePath(p, names)));
      }
    }
    return problems;
  }

  private static boolean parentCanTake(Distribution parent, Object value) {
    if (parent instanceof CategoricalDistribution c) {
      return c.indexOf(value) >= 0;
    }
    IntDistribution i = (IntDistribution) parent;
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      return false;
    }
    return i.containsInternal(n.doubleValue());
  }

  /** Whether following parents from {@code start} leads back to it (self-conditions are reported apart). */
  private static boolean inCycle(Parameter start, Map<String, Parameter> names) {
    if (!start.isConditional() || start.condition().parent().equals(start.name())) {
      return false;
    }
    Set<String> seen = new HashSet<>();
    Parameter current = names.get(start.condition().parent());
    while (current != null && seen.add(current.name())) {
      if (current.name().equals(start.name())) {
        return true;
      }
      current = current.isConditional() ? names.get(current.condition().parent()) : null;
    }
    return false;
  }

  private static String cyclePath(Parameter start, Map<String, Parameter> names) {
    StringBuilder path = new StringBuilder(start.name());
    Parameter current = names.get(start.condition().parent());
    while (current != null && !current.name().equals(start.name())) {
      path.append(" -> ").append(current.name());
      current = current.isConditional() ? names.get(current.condition().parent()) : null;
    }
    return path.append(" -> ").append(start.name()).toString();
  }

  private static List<Parameter> topologicalOrder(List<Parameter> parameters, Map<String, Parameter> names) {
    List<Parameter> order = new ArrayList<>(parameters.size());
    Set<String> placed = new HashSet<>();
    for (Parameter p : parameters) {
      place(p, names, placed, order);
    }
    return order;
  }

  private static void place(Parameter p, Map<String, Parameter> names, Set<String> placed, List<Parameter> order) {
    if (placed.contains(p.name())) {
      return;
    }
    if (p.isConditional()) {
      place(names.get(p.condition().parent()), names, placed, order);
    }
    placed.add(p.name());
    order.add(p);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchSpace other && parameters.equals(other.parameters);
  }

  @Override
  public int hashCode() {
    return parameters.hashCode();
  }

  @Override
  public String toString() {
    return "SearchSpace" + parameters;
  }
}
