package io.parzen.app.analysis;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.RunViewModel;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.visualization.HypervolumeHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jfree.chart.JFreeChart;

/**
 * The hypervolume history of a multi-objective study (Optuna's {@code plot_hypervolume_history}):
 * the hypervolume of the Pareto front of the trials up to each COMPLETE trial, against a reference
 * point the user types, or by default Optuna's rule over all trials so far (which moves as
 * trials arrive, so the history is recomputed). Computed on the background executor, the latest
 * request winning; nothing while hidden. FX thread only.
 */
public final class HypervolumeViewModel {

  private final RunViewModel runs;
  private final ChartExporter exporter;
  private final AnalysisTrials trials;
  private final LatestComputation<HypervolumeHistory> computation;
  private final ReadOnlyObjectWrapper<HypervolumeHistory> history = new ReadOnlyObjectWrapper<>(this, "history");
  private final StringProperty reference = new SimpleStringProperty(this, "reference", "");
  private final ReadOnlyStringWrapper referenceError = new ReadOnlyStringWrapper(this, "referenceError", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

  public HypervolumeViewModel(RunViewModel runs, ChartExporter exporter, BackgroundExecutor executor) {
    this.runs = runs;
    this.exporter = exporter;
    this.computation = new LatestComputation<>(executor, this::show,
        error -> message.set("Cannot compute the hypervolume: " + error.getMessage()));
    this.trials = new AnalysisTrials(this::recompute);
    reference.addListener((obs, old, text) -> recompute());
    trials.listenTo(runs);
  }

  /** The history shown, or null before the first computation. */
  public ReadOnlyObjectProperty<HypervolumeHistory> historyProperty() {
    return history.getReadOnlyProperty();
  }

  /**
   * The reference point as typed: one number per objective separated by commas, in the study's
   * units (a lower bound for a maximised objective); empty for Optuna's default rule.
   */
  public StringProperty referenceProperty() {
    return reference;
  }

  /** What is wrong with the typed reference point, or empty. */
  public ReadOnlyStringProperty referenceErrorProperty() {
    return referenceError.getReadOnlyProperty();
  }

  /** Why there is no plot (a single objective, no completed trial), or empty. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** "Hypervolume 0.8123 after 240 trials · reference (1.1, 1.1), Optuna's rule". */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** Trial {@code number}'s tooltip. */
  public String describe(int number) {
    return runs.describe(number);
  }

  /** The trial highlighted everywhere. */
  public javafx.beans.property.ObjectProperty<Integer> selectedTrialProperty() {
    return runs.selectedTrialProperty();
  }

  /** Exports {@code chart}. */
  public void export(JFreeChart chart) {
    exporter.export("hypervolume-history", List.of(chart), 1);
  }

  /** Whether the panel is shown; the view sets it. */
  public void setActive(boolean active) {
    trials.setActive(active);
  }

  private void recompute() {
    List<StudyDirection> directions = runs.directionsProperty().get();
    if (directions.size() < 2) {
      referenceError.set("");
      show(null);
      message.set("The hypervolume needs a study with two or more objectives. Add an objective with + next to the"
          + " direction in the study setup.");
      return;
    }
    List<Double> typed;
    try {
      typed = parseReference(reference.get(), directions.size());
      referenceError.set("");
    } catch (IllegalArgumentException e) {
      referenceError.set(e.getMessage());
      return;
    }
    List<FrozenTrial> snapshot = trials.snapshot();
    computation.request(() -> typed == null ? HypervolumeHistory.of(snapshot, directions)
        : HypervolumeHistory.of(snapshot, directions, typed));
  }

  private void show(HypervolumeHistory h) {
    history.set(h);
    if (h == null) {
      summary.set("");
      return;
    }
    if (h.points().isEmpty()) {
      message.set("No completed trials yet. Each completed trial adds a point: the hypervolume its study's Pareto"
          + " front encloses up to that trial.");
      summary.set("");
      return;
    }
    message.set("");
    List<String> coordinates = new ArrayList<>();
    h.referencePoint().forEach(r -> coordinates.add(String.format(Locale.ROOT, "%.4g", r)));
    summary.set(String.format(Locale.ROOT, "Hypervolume %.6g after %d completed trials · reference (%s)%s", h.last(),
        h.points().size(), String.join(", ", coordinates), reference.get().isBlank() ? ", Optuna's rule" : ""));
  }

  /**
   * The reference point typed as {@code "1.1, 1.1"}, or null when blank.
   *
   * @throws IllegalArgumentException naming the wrong count or value
   */
  static List<Double> parseReference(String text, int objectives) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String[] parts = text.split(",");
    if (parts.length != objectives) {
      throw new IllegalArgumentException("the reference point needs " + objectives + " numbers separated by commas,"
          + " one per objective; \"" + text.trim() + "\" has " + parts.length);
    }
    List<Double> values = new ArrayList<>();
    for (String part : parts) {
      try {
        double v = Double.parseDouble(part.trim());
        if (!Double.isFinite(v)) {
          throw new NumberFormatException();
        }
        values.add(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("\"" + part.trim() + "\" in the reference point is not a finite number", e);
      }
    }
    return values;
  }
}
