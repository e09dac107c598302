package io.parzen.app.analysis;

import static io.parzen.app.analysis.EdfTrials.complete;
import static io.parzen.app.analysis.EdfTrials.trial;
import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.DialogService;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.RunViewModel;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.Edf;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The EDF panel's model fed through a {@link RunViewModel}, on the FX thread. */
class EdfViewModelTest {

  private RunViewModel runs;
  private EdfViewModel vm;
  private final List<String> errors = new ArrayList<>();

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void models() throws Exception {
    FxToolkit.setupFixture(() -> {
      runs = new RunViewModel();
      vm = new EdfViewModel(runs, new ChartExporter(new DialogService() {
        @Override
        public void showError(String title, String message) {
          errors.add(title + ": " + message);
        }

        @Override
        public boolean confirm(String title, String message) {
          return true;
        }

        @Override
        public Optional<String> choose(String title, String message, List<String> options) {
          return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
          return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions) {
          return Optional.empty();
        }

        @Override
        public Optional<Path> chooseDirectory(String title, Path initial) {
          return Optional.empty();
        }
      }));
    });
  }

  private static List<FrozenTrial> mixed() {
    List<FrozenTrial> trials = new ArrayList<>(complete(0, 4.0, 1.0, 3.0));
    trials.add(trial(3, TrialState.PRUNED, 0.5));
    trials.add(trial(4, TrialState.FAIL, null));
    return trials;
  }

  @Test
  void loadingAStudyGivesTheEdfOfItsCompleteTrials() throws Exception {
    FxToolkit.setupFixture(() -> runs.load(mixed(), StudyDirection.MINIMIZE));
    Edf edf = vm.edfProperty().get();
    assertThat(edf.lines()).hasSize(1);
    assertThat(edf.lines().get(0).count()).isEqualTo(3);
    assertThat(edf.x().get(0)).isEqualTo(1.0);
    assertThat(edf.x().get(Edf.POINTS - 1)).isEqualTo(4.0);
  }

  @Test
  void eachBatchOfFinishedTrialsRedrawsTheFunction() throws Exception {
    FxToolkit.setupFixture(() -> runs.load(mixed(), StudyDirection.MINIMIZE));
    FxToolkit.setupFixture(() -> {
      runs.enqueue(complete(5, 10.0, 0.2));
      runs.drain();
    });
    Edf edf = vm.edfProperty().get();
    assertThat(edf.lines().get(0).count()).isEqualTo(5);
    assertThat(edf.x().get(0)).isEqualTo(0.2);
    assertThat(edf.x().get(Edf.POINTS - 1)).isEqualTo(10.0);
  }

  @Test
  void whileHiddenNothingIsComputedAndShowingCatchesUp() throws Exception {
    FxToolkit.setupFixture(() -> {
      vm.setActive(false);
      runs.load(mixed(), StudyDirection.MAXIMIZE);
      runs.enqueue(complete(5, 7.0));
      runs.drain();
    });
    assertThat(vm.edfProperty().get().isEmpty()).isTrue();
    FxToolkit.setupFixture(() -> vm.setActive(true));
    assertThat(vm.edfProperty().get().lines().get(0).count()).isEqualTo(4);
  }

  @Test
  void theSelectedCompleteTrialsValueIsMarkedAndOtherTrialsAreNot() throws Exception {
    FxToolkit.setupFixture(() -> runs.load(mixed(), StudyDirection.MINIMIZE));
    FxToolkit.setupFixture(() -> runs.selectedTrialProperty().set(2));
    assertThat(vm.selectedValueProperty().get()).isEqualTo(3.0);
    FxToolkit.setupFixture(() -> runs.selectedTrialProperty().set(3));  // pruned
    assertThat(vm.selectedValueProperty().get()).isNull();
    FxToolkit.setupFixture(() -> runs.selectedTrialProperty().set(null));
    assertThat(vm.selectedValueProperty().get()).isNull();
  }

  @Test
  void noTrialsGiveAnEmptyPlotAndExportSaysSo() throws Exception {
    FxToolkit.setupFixture(() -> runs.load(List.of(trial(0, TrialState.FAIL, null)), StudyDirection.MINIMIZE));
    assertThat(vm.edfProperty().get().isEmpty()).isTrue();
    FxToolkit.setupFixture(() -> vm.export(null));
    assertThat(errors).containsExactly("Nothing to export: The plot is empty: run some trials first.");
  }
}
