package io.parzen.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.FakeDialogs;
import io.parzen.app.MainView;
import io.parzen.app.MainViewModel;
import io.parzen.app.StudioPreferences;
import io.parzen.app.Theme;
import io.parzen.storage.SqliteStorage;
import io.parzen.study.StudyDirection;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Picking binh-korn and NSGA-II in the setup, Run fills a two-objective study whose front the Analysis tab shows. */
@ExtendWith(ApplicationExtension.class)
class MultiObjectiveRunTest {

  @TempDir
  Path dir;

  private final FakeDialogs dialogs = new FakeDialogs();
  private MainViewModel vm;

  @Start
  void start(Stage stage) {
    vm = new MainViewModel(dialogs, BackgroundExecutor.pooled(), StudioPreferences.forTests(UUID.randomUUID().toString()));
    Scene scene = new Scene(MainView.create(vm), 1300, 800);
    Theme.apply(scene, false);
    stage.setScene(scene);
    stage.show();
    vm.newStudy();
  }

  @Test
  void nsgaIIOnBinhKornFillsTheParetoFront(FxRobot robot) throws Exception {
    ComboBox<String> objective = robot.lookup("#objective").queryComboBox();
    assertThat(objective.getItems()).contains("binh-korn", "zdt1", "dtlz2");
    robot.interact(() -> objective.getSelectionModel().select("binh-korn"));
    assertThat(vm.setup().directions()).containsExactly(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE);
    assertThat(robot.lookup("#direction2").tryQuery()).isPresent();
    ComboBox<String> sampler = robot.lookup("#sampler").queryComboBox();
    robot.interact(() -> {
      sampler.getSelectionModel().select("nsga2");
      vm.setup().seedProperty().set("4");
      vm.setup().trialsProperty().set(60);
      vm.setup().workersProperty().set(2);
    });
    Path file = dir.resolve("binh-korn.db");
    dialogs.filesToSave.add(file);
    robot.clickOn("#runButton");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
        && vm.statusProperty().get().startsWith("Run ended"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(dialogs.errors).isEmpty();
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      long id = storage.findStudyId(vm.setup().studyNameProperty().get()).orElseThrow();
      assertThat(storage.directions(id)).hasSize(2);
      assertThat(storage.trialCount(id)).isEqualTo(60);
    }

    ParetoFrontViewTest.selectTab(robot, "Analysis");
    ComboBox<AnalysisViewModel.Plot> chooser = robot.lookup("#analysisPlot").queryComboBox();
    robot.interact(() -> chooser.getSelectionModel().select(
        chooser.getItems().stream().filter(p -> p.id().equals("pareto-front")).findFirst().orElseThrow()));
    int front = vm.runs().paretoSizeProperty().get();
    assertThat(front).isPositive();
    assertThat(vm.statusProperty().get()).endsWith(": 60 trials, " + front + " on the Pareto front");
    assertThat(robot.lookup("#paretoBestLabel").queryAs(Label.class).getText())
        .startsWith("Best trials: " + front + " on the Pareto front of 60 completed");
  }
}
