package io.parzen.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parzen.space.Distribution;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole study as one readable JSON document: its name, directions, attributes (the studio's
 * definition and search space live in the system attributes) and every trial with its params,
 * distributions (as Optuna's {@code distribution_json} objects), values, intermediate values,
 * attributes and times (ISO-8601, UTC). Non-finite numbers are written as the strings
 * {@code "Infinity"}, {@code "-Infinity"} and {@code "NaN"} to keep the JSON standard.
 */
public final class StudyJson {

  /** The {@code format} field that marks a document as a study export. */
  public static final String FORMAT = "parzen-study";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StudyJson() {}

  /** The study {@code studyId} of {@code storage} as a JSON document. */
  public static String write(Storage storage, long studyId) {
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("version", 1);
    root.put("name", storage.studyName(studyId));
    ArrayNode directions = root.putArray("directions");
    storage.directions(studyId).forEach(d -> directions.add(d.name()));
    root.set("user_attrs", MAPPER.valueToTree(storage.studyUserAttrs(studyId)));
    root.set("system_attrs", MAPPER.valueToTree(storage.studySystemAttrs(studyId)));
    ArrayNode trials = root.putArray("trials");
    for (FrozenTrial t : storage.trials(studyId)) {
      trials.add(trialNode(t));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode trialNode(FrozenTrial t) {
    ObjectNode node = NODES.objectNode();
    node.put("number", t.number());
    node.put("state", t.state().name());
    ArrayNode values = node.putArray("values");
    t.values().forEach(v -> values.add(number(v)));
    ObjectNode params = node.putObject("params");
    ObjectNode distributions = node.putObject("distributions");
    for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
      params.set(e.getKey(), MAPPER.valueToTree(t.params().get(e.getKey())));
      distributions.set(e.getKey(), parse(OptunaJson.distributionToJson(e.getValue())));
    }
    ObjectNode intermediate = node.putObject("intermediate_values");
    t.intermediateValues().forEach((step, v) -> intermediate.set(Integer.toString(step), number(v)));
    node.set("user_attrs", MAPPER.valueToTree(t.userAttrs()));
    node.set("system_attrs", MAPPER.valueToTree(t.systemAttrs()));
    node.put("datetime_start", t.start() == null ? null : t.start().toString());
    node.put("datetime_complete", t.complete() == null ? null : t.complete().toString());
    return node;
  }

  /**
   * Creates a study in {@code storage} from a document written by {@link #write}, under
   * {@code name} (or the document's own name when {@code null}), and returns its id. Nothing is
   * created when the document is invalid; the message says which trial and field is wrong.
   */
  public static long read(String json, Storage storage, String name) {
    JsonNode root = parse(json);
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new StorageException("not a study export: the \"format\" field is not \"" + FORMAT + "\"");
    }
    String studyName = name != null ? name : root.path("name").asText(null);
    if (studyName == null || studyName.isBlank()) {
      throw new StorageException("the study export has no \"name\"");
    }
    List<StudyDirection> directions = new ArrayList<>();
    for (JsonNode d : root.path("directions")) {
      try {
        directions.add(StudyDirection.valueOf(d.asText()));
      } catch (IllegalArgumentException e) {
        throw new StorageException("unknown direction " + d + " (expected MINIMIZE or MAXIMIZE)");
      }
    }
    List<FrozenTrial> trials = new ArrayList<>();
    int index = 0;
    for (JsonNode t : root.path("trials")) {
      try {
        trials.add(trialFromNode(t));
      } catch (RuntimeException e) {
        throw new StorageException("trials[" + index + "]: " + e.getMessage(), e);
      }
      index++;
    }
    long id = storage.createStudy(studyName, directions);
    attrs(root.path("user_attrs")).forEach((k, v) -> storage.setStudyUserAttr(id, k, v));
    attrs(root.path("system_attrs")).forEach((k, v) -> storage.setStudySystemAttr(id, k, v));
    for (FrozenTrial t : trials) {
      storage.addTrial(id, t);
    }
    return id;
  }

  private static FrozenTrial trialFromNode(JsonNode t) {
    TrialState state = TrialState.valueOf(t.path("state").asText());
    List<Double> values = new ArrayList<>();
    for (JsonNode v : t.path("values")) {
      values.add(toDouble(v));
    }
    Map<String, Object> params = new LinkedHashMap<>();
    Map<String, Distribution> distributions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : t.path("distributions").properties()) {
      Distribution d = OptunaJson.distributionFromJson(e.getValue().toString());
      JsonNode value = t.path("params").get(e.getKey());
      if (value == null) {
        throw new StorageException("parameter \"" + e.getKey() + "\" has a distribution but no value");
      }
      Object external = MAPPER.convertValue(value, Object.class);
      d.checkedInternal(external);
      params.put(e.getKey(), d.toExternal(d.toInternal(external)));
      distributions.put(e.getKey(), d);
    }
    TreeMap<Integer, Double> intermediate = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : t.path("intermediate_values").properties()) {
      intermediate.put(Integer.parseInt(e.getKey()), toDouble(e.getValue()));
    }
    return new FrozenTrial(0, 0, state, values, time(t.get("datetime_start")), time(t.get("datetime_complete")),
        params, distributions, attrs(t.path("user_attrs")), attrs(t.path("system_attrs")), intermediate);
  }

  private static JsonNode number(double v) {
    if (Double.isNaN(v)) {
      return NODES.textNode("NaN");
    }
    if (Double.isInfinite(v)) {
      return NODES.textNode(v > 0 ? "Infinity" : "-Infinity");
    }
    return NODES.numberNode(v);
  }

  private static double toDouble(JsonNode v) {
    if (v.isNumber()) {
      return v.doubleValue();
    }
    switch (v.asText()) {
      case "NaN":
        return Double.NaN;
      case "Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        throw new StorageException("value " + v + " is not a number");
    }
  }

  private static Instant time(JsonNode node) {
    return node == null || node.isNull() ? null : Instant.parse(node.asText());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> attrs(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return Map.of();
    }
    return MAPPER.convertValue(node, LinkedHashMap.class);
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StorageException("not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
    }
  }
}
