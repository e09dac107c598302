package io.parzen.sampler;

import io.parzen.study.StudyDefinition;
import java.util.List;
import java.util.Map;

/**
 * Creates samplers by the names stored in study definitions and offered in the studio and the
 * command line: {@code tpe} (Optuna's defaults), {@code hyperopt-tpe} (Hyperopt's; both take the
 * {@linkplain #TPE_OPTIONS TPE options} below), {@code random},
 * {@code grid} (option {@code points}: values per float, default 10; the grid is built from the
 * study's declared space) and {@code qmc} (option {@code sequence}: {@code sobol}, the default, or
 * {@code halton}) and {@code cmaes} (options {@code sigma0}: the initial step size as a fraction of
 * each parameter's range, default 1/6, and {@code popsize}: the initial population, default
 * {@code 4 + floor(3 ln d)}) and {@code gp} (Gaussian-process Bayesian optimisation; option
 * {@code n_startup_trials}: random trials before the GP starts, default 10) and {@code nsga2}
 * (NSGA-II for multi-objective studies; options {@code population_size} (50),
 * {@code mutation_prob} (absent: one over the number of parameters), {@code crossover}
 * ({@code uniform}, the default, {@code sbx}, {@code blxalpha}, {@code spx}, {@code undx} or
 * {@code vsbx}), {@code crossover_prob} (0.9) and {@code swapping_prob} (0.5)). The option
 * {@code seed} (a whole number) fixes a sampler's draws.
 *
 * <p>TPE options (Optuna's names; any other key is refused):
 * <ul>
 *   <li>{@code seed}: a whole number;
 *   <li>{@code n_startup_trials}: trials sampled at random first, an integer {@code >= 0}
 *       (default 10, {@code hyperopt-tpe} 20);
 *   <li>{@code n_ei_candidates}: candidates drawn from {@code l(x)}, an integer {@code >= 1}
 *       (default 24);
 *   <li>{@code multivariate}: sample the parameters all trials share jointly (default false);
 *   <li>{@code group}: sample each group of co-active parameters of a conditional space jointly
 *       (default false; needs {@code multivariate});
 *   <li>{@code constant_liar}: running trials count as bad, so parallel workers spread out
 *       (absent: automatic, which only has an effect while more than one worker runs).
 * </ul>
 * Booleans are {@code true}/{@code false} (or the strings); numbers may be given as strings.
 * A bad value is refused with an {@link IllegalArgumentException} naming the option and value.
 */
public final class Samplers {

  /** The option keys of {@code tpe} and {@code hyperopt-tpe}. */
  public static final List<String> TPE_OPTIONS =
      List.of("seed", "n_startup_trials", "n_ei_candidates", "multivariate", "group", "constant_liar");

  /** The names {@link #create} knows, the recommended one first. */
  public static final List<String> NAMES = List.of("tpe", "hyperopt-tpe", "random", "grid", "qmc", "cmaes", "gp", "nsga2");

  /** The option keys of {@code nsga2}. */
  public static final List<String> NSGA2_OPTIONS =
      List.of("seed", "population_size", "mutation_prob", "crossover", "crossover_prob", "swapping_prob");

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
      case "hyperopt-tpe":
        return tpe(name, options, seed);
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
      case "nsga2":
        return nsga2(options, seed);
      default:
        throw new IllegalArgumentException("unknown sampler \"" + name + "\" (known: " + String.join(", ", NAMES) + ")");
    }
  }

  private static TpeSampler tpe(String name, Map<String, Object> options, Long seed) {
    for (String key : options.keySet()) {
      if (!TPE_OPTIONS.contains(key)) {
        throw new IllegalArgumentException(name + " has no option \"" + key + "\" (options: "
            + String.join(", ", TPE_OPTIONS) + ")");
      }
    }
    TpeSampler.Builder b = TpeSampler.builder();
    if (name.equals("hyperopt-tpe")) {
      b.hyperoptDefaults();
    }
    b.seed(seed);
    Integer startup = wholeNumber(name, "n_startup_trials", options.get("n_startup_trials"), 0);
    if (startup != null) {
      b.nStartupTrials(startup);
    }
    Integer candidates = wholeNumber(name, "n_ei_candidates", options.get("n_ei_candidates"), 1);
    if (candidates != null) {
      b.nEiCandidates(candidates);
    }
    Boolean multivariate = bool(name, "multivariate", options.get("multivariate"));
    Boolean group = bool(name, "group", options.get("group"));
    if (Boolean.TRUE.equals(group) && !Boolean.TRUE.equals(multivariate)) {
      throw new IllegalArgumentException(name + " option group (true) requires multivariate (true), as in Optuna");
    }
    b.multivariate(Boolean.TRUE.equals(multivariate));
    b.group(Boolean.TRUE.equals(group));
    b.constantLiar(bool(name, "constant_liar", options.get("constant_liar")));
    return b.build();
  }

  private static NsgaIISampler nsga2(Map<String, Object> options, Long seed) {
    for (String key : options.keySet()) {
      if (!NSGA2_OPTIONS.contains(key)) {
        throw new IllegalArgumentException("nsga2 has no option \"" + key + "\" (options: "
            + String.join(", ", NSGA2_OPTIONS) + ")");
      }
    }
    Integer population = wholeNumber("nsga2", "population_size", options.get("population_size"), 2);
    Double mutation = probability("mutation_prob", options.get("mutation_prob"));
    Double crossoverProb = probability("crossover_prob", options.get("crossover_prob"));
    Double swappingProb = probability("swapping_prob", options.get("swapping_prob"));
    double swapping = swappingProb == null ? 0.5 : swappingProb;
    Object crossoverName = options.get("crossover");
    Crossover crossover;
    try {
      crossover = crossoverName == null || crossoverName.toString().isBlank() ? null
          : Crossover.named(crossoverName.toString(), swapping);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("nsga2 option crossover: " + e.getMessage(), e);
    }
    return new NsgaIISampler(population == null ? NsgaIISampler.DEFAULT_POPULATION_SIZE : population, mutation,
        crossover, crossoverProb == null ? 0.9 : crossoverProb, swapping, seed);
  }

  /** A probability option of nsga2 in [0, 1], or {@code null} when absent or blank. */
  private static Double probability(String option, Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    double p;
    if (value instanceof Number n) {
      p = n.doubleValue();
    } else {
      try {
        p = Double.parseDouble(value.toString().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("nsga2 option " + option + " \"" + value + "\" is not a number", e);
      }
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("nsga2 option " + option + " (" + value + ") must be in [0, 1]");
    }
    return p;
  }

  /** An int option of at least {@code min}, or {@code null} when absent. */
  private static Integer wholeNumber(String sampler, String option, Object value, int min) {
    if (value == null) {
      return null;
    }
    long n;
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) < 1e18) {
      n = number.longValue();
    } else {
      try {
        n = Long.parseLong(value.toString().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(sampler + " option " + option + " \"" + value + "\" is not a whole number", e);
      }
    }
    if (n < min || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(sampler + " option " + option + " (" + value + ") must be an integer >= " + min);
    }
    return (int) n;
  }

  /** A boolean option: {@code true}/{@code false} or those strings, any case; {@code null} when absent. */
  private static Boolean bool(String sampler, String option, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException(sampler + " option " + option + " \"" + value + "\" is not true or false");
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
