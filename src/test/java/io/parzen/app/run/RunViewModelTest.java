package io.parzen.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialPruned;
import io.parzen.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The live run model, fed by real studies on worker threads and drained by its FX timer. */
class RunViewModelTest {

  private RunViewModel vm;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void create() throws Exception {
    FxToolkit.setupFixture(() -> vm = new RunViewModel());
  }

  /** Every tenth trial (3, 13, ...) is pruned and every tenth (7, 17, ...) fails with NaN. */
  private static double objective(io.parzen.trial.Trial trial) throws InterruptedException {
    double x = trial.suggestFloat("x", -10, 10);
    Thread.sleep(2);
    if (trial.number() % 10 == 3) {
      throw new TrialPruned();
    }
    return trial.number() % 10 == 7 ? Double.NaN : (x - 2) * (x - 2);
  }

  @Test
  void fiveHundredTrialsFromFourWorkersAreAppliedInFewBatches() throws Exception {
    Study study = Study.create(StudyDirection.MINIMIZE);
    FxToolkit.setupFixture(() -> vm.attach(study, Budget.trials(500)));
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try {
      study.optimizeAsync(((io.parzen.objective.Objective) RunViewModelTest::objective).asMulti(),
          Budget.trials(500), 4, workers).get(60, TimeUnit.SECONDS);
    } finally {
      workers.shutdownNow();
    }
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.finishedInRunProperty().get() == 500);
    FxToolkit.setupFixture(vm::detach);

