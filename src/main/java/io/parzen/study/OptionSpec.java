package io.parzen.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One option of a sampler or pruner as a {@link StudyDefinition.Component} stores it: its key
 * (Optuna's snake_case name), kind, default, bounds or choices, and a help text. The samplers and
 * pruners list theirs per name ({@code SamplerOptions}, {@code PrunerOptions}); the studio builds
 * its option forms from these lists and shows the messages of {@link #parse}.
 *
 * <p>A value is absent when {@code null} or blank: the option then takes its default, or, when the
 * default is {@code null}, what {@link #blank()} says (such as "auto"). A {@code BOOLEAN} without a
 * default has three states: absent (auto), true and false. Immutable.
 *
 * @param key the key in the component's options, such as {@code n_startup_trials}
 * @param label a short human name for forms, such as "Startup trials"
 * @param kind how the value is typed and stored
 * @param defaultValue the value when absent ({@code Long}, {@code Double}, {@code Boolean} or
 *     {@code String}), or {@code null} when absence means {@link #blank()}
 * @param min the smallest number allowed, or {@code null}
 * @param minExclusive whether {@code min} itself is refused
 * @param max the largest number allowed, or {@code null}
 * @param choices the allowed values of a {@code CHOICE}; empty otherwise
 * @param blank what an absent value means when there is no default ("auto", "none", "random")
 * @param required whether the option must be given (it has no default then)
 * @param requires the key of a {@code BOOLEAN} option that must be true for this one to apply, or
 *     {@code null}
 * @param help one or two sentences for a tooltip
 */
public record OptionSpec(String key, String label, Kind kind, Object defaultValue, Double min, boolean minExclusive,
    Double max, List<String> choices, String blank, boolean required, String requires, String help) {

  /** How an option's value is typed and stored. */
  public enum Kind {
    /** A whole number, stored as {@code Long}. */
    INT,
    /** A number, stored as {@code Double}. */
    DOUBLE,
    /** true or false, stored as {@code Boolean}. */
    BOOLEAN,
    /** One of {@link #choices()}, stored as that {@code String}. */
    CHOICE,
    /** Free text. */
    TEXT
  }

  public OptionSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    label = label == null ? key : label;
    choices = choices == null ? List.of() : List.copyOf(choices);
    help = help == null ? "" : help;
    if (kind == Kind.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException("option " + key + " is a choice without choices");
    }
    if (required && defaultValue != null) {
      throw new IllegalArgumentException("option " + key + " is required, so it has no default");
    }
  }

  /** A whole-number option; {@code min} and {@code max} may be {@code null}. */
  public static OptionSpec integer(String key, String label, Long defaultValue, Long min, Long max, String help) {
    return new OptionSpec(key, label, Kind.INT, defaultValue, min == null ? null : min.doubleValue(), false,
        max == null ? null : max.doubleValue(), List.of(), null, false, null, help);
  }

  /** A number option; {@code min} and {@code max} may be {@code null}. */
  public static OptionSpec number(String key, String label, Double defaultValue, Double min, boolean minExclusive,
      Double max, String help) {
    return new OptionSpec(key, label, Kind.DOUBLE, defaultValue, min, minExclusive, max, List.of(), null, false,
        null, help);
  }

  /** A true/false option; a {@code null} default makes it three-state (auto, true, false). */
  public static OptionSpec bool(String key, String label, Boolean defaultValue, String help) {
    return new OptionSpec(key, label, Kind.BOOLEAN, defaultValue, null, false, null, List.of(),
        defaultValue == null ? "auto" : null, false, null, help);
  }

  /** An option taking one of {@code choices}. */
  public static OptionSpec choice(String key, String label, String defaultValue, List<String> choices, String help) {
    return new OptionSpec(key, label, Kind.CHOICE, defaultValue, null, false, null, choices, null, false, null, help);
  }

  /** This option with no default, where absence means {@code meaning} (such as "auto"). */
  public OptionSpec blankMeans(String meaning) {
    return new OptionSpec(key, label, kind, null, min, minExclusive, max, choices, meaning, false, requires, help);
  }

  /** This option without a default, which must be given. */
  public OptionSpec asRequired() {
    return new OptionSpec(key, label, kind, null, min, minExclusive, max, choices, null, true, requires, help);
  }

  /** This option applying only while the {@code BOOLEAN} option {@code other} is true. */
  public OptionSpec onlyWith(String other) {
    return new OptionSpec(key, label, kind, defaultValue, min, minExclusive, max, choices, blank, required, other,
        help);
  }

  /**
   * The value as stored: {@code null} when absent (blank), otherwise a {@code Long},
   * {@code Double}, {@code Boolean} or {@code String} within this option's bounds. Takes stored
   * values and typed text alike. A {@code required} option that is absent is refused.
   *
   * @throws IllegalArgumentException naming the option and the value, such as
   *     {@code sigma0 (0) must be a number in (0, 1]}
   */
  public Object parse(Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      if (required) {
        throw new IllegalArgumentException(key + " is required: " + domain());
      }
      return null;
    }
    String text = value.toString().trim();
    switch (kind) {
      case INT: {
        long n;
        if (value instanceof Number number && !(value instanceof Double || value instanceof Float)) {
          n = number.longValue();
        } else if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
            && Math.abs(number.doubleValue()) < 0x1p53) {
          n = (long) number.doubleValue();
        } else {
          try {
            n = Long.parseLong(text);
          } catch (NumberFormatException e) {
            if ("auto".equalsIgnoreCase(text) && "auto".equals(blank)) {
              return null;
            }
            throw refused(text);
          }
        }
        if (!inRange(n)) {
          throw refused(text);
        }
        return n;
      }
      case DOUBLE: {
        double d;
        if (value instanceof Number number) {
          d = number.doubleValue();
        } else {
          try {
            d = Double.parseDouble(text);
          } catch (NumberFormatException e) {
            if ("auto".equalsIgnoreCase(text) && "auto".equals(blank)) {
              return null;
            }
            throw refused(text);
          }
          if (!text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Infinity")) {
            throw refused(text);  // Java-only forms such as "1d" or hexadecimal.
          }
        }
        if (Double.isNaN(d) || !inRange(d)) {
          throw refused(text);
        }
        return d;
      }
      case BOOLEAN: {
        if (value instanceof Boolean b) {
          return b;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true")) {
          return true;
        }
        if (lower.equals("false")) {
          return false;
        }
        if (lower.equals("auto") && defaultValue == null) {
          return null;
        }
        throw refused(text);
      }
      case CHOICE:
        for (String c : choices) {
          if (c.equalsIgnoreCase(text)) {
            return c;
          }
        }
        throw refused(text);
      default:
        return value.toString();
    }
  }

  /** Whether the parsed value {@code value} is what absence means: the default, or nothing. */
  public boolean isDefault(Object value) {
    return Objects.equals(value, defaultValue);
  }

  /** The text of a stored value in a form; the default's text for {@code null}, or "" without one. */
  public String format(Object value) {
    Object v = value == null ? defaultValue : value;
    if (v == null) {
      return "";
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return v.toString();
  }

  /** What the option takes, for messages and tooltips: "a whole number >= 0", "one of sobol, halton". */
  public String domain() {
    switch (kind) {
      case INT:
        return "a whole number" + range();
      case DOUBLE:
        return "a number" + range();
      case BOOLEAN:
        return defaultValue == null ? "true, false or auto" : "true or false";
      case CHOICE:
        return "one of " + String.join(", ", choices);
      default:
        return "text";
    }
  }

  private String range() {
    if (min != null && max != null) {
      return minExclusive ? " in (" + number(min) + ", " + number(max) + "]"
          : " from " + number(min) + " to " + number(max);
    }
    if (min != null) {
      return (minExclusive ? " > " : " >= ") + number(min);
    }
    if (max != null) {
      return " <= " + number(max);
    }
    return "";
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private boolean inRange(double d) {
    if (min != null && (minExclusive ? !(d > min) : !(d >= min))) {
      return false;
    }
    return max == null || d <= max;
  }

  private IllegalArgumentException refused(String text) {
    String more = blank != null && kind != Kind.BOOLEAN ? " or empty for " + blank : "";
    return new IllegalArgumentException(key + " (" + text + ") must be " + domain() + more);
  }

  /**
   * Checks {@code options} against {@code specs}: every described option's value is parsed, a
   * required one must be there, and one that applies only with another needs that one true.
   * Options not described are passed through untouched. Returns the options as stored: described
   * ones typed, absent ones left out.
   *
   * @throws IllegalArgumentException naming the first option that is wrong and its value
   */
  public static Map<String, Object> parseAll(List<OptionSpec> specs, Map<String, ?> options) {
    Map<String, Object> parsed = new LinkedHashMap<>();
    Map<String, ?> given = options == null ? Map.of() : options;
    given.forEach((k, v) -> {
      if (v != null) {
        parsed.put(k, v);
      }
    });
    for (OptionSpec spec : specs) {
      Object value = spec.parse(given.get(spec.key()));
      if (value == null) {
        parsed.remove(spec.key());
      } else {
        parsed.put(spec.key(), value);
      }
    }
    for (OptionSpec spec : specs) {
      Object value = parsed.get(spec.key());
      if (spec.requires() != null && value != null && !spec.isDefault(value)
          && !Boolean.TRUE.equals(parsed.get(spec.requires()))) {
        throw new IllegalArgumentException(spec.key() + " (" + value + ") applies only with " + spec.requires()
            + " (true)");
      }
    }
    return parsed;
  }
}
