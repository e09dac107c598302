package io.parzen.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.RunViewModel;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.ContourPlot;
import io.parzen.visualization.ParallelCoordinates;
import io.parzen.visualization.RankPlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The contour, parallel coordinate and rank models fed through a {@link RunViewModel}. */
class AnalysisViewModelsTest {

  private static List<FrozenTrial> minimised;
  private static List<FrozenTrial> maximised;

  @TempDir
  Path dir;

  private final SaveTo dialogs = new SaveTo();
  private RunViewModel runs;
  private ContourViewModel contour;
  private ParallelCoordinatesViewModel parallel;
  private RankViewModel rank;

  @BeforeAll
  static void studies() throws Exception {
    FxToolkit.registerPrimaryStage();
    minimised = run(StudyDirection.MINIMIZE);
    maximised = run(StudyDirection.MAXIMIZE);
  }

  private static List<FrozenTrial> run(StudyDirection direction) {
    Study study = AnalysisStudy.create(3, direction);
    study.optimize(AnalysisStudy.objective(direction == StudyDirection.MAXIMIZE), Budget.trials(60));
    return study.trials();
  }

  private void models(BackgroundExecutor executor) throws Exception {
    FxToolkit.setupFixture(() -> {
      runs = new RunViewModel();
      ChartExporter exporter = new ChartExporter(dialogs);
      contour = new ContourViewModel(runs, exporter, executor);
      parallel = new ParallelCoordinatesViewModel(runs, exporter, executor);
      rank = new RankViewModel(runs, exporter, executor);
    });
  }

  private void load(List<FrozenTrial> trials, StudyDirection direction) throws Exception {
    FxToolkit.setupFixture(() -> runs.load(trials, direction));
  }

  private static long complete(List<FrozenTrial> trials) {
    return trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
  }

  @Test
  void contourStartsOnTheFirstTwoParametersThenTheTwoMostImportantOnce() throws Exception {
    models(BackgroundExecutor.direct());
    assertThat(contour.plotProperty().get()).isNull();
    assertThat(contour.messageProperty().get()).startsWith("No completed trials yet");
    List<FrozenTrial> early = minimised.subList(0, ContourViewModel.RANKED_PAIR_TRIALS - 5);
    load(early, StudyDirection.MINIMIZE);
    assertThat(contour.xParameterProperty().get()).isEqualTo(contour.parameters().get(0));
    assertThat(contour.yParameterProperty().get()).isEqualTo(contour.parameters().get(1));

    FxToolkit.setupFixture(() -> {
      runs.enqueue(minimised.subList(early.size(), minimised.size()));
      runs.drain();
    });
    List<String> ranking = io.parzen.importance.Importance.pedAnova(minimised, StudyDirection.MINIMIZE,
        io.parzen.importance.PedAnovaOptions.defaults()).ranking();
    assertThat(contour.xParameterProperty().get()).isEqualTo(ranking.get(0));
    assertThat(contour.yParameterProperty().get()).isEqualTo(ranking.get(1));
    assertThat(contour.plotProperty().get().x().parameter()).isEqualTo(ranking.get(0));
    assertThat(contour.plotProperty().get().y().parameter()).isEqualTo(ranking.get(1));
  }

  @Test
  void contourKeepsThePairTheUserPicked() throws Exception {
    models(BackgroundExecutor.direct());
    load(minimised.subList(0, 10), StudyDirection.MINIMIZE);
    FxToolkit.setupFixture(() -> {
      contour.xParameterProperty().set("dropout");
      contour.yParameterProperty().set("lr");
    });
    FxToolkit.setupFixture(() -> {
      runs.enqueue(minimised.subList(10, minimised.size()));
      runs.drain();
    });
    assertThat(contour.xParameterProperty().get()).isEqualTo("dropout");
    assertThat(contour.plotProperty().get().x().parameter()).isEqualTo("dropout");
    assertThat(contour.plotProperty().get().y().parameter()).isEqualTo("lr");
  }

