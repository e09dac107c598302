package io.parzen.app.analysis;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.RunViewModel;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.visualization.ParallelCoordinates;
import io.parzen.visualization.ParallelCoordinates.Brush;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.jfree.chart.JFreeChart;

/**
 * The parallel coordinate panel: the {@link ParallelCoordinates} of the trials, recomputed on the
 * {@link BackgroundExecutor} as trials arrive (one computation at a time, the latest winning), and
 * the brushes: a range per axis, by the axis's label, that trials must lie in to stay coloured.
 * Brushes stay while trials arrive; a brush on an axis that disappears (another study) is dropped.
 * FX thread only.
 */
public final class ParallelCoordinatesViewModel {

  /** The label of the objective's axis. */
  public static final String OBJECTIVE = "Objective value";

  static final String NO_TRIALS = "No completed trials yet. Each trial becomes a line across one axis per "
      + "parameter and the objective; drag along an axis to keep only the trials in that range.";

  private final RunViewModel runs;
  private final ChartExporter exporter;
  private final ReadOnlyObjectWrapper<ParallelCoordinates> plot = new ReadOnlyObjectWrapper<>(this, "plot");
  private final ObservableMap<String, Brush> brushes = FXCollections.observableHashMap();
  private final ObservableMap<String, Brush> readOnlyBrushes = FXCollections.unmodifiableObservableMap(brushes);
  private final ReadOnlyObjectWrapper<BitSet> passing = new ReadOnlyObjectWrapper<>(this, "passing", new BitSet());
  private final ReadOnlyIntegerWrapper passingCount = new ReadOnlyIntegerWrapper(this, "passingCount");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", NO_TRIALS);
  private final BooleanProperty logObjective = new SimpleBooleanProperty(this, "logObjective", false);
  private final LatestComputation<ParallelCoordinates> computation;
  private final AnalysisTrials trials;

  public ParallelCoordinatesViewModel(RunViewModel runs, ChartExporter exporter, BackgroundExecutor executor) {
    this.runs = runs;
    this.exporter = exporter;
    this.computation = new LatestComputation<>(executor, this::show, error -> {
      plot.set(null);
      message.set("Cannot draw the parallel coordinates: " + error.getMessage());
    });
    this.trials = new AnalysisTrials(this::recompute);
    logObjective.addListener((obs, old, now) -> recompute());
    trials.listenTo(runs);
  }

  /** The plot shown, or {@code null} before the first trial. */
  public ReadOnlyObjectProperty<ParallelCoordinates> plotProperty() {
    return plot.getReadOnlyProperty();
  }

  /** The brushes, by axis label (read-only; see {@link #brush}). */
  public ObservableMap<String, Brush> brushes() {
    return readOnlyBrushes;
  }

  /** Which lines of the plot (indices into its lines) pass every brush; a new set on every change. */
  public ReadOnlyObjectProperty<BitSet> passingProperty() {
    return passing.getReadOnlyProperty();
  }

  /** How many trials pass every brush. */
  public ReadOnlyIntegerProperty passingCountProperty() {
    return passingCount.getReadOnlyProperty();
  }

  /** "All 120 trials" or "37 of 120 trials in the brushed ranges". */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** Why nothing is drawn; empty when the plot is shown. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Whether the objective's axis is logarithmic (when every value is positive). */
  public BooleanProperty logObjectiveProperty() {
    return logObjective;
  }

  public ReadOnlyBooleanProperty computingProperty() {
    return computation.busyProperty();
  }

  /** The trial highlighted in every plot (shared with the table). */
  public ObjectProperty<Integer> selectedTrialProperty() {
    return runs.selectedTrialProperty();
  }

  public String describe(int number) {
    return runs.describe(number);
  }

  /**
   * Brushes axis {@code dimension} from normalised position {@code from} to {@code to} (either
   * order, clamped to [0, 1]), replacing its brush.
   *
   * @throws IllegalArgumentException when the plot has no axis labelled {@code dimension}
   */
  public void brush(String dimension, double from, double to) {
    indexOf(dimension);
    brushes.put(dimension, Brush.between(from, to));
    updatePassing();
  }

  /** Removes the brush of axis {@code dimension}, if any. */
  public void clearBrush(String dimension) {
    if (brushes.remove(dimension) != null) {
      updatePassing();
    }
  }

  /** Removes every brush. */
  public void clearBrushes() {
    if (!brushes.isEmpty()) {
      brushes.clear();
      updatePassing();
    }
  }

  /** Exports {@code chart} as PNG or SVG. */
  public void export(JFreeChart chart) {
    exporter.export("parallel-coordinates", List.of(chart), 1);
  }

  /**
   * Whether the panel is shown; the view sets it. While hidden, trials are kept and nothing is
   * computed; showing it again computes once.
   */
  public void setActive(boolean active) {
    trials.setActive(active);
  }

  int computedCount() {
    return computation.completedCount();
  }

  private int indexOf(String dimension) {
    ParallelCoordinates p = plot.get();
    if (p != null) {
      for (int d = 0; d < p.dimensions().size(); d++) {
        if (p.dimensions().get(d).label().equals(dimension)) {
          return d;
        }
      }
    }
    throw new IllegalArgumentException("brush: no axis named '" + dimension + "' in the plot");
  }

  private void recompute() {
    List<FrozenTrial> snapshot = trials.snapshot();
    StudyDirection direction = runs.direction();
    boolean log = logObjective.get();
    computation.request(() -> ParallelCoordinates.of(snapshot, direction, OBJECTIVE, log));
  }

  private void show(ParallelCoordinates result) {
    plot.set(result.lines().isEmpty() ? null : result);
    message.set(result.lines().isEmpty() ? NO_TRIALS : "");
    brushes.keySet().removeIf(label -> result.dimensions().stream().noneMatch(d -> d.label().equals(label)));
    updatePassing();
  }

  private void updatePassing() {
    ParallelCoordinates p = plot.get();
    if (p == null) {
      passing.set(new BitSet());
      passingCount.set(0);
      summary.set("");
      return;
    }
    Map<Integer, Brush> byIndex = new HashMap<>();
    brushes.forEach((label, brush) -> byIndex.put(indexOf(label), brush));
    BitSet pass = p.passing(byIndex);
    passing.set(pass);
    passingCount.set(pass.cardinality());
    int total = p.lines().size();
    summary.set(brushes.isEmpty() ? "All " + total + (total == 1 ? " trial" : " trials")
        : pass.cardinality() + " of " + total + " trials in the brushed ranges");
  }
}
