package io.parzen.app.analysis;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.RunViewModel;
import io.parzen.importance.Importance;
import io.parzen.importance.PedAnovaOptions;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.visualization.ContourPlot;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.jfree.chart.JFreeChart;

/**
 * The contour panel: the {@link ContourPlot} of the objective over two parameters, recomputed on the
 * {@link BackgroundExecutor} (one computation at a time, the latest request winning) when trials
 * arrive or the pair changes, and why there is nothing to draw. Until the user picks a pair it is
 * the first two parameters, and once {@value #RANKED_PAIR_TRIALS} trials have completed the two
 * most important by PED-ANOVA (chosen once per study shown, so the plot does not hop between pairs
 * during a run). FX thread only.
 */
public final class ContourViewModel {

  /** Shown when the study has no completed trial with a value yet. */
  static final String NO_TRIALS = "No completed trials yet. The contour shows the objective over two "
      + "parameters, interpolated between the trials, with each trial drawn as a dot.";

  private final RunViewModel runs;
  private final ChartExporter exporter;
  private final PairChoice pair = new PairChoice();
  private final ReadOnlyObjectWrapper<ContourPlot> plot = new ReadOnlyObjectWrapper<>(this, "plot");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", NO_TRIALS);
  private final LatestComputation<Result> computation;
  private final AnalysisTrials trials;
  /** Set while the model itself updates the pair, which then asks for one computation, not one per axis. */
  private boolean updatingPair;
  /** Whether the user picked the pair (kept while both parameters exist). */
  private boolean userChose;
  /** Whether the pair was set to the two most important parameters since the trials were replaced. */
  private boolean ranked;

  /**
   * Completed trials needed before the pair defaults to the two most important parameters; before
   * that, and when importances cannot be had, it is the first two.
   */
  static final int RANKED_PAIR_TRIALS = 20;

  /**
   * A computed plot, or why there is none; {@code rankedPair} when the plot's pair was chosen by
   * importance in the same computation.
   */
  record Result(ContourPlot plot, String message, boolean rankedPair) {
    Result(ContourPlot plot, String message) {
      this(plot, message, false);
    }
  }

  public ContourViewModel(RunViewModel runs, ChartExporter exporter, BackgroundExecutor executor) {
    this.runs = runs;
    this.exporter = exporter;
    this.computation = new LatestComputation<>(executor, this::show,
        error -> show(new Result(null, "Cannot draw the contour: " + error.getMessage())));
    this.trials = new AnalysisTrials((java.util.function.Consumer<Boolean>) this::trialsChanged);
    pair.x().addListener((obs, old, now) -> pairChanged());
    pair.y().addListener((obs, old, now) -> pairChanged());
    trials.listenTo(runs);
  }

  /** Every parameter of the trials so far, in the order first seen (read-only). */
  public ObservableList<String> parameters() {
    return pair.parameters();
  }

  /** The parameter along the x axis. */
  public ObjectProperty<String> xParameterProperty() {
    return pair.x();
  }

  /** The parameter along the y axis. */
  public ObjectProperty<String> yParameterProperty() {
    return pair.y();
  }

  /** The plot shown, or {@code null} when there is nothing to draw ({@link #messageProperty} says why). */
  public ReadOnlyObjectProperty<ContourPlot> plotProperty() {
    return plot.getReadOnlyProperty();
  }

  /** Why nothing or only the trials are drawn; empty when the contour is shown. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Whether a contour is being computed. */
  public ReadOnlyBooleanProperty computingProperty() {
    return computation.busyProperty();
  }

  /** The trial highlighted in every plot (shared with the table). */
  public ObjectProperty<Integer> selectedTrialProperty() {
    return runs.selectedTrialProperty();
  }

  /** Tooltip text of trial {@code number}. */
  public String describe(int number) {
    return runs.describe(number);
  }

  /** Exports {@code chart} as PNG or SVG. */
  public void export(JFreeChart chart) {
    exporter.export("contour-plot", List.of(chart), 1);
  }

