package io.parzen.app.analysis;

import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.DeferredTrials;
import io.parzen.app.run.RunViewModel;
import io.parzen.space.SearchSpace;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.Edf;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.jfree.chart.JFreeChart;

/**
 * The EDF panel for the study shown: the {@link Edf} of its COMPLETE trials (the fraction with a
 * value at most x), grown with every batch of finished trials while the panel is shown, and the
 * value of the trial selected in the table, to mark where it stands. The values are kept sorted,
 * so a batch costs a merge and 100 binary searches (well under a millisecond at 10,000 trials)
 * and runs on the FX thread. FX thread only.
 */
public final class EdfViewModel {

  /** The name of the study's line. */
  static final String LINE = "This study";

  private final RunViewModel runs;
  private final ChartExporter exporter;
  private final ReadOnlyObjectWrapper<Edf> edf = new ReadOnlyObjectWrapper<>(this, "edf", Edf.of(List.of()));
  private final ReadOnlyObjectWrapper<Double> selectedValue = new ReadOnlyObjectWrapper<>(this, "selectedValue");
  private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
  private Edf.Builder builder = new Edf.Builder(LINE);
  private final DeferredTrials deferred;

  public EdfViewModel(RunViewModel runs, ChartExporter exporter) {
    this.runs = runs;
    this.exporter = exporter;
    deferred = new DeferredTrials(new RunViewModel.TrialsListener() {
      @Override
      public void trialsReset(List<FrozenTrial> finished, SearchSpace space) {
        builder = new Edf.Builder(LINE).append(finished);
        recompute();
      }

      @Override
      public void trialsFinished(List<FrozenTrial> batch) {
        int before = builder.count();
        if (builder.append(batch).count() > before) {
          recompute();
        }
      }
    });
    runs.addTrialsListener(deferred);
    runs.selectedTrialProperty().addListener((obs, old, number) -> updateSelected());
  }

  /** The EDF of the study's COMPLETE trials so far (empty before one completes). */
  public ReadOnlyObjectProperty<Edf> edfProperty() {
    return edf.getReadOnlyProperty();
  }

  /** The value of the trial selected in the table, when it is COMPLETE; else {@code null}. */
  public ReadOnlyObjectProperty<Double> selectedValueProperty() {
    return selectedValue.getReadOnlyProperty();
  }

  /** Whether objective values are on a logarithmic axis. */
  public BooleanProperty logScaleProperty() {
    return logScale;
  }

  /** The trial highlighted in every plot (shared with the table). */
  public ObjectProperty<Integer> selectedTrialProperty() {
    return runs.selectedTrialProperty();
  }

  /** Exports {@code chart} as PNG or SVG. */
  public void export(JFreeChart chart) {
    if (edf.get().isEmpty()) {
      exporter.export("edf", List.of(), 1);  // says there is nothing to export
    } else {
      exporter.export("edf", List.of(chart), 1);
    }
  }

  /**
   * Whether the panel is shown; the view sets it. While hidden, finished trials are kept, not
   * computed; showing the panel again computes them at once.
   */
  public void setActive(boolean active) {
    deferred.setActive(active);
    if (active) {
      updateSelected();
    }
  }

  private void recompute() {
    edf.set(builder.build());
    updateSelected();
  }

  private void updateSelected() {
    Integer number = runs.selectedTrialProperty().get();
    FrozenTrial trial = number == null ? null : runs.trial(number);
    selectedValue.set(trial != null && trial.state() == TrialState.COMPLETE && !trial.values().isEmpty()
        ? trial.values().get(0) : null);
  }
}
