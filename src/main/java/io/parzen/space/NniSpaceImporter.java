package io.parzen.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads NNI / Hyperopt-style {@code search_space.json} documents:
 *
 * <pre>{@code
 * {"lr": {"_type": "loguniform", "_value": [1e-4, 0.1]},
 *  "model": {"_type": "choice", "_value": [
 *      {"_name": "svm", "C": {"_type": "lognormal", "_value": [0, 1]}},
 *      {"_name": "forest", "depth": {"_type": "randint", "_value": [2, 12]}}]}}
 * }</pre>
 *
 * Nested choices become conditional parameters ({@code C} is active only when {@code model} is
 * {@code svm}). When two branches use the same name for different parameters, each is qualified
 * by its branch ({@code svm.C}); identical definitions in several branches become one parameter
 * active in all of them. Besides NNI's types, {@code pchoice} ({@code [[p, value], ...]}),
 * {@code uniformint} and {@code int_log} are accepted.
 */
public final class NniSpaceImporter {

  /** The {@code _type}s this importer understands. */
  public static final List<String> TYPES = List.of(
      "choice", "pchoice", "randint", "uniformint", "int_log", "uniform", "quniform", "loguniform",
      "qloguniform", "normal", "qnormal", "lognormal", "qlognormal");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String source;
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  /** The branch prefix ("" at top level, "svm." in a branch) each parameter was first declared under. */
  private final Map<String, String> prefixes = new HashMap<>();
  /** The names given to the parameters declared under each key of the document. */
  private final Map<String, List<String>> namesByKey = new HashMap<>();

  private NniSpaceImporter(String source) {
    this.source = source;
  }

  /**
   * Parses a {@code search_space.json} document. {@code source} (a file name) prefixes every error
   * message.
   */
  public static SearchSpace read(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw SpaceValidationException.withMessage(null, null, source + ": not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw SpaceValidationException.withMessage(null, null, source + ": the search space must be a JSON object");
    }
    NniSpaceImporter importer = new NniSpaceImporter(source);
    importer.readObject(root, null, null, "");
    return SearchSpace.of(new ArrayList<>(importer.parameters.values()));
  }

