package io.parzen.storage.interop;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.storage.Storage;
import io.parzen.storage.StudySummary;
import io.parzen.study.Study;
import io.parzen.trial.FrozenTrial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON the interop scripts exchange ({@code optuna_dump.py}'s format), and canonical views of
 * studies and trials built either from that JSON or from what our storage returns, so that the two
 * sides compare with {@code equals}.
 *
 * <p>Canonical values are JSON-like: {@code null}, String, Boolean, Long (integral numbers),
 * Double (other numbers), BigInteger (integers beyond a long), List and LinkedHashMap. Integers
 * and floats stay different, as they are in Python, and {@code Double.equals} makes NaN equal NaN.
 * Times are naive local ISO strings with microseconds, as Optuna stores them.
 */
final class InteropJson {

  /** Reads and writes Python's {@code NaN}, {@code Infinity} and {@code -Infinity} literals. */
  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

  private InteropJson() {}

  /** One trial, as both sides must see it. */
  record TrialView(
      int number,
      String state,
      List<Object> values,
      Map<String, Object> params,
      Map<String, Object> distributions,
      Map<String, Object> intermediateValues,
      Map<String, Object> userAttrs,
      Map<String, Object> systemAttrs,
      String datetimeStart,
      String datetimeComplete) {

    static TrialView of(FrozenTrial t) {
      Map<String, Object> distributions = new LinkedHashMap<>();
      t.distributions().forEach((name, d) -> distributions.put(name, distribution(d)));
      Map<String, Object> intermediate = new LinkedHashMap<>();
      t.intermediateValues().forEach((step, v) -> intermediate.put(Integer.toString(step), v));
      return new TrialView(
          t.number(),
          t.state().name(),
          t.values().isEmpty() ? null : new ArrayList<Object>(t.values()),
          map(t.params()),
          distributions,
          intermediate,
          map(t.userAttrs()),
          map(t.systemAttrs()),
          localTime(t.start()),
          localTime(t.complete()));
    }

    static TrialView of(JsonNode t) {
      return new TrialView(
          t.get("number").intValue(),
          t.get("state").textValue(),
          t.get("values").isNull() ? null : list(t.get("values")),
          map(t.get("params")),
          map(t.get("distributions")),
          map(t.get("intermediate_values")),
          map(t.get("user_attrs")),
          map(t.get("system_attrs")),
          t.get("datetime_start").textValue(),
          t.get("datetime_complete").textValue());
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("number", (long) number);
      json.put("state", state);
      json.put("values", values);
      json.put("params", params);
      json.put("distributions", distributions);
      json.put("intermediate_values", intermediateValues);
      json.put("user_attrs", userAttrs);
      json.put("system_attrs", systemAttrs);
      json.put("datetime_start", datetimeStart);
      json.put("datetime_complete", datetimeComplete);
      return json;
    }
  }

  /**
   * One study. {@code bestValue}/{@code bestNumber} are single-objective only (Optuna's best
   * computed over the COMPLETE trials in memory, on the Python side); {@code bestNumbers} is the
   * Pareto front of a multi-objective study.
   */
  record StudyView(
      String name,
      List<Object> directions,
      Map<String, Object> userAttrs,
      Map<String, Object> systemAttrs,
      List<TrialView> trials,
      Object bestValue,
      Object bestNumber,
      List<Object> bestNumbers) {

    static StudyView of(Storage storage, String name) {
      Study study = Study.builder().name(name).storage(storage).loadIfExists(true).build();
      List<TrialView> trials = study.trials().stream().map(TrialView::of).toList();
      Object bestValue = null;
      Object bestNumber = null;
      List<Object> bestNumbers = null;
      if (study.isMultiObjective()) {
        bestNumbers = study.bestTrials().stream().map(t -> (Object) (long) t.number()).toList();
      } else {
        Optional<FrozenTrial> best = study.findBestTrial();
        bestValue = best.map(FrozenTrial::value).orElse(null);
        bestNumber = best.map(t -> (Object) (long) t.number()).orElse(null);
      }
      return new StudyView(
          name,
          study.directions().stream().map(d -> (Object) d.name()).toList(),
          map(storage.studyUserAttrs(study.id())),
          map(storage.studySystemAttrs(study.id())),
          trials,
          bestValue,
          bestNumber,
          bestNumbers);
    }

    static StudyView of(JsonNode s) {
      boolean multi = s.has("best_numbers");
      return new StudyView(
          s.get("name").textValue(),
          list(s.get("directions")),
          map(s.get("user_attrs")),
          map(s.get("system_attrs")),
          stream(s.get("trials")).map(TrialView::of).toList(),
          multi ? null : canonical(s.get("best_value_in_memory")),
          multi ? null : canonical(s.get("best_number_in_memory")),
          multi ? list(s.get("best_numbers")) : null);
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("name", name);
      json.put("directions", directions);
      json.put("user_attrs", userAttrs);
      json.put("system_attrs", systemAttrs);
      json.put("trials", trials.stream().map(TrialView::toJson).toList());
      if (bestNumbers != null) {
        json.put("best_numbers", bestNumbers);
      } else {
        json.put("best_value_in_memory", bestValue);
        json.put("best_number_in_memory", bestNumber);
      }
      return json;
    }
  }

  /** Our view of every study in {@code storage}, in creation order. */
  static List<StudyView> studies(Storage storage) {
    return storage.studies().stream().map(StudySummary::name).map(n -> StudyView.of(storage, n)).toList();
  }

  /** Optuna's view, as dumped by {@code optuna_dump.py}. */
  static List<StudyView> studies(JsonNode dump) {
    return stream(dump.get("studies")).map(StudyView::of).toList();
  }

  static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code studies} in {@code optuna_dump.py}'s format. */
  static void write(Path file, List<StudyView> studies) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("studies", studies.stream().map(StudyView::toJson).toList());
    try {
      MAPPER.writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code Distribution} as Optuna's {@code distribution_to_json}, from the record's fields. */
  static Map<String, Object> distribution(Distribution d) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    String name;
    if (d instanceof FloatDistribution f) {
      name = "FloatDistribution";
      attributes.put("step", f.step());
      attributes.put("low", f.low());
      attributes.put("high", f.high());
      attributes.put("log", f.log());
    } else if (d instanceof IntDistribution i) {
      name = "IntDistribution";
      attributes.put("log", i.log());
      attributes.put("step", i.step());
      attributes.put("low", i.low());
      attributes.put("high", i.high());
    } else {
      name = "CategoricalDistribution";
      attributes.put("choices", canonical(((CategoricalDistribution) d).choices()));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("attributes", attributes);
    return json;
  }

  static String localTime(Instant t) {
    return t == null ? null : LocalDateTime.ofInstant(t, ZoneId.systemDefault()).format(ISO_MICROS);
  }

  // ---- canonical values

  static Map<String, Object> map(Map<String, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, canonical(v)));
    return out;
  }

  static Map<String, Object> map(JsonNode node) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.put(e.getKey(), canonical(e.getValue()));
    }
    return out;
  }

  static List<Object> list(JsonNode node) {
    List<Object> out = new ArrayList<>();
    node.forEach(x -> out.add(canonical(x)));
    return out;
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> nodes = new ArrayList<>();
    array.forEach(nodes::add);
    return nodes.stream();
  }

  /** A value from a JSON tree or from our storage, in canonical form. */
  static Object canonical(Object v) {
    if (v instanceof JsonNode n) {
      return canonicalNode(n);
    }
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
    if (v instanceof BigDecimal b) {
      return b.doubleValue();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), canonical(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(canonical(x)));
      return out;
    }
    throw new IllegalArgumentException("not a JSON value: " + v + " (" + v.getClass().getName() + ")");
  }

  private static Object canonicalNode(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return canonical(n.bigIntegerValue());
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.forEach(x -> out.add(canonicalNode(x)));
      return out;
    }
    return map(n);
  }
}
