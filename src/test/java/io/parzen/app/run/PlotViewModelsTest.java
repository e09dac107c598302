package io.parzen.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.IntermediateValues;
import io.parzen.visualization.SampleHistogram;
import io.parzen.visualization.SlicePlot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The plot panels' models, fed batch by batch from a training study with a median pruner. */
class PlotViewModelsTest {

  private static final int TRIALS = 60;

  private RunViewModel runs;
  private SliceViewModel slices;
  private SamplesViewModel samples;
  private IntermediateValuesViewModel curves;
  private final List<String> events = new ArrayList<>();
  private Study study;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void runTheTrainingStudy() throws Exception {
    study = TrainingStudy.create(3);
    QueueDialogs dialogs = new QueueDialogs();
    FxToolkit.setupFixture(() -> {
      runs = new RunViewModel();
      ChartExporter exporter = new ChartExporter(dialogs);
      slices = new SliceViewModel(runs, exporter);
      samples = new SamplesViewModel(runs, exporter);
      curves = new IntermediateValuesViewModel(runs, exporter, 25);
      slices.addListener(new SliceViewModel.SliceListener() {
        @Override
        public void slicesReset(SlicePlot all) {
          events.add("reset " + all.slices().size());
        }

        @Override
        public void slicesAppended(SlicePlot added) {
          events.add("append");
        }
      });
      runs.attach(study, Budget.trials(TRIALS));
    });
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      study.optimizeAsync(TrainingStudy.objective().asMulti(), Budget.trials(TRIALS), 2, workers)
          .get(60, TimeUnit.SECONDS);
    } finally {
      workers.shutdownNow();
    }
    FxToolkit.setupFixture(() -> runs.detach());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void slicesGrowOncePerBatchWithOnePointPerCompleteTrial() {
    long complete = study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count();
    SlicePlot plot = slices.plot();
    assertThat(plot.slices()).extracting(SlicePlot.Slice::parameter)
        .containsExactlyInAnyOrder("lr", "layers", "optimizer", "dropout");
    assertThat(plot.slices()).allSatisfy(s -> assertThat(s.points()).hasSize((int) complete));
    assertThat(plot.slice("lr").orElseThrow().scale()).isEqualTo(SlicePlot.Scale.LOG);
    assertThat(plot.slice("optimizer").orElseThrow().categories()).containsExactly("sgd", "adam", "rmsprop");
    long appends = events.stream().filter("append"::equals).count();
    assertThat(appends).isPositive().isLessThanOrEqualTo(runs.batchCountProperty().get());
    assertThat(slices.shownParameters()).hasSize(4);
    // One list for every caller: a listener added to a throwaway wrapper would be collected with it.
    assertThat(slices.shownParameters()).isSameAs(slices.shownParameters());
    List<String> heard = new ArrayList<>();
    slices.shownParameters().addListener((javafx.collections.ListChangeListener<String>) c -> heard.add("changed"));
    System.gc();
    slices.setShown("dropout", false);
    assertThat(slices.shownParameters()).containsExactly("lr", "layers", "optimizer");
    assertThat(heard).containsExactly("changed");
  }

  @Test
  void everyDrawCountsInTheHistogramsWhateverBecameOfTheTrial() {
    long pruned = study.trials().stream().filter(t -> t.state() == TrialState.PRUNED).count();
    assertThat(pruned).as("the median pruner stopped some trials").isPositive();
    assertThat(samples.histograms()).extracting(SampleHistogram::parameter)
        .containsExactly("lr", "layers", "optimizer", "dropout");
    assertThat(samples.histograms()).allSatisfy(h -> assertThat(h.totalCount()).isEqualTo(TRIALS));
    assertThat(samples.noteProperty().get()).isEmpty();
  }

  @Test
  void intermediateCurvesKeepTheLatestTrialsAndFlagThePrunedOnes() {
    IntermediateValues values = curves.values();
    assertThat(values.trialsWithValues()).isEqualTo(TRIALS);
    assertThat(values.curves()).hasSize(25);
    List<Integer> latest = study.trials().stream().map(FrozenTrial::number).sorted().skip(TRIALS - 25).toList();
    assertThat(values.curves()).extracting(IntermediateValues.Curve::number).containsExactlyElementsOf(latest);
    for (IntermediateValues.Curve c : values.curves()) {
      FrozenTrial t = study.trials().get(c.number());
      assertThat(c.pruned()).isEqualTo(t.state() == TrialState.PRUNED);
      assertThat(c.steps()).hasSize(t.intermediateValues().size());
    }
    assertThat(curves.summaryProperty().get()).startsWith("The latest 25 of 60 trials that reported values");
  }

  @Test
  void aStudyOpenedFromAFileGetsUniformPriorsFromItsDistributions() throws Exception {
    List<FrozenTrial> trials = study.trials();
    FxToolkit.setupFixture(() -> runs.load(trials, study.direction()));
    assertThat(samples.noteProperty().get()).contains("uniform");
    assertThat(samples.histograms()).allSatisfy(h -> assertThat(h.totalCount()).isEqualTo(TRIALS));
    assertThat(events).last().isEqualTo("reset 4");
    assertThat(runs.selectedTrialProperty().get()).isNull();
  }
}