  private void readObject(JsonNode object, String parent, Object branch, String prefix) {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (field.getKey().equals("_name")) {
        continue;
      }
      readParameter(field.getKey(), field.getValue(), parent, branch, prefix);
    }
  }

  private void readParameter(String key, JsonNode spec, String parent, Object branch, String prefix) {
    if (!spec.isObject() || !spec.has("_type")) {
      throw error(key, "_type", "expected {\"_type\": ..., \"_value\": [...]}, got " + spec);
    }
    String type = spec.get("_type").asText();
    JsonNode value = spec.get("_value");
    if (value == null || !value.isArray()) {
      throw error(key, "_value", "\"_value\" must be an array");
    }
    Parameter parameter;
    try {
      parameter = build(key, type, value);
    } catch (SpaceValidationException e) {
      throw error(key, e.field(), stripName(e.getMessage(), key));
    }
    if (parent != null) {
      parameter = parameter.withCondition(Condition.when(parent, branch));
    }
    String name = add(parameter, parent, branch, prefix);
    if (type.equals("choice") || type.equals("pchoice")) {
      readBranches(name, type, value, prefix);
    }
  }

  private void readBranches(String name, String type, JsonNode value, String prefix) {
    for (JsonNode option : value) {
      JsonNode choice = type.equals("pchoice") ? option.get(1) : option;
      if (choice != null && choice.isObject()) {
        Object branchValue = branchName(name, choice);
        readObject(choice, name, branchValue, prefix + branchValue + ".");
      }
    }
  }

  private String add(Parameter parameter, String parent, Object branch, String prefix) {
    String key = parameter.name();
    List<String> names = namesByKey.computeIfAbsent(key, k -> new ArrayList<>());
    for (String name : names) {
      Parameter existing = parameters.get(name);
      boolean sameDefinition = existing.distribution().equals(parameter.distribution())
          && existing.prior().equals(parameter.prior())
          && existing.isConditional() && parent != null
          && existing.condition().parent().equals(parent);
      if (sameDefinition) {
        List<Object> values = new ArrayList<>(existing.condition().values());
        Object value = CategoricalDistribution.normalize(branch);
        if (!values.contains(value)) {
          values.add(value);
        }
        parameters.put(name, existing.withCondition(new Condition(parent, values)));
        return name;
      }
    }
    // Different parameters under one key: each one declared in a branch is qualified by its
    // branch ("svm.C", "forest.C"), including the first, which is renamed now; a top-level one
    // keeps the plain key.
    int plain = names.indexOf(key);
    if (plain >= 0 && !prefixes.get(key).isEmpty()) {
      String qualified = prefixes.get(key) + key;
      rename(key, qualified);
      names.set(plain, qualified);
    }
    String name = names.isEmpty() ? key : prefix + key;
    if (parameters.containsKey(name)) {
      throw error(key, "name", "is defined twice");
    }
    parameters.put(name, parameter.withName(name));
    prefixes.put(name, prefix);
    names.add(name);
    return name;
  }

  /** Renames a parameter in place, keeping the order and the conditions of its children. */
  private void rename(String from, String to) {
    if (parameters.containsKey(to)) {
      throw error(from, "name", "is defined twice");
    }
    Map<String, Parameter> renamed = new LinkedHashMap<>();
    parameters.forEach((name, p) -> {
      if (name.equals(from)) {
        renamed.put(to, p.withName(to));
      } else if (p.isConditional() && p.condition().parent().equals(from)) {
        renamed.put(name, p.withCondition(new Condition(to, p.condition().values())));
      } else {
        renamed.put(name, p);
      }
    });
    parameters.clear();
    parameters.putAll(renamed);
    prefixes.put(to, prefixes.remove(from));
  }

  private Object branchName(String parameter, JsonNode option) {
    JsonNode name = option.get("_name");
    if (name == null) {
      // Reached from build(), whose caller adds the file and parameter to the message.
      throw new SpaceValidationException(parameter, "_name", "a nested choice needs a \"_name\" in " + option);
    }
    return SpaceJson.scalar(name, parameter, "_name");
  }

  private Parameter build(String name, String type, JsonNode v) {
    switch (type) {
      case "choice": {
        List<Object> choices = new ArrayList<>();
        for (JsonNode option : v) {
          choices.add(option.isObject() ? branchName(name, option) : SpaceJson.scalar(option, name, "choices"));
        }
        return Hp.choice(name, choices);
      }
      case "pchoice": {
        Map<Object, Double> options = new LinkedHashMap<>();
        for (JsonNode pair : v) {
          if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber()) {
            throw new SpaceValidationException(name, "_value", "pchoice needs [[probability, value], ...], got " + pair);
          }
          JsonNode option = pair.get(1);
          options.put(option.isObject() ? branchName(name, option) : SpaceJson.scalar(option, name, "choices"),
              pair.get(0).doubleValue());
        }
        return Hp.pchoice(name, options);
      }
      case "randint":
        return v.size() == 1 ? Hp.randint(name, integer(name, v, 0, 1))
            : Hp.randint(name, integer(name, v, 0, 2), integer(name, v, 1, 2));
      case "uniformint":
        return Hp.uniformint(name, integer(name, v, 0, 2), integer(name, v, 1, 2));
      case "int_log":
        return Hp.intLog(name, integer(name, v, 0, 2), integer(name, v, 1, 2));
      case "uniform":
        return Hp.uniform(name, number(name, v, 0, 2), number(name, v, 1, 2));
      case "quniform":
        return Hp.quniform(name, number(name, v, 0, 3), number(name, v, 1, 3), number(name, v, 2, 3));
      case "loguniform":
        return Hp.loguniform(name, number(name, v, 0, 2), number(name, v, 1, 2));
      case "qloguniform":
        return Hp.qloguniform(name, number(name, v, 0, 3), number(name, v, 1, 3), number(name, v, 2, 3));
      case "normal":
        return Hp.normal(name, number(name, v, 0, 2), number(name, v, 1, 2));
      case "qnormal":
        return Hp.qnormal(name, number(name, v, 0, 3), number(name, v, 1, 3), number(name, v, 2, 3));
      case "lognormal":
        return Hp.lognormal(name, number(name, v, 0, 2), number(name, v, 1, 2));
      case "qlognormal":
        return Hp.qlognormal(name, number(name, v, 0, 3), number(name, v, 1, 3), number(name, v, 2, 3));
      default:
        throw new SpaceValidationException(name, "_type",
            "unknown _type \"" + type + "\" (known: " + String.join(", ", TYPES) + ")");
    }
  }

  private static double number(String name, JsonNode values, int index, int expected) {
    if (values.size() != expected) {
      throw new SpaceValidationException(name, "_value",
          "\"_value\" needs " + expected + " numbers, got " + values.size());
    }
    JsonNode node = values.get(index);
    if (!node.isNumber()) {
      throw new SpaceValidationException(name, "_value", "\"_value\"[" + index + "] (" + node + ") is not a number");
    }
    return node.doubleValue();
  }

  private static long integer(String name, JsonNode values, int index, int expected) {
    double v = number(name, values, index, expected);
    if (v != Math.rint(v)) {
      throw new SpaceValidationException(name, "_value", "\"_value\"[" + index + "] (" + v + ") is not an integer");
    }
    return (long) v;
  }

  private SpaceValidationException error(String parameter, String field, String problem) {
    return SpaceValidationException.withMessage(parameter, field, source + ": " + parameter + ": " + problem);
  }

  private static String stripName(String message, String name) {
    return message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message;
  }
}
