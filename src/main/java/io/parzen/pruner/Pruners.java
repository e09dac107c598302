package io.parzen.pruner;

import io.parzen.study.StudyDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Creates pruners by the names stored in study definitions and offered in the studio and the
 * command line, with Optuna's option names and defaults:
 *
 * <ul>
 *   <li>{@code nop}: never prunes;
 *   <li>{@code median}: {@code n_startup_trials} (5), {@code n_warmup_steps} (0),
 *       {@code interval_steps} (1), {@code n_min_trials} (1);
 *   <li>{@code percentile}: {@code percentile} (required, 0 to 100) and the options of median;
 *   <li>{@code successive-halving}: {@code min_resource} ("auto" or a whole number),
 *       {@code reduction_factor} (4), {@code min_early_stopping_rate} (0), {@code bootstrap_count} (0);
 *   <li>{@code hyperband}: {@code min_resource} (1), {@code max_resource} ("auto" or a whole
 *       number), {@code reduction_factor} (3), {@code bootstrap_count} (0);
 *   <li>{@code threshold}: {@code lower}, {@code upper} (at least one), {@code n_warmup_steps} (0),
 *       {@code interval_steps} (1);
 *   <li>{@code patient}: {@code patience} (required), {@code min_delta} (0), {@code wrapped} (the
 *       name of the wrapped pruner, {@code median} by default, {@code none} for none) and
 *       {@code wrapped_options} (its options).
 * </ul>
 *
 * Unknown names and options are refused, naming the known ones. {@link PrunerOptions} describes
 * these options (kinds, bounds, help) for forms.
 */
public final class Pruners {

  /** The names {@link #create} knows. */
  public static final List<String> NAMES =
      List.of("nop", "median", "percentile", "successive-halving", "hyperband", "threshold", "patient");

  private static final Set<String> PERCENTILE_OPTIONS = Set.of("n_startup_trials", "n_warmup_steps", "interval_steps", "n_min_trials");

  private Pruners() {}

  /** The pruner a definition names, or {@link NopPruner} when it names none. */
  public static Pruner create(StudyDefinition.Component spec) {
    if (spec == null) {
      return new NopPruner();
    }
    return create(spec.name(), spec.options());
  }

  /** The pruner called {@code name} with {@code options}; unknown names are refused with the known ones. */
  public static Pruner create(String name, Map<String, Object> options) {
    Map<String, Object> o = options == null ? Map.of() : options;
    switch (name == null ? "" : name) {
      case "nop":
        known(name, o, Set.of());
        return new NopPruner();
      case "median":
        known(name, o, PERCENTILE_OPTIONS);
        return new MedianPruner(integer(o, "n_startup_trials", 5), integer(o, "n_warmup_steps", 0),
            integer(o, "interval_steps", 1), integer(o, "n_min_trials", 1));
      case "percentile": {
        known(name, o, union(PERCENTILE_OPTIONS, Set.of("percentile")));
        if (!o.containsKey("percentile")) {
          throw new IllegalArgumentException("percentile pruner needs the option \"percentile\" (0 to 100)");
        }
        return new PercentilePruner(number(o, "percentile", Double.NaN), integer(o, "n_startup_trials", 5),
            integer(o, "n_warmup_steps", 0), integer(o, "interval_steps", 1), integer(o, "n_min_trials", 1));
      }
      case "successive-halving":
        known(name, o, Set.of("min_resource", "reduction_factor", "min_early_stopping_rate", "bootstrap_count"));
        return new SuccessiveHalvingPruner(autoOrInteger(o, "min_resource"), integer(o, "reduction_factor", 4),
            integer(o, "min_early_stopping_rate", 0), integer(o, "bootstrap_count", 0));
      case "hyperband":
        known(name, o, Set.of("min_resource", "max_resource", "reduction_factor", "bootstrap_count"));
        return new HyperbandPruner(integer(o, "min_resource", 1), autoOrInteger(o, "max_resource"),
            integer(o, "reduction_factor", 3), integer(o, "bootstrap_count", 0));
      case "threshold":
        known(name, o, Set.of("lower", "upper", "n_warmup_steps", "interval_steps"));
        return new ThresholdPruner(o.get("lower") == null ? null : number(o, "lower", 0),
            o.get("upper") == null ? null : number(o, "upper", 0),
            integer(o, "n_warmup_steps", 0), integer(o, "interval_steps", 1));
      case "patient": {
        known(name, o, Set.of("patience", "min_delta", "wrapped", "wrapped_options"));
        if (!o.containsKey("patience")) {
          throw new IllegalArgumentException("patient pruner needs the option \"patience\" (a whole number >= 0)");
        }
        Object wrappedName = o.getOrDefault("wrapped", "median");
        Pruner wrapped = null;
        if (wrappedName != null && !"none".equals(wrappedName.toString())) {
          if ("patient".equals(wrappedName.toString())) {
            throw new IllegalArgumentException("patient pruner option wrapped (\"patient\") cannot wrap itself");
          }
          try {
            wrapped = create(wrappedName.toString(), map(o.get("wrapped_options")));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("patient pruner option wrapped (" + wrappedName + "): " + e.getMessage(), e);
          }
        }
        return new PatientPruner(wrapped, integer(o, "patience", 0), number(o, "min_delta", 0.0));
      }
      default:
        throw new IllegalArgumentException("unknown pruner \"" + name + "\" (known: " + String.join(", ", NAMES) + ")");
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static void known(String pruner, Map<String, Object> options, Set<String> known) {
    for (String key : options.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown option \"" + key + "\" for pruner " + pruner
            + (known.isEmpty() ? " (it takes none)" : " (known: " + String.join(", ", known.stream().sorted().toList()) + ")"));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), v));
      return copy;
    }
    throw new IllegalArgumentException("pruner option wrapped_options (" + value + ") must be a map of options");
  }

  private static int integer(Map<String, Object> options, String key, int fallback) {
    Object value = options.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
        return (int) d;
      }
    } else {
      try {
        return Integer.parseInt(value.toString().trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("pruner option " + key + " (" + value + ") is not a whole number");
  }

  private static double number(Map<String, Object> options, String key, double fallback) {
    Object value = options.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("pruner option " + key + " (" + value + ") is not a number", e);
    }
  }

  private static OptionalInt autoOrInteger(Map<String, Object> options, String key) {
    Object value = options.get(key);
    if (value == null || "auto".equals(value.toString().trim())) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(integer(options, key, 0));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("pruner option " + key + " (" + value + ") must be \"auto\" or a whole number", e);
    }
  }
}
