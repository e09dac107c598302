package io.parzen.pruner;

import io.parzen.study.OptionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options of each pruner {@link Pruners} knows, exactly the keys it parses, with Optuna's
 * names and defaults: what the studio's pruner form shows and checks. The patient pruner's
 * {@code wrapped_options} (a nested map) is not described; it passes through untouched.
 */
public final class PrunerOptions {

  private static final List<OptionSpec> STEPS = List.of(
      OptionSpec.integer("n_startup_trials", "Startup trials", 5L, 0L, null,
          "Trials that must complete before any trial is pruned."),
      OptionSpec.integer("n_warmup_steps", "Warm-up steps", 0L, 0L, null,
          "Steps of each trial before it can be pruned."),
      OptionSpec.integer("interval_steps", "Interval steps", 1L, 1L, null,
          "After the warm-up, check every this many steps."),
      OptionSpec.integer("n_min_trials", "Min trials", 1L, 1L, null,
          "Completed trials that must have reported at a step before it is compared."));

  private static final OptionSpec BOOTSTRAP = OptionSpec.integer("bootstrap_count", "Bootstrap count", 0L, 0L,
      null, "Trials that must reach a rung before any is pruned there (needs a whole min_resource).");

  private static final Map<String, List<OptionSpec>> OPTIONS = Map.of(
      "nop", List.of(),
      "median", STEPS,
      "percentile", with(OptionSpec.number("percentile", "Percentile", null, 0.0, false, 100.0,
          "Prune a trial worse than this percentile of the completed trials at the same step "
              + "(25 keeps the best quarter).").asRequired(), STEPS),
      "successive-halving", List.of(
          OptionSpec.integer("min_resource", "Min resource", null, 1L, null,
              "Steps of the first rung. auto: 1/100 of the longest completed trial.").blankMeans("auto"),
          OptionSpec.integer("reduction_factor", "Reduction factor", 4L, 2L, null,
              "One trial in this many goes on at each rung."),
          OptionSpec.integer("min_early_stopping_rate", "Min early-stop rate", 0L, 0L, null,
              "Rungs skipped at the start: the first rung ends at min_resource * factor^rate."),
          BOOTSTRAP),
      "hyperband", List.of(
          OptionSpec.integer("min_resource", "Min resource", 1L, 1L, null,
              "Steps of the first rung of the most aggressive bracket."),
          OptionSpec.integer("max_resource", "Max resource", null, 1L, null,
              "Steps of a full trial. auto: the longest completed trial's last step + 1.").blankMeans("auto"),
          OptionSpec.integer("reduction_factor", "Reduction factor", 3L, 2L, null,
              "One trial in this many goes on at each rung; also sets the number of brackets."),
          BOOTSTRAP),
      "threshold", List.of(
          OptionSpec.number("lower", "Lower", null, null, false, null,
              "Prune a trial whose latest value is below this.").blankMeans("none"),
          OptionSpec.number("upper", "Upper", null, null, false, null,
              "Prune a trial whose latest value is above this.").blankMeans("none"),
          STEPS.get(1), STEPS.get(2)),
      "patient", List.of(
          OptionSpec.integer("patience", "Patience", null, 0L, null,
              "Steps without improvement tolerated before the wrapped pruner may prune.").asRequired(),
          OptionSpec.number("min_delta", "Min delta", 0.0, 0.0, false, null,
              "The least change that counts as an improvement."),
          OptionSpec.choice("wrapped", "Wrapped pruner", "median",
              List.of("median", "percentile", "successive-halving", "hyperband", "threshold", "none"),
              "The pruner that decides once patience runs out; none prunes at that point.")));

  private PrunerOptions() {}

  /** The options of the pruner called {@code name}; none for an undescribed name. */
  public static List<OptionSpec> of(String name) {
    return OPTIONS.getOrDefault(name, List.of());
  }

  /**
   * Checks {@code options} for the pruner {@code name} and returns them as stored (described
   * options typed, absent ones left out, others untouched).
   *
   * @throws IllegalArgumentException naming the option and the value that is wrong
   */
  public static Map<String, Object> parse(String name, Map<String, ?> options) {
    try {
      return OptionSpec.parseAll(of(name), options);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " pruner: " + e.getMessage(), e);
    }
  }

  private static List<OptionSpec> with(OptionSpec first, List<OptionSpec> rest) {
    List<OptionSpec> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return List.copyOf(all);
  }
}
