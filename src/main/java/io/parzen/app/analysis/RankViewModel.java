package io.parzen.app.analysis;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.RunViewModel;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.RankPlot;
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
 * The rank panel: the {@link RankPlot} of two parameters the user picks, each trial coloured by
 * the rank of its objective value, recomputed on the {@link BackgroundExecutor} (one computation at
 * a time, the latest request winning) when trials arrive or the pair changes. FX thread only.
 */
public final class RankViewModel {

  /** Shown when the study has no completed trial with a value yet. */
  static final String NO_TRIALS = "No completed trials yet. The rank plot shows two parameters of each "
      + "trial, coloured by how its objective value ranks: blue lowest, red highest.";

  private final RunViewModel runs;
  private final ChartExporter exporter;
  private final PairChoice pair = new PairChoice();
  private final ReadOnlyObjectWrapper<RankPlot> plot = new ReadOnlyObjectWrapper<>(this, "plot");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", NO_TRIALS);
  private final LatestComputation<Result> computation;
  private final AnalysisTrials trials;
  /** Set while new trials update the pair, which then asks for one computation, not one per axis. */
  private boolean updatingPair;

  /** A computed plot, or why there is none. */
  record Result(RankPlot plot, String message) {}

  public RankViewModel(RunViewModel runs, ChartExporter exporter, BackgroundExecutor executor) {
    this.runs = runs;
    this.exporter = exporter;
    this.computation = new LatestComputation<>(executor, this::show,
        error -> show(new Result(null, "Cannot draw the rank plot: " + error.getMessage())));
    this.trials = new AnalysisTrials(this::trialsChanged);
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
  public ReadOnlyObjectProperty<RankPlot> plotProperty() {
    return plot.getReadOnlyProperty();
  }

  /** Why nothing is drawn; empty when the plot is shown. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Whether the plot is being computed. */
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
    exporter.export("rank-plot", List.of(chart), 1);
  }

  /**
   * Whether the panel is shown; the view sets it. While hidden, trials are kept and nothing is
   * computed; showing it again computes once.
   */
  public void setActive(boolean active) {
    trials.setActive(active);
  }

  /** How many plots have been computed, for tests. */
  int computedCount() {
    return computation.completedCount();
  }

  private void trialsChanged() {
    updatingPair = true;
    try {
      pair.update(trials.parameters());
    } finally {
      updatingPair = false;
    }
    recompute();
  }

  private void pairChanged() {
    if (!updatingPair) {
      recompute();
    }
  }

  private void recompute() {
    List<FrozenTrial> snapshot = trials.snapshot();
    String x = pair.x().get();
    String y = pair.y().get();
    computation.request(() -> compute(snapshot, x, y));
  }

  static Result compute(List<FrozenTrial> trials, String x, String y) {
    boolean anyUsable = trials.stream().anyMatch(t -> t.state() == TrialState.COMPLETE
        && !t.values().isEmpty() && Double.isFinite(t.values().get(0)));
    if (!anyUsable || x == null || y == null) {
      return new Result(null, NO_TRIALS);
    }
    RankPlot plot;
    try {
      plot = RankPlot.of(trials, x, y);
    } catch (IllegalArgumentException e) {
      return new Result(null, "No completed trial has the parameter " + (e.getMessage().contains("'" + x + "'")
          ? x : y) + " yet.");
    }
    if (plot.points().isEmpty()) {
      return new Result(plot, "No completed trial has both " + x + " and " + y + " (conditional parameters).");
    }
    return new Result(plot, "");
  }

  private void show(Result result) {
    plot.set(result.plot());
    message.set(result.message());
  }
}
