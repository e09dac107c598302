package io.parzen.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.MainView;
import io.parzen.app.MainViewModel;
import io.parzen.app.StudioPreferences;
import io.parzen.app.Theme;
import java.util.UUID;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The studio's File menu opens the Compare Studies window, dark when the studio is, closing with it. */
@ExtendWith(ApplicationExtension.class)
class CompareMenuTest {

  private MainViewModel vm;

  @Start
  void start(Stage stage) {
    vm = new MainViewModel(new CompareDialogs(), BackgroundExecutor.direct(),
        StudioPreferences.forTests(UUID.randomUUID().toString()));
    vm.darkThemeProperty().set(true);
    Scene scene = new Scene(MainView.create(vm), 1200, 800);
    Theme.apply(scene, true);
    stage.setScene(scene);
    stage.show();
    vm.newStudy();
  }

  @Test
  void fileCompareStudiesOpensTheWindow(FxRobot robot) {
    robot.clickOn("File");
    robot.clickOn("Compare Studies…");
    WaitForAsyncUtils.waitForFxEvents();
    Window compare = Window.getWindows().stream()
        .filter(w -> w.getScene() != null && w.getScene().lookup("#comparedStudies") != null)
        .findFirst().orElseThrow();
    assertThat(compare.isShowing()).isTrue();
    assertThat(compare.getScene().getRoot().getStyleClass()).contains("dark");
    assertThat(compare.getScene().lookup("#compareMessage").isVisible()).isTrue();
    robot.interact(compare::hide);
  }

  @Test
  void theWindowClosesWithTheStudio(FxRobot robot) {
    robot.clickOn("File");
    robot.clickOn("Compare Studies…");
    WaitForAsyncUtils.waitForFxEvents();
    Window compare = Window.getWindows().stream()
        .filter(w -> w.getScene() != null && w.getScene().lookup("#comparedStudies") != null)
        .findFirst().orElseThrow();
    Window studio = robot.lookup("#panels").query().getScene().getWindow();
    robot.interact(studio::hide);
    assertThat(compare.isShowing()).isFalse();
  }
}
