package io.parzen.trial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * A trial's parameters as text to paste elsewhere: a JSON object, a Python dict literal (for
 * {@code objective(optuna.trial.FixedTrial(params))} or a training script) or Java code filling a
 * map (for {@link FixedTrial}). Numbers are written so that they read back as the same value.
 */
public enum ParamsSnippet {

  /** {@code {"lr": 0.001, "optimizer": "adam"}}, pretty-printed. */
  JSON("JSON"),
  /** {@code {"lr": 0.001, "optimizer": "adam", "bn": True}}. */
  PYTHON("Python dict"),
  /** {@code Map<String, Object> params = new LinkedHashMap<>(); params.put("lr", 0.001); ...}. */
  JAVA("Java");

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String label;

  ParamsSnippet(String label) {
    this.label = label;
  }

  /** The name the studio shows, such as "Python dict". */
  public String label() {
    return label;
  }

  /** {@code params} (in their order) as this kind of text. */
  public String format(Map<String, Object> params) {
    return switch (this) {
      case JSON -> json(params);
      case PYTHON -> python(params);
      case JAVA -> java(params);
    };
  }

  private static String json(Map<String, Object> params) {
    try {
      return MAPPER.writeValueAsString(params);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("parameters cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String python(Map<String, Object> params) {
    StringBuilder out = new StringBuilder("{");
    params.forEach((name, value) -> {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(quoted(name)).append(": ").append(pythonValue(value));
    });
    return out.append('}').toString();
  }

  private static String pythonValue(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        return "float(\"nan\")";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "float(\"inf\")" : "-float(\"inf\")";
      }
      return Double.toString(d).replace('E', 'e');
    }
    if (value instanceof Number) {
      return value.toString();
    }
    return quoted(value.toString());
  }

  private static String java(Map<String, Object> params) {
    StringBuilder out = new StringBuilder("Map<String, Object> params = new LinkedHashMap<>();\n");
    params.forEach((name, value) -> out.append("params.put(").append(quoted(name)).append(", ")
        .append(javaValue(value)).append(");\n"));
    return out.toString();
  }

  private static String javaValue(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        return "Double.NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
      }
      return Double.toString(d);
    }
    if (value instanceof Long l) {
      return l + "L";
    }
    if (value instanceof BigInteger big) {
      return "new java.math.BigInteger(\"" + big + "\")";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return quoted(value.toString());
  }

  /** A double-quoted string literal valid in JSON, Python and Java. */
  private static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
