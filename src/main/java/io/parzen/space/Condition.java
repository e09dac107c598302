package io.parzen.space;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes a parameter active only while its parent parameter (categorical or int) takes one of
 * {@code values}. A parent may itself be conditional, so conditions nest to any depth, like
 * Hyperopt's nested {@code hp.choice}.
 */
public record Condition(String parent, List<Object> values) {

  public Condition {
    if (parent == null || parent.isBlank()) {
      throw new SpaceValidationException(null, "condition", "condition needs a parent parameter");
    }
    if (values == null || values.isEmpty()) {
      throw new SpaceValidationException(
          null, "condition", "condition on \"" + parent + "\" needs at least one value");
    }
    List<Object> normalized = new ArrayList<>(values.size());
    for (Object v : values) {
      normalized.add(CategoricalDistribution.normalize(v));
    }
    values = java.util.Collections.unmodifiableList(normalized);
  }

  /** Active when {@code parent} equals {@code value}. */
  public static Condition when(String parent, Object... values) {
    return new Condition(parent, java.util.Arrays.asList(values));
  }

  /** Whether the parent's value satisfies this condition. */
  public boolean matches(Object parentValue) {
    Object value;
    try {
      value = CategoricalDistribution.normalize(parentValue);
    } catch (SpaceValidationException e) {
      return false;
    }
    if (value instanceof Double d && d == Math.rint(d)) {
      return values.contains(value) || values.contains((long) (double) d);
    }
    if (value instanceof Long l) {
      return values.contains(value) || values.contains((double) l);
    }
    return values.contains(value);
  }

  @Override
  public String toString() {
    return parent + " in " + values;
  }
}
