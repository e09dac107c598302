package io.parzen.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes search spaces as a readable JSON document:
 *
 * <pre>{@code
 * {"parameters": [
 *   {"name": "lr", "type": "float", "low": 1e-05, "high": 0.1, "log": true},
 *   {"name": "optimizer", "type": "categorical", "choices": ["adam", "sgd"], "weights": [0.7, 0.3]},
 *   {"name": "momentum", "type": "float", "low": 0.0, "high": 0.99,
 *    "when": {"parent": "optimizer", "values": ["sgd"]}},
 *   {"name": "C", "type": "float", "low": 3.3e-4, "high": 2981.0, "log": true,
 *    "prior": {"shape": "lognormal", "mu": 0.0, "sigma": 1.0}}]}
 * }</pre>
 *
 * Reading validates everything and reports problems as {@link SpaceValidationException}s that name
 * the parameter and the field. Hyperopt/NNI {@code search_space.json} files are read by
 * {@link NniSpaceImporter}.
 */
public final class SpaceJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SpaceJson() {}

  /** The space as an indented JSON document. */
  public static String write(SearchSpace space) {
    try {
      return MAPPER.writeValueAsString(toTree(space));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write search space", e);
    }
  }

  /** Parses a JSON document written by {@link #write}. */
  public static SearchSpace read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SpaceValidationException(null, null, "not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }
    return fromTree(root);
  }

  public static ObjectNode toTree(SearchSpace space) {
    ObjectNode root = NODES.objectNode();
    ArrayNode array = root.putArray("parameters");
    for (Parameter p : space.parameters()) {
      array.add(toTree(p));
    }
    return root;
  }

  public static SearchSpace fromTree(JsonNode root) {
    if (root == null || !root.isObject() || !root.path("parameters").isArray()) {
      throw new SpaceValidationException(null, "parameters",
          "a search space must be an object with a \"parameters\" array");
    }
    List<Parameter> parameters = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.get("parameters")) {
      parameters.add(parameterFromTree(node, index++));
    }
    return SearchSpace.of(parameters);
  }

  public static ObjectNode toTree(Parameter p) {
    ObjectNode node = NODES.objectNode();
    node.put("name", p.name());
    Distribution d = p.distribution();
    if (d instanceof FloatDistribution f) {
      node.put("type", "float");
      node.put("low", f.low());
      node.put("high", f.high());
      if (f.log()) {
        node.put("log", true);
      }
      if (f.step() != null) {
        node.put("step", f.step());
      }
    } else if (d instanceof IntDistribution i) {
      node.put("type", "int");
      node.put("low", i.low());
      node.put("high", i.high());
      if (i.log()) {
        node.put("log", true);
      }
      if (i.step() != 1) {
        node.put("step", i.step());
      }
    } else {
      node.put("type", "categorical");
      ArrayNode choices = node.putArray("choices");
      ((CategoricalDistribution) d).choices().forEach(choice -> choices.add(valueNode(choice)));
    }
    Prior prior = p.prior();
    if (prior instanceof Prior.LogUniform) {
      node.putObject("prior").put("shape", "loguniform");
    } else if (prior instanceof Prior.Normal n) {
      node.putObject("prior").put("shape", "normal").put("mu", n.mu()).put("sigma", n.sigma());
    } else if (prior instanceof Prior.LogNormal n) {
      node.putObject("prior").put("shape", "lognormal").put("mu", n.mu()).put("sigma", n.sigma());
    } else if (prior instanceof Prior.Weighted w) {
      ArrayNode weights = node.putArray("weights");
      w.weights().forEach(weights::add);
    }
    if (p.isConditional()) {
      ObjectNode when = node.putObject("when");
      when.put("parent", p.condition().parent());
      ArrayNode values = when.putArray("values");
      p.condition().values().forEach(v -> values.add(valueNode(v)));
    }
    return node;
  }

  static JsonNode valueNode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof java.math.BigInteger b) {
      return NODES.numberNode(b);
    }
    if (value instanceof Number n) {
      return NODES.numberNode(n.doubleValue());
    }
    throw new IllegalArgumentException("not a JSON scalar: " + value);
  }

  /** The Java value of a JSON scalar: String, Boolean, Long, Double or {@code null}. */
  static Object scalar(JsonNode node, String parameter, String field) {
    if (node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    throw new SpaceValidationException(parameter, field,
        field + " holds " + node + "; only strings, numbers, booleans and null are allowed");
  }

  private static Parameter parameterFromTree(JsonNode node, int index) {
    if (!node.isObject()) {
      throw new SpaceValidationException(null, null, "parameters[" + index + "] must be an object, got " + node);
    }
    JsonNode nameNode = node.get("name");
    if (nameNode == null || !nameNode.isTextual() || nameNode.textValue().isBlank()) {
      throw new SpaceValidationException(null, "name", "parameters[" + index + "] has no \"name\"");
    }
    String name = nameNode.textValue();
    try {
      Distribution distribution = distributionFromTree(node, name);
      Prior prior = priorFromTree(node, name);
      Condition condition = null;
      JsonNode when = node.get("when");
      if (when != null && !when.isNull()) {
        String parent = text(when, "parent", name);
        JsonNode values = when.get("values");
        if (values == null || !values.isArray()) {
          throw new SpaceValidationException(name, "condition", "\"when\" needs a \"values\" array");
        }
        List<Object> list = new ArrayList<>();
        values.forEach(v -> list.add(scalar(v, name, "condition")));
        condition = new Condition(parent, list);
      }
      return new Parameter(name, distribution, prior, condition);
    } catch (SpaceValidationException e) {
      throw e.forParameter(name);
    }
  }

  private static Distribution distributionFromTree(JsonNode node, String name) {
    String type = text(node, "type", name);
    boolean log = node.path("log").asBoolean(false);
    switch (type) {
      case "float": {
        JsonNode step = node.get("step");
        return new FloatDistribution(number(node, "low", name), number(node, "high", name), log,
            step == null || step.isNull() ? null : number(node, "step", name));
      }
      case "int":
        return new IntDistribution(integer(node, "low", name), integer(node, "high", name), log,
            node.has("step") ? integer(node, "step", name) : 1);
      case "categorical": {
        JsonNode choices = node.get("choices");
        if (choices == null || !choices.isArray()) {
          throw new SpaceValidationException(name, "choices", "\"choices\" must be an array");
        }
        List<Object> list = new ArrayList<>();
        choices.forEach(c -> list.add(scalar(c, name, "choices")));
        return new CategoricalDistribution(list);
      }
      default:
        throw new SpaceValidationException(name, "type",
            "unknown type \"" + type + "\" (expected float, int or categorical)");
    }
  }

  private static Prior priorFromTree(JsonNode node, String name) {
    JsonNode weights = node.get("weights");
    if (weights != null && !weights.isNull()) {
      if (!weights.isArray()) {
        throw new SpaceValidationException(name, "weights", "\"weights\" must be an array of numbers");
      }
      List<Double> list = new ArrayList<>();
      for (JsonNode w : weights) {
        if (!w.isNumber()) {
          throw new SpaceValidationException(name, "weights", "weight " + w + " is not a number");
        }
        list.add(w.doubleValue());
      }
      return new Prior.Weighted(list);
    }
    JsonNode prior = node.get("prior");
    if (prior == null || prior.isNull()) {
      return Prior.UNIFORM;
    }
    String shape = text(prior, "shape", name);
    return switch (shape) {
      case "uniform" -> Prior.UNIFORM;
      case "loguniform" -> new Prior.LogUniform();
      case "normal" -> new Prior.Normal(number(prior, "mu", name), number(prior, "sigma", name));
      case "lognormal" -> new Prior.LogNormal(number(prior, "mu", name), number(prior, "sigma", name));
      default -> throw new SpaceValidationException(name, "prior",
          "unknown prior shape \"" + shape + "\" (expected uniform, loguniform, normal or lognormal)");
    };
  }

  private static String text(JsonNode node, String field, String name) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new SpaceValidationException(name, field, "missing text field \"" + field + "\"");
    }
    return value.textValue();
  }

  private static double number(JsonNode node, String field, String name) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      throw new SpaceValidationException(name, field,
          value == null ? "missing number field \"" + field + "\"" : field + " (" + value + ") is not a number");
    }
    return value.doubleValue();
  }

  private static long integer(JsonNode node, String field, String name) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber() || value.doubleValue() != Math.rint(value.doubleValue())) {
      throw new SpaceValidationException(name, field,
          value == null ? "missing integer field \"" + field + "\"" : field + " (" + value + ") is not an integer");
    }
    return value.longValue();
  }
}
