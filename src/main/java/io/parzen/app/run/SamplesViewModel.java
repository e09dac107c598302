package io.parzen.app.run;

import io.parzen.space.SearchSpace;
import io.parzen.trial.FrozenTrial;
import io.parzen.visualization.SampleHistogram;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jfree.chart.JFreeChart;

/**
 * The histogram-of-samples panel: for each parameter, what the sampler drew so far (every
 * finished trial: complete, pruned or failed) against what its prior alone would have drawn, from
 * the trials of a {@link RunViewModel}. The histograms are recounted from the new trials of each
 * batch only. FX thread only.
 */
public final class SamplesViewModel {

  /** Seed of the prior draws, fixed so the expected counts do not flicker between runs. */
  private static final long PRIOR_SEED = 20240101L;

  private final RunViewModel runs;
  private final ChartExporter exporter;
  private final List<Consumer<List<SampleHistogram>>> listeners = new CopyOnWriteArrayList<>();
  private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
  private SampleHistogram.Builder builder;
  private List<SampleHistogram> histograms = List.of();

  /** Holds the trials back while the plot is hidden. */
  private DeferredTrials deferred;

  public SamplesViewModel(RunViewModel runs, ChartExporter exporter) {
    this.runs = runs;
    this.exporter = exporter;
    deferred = new DeferredTrials(new RunViewModel.TrialsListener() {
      @Override
      public void trialsReset(List<FrozenTrial> finished, SearchSpace space) {
        SearchSpace declared = space;
        if (declared == null) {
          declared = SampleHistogram.Builder.spaceOf(finished);
          note.set(declared.isEmpty() ? "" : "Priors are uniform over each parameter's range: the study file keeps"
              + " no prior shapes.");
        } else {
          note.set("");
        }
        builder = new SampleHistogram.Builder(declared, PRIOR_SEED).append(finished);
        publish();
      }

      @Override
      public void trialsFinished(List<FrozenTrial> batch) {
        builder.append(batch);
        publish();
      }
    });
    runs.addTrialsListener(deferred);
  }

  /** Every parameter's histogram so far, in the space's order. */
  public List<SampleHistogram> histograms() {
    return histograms;
  }

  /** A remark on how the priors were found, empty when they are the study's own. */
  public ReadOnlyStringProperty noteProperty() {
    return note.getReadOnlyProperty();
  }

  /** Calls {@code l} with the histograms now and after every batch. */
  public void addListener(Consumer<List<SampleHistogram>> l) {
    listeners.add(l);
    l.accept(histograms);
  }

  /** The trial highlighted in every plot (shared with the table). */
  public ObjectProperty<Integer> selectedTrialProperty() {
    return runs.selectedTrialProperty();
  }

  /** The parameters of the selected trial, empty when none is selected. */
  public Map<String, Object> selectedParams() {
    Integer number = runs.selectedTrialProperty().get();
    Optional<TrialRow> row = number == null ? Optional.empty() : runs.row(number);
    return row.map(TrialRow::params).orElse(Map.of());
  }

  /** Exports {@code charts} (every histogram), two to a row. */
  public void export(List<JFreeChart> charts) {
    exporter.export("samples-histogram", charts, 2);
  }

  private void publish() {
    histograms = builder.build();
    listeners.forEach(l -> l.accept(histograms));
  }

  /**
   * Whether the plot is shown; the view sets it. While hidden, finished trials are kept, not
   * plotted; showing the plot again plots them at once.
   */
  public void setActive(boolean active) {
    deferred.setActive(active);
  }
}
