package io.parzen.app.space;

import static io.parzen.app.space.SpaceField.CHOICES;
import static io.parzen.app.space.SpaceField.CONDITION;
import static io.parzen.app.space.SpaceField.HIGH;
import static io.parzen.app.space.SpaceField.LOW;
import static io.parzen.app.space.SpaceField.MU;
import static io.parzen.app.space.SpaceField.NAME;
import static io.parzen.app.space.SpaceField.SIGMA;
import static io.parzen.app.space.SpaceField.STEP;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Condition;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.Hp;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.ParameterKind;
import io.parzen.space.Prior;
import io.parzen.space.SpaceValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Converts between a row's texts and an engine {@link Parameter}.
 *
 * <p>The kind decides distribution and prior as the {@link Hp} factories do. Quantized kinds take
 * {@code low}, {@code high} and {@code step} as Optuna's grid {@code low + k * step}, so any
 * loaded parameter comes back unchanged. Normal kinds derive their bounds from mu ± 8 sigma
 * ({@link Hp#NORMAL_TRUNCATION}) when low and high are empty. {@code randint}'s high is exclusive,
 * as in Hyperopt.
 *
 * <p>Values in the choices and condition cells are separated by commas and read as JSON would:
 * {@code 32} is an integer, {@code 0.5} a float, {@code true}, {@code null}, anything else a
 * string; double quotes force a string ({@code "32"}). Weighted choices read {@code adam:0.7}.
 */
final class RowParameters {

  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private RowParameters() {}

  /** The parameter the row describes; throws the engine's problem (or ours, for unreadable text). */
  static Parameter toParameter(RowState row) {
    String name = row.name();
    Parameter parameter = unconditional(row, name);
    Condition condition = condition(row.text(CONDITION), name);
    return condition == null ? parameter : attributed(name, () -> parameter.withCondition(condition));
  }

  /** The parent named by a condition text such as {@code optimizer = adam}, or {@code null}. */
  static String conditionParent(String conditionText) {
    int eq = conditionText.indexOf('=');
    if (eq <= 0) {
      return null;
    }
    String parent = conditionText.substring(0, eq).trim();
    return parent.isEmpty() ? null : parent;
  }

  /** The condition text for a parent and its values: {@code optimizer = adam, sgd}. */
  static String conditionText(String parent, List<?> values) {
    return parent + " = " + joinValues(values);
  }

  /** The row texts of an existing parameter. */
  static RowState toRow(long id, Parameter p) {
    ParameterKind kind = p.kind();
    Map<SpaceField, String> texts = new EnumMap<>(SpaceField.class);
    texts.put(NAME, p.name());
    Distribution d = p.distribution();
    if (d instanceof FloatDistribution f) {
      texts.put(LOW, number(f.low()));
      texts.put(HIGH, number(f.high()));
      if (f.step() != null) {
        texts.put(STEP, number(f.step()));
      }
    } else if (d instanceof IntDistribution i) {
      texts.put(LOW, Long.toString(i.low()));
      texts.put(HIGH, Long.toString(i.high()));
      if (i.step() != 1) {
        texts.put(STEP, Long.toString(i.step()));
      }
    } else {
      List<Object> choices = ((CategoricalDistribution) d).choices();
      if (p.prior() instanceof Prior.Weighted w) {
        List<String> items = new ArrayList<>();
        for (int k = 0; k < choices.size(); k++) {
          items.add(formatValue(choices.get(k)) + ":" + number(w.weights().get(k)));
        }
        texts.put(CHOICES, String.join(", ", items));
      } else {
        texts.put(CHOICES, joinValues(choices));
      }
    }
    if (p.prior() instanceof Prior.Normal n) {
      texts.put(MU, number(n.mu()));
      texts.put(SIGMA, number(n.sigma()));
    } else if (p.prior() instanceof Prior.LogNormal n) {
      texts.put(MU, number(n.mu()));
      texts.put(SIGMA, number(n.sigma()));
    }
    if (kind.hasNormalPrior() && hasDefaultBounds(kind, p, texts)) {
      texts.put(LOW, "");
      texts.put(HIGH, "");
    }
    if (p.isConditional()) {
      texts.put(CONDITION, conditionText(p.condition().parent(), p.condition().values()));
    }
    return new RowState(id, kind, texts);
  }

  /** Whether the bounds are the ones mu ± 8 sigma gives, so the row can leave them empty. */
  private static boolean hasDefaultBounds(ParameterKind kind, Parameter p, Map<SpaceField, String> texts) {
    Map<SpaceField, String> derived = new EnumMap<>(texts);
    derived.put(LOW, "");
    derived.put(HIGH, "");
    try {
      return unconditional(new RowState(0, kind, derived), p.name()).distribution().equals(p.distribution());
    } catch (SpaceValidationException e) {
      return false;
    }
  }

  private static Parameter unconditional(RowState row, String name) {
    ParameterKind kind = row.kind();
    return switch (kind) {
      case UNIFORM -> Hp.uniform(name, real(row, LOW, name), real(row, HIGH, name));
      case LOG_UNIFORM -> Hp.loguniform(name, real(row, LOW, name), real(row, HIGH, name));
      case QUANTIZED_UNIFORM -> stepped(row, name, Prior.UNIFORM);
      case QUANTIZED_LOG_UNIFORM -> stepped(row, name, new Prior.LogUniform());
      case NORMAL, QUANTIZED_NORMAL, LOG_NORMAL, QUANTIZED_LOG_NORMAL -> normal(row, name, kind);
      case INT -> {
        long low = integer(row, LOW, name);
        long high = integer(row, HIGH, name);
        long step = row.text(STEP).isBlank() ? 1 : integer(row, STEP, name);
        yield build(name, () -> new IntDistribution(low, high, false, step), () -> Prior.UNIFORM);
      }
      case INT_LOG -> Hp.intLog(name, integer(row, LOW, name), integer(row, HIGH, name));
      case RANDINT -> Hp.randint(name, integer(row, LOW, name), integer(row, HIGH, name));
      case CHOICE -> Hp.choice(name, values(row.text(CHOICES)));
      case WEIGHTED_CHOICE -> weighted(row, name);
    };
  }

  private static Parameter stepped(RowState row, String name, Prior prior) {
    double low = real(row, LOW, name);
    double high = real(row, HIGH, name);
    double step = real(row, STEP, name);
    return build(name, () -> FloatDistribution.stepped(low, high, step), () -> prior);
  }

  private static Parameter normal(RowState row, String name, ParameterKind kind) {
    double mu = real(row, MU, name);
    double sigma = real(row, SIGMA, name);
    boolean quantized = kind.isQuantized();
    boolean log = kind == ParameterKind.LOG_NORMAL || kind == ParameterKind.QUANTIZED_LOG_NORMAL;
    boolean noLow = row.text(LOW).isBlank();
    boolean noHigh = row.text(HIGH).isBlank();
    if (noLow && noHigh) {
      double q = quantized ? real(row, STEP, name) : 0;
      return switch (kind) {
        case NORMAL -> Hp.normal(name, mu, sigma);
        case QUANTIZED_NORMAL -> Hp.qnormal(name, mu, sigma, q);
        case LOG_NORMAL -> Hp.lognormal(name, mu, sigma);
        default -> Hp.qlognormal(name, mu, sigma, q);
      };
    }
    if (noLow || noHigh) {
      throw new SpaceValidationException(name.isEmpty() ? null : name, noLow ? "low" : "high",
          "give both low and high, or neither to use mu ± " + (long) Hp.NORMAL_TRUNCATION + " sigma");
    }
    double low = real(row, LOW, name);
    double high = real(row, HIGH, name);
    Double step = quantized ? real(row, STEP, name) : null;
    Supplier<Prior> prior = log ? () -> new Prior.LogNormal(mu, sigma) : () -> new Prior.Normal(mu, sigma);
    return build(name, () -> {
      prior.get();  // mu and sigma are checked first, as Hp does
      return new FloatDistribution(low, high, log && !quantized, step);
    }, prior);
  }

  private static Parameter weighted(RowState row, String name) {
    List<Object> choices = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (String item : split(row.text(CHOICES))) {
      int colon = item.lastIndexOf(':');
      String weight = colon < 0 ? "" : item.substring(colon + 1).trim();
      if (!NUMBER.matcher(weight).matches()) {
        throw new SpaceValidationException(name.isEmpty() ? null : name, "weights",
            "choice " + item + " needs a weight, as in adam:0.7");
      }
      choices.add(parseValue(item.substring(0, colon)));
      weights.add(Double.parseDouble(weight));
    }
    return build(name, () -> new CategoricalDistribution(choices), () -> new Prior.Weighted(weights));
  }

  private static Condition condition(String text, String name) {
    if (text.isBlank()) {
      return null;
    }
    String parent = conditionParent(text);
    if (parent == null) {
      throw new SpaceValidationException(name.isEmpty() ? null : name, "condition",
          "condition must read \"parent = value\", with several values separated by commas");
    }
    List<Object> values = values(text.substring(text.indexOf('=') + 1));
    return attributed(name, () -> new Condition(parent, values));
  }

  private static Parameter build(String name, Supplier<Distribution> distribution, Supplier<Prior> prior) {
    return attributed(name, () -> new Parameter(name, distribution.get(), prior.get(), null));
  }

  /** Runs an engine constructor, naming the parameter in problems that do not name one yet. */
  private static <T> T attributed(String name, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (SpaceValidationException e) {
      if (e.parameter() != null || name.isEmpty()) {
        throw e;
      }
      throw new SpaceValidationException(name, e.field(), e.getMessage());
    }
  }

  private static double real(RowState row, SpaceField field, String name) {
    String text = row.text(field).trim();
    if (text.isEmpty()) {
      throw missing(row, field, name);
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new SpaceValidationException(name.isEmpty() ? null : name, field.label(),
          field.label() + " \"" + text + "\" is not a number");
    }
  }

  private static long integer(RowState row, SpaceField field, String name) {
    String text = row.text(field).trim();
    if (text.isEmpty()) {
      throw missing(row, field, name);
    }
    if (INTEGER.matcher(text).matches()) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException tooLarge) {
        // reported below
      }
    }
    throw new SpaceValidationException(name.isEmpty() ? null : name, field.label(),
        field.label() + " \"" + text + "\" is not an integer");
  }

  private static SpaceValidationException missing(RowState row, SpaceField field, String name) {
    return new SpaceValidationException(name.isEmpty() ? null : name, field.label(),
        field.label() + " is needed for a " + row.kind().label() + " parameter");
  }

  /** Reads comma-separated values: integers, floats, booleans, null, or (quoted) strings. */
  static List<Object> values(String text) {
    List<Object> values = new ArrayList<>();
    for (String item : split(text)) {
      values.add(parseValue(item));
    }
    return values;
  }

  private static Object parseValue(String item) {
    String text = item.trim();
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      return text.substring(1, text.length() - 1);
    }
    if (text.equals("null") || text.equals("None")) {
      return null;
    }
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    if (INTEGER.matcher(text).matches()) {
      BigInteger big = new BigInteger(text);
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    if (NUMBER.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    return text;
  }

  /** Splits at commas outside double quotes; an empty text has no items. */
  private static List<String> split(String text) {
    List<String> items = new ArrayList<>();
    if (text.isBlank()) {
      return items;
    }
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        items.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    items.add(current.toString().trim());
    return items;
  }

  private static String joinValues(List<?> values) {
    List<String> items = new ArrayList<>();
    for (Object v : values) {
      items.add(formatValue(v));
    }
    return String.join(", ", items);
  }

  /** A choice or condition value as text that {@link #values} reads back to the same value. */
  static String formatValue(Object v) {
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) (double) d + ".0" : number(d);
    }
    if (v instanceof String s) {
      boolean plain = !s.isEmpty() && s.equals(s.trim()) && parseValue(s) instanceof String
          && s.indexOf(',') < 0 && s.indexOf(':') < 0 && s.indexOf('"') < 0;
      return plain ? s : "\"" + s + "\"";
    }
    return String.valueOf(v);
  }

  /** A number as short text that parses back to exactly the same double. */
  static String number(double v) {
    double a = Math.abs(v);
    if (v == 0) {
      return "0";
    }
    if (a >= 1e-4 && a < 1e9) {
      return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
    String text = Double.toString(v);  // such as 1.0E-5
    int e = text.indexOf('E');
    return new BigDecimal(text.substring(0, e)).stripTrailingZeros().toPlainString() + "e" + text.substring(e + 1);
  }
}