    assertThat(vm.rows()).hasSize(500);
    assertThat(vm.rows()).extracting(TrialRow::number).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, 500).boxed().toList());
    assertThat(vm.rows()).allSatisfy(row -> assertThat(row.state().isFinished()).isTrue());
    assertThat(vm.completedProperty().get()).isEqualTo(400);
    assertThat(vm.prunedProperty().get()).isEqualTo(50);
    assertThat(vm.failedProperty().get()).isEqualTo(50);
    assertThat(vm.batchCountProperty().get()).isBetween(1, 50);
    assertThat(vm.history().points()).hasSize(400);
    assertThat(vm.bestValueProperty().get()).isEqualTo(study.bestValue());
    assertThat(vm.progressProperty().get()).isEqualTo(1.0);
    assertThat(vm.runningProperty().get()).isFalse();
    assertThat(vm.parameterNames()).containsExactly("x");
  }

  @Test
  void historyListenersGetEachBatchOnceAndAResetOnLoad() throws Exception {
    List<OptimizationHistoryEvents> events = new java.util.ArrayList<>();
    FxToolkit.setupFixture(() -> vm.addHistoryListener(new RunViewModel.HistoryListener() {
      @Override
      public void historyReset(io.parzen.visualization.OptimizationHistory all) {
        events.add(new OptimizationHistoryEvents("reset", all.points().size()));
      }

      @Override
      public void historyAppended(io.parzen.visualization.OptimizationHistory added) {
        events.add(new OptimizationHistoryEvents("append", added.points().size()));
      }
    }));
    Study study = Study.create(StudyDirection.MINIMIZE);
    FxToolkit.setupFixture(() -> vm.attach(study, Budget.trials(20)));
    study.optimize(trial -> trial.suggestFloat("x", -1, 1), Budget.trials(20));
    FxToolkit.setupFixture(vm::detach);

    assertThat(events.get(0)).isEqualTo(new OptimizationHistoryEvents("reset", 0));
    assertThat(events.stream().filter(e -> e.kind().equals("append")).mapToInt(OptimizationHistoryEvents::points)
        .sum()).isEqualTo(20);
  }

  private record OptimizationHistoryEvents(String kind, int points) {}

  @Test
  void loadingAReopenedStudyShowsItsTrialsCountsAndBest() throws Exception {
    List<FrozenTrial> trials = List.of(trial(0, TrialState.COMPLETE, 4.0), trial(1, TrialState.PRUNED, 9.0),
        trial(2, TrialState.FAIL, null), trial(3, TrialState.COMPLETE, 1.5));
    FxToolkit.setupFixture(() -> vm.load(trials, StudyDirection.MINIMIZE));

    assertThat(vm.rows()).extracting(TrialRow::number).containsExactly(0, 1, 2, 3);
    assertThat(vm.completedProperty().get()).isEqualTo(2);
    assertThat(vm.prunedProperty().get()).isEqualTo(1);
    assertThat(vm.failedProperty().get()).isEqualTo(1);
    assertThat(vm.bestValueProperty().get()).isEqualTo(1.5);
    assertThat(vm.summaryProperty().get()).isEqualTo("4 trials: 2 complete, 1 pruned, 1 failed, best 1.50000");
    assertThat(vm.parameterNames()).containsExactly("lr");
  }

  @Test
  void theStateFilterKeepsOnlyRowsInThatState() throws Exception {
    List<FrozenTrial> trials = List.of(trial(0, TrialState.COMPLETE, 4.0), trial(1, TrialState.FAIL, null),
        trial(2, TrialState.COMPLETE, 2.0));
    FxToolkit.setupFixture(() -> {
      vm.load(trials, StudyDirection.MAXIMIZE);
      vm.stateFilterProperty().set(TrialState.COMPLETE);
    });
    assertThat(vm.filteredRows()).extracting(TrialRow::number).containsExactly(0, 2);
    assertThat(vm.bestValueProperty().get()).isEqualTo(4.0);
    FxToolkit.setupFixture(() -> vm.stateFilterProperty().set(null));
    assertThat(vm.filteredRows()).hasSize(3);
  }

  @Test
  void durationsReadAsSecondsMinutesOrHours() {
    assertThat(RunViewModel.durationText(java.time.Duration.ofMillis(4_200))).isEqualTo("4.2 s");
    assertThat(RunViewModel.durationText(java.time.Duration.ofSeconds(185))).isEqualTo("3 min 05 s");
    assertThat(RunViewModel.durationText(java.time.Duration.ofMinutes(62))).isEqualTo("1 h 02 min");
  }

  @Test
  void trialsListenersHearRunningTrialsUntilTheyFinishAndAreToldOfThemWhenAdded() throws Exception {
    List<String> events = new java.util.ArrayList<>();
    RunViewModel.TrialsListener listener = new RunViewModel.TrialsListener() {
      @Override
      public void trialsReset(List<FrozenTrial> finished, io.parzen.space.SearchSpace space) {
        events.add("reset " + finished.stream().map(FrozenTrial::number).toList());
      }

      @Override
      public void trialsFinished(List<FrozenTrial> batch) {
        events.add("finished " + batch.stream().map(FrozenTrial::number).toList());
      }

      @Override
      public void trialsStarted(List<FrozenTrial> running) {
        events.add("running " + running.stream().map(FrozenTrial::number).toList());
      }
    };
    FxToolkit.setupFixture(() -> {
      vm.load(List.of(trial(0, TrialState.COMPLETE, 1.0), trial(1, TrialState.RUNNING, null)), StudyDirection.MINIMIZE);
      vm.addTrialsListener(listener);
      vm.enqueue(List.of(trial(2, TrialState.RUNNING, null), trial(1, TrialState.COMPLETE, 2.0)));
      vm.drain();
      vm.enqueue(List.of(trial(3, TrialState.RUNNING, null), trial(3, TrialState.FAIL, null),
          trial(1, TrialState.RUNNING, null)));
      vm.drain();
    });
    assertThat(events).containsExactly("reset [0]", "running [1]", "finished [1]", "running [2]", "finished [3]");
  }

  private static FrozenTrial trial(int number, TrialState state, Double value) {
    Instant start = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(number);
    return new FrozenTrial(number + 10, number, state, value == null ? List.of() : List.of(value), start,
        start.plusMillis(500), Map.of("lr", 0.01 * (number + 1)), Map.of(), Map.of(), Map.of(), new TreeMap<>());
  }
}
