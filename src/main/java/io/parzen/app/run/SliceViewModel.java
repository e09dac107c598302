package io.parzen.app.run;

import io.parzen.space.SearchSpace;
import io.parzen.trial.FrozenTrial;
import io.parzen.visualization.ColorScale;
import io.parzen.visualization.SlicePlot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import org.jfree.chart.JFreeChart;

/**
 * The slice plot panel: the {@link SlicePlot} of the trials of a {@link RunViewModel}, grown batch
 * by batch, which parameters are shown and whether objective values are on a log axis. FX thread
 * only.
 */
public final class SliceViewModel {

  /** Hears the slice plot grow; called on the FX thread. */
  public interface SliceListener {

    /** The trials were replaced: draw {@code all} anew. */
    void slicesReset(SlicePlot all);

    /** A batch added {@code added} (only its points; categories and trial numbers so far). */
    void slicesAppended(SlicePlot added);
  }

  private final RunViewModel runs;
  private final ChartExporter exporter;
  private final ObservableList<String> parameters = FXCollections.observableArrayList();
  private final ObservableSet<String> hidden = FXCollections.observableSet();
  private final ObservableList<String> shownParameters = FXCollections.observableArrayList();
  /** Held here: a wrapper made per call would be collected with the listeners added to it. */
  private final ObservableList<String> readOnlyShown = FXCollections.unmodifiableObservableList(shownParameters);
  private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
  private final List<SliceListener> listeners = new CopyOnWriteArrayList<>();
  private SlicePlot.Builder builder = new SlicePlot.Builder();

  /** Holds the trials back while the plot is hidden. */
  private DeferredTrials deferred;

  public SliceViewModel(RunViewModel runs, ChartExporter exporter) {
    this.runs = runs;
    this.exporter = exporter;
    hidden.addListener((SetChangeListener<String>) c -> updateShown());
    deferred = new DeferredTrials(new RunViewModel.TrialsListener() {
      @Override
      public void trialsReset(List<FrozenTrial> finished, SearchSpace space) {
        builder = new SlicePlot.Builder().append(finished);
        SlicePlot all = builder.build();
        parameters.setAll(all.slices().stream().map(SlicePlot.Slice::parameter).toList());
        updateShown();
        listeners.forEach(l -> l.slicesReset(all));
      }

      @Override
      public void trialsFinished(List<FrozenTrial> batch) {
        builder.append(batch);
        SlicePlot added = builder.lastAdded();
        for (SlicePlot.Slice s : added.slices()) {
          if (!parameters.contains(s.parameter())) {
            parameters.add(s.parameter());
            updateShown();
          }
        }
        listeners.forEach(l -> l.slicesAppended(added));
      }
    });
    runs.addTrialsListener(deferred);
  }

  /** Every parameter with a slice, in the order first seen. */
  public ObservableList<String> parameters() {
    return parameters;
  }

  /** The parameters the user chose to show: all but the hidden ones, in the same order (read-only). */
  public ObservableList<String> shownParameters() {
    return readOnlyShown;
  }

  /** Whether {@code parameter}'s slice is shown. */
  public boolean isShown(String parameter) {
    return !hidden.contains(parameter);
  }

  /** Shows or hides {@code parameter}'s slice. */
  public void setShown(String parameter, boolean shown) {
    if (shown) {
      hidden.remove(parameter);
    } else {
      hidden.add(parameter);
    }
  }

  /** Shows every parameter's slice. */
  public void showAll() {
    hidden.clear();
  }

  /** Whether objective values are drawn on a logarithmic axis. */
  public BooleanProperty logScaleProperty() {
    return logScale;
  }

  /** The trial highlighted in every plot (shared with the table). */
  public ObjectProperty<Integer> selectedTrialProperty() {
    return runs.selectedTrialProperty();
  }

  /** Tooltip text of trial {@code number}. */
  public String describe(int number) {
    return runs.describe(number);
  }

  /** The whole slice plot so far. */
  public SlicePlot plot() {
    return builder.build();
  }

  /** The colour ({@code 0xRRGGBB}) of trial {@code number} among the trials so far. */
  public int colorOf(int number) {
    return ColorScale.blues(ColorScale.trialFraction(number, builder.firstNumber(), builder.lastNumber()));
  }

  /** Adds {@code l} and at once resets it with the plot so far. */
  public void addListener(SliceListener l) {
    listeners.add(l);
    l.slicesReset(plot());
  }

  /** Exports {@code charts} (those shown), two to a row. */
  public void export(List<JFreeChart> charts) {
    exporter.export("slice-plot", charts, 2);
  }

  private void updateShown() {
    List<String> shown = parameters.stream().filter(p -> !hidden.contains(p)).toList();
    if (!shown.equals(shownParameters)) {
      shownParameters.setAll(shown);
    }
  }

  /**
   * Whether the plot is shown; the view sets it. While hidden, finished trials are kept, not
   * plotted; showing the plot again plots them at once.
   */
  public void setActive(boolean active) {
    deferred.setActive(active);
  }
}
