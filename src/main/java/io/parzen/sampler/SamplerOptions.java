package io.parzen.sampler;

import io.parzen.study.OptionSpec;
import java.util.List;
import java.util.Map;

/**
 * The options of each sampler {@link Samplers} knows, with Optuna's keys and defaults: what the
 * studio's sampler form shows and checks. Also describes samplers that may not be in
 * {@link Samplers#NAMES} yet ({@code gp}); a name without a description takes no options but
 * {@code seed}.
 */
public final class SamplerOptions {

  /** Every sampler's seed: the same seed on the same space gives the same trials (one worker). */
  public static final OptionSpec SEED = OptionSpec.integer("seed", "Seed", null, null, null,
      "Fixes the sampler's random draws: the same seed on the same space gives the same trials "
          + "(with one worker). Empty for a random seed.").blankMeans("random");

  private static final Map<String, List<OptionSpec>> OPTIONS = Map.of(
      "tpe", List.of(SEED,
          startupTrials(10),
          eiCandidates(),
          OptionSpec.bool("multivariate", "Multivariate", false,
              "Model the parameters jointly (Optuna's multivariate TPE) instead of each on its own."),
          OptionSpec.bool("group", "Group", false,
              "With multivariate: model each group of parameters that occur together on their own "
                  + "(for conditional spaces).").onlyWith("multivariate"),
          OptionSpec.bool("constant_liar", "Constant liar", null,
              "Count running trials as bad ones, so parallel workers do not all sample the same "
                  + "spot. auto: the sampler's default.")),
      "hyperopt-tpe", List.of(SEED, startupTrials(20), eiCandidates()),
      "random", List.of(SEED),
      "grid", List.of(SEED,
          OptionSpec.integer("points", "Grid points", 10L, 1L, 100_000L,
              "Values per float parameter, evenly spread over its range; integers and choices "
                  + "take all their values.")),
      "qmc", List.of(SEED,
          OptionSpec.choice("sequence", "Sequence", "sobol", List.of("sobol", "halton"),
              "The low-discrepancy sequence, scrambled by the seed.")),
      "cmaes", List.of(SEED,
          OptionSpec.number("sigma0", "sigma0", null, 0.0, true, 1.0,
              "The initial step size as a fraction of each parameter's range. Empty for 1/6.")
              .blankMeans("auto"),
          OptionSpec.integer("popsize", "Population", null, 2L, 100_000L,
              "Candidates per generation at the start. Empty for 4 + floor(3 ln d), d the "
                  + "number of parameters.").blankMeans("auto")),
      "gp", List.of(SEED, startupTrials(10)),
      "nsga2", List.of(SEED,
          OptionSpec.integer("population_size", "Population", (long) NsgaIISampler.DEFAULT_POPULATION_SIZE, 2L,
              100_000L, "Trials per generation. Must be at least the crossover's parents (3 for spx and undx)."),
          OptionSpec.number("mutation_prob", "Mutation", null, 0.0, false, 1.0,
              "The chance that each inherited parameter is drawn at random instead. Empty for one over "
                  + "the number of parameters.").blankMeans("auto"),
          OptionSpec.choice("crossover", "Crossover", "uniform", Crossover.NAMES,
              "How a child mixes its parents' numerical parameters: uniform swaps each, sbx and vsbx "
                  + "(simulated binary), blxalpha (blend), spx (simplex, 3 parents), undx (normal "
                  + "around the parents, 3 parents). Categorical parameters always swap."),
          OptionSpec.number("crossover_prob", "Crossover prob.", 0.9, 0.0, false, 1.0,
              "The chance that a child is a crossover of parents rather than a copy of one."),
          OptionSpec.number("swapping_prob", "Swapping prob.", 0.5, 0.0, false, 1.0,
              "In the uniform crossover (and for categorical parameters), the chance of taking each "
                  + "parameter from the second parent.")));

  private SamplerOptions() {}

  /** The options of the sampler called {@code name}, the seed first; only the seed for an undescribed name. */
  public static List<OptionSpec> of(String name) {
    return OPTIONS.getOrDefault(name, List.of(SEED));
  }

  /**
   * Checks {@code options} for the sampler {@code name} and returns them as stored (described
   * options typed, absent ones left out, others untouched).
   *
   * @throws IllegalArgumentException naming the option and the value that is wrong
   */
  public static Map<String, Object> parse(String name, Map<String, ?> options) {
    try {
      return OptionSpec.parseAll(of(name), options);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " sampler: " + e.getMessage(), e);
    }
  }

  private static OptionSpec startupTrials(long defaultValue) {
    return OptionSpec.integer("n_startup_trials", "Startup trials", defaultValue, 0L, null,
        "Trials drawn at random before the model takes over.");
  }

  private static OptionSpec eiCandidates() {
    return OptionSpec.integer("n_ei_candidates", "EI candidates", 24L, 1L, null,
        "Candidates drawn from the model of the good trials; the one with the best expected "
            + "improvement is taken.");
  }
}
