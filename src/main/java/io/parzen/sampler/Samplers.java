package io.parzen.sampler;

import io.parzen.study.StudyDefinition;
import java.util.List;
import java.util.Map;

/**
 * Creates samplers by the names stored in study definitions and offered in the studio and the
 * command line: {@code tpe} (Optuna's defaults), {@code hyperopt-tpe} (Hyperopt's), {@code random}.
 * The option {@code seed} (a whole number) fixes a sampler's draws.
 */
public final class Samplers {

  /** The names {@link #create} knows, the recommended one first. */
  public static final List<String> NAMES = List.of("tpe", "hyperopt-tpe", "random");

  private Samplers() {}

  /** The sampler a definition names, or TPE when it names none. */
  public static Sampler create(StudyDefinition.Component spec) {
    if (spec == null) {
      return new TpeSampler();
    }
    return create(spec.name(), spec.options());
  }

  /** The sampler called {@code name} with {@code options}; unknown names are refused with the known ones. */
  public static Sampler create(String name, Map<String, Object> options) {
    Long seed = seed(options.get("seed"));
    switch (name) {
      case "tpe":
        return new TpeSampler(seed);
      case "hyperopt-tpe":
        return seed == null ? TpeSampler.hyperopt() : TpeSampler.hyperopt(seed);
      case "random":
        return new RandomSampler(seed);
      default:
        throw new IllegalArgumentException("unknown sampler \"" + name + "\" (known: " + String.join(", ", NAMES) + ")");
    }
  }

  private static Long seed(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("sampler seed \"" + value + "\" is not a whole number", e);
    }
  }
}
