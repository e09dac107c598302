package io.parzen.app.analysis;

import static io.parzen.app.analysis.AnalysisFixtures.T0;
import static io.parzen.app.analysis.AnalysisFixtures.running;
import static io.parzen.app.analysis.AnalysisFixtures.xDominates;
import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.RunViewModel;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.TimelinePlot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The timeline panel's model, fed through a RunViewModel with a clock the test moves. */
class TimelineViewModelTest {

  private Instant now = T0.plusSeconds(30);
  private RunViewModel runs;
  private TimelineViewModel vm;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void create() throws Exception {
    Clock clock = new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
    FxToolkit.setupFixture(() -> {
      runs = new RunViewModel();
      vm = new TimelineViewModel(runs, new ChartExporter(new AnalysisFixtures.Dialogs()), clock);
    });
  }

  private void fx(Runnable r) throws Exception {
    FxToolkit.setupFixture(r);
  }

  @Test
  void aLoadedStudyHasABarPerTrialAndItsRunningTrialsReachNow() throws Exception {
    List<FrozenTrial> trials = new ArrayList<>(xDominates(0, 20, 1, 1));
    trials.add(running(20, T0.plusSeconds(20)));
    fx(() -> runs.load(trials, StudyDirection.MINIMIZE));
    TimelinePlot plot = vm.plotProperty().get();
    assertThat(plot.bars()).hasSize(21);
    assertThat(plot.bar(20).orElseThrow().end()).isEqualTo(now);
    assertThat(plot.bar(3).orElseThrow().duration()).isEqualTo(Duration.ofMillis(800));
    assertThat(plot.bar(6).orElseThrow().state()).isEqualTo(TrialState.PRUNED);
    assertThat(plot.bar(10).orElseThrow().state()).isEqualTo(TrialState.FAIL);
    assertThat(vm.summaryProperty().get())
        .isEqualTo("21 trials · 1 running · 17 complete · 2 pruned · 1 failed · over 30.0 s");
  }

  @Test
  void runningBarsGrowWithTimeAndBecomeFinishedBarsWhenTheirTrialsEnd() throws Exception {
    fx(() -> runs.load(xDominates(0, 5, 2, 1), StudyDirection.MINIMIZE));
    fx(() -> {
      runs.enqueue(List.of(running(5, T0.plusSeconds(5)), running(6, T0.plusSeconds(6))));
      runs.drain();
    });
    assertThat(vm.plotProperty().get().bar(5).orElseThrow().end()).isEqualTo(now);
    now = now.plusSeconds(2);
    fx(vm::refresh);
    assertThat(vm.plotProperty().get().bar(5).orElseThrow().duration()).isEqualTo(Duration.ofSeconds(27));

    fx(() -> {
      runs.enqueue(xDominates(5, 1, 3, 1));
      runs.drain();
    });
    TimelinePlot plot = vm.plotProperty().get();
    assertThat(plot.bar(5).orElseThrow().state()).isEqualTo(TrialState.COMPLETE);
    assertThat(plot.bar(5).orElseThrow().end()).isEqualTo(T0.plusMillis(5800));
    assertThat(plot.bar(6).orElseThrow().running()).isTrue();
  }

  @Test
  void whileHiddenTheTimelineStaysAsItWasAndShowingItCatchesUp() throws Exception {
    fx(() -> runs.load(xDominates(0, 5, 4, 1), StudyDirection.MINIMIZE));
    fx(() -> vm.setActive(false));
    fx(() -> {
      runs.enqueue(xDominates(5, 3, 5, 1));
      runs.enqueue(List.of(running(8, T0.plusSeconds(8))));
      runs.drain();
    });
    assertThat(vm.plotProperty().get().bars()).hasSize(5);
    fx(() -> vm.setActive(true));
    assertThat(vm.plotProperty().get().bars()).hasSize(9);
    assertThat(vm.plotProperty().get().bar(8).orElseThrow().running()).isTrue();
  }

  @Test
  void theTooltipTellsNumberStateDurationAndWhenItRan() throws Exception {
    fx(() -> runs.load(List.of(xDominates(0, 1, 6, 1).get(0), running(1, T0.plusSeconds(25))),
        StudyDirection.MINIMIZE));
    TimelinePlot plot = vm.plotProperty().get();
    assertThat(vm.describe(plot.bar(0).orElseThrow()))
        .isEqualTo("Trial 0 · COMPLETE · 0.8 s\n12:00:00.000 – 12:00:00.800");
    assertThat(vm.describe(plot.bar(1).orElseThrow()))
        .isEqualTo("Trial 1 · RUNNING · 5.0 s so far\n12:00:25.000 – now");
  }

  @Test
  void aTrialLeftRunningByAnOldRunSaysItNeverFinished() throws Exception {
    now = T0.plus(Duration.ofDays(3));
    fx(() -> runs.load(List.of(xDominates(0, 1, 8, 1).get(0), running(1, T0.plusSeconds(1))),
        StudyDirection.MINIMIZE));
    TimelinePlot.Bar bar = vm.plotProperty().get().bar(1).orElseThrow();
    assertThat(vm.describe(bar)).isEqualTo("Trial 1 · RUNNING · never finished (left over from an earlier run?)\n"
        + "12:00:01.000");
  }

  @Test
  void selectingABarSelectsTheTrialEverywhere() throws Exception {
    fx(() -> runs.load(xDominates(0, 5, 7, 1), StudyDirection.MINIMIZE));
    fx(() -> vm.select(3));
    assertThat(runs.selectedTrialProperty().get()).isEqualTo(3);
    assertThat(vm.selectedTrialProperty().get()).isEqualTo(3);
  }
}
