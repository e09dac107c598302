package io.parzen.sampler;

import io.parzen.study.StudyDefinition;
import java.util.List;
import java.util.Map;

/**
 * Creates samplers by the names stored in study definitions and offered in the studio and the
 * command line: {@code tpe} (Optuna's defaults), {@code hyperopt-tpe} (Hyperopt's), {@code random},
 * {@code grid} (option {@code points}: values per float, default 10; the grid is built from the
 * study's declared space) and {@code qmc} (option {@code sequence}: {@code sobol}, the default, or
 * {@code halton}) and {@code cmaes} (options {@code sigma0}: the initial step size as a fraction of
 * each parameter's range, default 1/6, and {@code popsize}: the initial population, default
 * {@code 4 + floor(3 ln d)}) and {@code gp} (Gaussian-process Bayesian optimisation; option
 * {@code n_startup_trials}: random trials before the GP starts, default 10). The option
 * {@code seed} (a whole number) fixes a sampler's draws.
 */
public final class Samplers {

  /** The names {@link #create} knows, the recommended one first. */
  public static final List<String> NAMES = List.of("tpe", "hyperopt-tpe", "random", "grid", "qmc", "cmaes", "gp");

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
      case "grid":
        return new GridSampler(points(options.get("points")), seed);
      case "qmc": {
        Object sequence = options.get("sequence");
        return new QmcSampler(sequence == null ? QmcSampler.Sequence.SOBOL : QmcSampler.Sequence.parse(sequence.toString()), seed);
      }
      case "cmaes":
        return new CmaEsSampler(seed, sigma0(options.get("sigma0")), popsize(options.get("popsize")), 0);
      case "gp":
        return new GpSampler(seed, gpStartupTrials(options.get("n_startup_trials")));
      default:
        throw new IllegalArgumentException("unknown sampler \"" + name + "\" (known: " + String.join(", ", NAMES) + ")");
    }
  }

  private static int points(Object value) {
    if (value == null) {
      return 10;
    }
    long points;
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      points = n.longValue();
    } else {
      try {
        points = Long.parseLong(value.toString().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("grid points \"" + value + "\" is not a whole number", e);
      }
    }
    if (points < 1 || points > 100_000) {
      throw new IllegalArgumentException("grid points (" + value + ") must be between 1 and 100000");
    }
    return (int) points;
  }

  private static Double sigma0(Object value) {
    if (value == null) {
      return null;
    }
    double sigma;
    if (value instanceof Number n) {
      sigma = n.doubleValue();
    } else {
      try {
        sigma = Double.parseDouble(value.toString().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("cmaes sigma0 \"" + value + "\" is not a number", e);
      }
    }
    if (!(sigma > 0 && sigma <= 1)) {
      throw new IllegalArgumentException("cmaes sigma0 (" + value + ") must be in (0, 1]");
    }
    return sigma;
  }

  private static Integer popsize(Object value) {
    if (value == null) {
      return null;
    }
    long popsize;
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      popsize = n.longValue();
    } else {
      try {
        popsize = Long.parseLong(value.toString().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("cmaes popsize \"" + value + "\" is not a whole number", e);
      }
    }
    if (popsize < 2 || popsize > 100_000) {
      throw new IllegalArgumentException("cmaes popsize (" + value + ") must be between 2 and 100000");
    }
    return (int) popsize;
  }

  private static int gpStartupTrials(Object value) {
    if (value == null) {
      return GpSampler.DEFAULT_STARTUP_TRIALS;
    }
    long trials;
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      trials = n.longValue();
    } else {
      try {
        trials = Long.parseLong(value.toString().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("gp n_startup_trials \"" + value + "\" is not a whole number", e);
      }
    }
    if (trials < 0 || trials > 1_000_000) {
      throw new IllegalArgumentException("gp n_startup_trials (" + value + ") must be between 0 and 1000000");
    }
    return (int) trials;
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
