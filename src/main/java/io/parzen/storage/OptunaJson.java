package io.parzen.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Optuna stores in its RDB and journal storages: {@code distribution_json} (Optuna's
 * {@code distribution_to_json}, with the legacy distributions of Optuna 2 read as their modern
 * equivalents) and attribute {@code value_json}.
 */
public final class OptunaJson {

  /** Reads and writes NaN and ±Infinity as bare literals, as Python's {@code json} module does. */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OptunaJson() {}

  /** {@code {"name": "FloatDistribution", "attributes": {...}}}, as Optuna writes it. */
  public static String distributionToJson(Distribution d) {
    ObjectNode root = NODES.objectNode();
    ObjectNode attributes = NODES.objectNode();
    if (d instanceof FloatDistribution f) {
      root.put("name", "FloatDistribution");
      if (f.step() == null) {
        attributes.putNull("step");
      } else {
        attributes.put("step", f.step());
      }
      attributes.put("low", f.low());
      attributes.put("high", f.high());
      attributes.put("log", f.log());
    } else if (d instanceof IntDistribution i) {
      root.put("name", "IntDistribution");
      attributes.put("log", i.log());
      attributes.put("step", i.step());
      attributes.put("low", i.low());
      attributes.put("high", i.high());
    } else {
      root.put("name", "CategoricalDistribution");
      ArrayNode choices = attributes.putArray("choices");
      for (Object choice : ((CategoricalDistribution) d).choices()) {
        choices.add(MAPPER.valueToTree(choice) == null ? NODES.nullNode() : MAPPER.valueToTree(choice));
      }
    }
    root.set("attributes", attributes);
    return write(root);
  }

  /** Parses Optuna's {@code distribution_json}, including Optuna 2's legacy distributions. */
  public static Distribution distributionFromJson(String json) {
    JsonNode root = read(json);
    String name = root.path("name").asText("");
    JsonNode a = root.path("attributes");
    try {
      switch (name) {
        case "FloatDistribution":
          return new FloatDistribution(a.get("low").doubleValue(), a.get("high").doubleValue(),
              a.path("log").asBoolean(false), a.path("step").isNumber() ? a.get("step").doubleValue() : null);
        case "IntDistribution":
          return new IntDistribution(a.get("low").longValue(), a.get("high").longValue(),
              a.path("log").asBoolean(false), a.path("step").asLong(1));
        case "CategoricalDistribution": {
          List<Object> choices = new ArrayList<>();
          for (JsonNode c : a.get("choices")) {
            choices.add(scalar(c));
          }
          return new CategoricalDistribution(choices);
        }
        case "UniformDistribution":
          return FloatDistribution.uniform(a.get("low").doubleValue(), a.get("high").doubleValue());
        case "LogUniformDistribution":
          return FloatDistribution.logUniform(a.get("low").doubleValue(), a.get("high").doubleValue());
        case "DiscreteUniformDistribution":
          return FloatDistribution.stepped(a.get("low").doubleValue(), a.get("high").doubleValue(),
              a.get("q").doubleValue());
        case "IntUniformDistribution":
          return new IntDistribution(a.get("low").longValue(), a.get("high").longValue(), false,
              a.path("step").asLong(1));
        case "IntLogUniformDistribution":
          return new IntDistribution(a.get("low").longValue(), a.get("high").longValue(), true, 1);
        default:
          throw new StorageException("unknown distribution \"" + name + "\" in " + json);
      }
    } catch (NullPointerException e) {
      throw new StorageException("incomplete distribution " + json, e);
    }
  }

  /** An attribute value as JSON text ({@code json.dumps} of the value). */
  public static String valueToJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("attribute value " + value + " cannot be written as JSON", e);
    }
  }

  /** An attribute value read from JSON text: String, Number, Boolean, List, Map or {@code null}. */
  public static Object valueFromJson(String json) {
    try {
      return json == null ? null : MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new StorageException("attribute value is not JSON: " + json, e);
    }
  }

  private static Object scalar(JsonNode c) {
    if (c.isNull()) {
      return null;
    }
    if (c.isTextual()) {
      return c.textValue();
    }
    if (c.isBoolean()) {
      return c.booleanValue();
    }
    if (c.isIntegralNumber()) {
      return c.canConvertToLong() ? (Object) c.longValue() : c.bigIntegerValue();
    }
    if (c.isNumber()) {
      return c.doubleValue();
    }
    throw new StorageException("categorical choice " + c + " is not a string, number, boolean or null");
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StorageException("distribution is not JSON: " + json, e);
    }
  }

  private static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