  @Test
  void contourFollowsTheChosenPairAndLeavesOutTrialsWithoutAConditionalParameter() throws Exception {
    models(BackgroundExecutor.direct());
    load(minimised, StudyDirection.MINIMIZE);
    assertThat(contour.parameters()).containsExactly("lr", "layers", "units_l1", "optimizer", "dropout");
    FxToolkit.setupFixture(() -> {
      contour.xParameterProperty().set("lr");
      contour.yParameterProperty().set("dropout");
    });
    ContourPlot plot = contour.plotProperty().get();
    assertThat(plot.x().parameter()).isEqualTo("lr");
    assertThat(plot.y().parameter()).isEqualTo("dropout");
    assertThat(plot.points()).hasSize((int) complete(minimised));
    assertThat(plot.grid().isEmpty()).isFalse();
    assertThat(contour.messageProperty().get()).isEmpty();

    FxToolkit.setupFixture(() -> contour.yParameterProperty().set("units_l1"));
    ContourPlot conditional = contour.plotProperty().get();
    long withUnits = minimised.stream().filter(t -> t.state() == TrialState.COMPLETE
        && t.params().containsKey("units_l1")).count();
    assertThat(conditional.y().parameter()).isEqualTo("units_l1");
    assertThat(conditional.points()).hasSize((int) withUnits).hasSizeLessThan((int) complete(minimised));
  }

  @Test
  void oneLoadAsksForOneComputationNotOnePerAxis() throws Exception {
    models(BackgroundExecutor.direct());
    int before = contour.computedCount();
    load(minimised, StudyDirection.MINIMIZE);
    assertThat(contour.computedCount()).isEqualTo(before + 1);
    assertThat(rank.computedCount()).isEqualTo(before + 1);
  }

  @Test
  void aHiddenPanelComputesNothingUntilShownThenOnce() throws Exception {
    models(BackgroundExecutor.direct());
    FxToolkit.setupFixture(() -> {
      contour.setActive(false);
      parallel.setActive(false);
    });
    int contours = contour.computedCount();
    int parallels = parallel.computedCount();
    load(minimised, StudyDirection.MINIMIZE);
    FxToolkit.setupFixture(() -> runs.load(maximised, StudyDirection.MAXIMIZE));
    assertThat(contour.computedCount()).isEqualTo(contours);
    assertThat(parallel.computedCount()).isEqualTo(parallels);
    assertThat(contour.plotProperty().get()).isNull();

    FxToolkit.setupFixture(() -> {
      contour.setActive(true);
      parallel.setActive(true);
    });
    assertThat(contour.computedCount()).isEqualTo(contours + 1);
    assertThat(parallel.computedCount()).isEqualTo(parallels + 1);
    assertThat(contour.plotProperty().get().direction()).isEqualTo(StudyDirection.MAXIMIZE);
  }

  @Test
  void contourSaysWhyWhenAParameterTookOneValueOrThePairIsTheSame() throws Exception {
    models(BackgroundExecutor.direct());
    List<FrozenTrial> few = minimised.stream().filter(t -> t.state() == TrialState.COMPLETE).limit(1).toList();
    load(few, StudyDirection.MINIMIZE);
    assertThat(contour.plotProperty().get().points()).hasSize(1);
    assertThat(contour.messageProperty().get()).contains("single value");
    load(minimised, StudyDirection.MINIMIZE);
    FxToolkit.setupFixture(() -> contour.yParameterProperty().set(contour.xParameterProperty().get()));
    assertThat(contour.messageProperty().get()).contains("two different parameters");
  }

  @Test
  void brushesKeepOnlyTheTrialsInEveryRangeAndSurviveNewTrials() throws Exception {
    models(BackgroundExecutor.direct());
    List<FrozenTrial> first = minimised.subList(0, 40);
    load(first, StudyDirection.MINIMIZE);
    ParallelCoordinates plot = parallel.plotProperty().get();
    assertThat(parallel.summaryProperty().get()).isEqualTo("All " + complete(first) + " trials");
    FxToolkit.setupFixture(() -> parallel.brush(ParallelCoordinatesViewModel.OBJECTIVE, 0.5, 0));
    long lowerHalf = plot.lines().stream().filter(l -> l.position(0) <= 0.5).count();
    assertThat(parallel.passingCountProperty().get()).isEqualTo((int) lowerHalf).isPositive();
    assertThat(parallel.summaryProperty().get()).isEqualTo(lowerHalf + " of " + complete(first)
        + " trials in the brushed ranges");
    FxToolkit.setupFixture(() -> parallel.brush("units_l1", 0, 1));
    long withUnits = plot.lines().stream().filter(l -> l.position(0) <= 0.5 && l.isActive(3)).count();
    assertThat(parallel.passingCountProperty().get()).isEqualTo((int) withUnits);

    // More trials arrive: the brushes stay and apply to them.
    FxToolkit.setupFixture(() -> {
      runs.enqueue(minimised.subList(40, minimised.size()));
      runs.drain();
    });
    ParallelCoordinates all = parallel.plotProperty().get();
    assertThat(all.lines()).hasSize((int) complete(minimised));
    assertThat(parallel.brushes()).containsKeys(ParallelCoordinatesViewModel.OBJECTIVE, "units_l1");
    long now = all.lines().stream().filter(l -> l.position(0) <= 0.5 && l.isActive(3)).count();
    assertThat(parallel.passingCountProperty().get()).isEqualTo((int) now);

    FxToolkit.setupFixture(() -> parallel.clearBrush("units_l1"));
    assertThat(parallel.brushes()).containsOnlyKeys(ParallelCoordinatesViewModel.OBJECTIVE);
    FxToolkit.setupFixture(() -> parallel.clearBrushes());
    assertThat(parallel.passingCountProperty().get()).isEqualTo(all.lines().size());
  }

