package io.parzen.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.storage.SqliteStorage;
import io.parzen.trial.TrialState;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The studio window, driven through its real controls. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {

  @TempDir
  static Path dir;

  private MainViewModel vm;
  private Path example;
  private java.util.concurrent.CompletableFuture<Boolean> opened;

  @Start
  void start(Stage stage) throws Exception {
    example = StudyFiles.installExample(dir.resolve(UUID.randomUUID() + "/branin.db"));
    vm = new MainViewModel(new FakeDialogs(), BackgroundExecutor.pooled(),
        StudioPreferences.forTests(UUID.randomUUID().toString()));
    Scene scene = new Scene(MainView.create(vm), 1300, 800);
    Theme.apply(scene, false);
    stage.setScene(scene);
    stage.show();
    opened = vm.openFile(example);
  }

  /** The file is read in the background; the tests start once the study is in the window. */
  @org.junit.jupiter.api.BeforeEach
  void waitUntilOpened() throws Exception {
    assertThat(opened.get(30, TimeUnit.SECONDS)).isTrue();
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theExampleStudyIsReadyToRun(FxRobot robot) {
    assertThat(robot.lookup("#runButton").queryAs(Button.class).isDisabled()).isFalse();
    assertThat(robot.lookup("#stopButton").queryAs(Button.class).isDisabled()).isTrue();
    assertThat(robot.lookup("#status").queryAs(Label.class).getText())
        .isEqualTo("Opened branin.db: study \"branin\", 0 trials");
  }

  @Test
  void runningTheExampleFillsTheStudyFileWithItsBudget(FxRobot robot) throws Exception {
    robot.clickOn("#runButton");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
        && vm.statusProperty().get().startsWith("Run ended"));
    assertThat(vm.statusProperty().get()).startsWith("Run ended (trial budget reached): 50 trials, best ");
    try (SqliteStorage storage = SqliteStorage.open(example)) {
      long id = storage.studyId("branin");
      assertThat(storage.trialCount(id, EnumSet.of(TrialState.COMPLETE))).isEqualTo(50);
    }
    assertThat(robot.lookup("#runButton").queryAs(Button.class).isDisabled()).isFalse();
  }

  @Test
  void theDarkThemeCanBeSwitchedOnFromTheViewMenu(FxRobot robot) {
    robot.clickOn("View").clickOn("Dark theme");
    assertThat(vm.darkThemeProperty().get()).isTrue();
  }
}
