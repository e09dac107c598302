package io.parzen.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A choice among strings, numbers, booleans and {@code null} (Optuna's
 * {@code CategoricalDistribution}, whose choices may include {@code None}). The internal value is
 * the index of the choice. Integral numbers are held as {@code Long} and other numbers as
 * {@code Double}, so that a choice read back from JSON equals the one written.
 */
public record CategoricalDistribution(List<Object> choices) implements Distribution {

  public CategoricalDistribution {
    if (choices == null || choices.isEmpty()) {
      throw new SpaceValidationException(null, "choices", "choices must not be empty");
    }
    List<Object> normalized = new ArrayList<>(choices.size());
    Set<Object> seen = new HashSet<>();
    for (Object choice : choices) {
      Object value = normalize(choice);
      if (!seen.add(value)) {
        throw new SpaceValidationException(null, "choices", "duplicate choice " + quote(value));
      }
      normalized.add(value);
    }
    choices = Collections.unmodifiableList(normalized);
  }

  public static CategoricalDistribution of(Object... choices) {
    return new CategoricalDistribution(Arrays.asList(choices));
  }

  /** Brings a choice to its canonical Java type: String, Boolean, Long, Double or {@code null}. */
  public static Object normalize(Object choice) {
    if (choice == null || choice instanceof String || choice instanceof Boolean || choice instanceof Long) {
      return choice;
    }
    if (choice instanceof Integer || choice instanceof Short || choice instanceof Byte) {
      return ((Number) choice).longValue();
    }
    if (choice instanceof Float f) {
      return f.doubleValue();
    }
    if (choice instanceof Double d) {
      if (!Double.isFinite(d)) {
        throw new SpaceValidationException(null, "choices", "choice " + d + " is not a finite number");
      }
      return d;
    }
    if (choice instanceof java.math.BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : b;  // Python ints beyond 64 bits stay exact.
    }
    if (choice instanceof java.math.BigDecimal b) {
      return b.doubleValue();
    }
    throw new SpaceValidationException(
        null,
        "choices",
        "choice " + choice + " is not a string, number, boolean or null"
            + " (" + choice.getClass().getSimpleName() + ")");
  }

  static String quote(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }

  /** Index of the choice, or {@code -1} when it is not one of the choices. */
  public int indexOf(Object choice) {
    Object value;
    try {
      value = normalize(choice);
    } catch (SpaceValidationException e) {
      return -1;
    }
    return choices.indexOf(value);
  }

  @Override
  public double toInternal(Object external) {
    int index = indexOf(external);
    if (index < 0) {
      throw new IllegalArgumentException(quote(external) + " is not one of the choices " + choices);
    }
    return index;
  }

  @Override
  public Object toExternal(double internal) {
    return choices.get((int) internal);
  }

  @Override
  public boolean containsInternal(double value) {
    return value == Math.rint(value) && value >= 0 && value < choices.size();
  }

  @Override
  public boolean isSingle() {
    return choices.size() == 1;
  }

  @Override
  public String describe() {
    return "choice" + choices;
  }
}