  @Test
  void brushingAnAxisThePlotLacksIsRefusedByName() throws Exception {
    models(BackgroundExecutor.direct());
    load(minimised, StudyDirection.MINIMIZE);
    assertThatThrownBy(() -> parallel.brush("momentum", 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'momentum'");
  }

  @Test
  void maximisedStudiesDrawTheHighestValuesDarkestAndOnTop() throws Exception {
    models(BackgroundExecutor.direct());
    load(maximised, StudyDirection.MAXIMIZE);
    ParallelCoordinates plot = parallel.plotProperty().get();
    assertThat(plot.direction()).isEqualTo(StudyDirection.MAXIMIZE);
    ParallelCoordinates.Line last = plot.lines().get(plot.lines().size() - 1);
    assertThat(last.value()).isEqualTo(plot.maxValue());
    assertThat(plot.colorFraction(last.value())).isEqualTo(1.0);
    FxToolkit.setupFixture(() -> parallel.logObjectiveProperty().set(true));
    // Negative values: the objective's axis stays linear.
    assertThat(parallel.plotProperty().get().dimensions().get(0).scale())
        .isEqualTo(io.parzen.visualization.SlicePlot.Scale.LINEAR);
  }

  @Test
  void rankColoursEveryCompleteTrialByTheRankOfItsValue() throws Exception {
    models(BackgroundExecutor.direct());
    load(maximised, StudyDirection.MAXIMIZE);
    RankPlot plot = rank.plotProperty().get();
    assertThat(plot.points()).hasSize((int) complete(maximised));
    RankPlot.Point lowest = plot.points().stream().min((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
    assertThat(lowest.rank()).isZero();
    assertThat(plot.colorTicks()).hasSize(5);
  }

  @Test
  void exportWritesTheChartToTheChosenFile() throws Exception {
    models(BackgroundExecutor.direct());
    load(minimised, StudyDirection.MINIMIZE);
    Path png = dir.resolve("contour.png");
    dialogs.files.add(png);
    FxToolkit.setupFixture(() -> contour.export(new ContourChartHolder().chart(contour)));
    assertThat(dialogs.errors).isEmpty();
    assertThat(dialogs.suggested).containsExactly("contour-plot.png");
    assertThat(Files.size(png)).isGreaterThan(1000);
  }

  @Test
  void aComputationAskedForWhileOneRunsWaitsAndOnlyTheLatestRuns() {
    List<Runnable> pending = new ArrayList<>();
    BackgroundExecutor manual = new BackgroundExecutor() {
      @Override
      public Executor executor() {
        return Runnable::run;
      }

      @Override
      public <T> CompletableFuture<T> submit(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        pending.add(() -> onDone.accept(work.get()));
        return new CompletableFuture<>();
      }
    };
    List<String> shown = new ArrayList<>();
    LatestComputation<String> latest = new LatestComputation<>(manual, shown::add, e -> shown.add("error"));
    latest.request(() -> "first");
    latest.request(() -> "second");
    latest.request(() -> "third");
    assertThat(pending).hasSize(1);
    assertThat(latest.busyProperty().get()).isTrue();
    pending.remove(0).run();
    assertThat(shown).containsExactly("first");
    assertThat(pending).hasSize(1);  // "third" replaced "second" while "first" ran
    pending.remove(0).run();
    assertThat(shown).containsExactly("first", "third");
    assertThat(latest.busyProperty().get()).isFalse();
    assertThat(latest.completedCount()).isEqualTo(2);
  }

  /** Builds the panel's chart from the model's plot, as the view does. */
  private static final class ContourChartHolder {
    org.jfree.chart.JFreeChart chart(ContourViewModel vm) {
      ContourChart chart = new ContourChart(io.parzen.app.ChartTheme.light(), vm::describe);
      chart.show(vm.plotProperty().get(), null);
      return chart.chart();
    }
  }
}