  /**
   * Whether the panel is shown; the view sets it. While hidden, trials are kept and nothing is
   * computed; showing it again computes once.
   */
  public void setActive(boolean active) {
    trials.setActive(active);
  }

  /** How many contours have been computed, for tests. */
  int computedCount() {
    return computation.completedCount();
  }

  private void trialsChanged(boolean reset) {
    List<String> names = trials.parameters();
    if (reset) {
      ranked = false;
      userChose &= pair.x().get() != null && names.contains(pair.x().get())
          && pair.y().get() != null && names.contains(pair.y().get());
    }
    updatingPair = true;
    try {
      pair.update(names);
    } finally {
      updatingPair = false;
    }
    recompute();
  }

  private void pairChanged() {
    if (!updatingPair) {
      userChose = true;
      recompute();
    }
  }

  private void recompute() {
    List<FrozenTrial> snapshot = trials.snapshot();
    String x = pair.x().get();
    String y = pair.y().get();
    StudyDirection direction = runs.direction();
    boolean rank = !userChose && !ranked;
    computation.request(() -> compute(snapshot, x, y, direction, rank));
  }

  /**
   * The contour of {@code x} and {@code y}, or with {@code rankPair} of the two most important
   * parameters by PED-ANOVA (Optuna's cheap evaluator) once there are {@link #RANKED_PAIR_TRIALS}
   * completed trials.
   */
  static Result compute(List<FrozenTrial> trials, String x, String y, StudyDirection direction, boolean rankPair) {
    long usable = trials.stream().filter(t -> t.state() == io.parzen.trial.TrialState.COMPLETE
        && !t.values().isEmpty() && Double.isFinite(t.values().get(0))).count();
    if (usable == 0 || x == null || y == null) {
      return new Result(null, NO_TRIALS);
    }
    if (rankPair && usable >= RANKED_PAIR_TRIALS) {
      List<String> ranking = mostImportant(trials, direction);
      if (ranking.size() >= 2) {
        Result ranked = compute(trials, ranking.get(0), ranking.get(1), direction, false);
        return new Result(ranked.plot(), ranked.message(), true);
      }
    }
    ContourPlot plot;
    try {
      plot = ContourPlot.of(trials, x, y, direction);
    } catch (IllegalArgumentException e) {
      return new Result(null, "No completed trial has the parameter " + (e.getMessage().contains("'" + x + "'")
          ? x : y) + " yet.");
    }
    if (plot.points().isEmpty()) {
      return new Result(plot, "No completed trial has both " + x + " and " + y + " (conditional parameters).");
    }
    if (x.equals(y)) {
      return new Result(plot, "Pick two different parameters for a contour.");
    }
    if (plot.grid().isEmpty()) {
      return new Result(plot, "No contour yet: " + (plot.x().categories().size() == 1 || single(plot, true) ? x : y)
          + " has taken a single value so far.");
    }
    return new Result(plot, "");
  }

  /** The parameters by PED-ANOVA importance, most important first; empty when it cannot tell. */
  static List<String> mostImportant(List<FrozenTrial> trials, StudyDirection direction) {
    try {
      return Importance.pedAnova(trials, direction, PedAnovaOptions.defaults()).ranking();
    } catch (RuntimeException e) {
      return List.of();  // too few trials of some kind: keep the first two
    }
  }

  private static boolean single(ContourPlot plot, boolean xAxis) {
    return plot.points().stream().mapToDouble(p -> xAxis ? p.x() : p.y()).distinct().count() < 2;
  }

  private void show(Result result) {
    if (result.rankedPair() && result.plot() != null) {
      if (userChose || ranked) {
        // Chosen by importance while the user picked, or after an earlier ranking was applied:
        // not the pair shown in the pickers, so draw the pickers' pair instead.
        recompute();
        return;
      }
      ranked = true;
      updatingPair = true;
      try {
        pair.x().set(result.plot().x().parameter());
        pair.y().set(result.plot().y().parameter());
      } finally {
        updatingPair = false;
      }
    }
    plot.set(result.plot());
    message.set(result.message());
  }
}
