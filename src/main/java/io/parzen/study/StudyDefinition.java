package io.parzen.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parzen.space.Distribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.space.SpaceJson;
import io.parzen.storage.Storage;
import io.parzen.trial.FrozenTrial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the studio knows about a study beyond Optuna's schema: the declared search space (with
 * conditions and priors), the sampler, pruner and objective it runs with (each a name and its
 * options), the budget and the number of workers. Kept as one JSON object in the study system
 * attribute {@value #ATTR}, which Optuna carries along untouched.
 *
 * @param sampler the sampler's name and options, or {@code null} when not chosen
 * @param pruner the pruner's name and options, or {@code null}
 * @param objective the objective's name and options, or {@code null}
 * @param budget the budget of a run, or {@code null}
 */
public record StudyDefinition(SearchSpace space, Component sampler, Component pruner, Component objective,
    Budget budget, int workers) {

  /** The study system attribute holding the definition. */
  public static final String ATTR = "parzen:definition";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public StudyDefinition {
    space = space == null ? SearchSpace.empty() : space;
    if (workers < 1) {
      throw new IllegalArgumentException("workers (" + workers + ") must be >= 1");
    }
  }

  /** A definition holding only a search space. */
  public static StudyDefinition of(SearchSpace space) {
    return new StudyDefinition(space, null, null, null, null, 1);
  }

  /** A named component (sampler, pruner, objective) and its options, JSON-compatible values. */
  public record Component(String name, Map<String, Object> options) {
    public Component {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a component needs a name");
      }
      options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
  }

  public StudyDefinition withSpace(SearchSpace newSpace) {
    return new StudyDefinition(newSpace, sampler, pruner, objective, budget, workers);
  }

  /** The definition as a JSON-compatible map, the value of {@value #ATTR}. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> toAttr() {
    ObjectNode node = MAPPER.createObjectNode();
    node.set("space", SpaceJson.toTree(space));
    putComponent(node, "sampler", sampler);
    putComponent(node, "pruner", pruner);
    putComponent(node, "objective", objective);
    if (budget != null) {
      ObjectNode b = node.putObject("budget");
      if (budget.trials() != null) {
        b.put("trials", budget.trials());
      }
      if (budget.timeout() != null) {
        b.put("timeout_seconds", budget.timeout().toMillis() / 1000.0);
      }
      if (budget.studyTotal() != null) {
        b.put("study_total", budget.studyTotal());
      }
    }
    node.put("workers", workers);
    return MAPPER.convertValue(node, LinkedHashMap.class);
  }

  /** Reads the value of {@value #ATTR}; throws {@link IllegalArgumentException} naming what is wrong. */
  public static StudyDefinition fromAttr(Object value) {
    JsonNode node = value instanceof String s ? parse(s) : MAPPER.valueToTree(value);
    SearchSpace space = node.has("space") ? SpaceJson.fromTree(node.get("space")) : SearchSpace.empty();
    Budget budget = null;
    JsonNode b = node.get("budget");
    if (b != null && b.isObject()) {
      budget = new Budget(b.has("trials") ? b.get("trials").asInt() : null,
          b.has("timeout_seconds") ? Duration.ofMillis(Math.round(b.get("timeout_seconds").asDouble() * 1000)) : null,
          b.has("study_total") ? b.get("study_total").asInt() : null);
    }
    return new StudyDefinition(space, component(node, "sampler"), component(node, "pruner"),
        component(node, "objective"), budget, node.path("workers").asInt(1));
  }

  /** The definition stored with the study, if any. */
  public static java.util.Optional<StudyDefinition> load(Storage storage, long studyId) {
    Object value = storage.studySystemAttrs(studyId).get(ATTR);
    return value == null ? java.util.Optional.empty() : java.util.Optional.of(fromAttr(value));
  }

  /** Stores this definition with the study, replacing any earlier one. */
  public void save(Storage storage, long studyId) {
    storage.setStudySystemAttr(studyId, ATTR, toAttr());
  }

  /**
   * A space for a study that has no definition (one Optuna created): one unconditional parameter
   * per name its trials used, with the distribution of the latest trial that used it, in order of
   * first use.
   */
  public static SearchSpace inferSpace(List<FrozenTrial> trials) {
    Map<String, Distribution> distributions = new LinkedHashMap<>();
    for (FrozenTrial t : trials) {
      distributions.putAll(t.distributions());
    }
    List<Parameter> parameters = new ArrayList<>();
    distributions.forEach((name, d) -> parameters.add(new Parameter(name, d)));
    return SearchSpace.of(parameters);
  }

  private static void putComponent(ObjectNode node, String field, Component c) {
    if (c != null) {
      ObjectNode o = node.putObject(field);
      o.put("name", c.name());
      o.set("options", MAPPER.valueToTree(c.options()));
    }
  }

  @SuppressWarnings("unchecked")
  private static Component component(JsonNode node, String field) {
    JsonNode c = node.get(field);
    if (c == null || c.isNull()) {
      return null;
    }
    if (!c.hasNonNull("name")) {
      throw new IllegalArgumentException("the study definition's " + field + " has no name");
    }
    return new Component(c.get("name").asText(), c.has("options")
        ? MAPPER.convertValue(c.get("options"), LinkedHashMap.class) : Map.of());
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("the study definition is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
