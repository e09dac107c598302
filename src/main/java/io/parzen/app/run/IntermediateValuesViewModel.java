package io.parzen.app.run;

import io.parzen.space.SearchSpace;
import io.parzen.trial.FrozenTrial;
import io.parzen.visualization.IntermediateValues;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.jfree.chart.JFreeChart;

/**
 * The intermediate-values panel (Optuna's {@code plot_intermediate_values}): the values each
 * finished trial reported step by step, from the trials of a {@link RunViewModel}, the latest
 * {@link IntermediateValues#DEFAULT_CAP} trials only. FX thread only.
 */
public final class IntermediateValuesViewModel {

  /** Hears the curves change; called on the FX thread. */
  public interface CurvesListener {

    /** The trials were replaced: draw {@code all} anew. */
    void curvesReset(IntermediateValues all);

    /** A batch added {@code added} and pushed the curves of trials {@code removed} out of the cap. */
    void curvesChanged(List<IntermediateValues.Curve> added, List<Integer> removed);
  }

  private final RunViewModel runs;
  private final ChartExporter exporter;
  private final int cap;
  private final List<CurvesListener> listeners = new CopyOnWriteArrayList<>();
  private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private IntermediateValues.Builder builder;

  public IntermediateValuesViewModel(RunViewModel runs, ChartExporter exporter) {
    this(runs, exporter, IntermediateValues.DEFAULT_CAP);
  }

  /** A model showing at most {@code cap} curves. */
  public IntermediateValuesViewModel(RunViewModel runs, ChartExporter exporter, int cap) {
    this.runs = runs;
    this.exporter = exporter;
    this.cap = cap;
    this.builder = new IntermediateValues.Builder(cap);
    runs.addTrialsListener(new RunViewModel.TrialsListener() {
      @Override
      public void trialsReset(List<FrozenTrial> finished, SearchSpace space) {
        builder = new IntermediateValues.Builder(cap).append(finished);
        IntermediateValues all = builder.build();
        updateSummary(all);
        listeners.forEach(l -> l.curvesReset(all));
      }

      @Override
      public void trialsFinished(List<FrozenTrial> batch) {
        builder.append(batch);
        if (builder.lastAdded().isEmpty() && builder.lastRemoved().isEmpty()) {
          return;
        }
        updateSummary(builder.build());
        List<IntermediateValues.Curve> added = builder.lastAdded();
        List<Integer> removed = builder.lastRemoved();
        listeners.forEach(l -> l.curvesChanged(added, removed));
      }
    });
  }

  /** The curves shown now. */
  public IntermediateValues values() {
    return builder.build();
  }

  /** "12 trials reported values" or "The latest 200 of 1,234 trials that reported values". */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** Whether values are drawn on a logarithmic axis. */
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

  /** Adds {@code l} and at once resets it with the curves so far. */
  public void addListener(CurvesListener l) {
    listeners.add(l);
    l.curvesReset(values());
  }

  public void export(List<JFreeChart> charts) {
    exporter.export("intermediate-values", charts, 1);
  }

  private void updateSummary(IntermediateValues all) {
    long pruned = all.curves().stream().filter(IntermediateValues.Curve::pruned).count();
    if (all.trialsWithValues() == 0) {
      summary.set("");
    } else if (all.isCapped()) {
      summary.set(String.format(Locale.ROOT, "The latest %,d of %,d trials that reported values (%d of them pruned)",
          all.curves().size(), all.trialsWithValues(), pruned));
    } else {
      summary.set(String.format(Locale.ROOT, "%,d trials reported values, %d of them pruned", all.trialsWithValues(),
          pruned));
    }
  }
}
