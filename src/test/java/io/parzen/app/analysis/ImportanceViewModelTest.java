package io.parzen.app.analysis;

import static io.parzen.app.analysis.AnalysisFixtures.xDominates;
import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.RunViewModel;
import io.parzen.importance.ParamImportances.Method;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.ImportancePlot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The importance panel's model: what it computes, when, and what it drops. */
class ImportanceViewModelTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(100 * SECOND);
  private RunViewModel runs;
  private ImportanceViewModel vm;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  private void create(BackgroundExecutor executor) throws Exception {
    FxToolkit.setupFixture(() -> {
      runs = new RunViewModel();
      vm = new ImportanceViewModel(runs, new ChartExporter(new AnalysisFixtures.Dialogs()), executor, now::get);
    });
  }

  /** Applies {@code batch} as the run's drain would. */
  private void finish(List<FrozenTrial> batch) throws Exception {
    FxToolkit.setupFixture(() -> {
      runs.enqueue(batch);
      runs.drain();
    });
  }

  private void fx(Runnable r) throws Exception {
    FxToolkit.setupFixture(r);
  }

  @Test
  void aLoadedStudyIsRankedAtOnceWithTheDominatingParameterFirstAndSaysFromHowManyTrials() throws Exception {
    create(BackgroundExecutor.direct());
    List<FrozenTrial> trials = xDominates(0, 120, 1, 1);
    fx(() -> runs.load(trials, StudyDirection.MINIMIZE));
    ImportancePlot plot = vm.plotProperty().get();
    int complete = (int) trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
    assertThat(plot.method()).isEqualTo(Method.FANOVA);
    assertThat(plot.bars().get(0).parameter()).isEqualTo("x");
    assertThat(vm.noteProperty().get()).startsWith("fANOVA · computed from " + complete + " trials");
    assertThat(vm.messageProperty().get()).isEmpty();
    assertThat(vm.computingProperty().get()).isFalse();
    assertThat(vm.describe(plot.bars().get(0))).matches("x \\(float\\): 0\\.\\d{3} ± 0\\.\\d{2}");
  }

  @Test
  void aMaximisedStudyIsRankedLikeTheMinimisedOneOfTheNegatedValues() throws Exception {
    create(BackgroundExecutor.direct());
    fx(() -> runs.load(xDominates(0, 120, 2, 1), StudyDirection.MINIMIZE));
    List<String> minimised = vm.plotProperty().get().bars().stream().map(ImportancePlot.Bar::parameter).toList();
    fx(() -> runs.load(xDominates(0, 120, 2, -1), StudyDirection.MAXIMIZE));
    assertThat(vm.plotProperty().get().bars()).extracting(ImportancePlot.Bar::parameter)
        .containsExactlyElementsOf(minimised).first().isEqualTo("x");
  }

  @Test
  void newCompletedTrialsAreComputedAtMostEveryTwoSecondsAndOnlyWhenTheyAreComplete() throws Exception {
    create(BackgroundExecutor.direct());
    fx(() -> runs.load(xDominates(0, 30, 3, 1), StudyDirection.MINIMIZE));
    assertThat(vm.computationsProperty().get()).isEqualTo(1);

    finish(xDominates(30, 5, 4, 1));
    assertThat(vm.computationsProperty().get()).as("within 2 s of the last").isEqualTo(1);
    now.addAndGet(SECOND);
    finish(xDominates(35, 5, 5, 1));
    fx(vm::tick);
    assertThat(vm.computationsProperty().get()).isEqualTo(1);
    now.addAndGet(SECOND);
    fx(vm::tick);
    assertThat(vm.computationsProperty().get()).as("2 s after the last, one for both batches").isEqualTo(2);
    assertThat(vm.plotProperty().get().trialsUsed()).isEqualTo(ImportancePlot.usableCount(xDominates(0, 40, 0, 1)));

    now.addAndGet(10 * SECOND);
    finish(List.of(AnalysisFixtures.trial(40, TrialState.FAIL, List.of(), java.util.Map.of("x", 1.0),
        AnalysisFixtures.T0, AnalysisFixtures.T0)));
    fx(vm::tick);
    assertThat(vm.computationsProperty().get()).as("no new completed trial").isEqualTo(2);
  }

  @Test
  void choosingTheOtherEvaluatorRecomputesAtOnce() throws Exception {
    create(BackgroundExecutor.direct());
    fx(() -> runs.load(xDominates(0, 80, 6, 1), StudyDirection.MINIMIZE));
    fx(() -> vm.methodProperty().set(Method.PED_ANOVA));
    assertThat(vm.computationsProperty().get()).isEqualTo(2);
    assertThat(vm.plotProperty().get().method()).isEqualTo(Method.PED_ANOVA);
    assertThat(vm.noteProperty().get()).startsWith("PED-ANOVA · computed from");
    assertThat(vm.plotProperty().get().bars().get(0).parameter()).isEqualTo("x");
  }

  @Test
  void atMostOneComputationIsInFlightAndAResultForReplacedTrialsIsDropped() throws Exception {
    HeldExecutor held = new HeldExecutor();
    create(held);
    fx(() -> runs.load(xDominates(0, 30, 7, 1), StudyDirection.MINIMIZE));
    assertThat(held.pending).hasSize(1);
    assertThat(vm.computingProperty().get()).isTrue();
    now.addAndGet(5 * SECOND);
    finish(xDominates(30, 10, 8, 1));
    fx(vm::tick);
    assertThat(held.pending).as("one in flight").hasSize(1);

    fx(() -> runs.load(xDominates(0, 3, 9, 1), StudyDirection.MINIMIZE));  // another study replaces the trials
    fx(held::completeOne);
    assertThat(vm.plotProperty().get()).as("the old study's result is dropped").isNull();
    assertThat(held.pending).as("the new study's computation starts when the old one ends").hasSize(1);
    fx(held::completeOne);
    assertThat(vm.plotProperty().get().trialsUsed()).isEqualTo(3);
    assertThat(vm.computationsProperty().get()).isEqualTo(2);
  }

  @Test
  void aComputationThatTookLongSpacesTheNextOnesOutToThreeTimesItsDuration() throws Exception {
    HeldExecutor held = new HeldExecutor();
    create(held);
    fx(() -> runs.load(xDominates(0, 30, 10, 1), StudyDirection.MINIMIZE));
    now.addAndGet(4 * SECOND);
    fx(held::completeOne);  // took 4 s: the next waits 12 s from its start
    finish(xDominates(30, 10, 11, 1));
    now.addAndGet(7 * SECOND);
    fx(vm::tick);
    assertThat(held.pending).isEmpty();
    now.addAndGet(SECOND);
    fx(vm::tick);
    assertThat(held.pending).hasSize(1);
  }

  @Test
  void whileHiddenNothingIsComputedAndShowingThePanelCatchesUp() throws Exception {
    create(BackgroundExecutor.direct());
    fx(() -> vm.setActive(false));
    fx(() -> runs.load(xDominates(0, 40, 12, 1), StudyDirection.MINIMIZE));
    finish(xDominates(40, 10, 13, 1));
    assertThat(vm.computationsProperty().get()).isZero();
    fx(() -> vm.setActive(true));
    assertThat(vm.computationsProperty().get()).isEqualTo(1);
    assertThat(vm.plotProperty().get().trialsUsed()).isEqualTo(ImportancePlot.usableCount(xDominates(0, 50, 0, 1)));
  }

  @Test
  void tooFewTrialsGiveAMessageAndNoBars() throws Exception {
    create(BackgroundExecutor.direct());
    fx(() -> runs.load(xDominates(0, 1, 14, 1), StudyDirection.MINIMIZE));
    assertThat(vm.plotProperty().get().bars()).isEmpty();
    assertThat(vm.messageProperty().get()).contains("at least 2 completed trials").contains("1 so far");
    assertThat(vm.noteProperty().get()).isEmpty();
  }

  @Test
  void anEvaluatorErrorIsShownAsTheMessage() throws Exception {
    create(new BackgroundExecutor() {
      @Override
      public <T> CompletableFuture<T> submit(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        onError.accept(new IllegalArgumentException("trial 3 has 0 objective value(s)"));
        return CompletableFuture.failedFuture(new IllegalStateException());
      }

      @Override
      public java.util.concurrent.Executor executor() {
        return Runnable::run;
      }
    });
    fx(() -> runs.load(xDominates(0, 10, 15, 1), StudyDirection.MINIMIZE));
    assertThat(vm.messageProperty().get()).isEqualTo("Importances could not be computed: trial 3 has 0 objective value(s)");
    assertThat(vm.plotProperty().get()).isNull();
  }

  /** Holds submitted work until the test completes it. */
  private static final class HeldExecutor implements BackgroundExecutor {
    final List<Runnable> pending = new ArrayList<>();

    @Override
    public <T> CompletableFuture<T> submit(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
      pending.add(() -> onDone.accept(work.get()));
      return new CompletableFuture<>();
    }

    @Override
    public java.util.concurrent.Executor executor() {
      return Runnable::run;
    }

    void completeOne() {
      pending.remove(0).run();
    }
  }
}
