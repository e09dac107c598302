package io.parzen.visualization;

import io.parzen.importance.FanovaOptions;
import io.parzen.importance.Importance;
import io.parzen.importance.ParamImportances;
import io.parzen.importance.PedAnovaOptions;
import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Parameter importance plot data (Optuna's {@code plot_param_importances}): one horizontal bar per
 * assessed parameter, most important first (drawn on top), each labelled with its share as Optuna
 * writes it ({@code 0.42}, or {@code <0.01}). Which evaluator computed it, from how many trials,
 * and what a reader should know: {@link #message} when there is nothing to rank (no or too few
 * completed trials, no parameter to assess, a single parameter), {@link #notes} for the
 * evaluator's caveats and the parameters it left out.
 *
 * <p>Immutable. Computing it ({@link #compute}) grows fANOVA's forest: a live view does it on a
 * background thread.
 *
 * @param bars most important first
 * @param trialsUsed how many completed trials with a finite value went into it
 * @param message why there are no bars, or why they say little; empty when there is nothing to say
 */
public record ImportancePlot(ParamImportances.Method method, List<Bar> bars, int trialsUsed, String message,
    List<String> notes) {

  /** Fewest usable trials for which importances are computed; Optuna's evaluators need two. */
  public static final int MIN_TRIALS = 2;

  /** How a parameter is distributed, for the bar's tooltip. */
  public enum Kind {
    FLOAT("float"), LOG_FLOAT("float, log"), STEP_FLOAT("float, step"), INT("int"), LOG_INT("int, log"),
    CATEGORICAL("categorical");

    private final String text;

    Kind(String text) {
      this.text = text;
    }

    /** "float, log" and the like. */
    public String text() {
      return text;
    }

    /** The kind of distribution {@code d}. */
    public static Kind of(Distribution d) {
      if (d instanceof CategoricalDistribution) {
        return CATEGORICAL;
      }
      if (d instanceof IntDistribution i) {
        return i.log() ? LOG_INT : INT;
      }
      FloatDistribution f = (FloatDistribution) d;
      return f.log() ? LOG_FLOAT : f.step() != null ? STEP_FLOAT : FLOAT;
    }
  }

  /**
   * One parameter's bar.
   *
   * @param importance its share, in {@code [0, 1]}
   * @param spread fANOVA's standard deviation across trees (NaN for PED-ANOVA)
   * @param label the share as drawn beside the bar
   */
  public record Bar(String parameter, double importance, double spread, Kind kind, String label) {
    public Bar {
      Objects.requireNonNull(parameter, "parameter");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(label, "label");
    }
  }

  public ImportancePlot {
    Objects.requireNonNull(method, "method");
    bars = List.copyOf(bars);
    Objects.requireNonNull(message, "message");
    notes = List.copyOf(notes);
  }

  /**
   * Computes the importances of {@code trials}' parameters with {@code method} (Optuna's default
   * settings; fANOVA seeded with {@code seed}, on the calling thread) and lays them out as bars.
   * Only COMPLETE trials with a finite first value count; maximised studies are ranked by how much
   * each parameter explains of reaching high values.
   */
  public static ImportancePlot compute(Collection<FrozenTrial> trials, StudyDirection direction,
      ParamImportances.Method method, long seed) {
    Objects.requireNonNull(method, "method");
    int usable = usableCount(trials);
    if (usable < MIN_TRIALS) {
      String message = usable == 0
          ? "No completed trials yet: importances are computed from completed trials with a finite value."
          : "Importances need at least " + MIN_TRIALS + " completed trials with a finite value; " + usable
              + " so far.";
      return new ImportancePlot(method, List.of(), usable, message, List.of());
    }
    ParamImportances importances = switch (method) {
      case FANOVA -> Importance.fanova(trials, direction, FanovaOptions.seeded(seed));
      case PED_ANOVA -> Importance.pedAnova(trials, direction, PedAnovaOptions.defaults());
    };
    return of(importances, trials);
  }

  /** The bars of {@code importances}, with the kind of each parameter as {@code trials} drew it. */
  public static ImportancePlot of(ParamImportances importances, Collection<FrozenTrial> trials) {
    Map<String, Distribution> distributions = new HashMap<>();
    for (FrozenTrial t : trials) {
      t.distributions().forEach(distributions::putIfAbsent);
    }
    List<Bar> bars = new ArrayList<>();
    for (ParamImportances.Entry e : importances.entries()) {
      Distribution d = distributions.get(e.name());
      Kind kind = d == null ? Kind.FLOAT : Kind.of(d);
      bars.add(new Bar(e.name(), e.importance(), e.spread(), kind, label(e.importance())));
    }
    List<String> notes = new ArrayList<>(importances.warnings());
    List<String> conditional = new ArrayList<>();
    for (ParamImportances.Excluded x : importances.excluded()) {
      if (x.reason().startsWith("inactive in ")) {
        conditional.add(x.name());
      } else {
        notes.add(x.name() + " not assessed: " + x.reason());
      }
    }
    if (!conditional.isEmpty()) {
      notes.add("Not assessed, inactive in some trials: " + String.join(", ", conditional) + ". "
          + nameOf(importances.method()) + " assesses only parameters present in every completed trial; "
          + "PED-ANOVA assesses conditional ones.");
    }
    String message = "";
    if (bars.isEmpty()) {
      message = importances.excluded().isEmpty()
          ? "The completed trials have no parameters to assess."
          : "No parameter is present in every completed trial, and " + nameOf(importances.method())
              + " assesses only those; PED-ANOVA assesses conditional parameters.";
    } else if (bars.size() == 1) {
      message = "Only one parameter, " + bars.get(0).parameter() + ", was assessed: it gets all the importance. "
          + "Importances compare parameters.";
    }
    return new ImportancePlot(importances.method(), bars, importances.trialsUsed(), message, notes);
  }

  /** An importance as Optuna labels its bar: two decimals, {@code <0.01} below that. */
  public static String label(double importance) {
    return importance < 0.01 ? "<0.01" : String.format(Locale.ROOT, "%.2f", importance);
  }

  /** "fANOVA" or "PED-ANOVA". */
  public static String nameOf(ParamImportances.Method method) {
    return method == ParamImportances.Method.FANOVA ? "fANOVA" : "PED-ANOVA";
  }

  /** The bar of {@code parameter}, if it was assessed. */
  public java.util.Optional<Bar> bar(String parameter) {
    return bars.stream().filter(b -> b.parameter().equals(parameter)).findFirst();
  }

  /** How many of {@code trials} importances can use: COMPLETE with a finite first value. */
  public static int usableCount(Collection<FrozenTrial> trials) {
    int n = 0;
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE && !t.values().isEmpty() && Double.isFinite(t.values().get(0))) {
        n++;
      }
    }
    return n;
  }
}
