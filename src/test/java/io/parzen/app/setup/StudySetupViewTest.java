package io.parzen.app.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.MainView;
import io.parzen.app.MainViewModel;
import io.parzen.app.StudioPreferences;
import io.parzen.app.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The setup panel's option and command forms in the studio window, driven through its real controls. */
@ExtendWith(ApplicationExtension.class)
class StudySetupViewTest {

  @TempDir
  static Path dir;

  private MainViewModel vm;

  @Start
  void start(Stage stage) {
    vm = new MainViewModel(new FakeDialogs(), BackgroundExecutor.pooled(),
        StudioPreferences.forTests(UUID.randomUUID().toString()));
    Scene scene = new Scene(MainView.create(vm), 1300, 860);
    Theme.apply(scene, false);
    stage.setScene(scene);
    stage.show();
    vm.newStudy();
  }

  @SuppressWarnings("unchecked")
  private static void pick(FxRobot robot, String comboId, String item) {
    robot.clickOn(comboId);
    WaitForAsyncUtils.waitForFxEvents();
    ListView<String> list = robot.lookup(".combo-box-popup .list-view").queryAs(ListView.class);
    robot.interact(() -> list.scrollTo(item));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn((Node n) -> n instanceof ListCell<?> c && item.equals(c.getText())
        && n.getScene() != null && n.getScene().getWindow() instanceof javafx.stage.PopupWindow);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void type(FxRobot robot, String fieldId, String text) {
    robot.clickOn(fieldId);
    robot.push(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN));
    robot.write(text);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aBadSigma0IsFlaggedAndDisablesRunUntilItIsFixed(FxRobot robot) {
    Button run = robot.lookup("#runButton").queryAs(Button.class);
    assertThat(run.isDisabled()).isFalse();
    pick(robot, "#sampler", "cmaes");
    TextField sigma0 = robot.lookup("#sampler-sigma0").queryAs(TextField.class);
    assertThat(sigma0.getPromptText()).isEqualTo("auto");

    type(robot, "#sampler-sigma0", "1.5");
    assertThat(sigma0.getStyleClass()).contains("invalid");
    assertThat(sigma0.getTooltip().getText()).startsWith("sigma0 (1.5) must be a number in (0, 1]");
    assertThat(robot.lookup(".sampler-options .form-message").queryAs(Label.class).getText())
        .isEqualTo("sigma0 (1.5) must be a number in (0, 1] or empty for auto");
    assertThat(run.isDisabled()).isTrue();

    type(robot, "#sampler-sigma0", "0.25");
    assertThat(sigma0.getStyleClass()).doesNotContain("invalid");
    assertThat(run.isDisabled()).isFalse();
    assertThat(vm.setup().toDefinition(vm.document().getSpace()).sampler().options()).containsEntry("sigma0", 0.25);
  }

  @Test
  void theCommandFormRunsATestOfAScript(FxRobot robot) throws Exception {
    Path script = Files.writeString(dir.resolve("quadratic.py"), """
        import json, sys
        x = float(sys.argv[1])
        for step in range(2):
            print(json.dumps({"step": step, "value": x * x + 1 - step}), flush=True)
        print(json.dumps({"value": x * x}))
        """);
    Button run = robot.lookup("#runButton").queryAs(Button.class);
    pick(robot, "#objective", "command");
    assertThat(robot.lookup("#commandTemplate").queryAs(TextField.class).isVisible()).isTrue();
    assertThat(vm.setup().objectiveProperty().get()).isEqualTo("command");
    assertThat(vm.setup().validProperty().get()).isFalse();
    assertThat(run.isDisabled()).as("no command yet").isTrue();
    assertThat(robot.lookup("#testRunButton").queryAs(Button.class).isDisabled()).isTrue();

    type(robot, "#commandTemplate", "/usr/bin/python3 " + script + " {y}");
    TextField template = robot.lookup("#commandTemplate").queryAs(TextField.class);
    assertThat(template.getStyleClass()).contains("invalid");
    type(robot, "#commandTemplate", "/usr/bin/python3 " + script + " {x}");
    assertThat(template.getStyleClass()).doesNotContain("invalid");
    assertThat(run.isDisabled()).isFalse();

    robot.clickOn("#testRunButton");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.setup().command().testRunningProperty().get()
        && vm.setup().command().lastTestRunProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    Label summary = robot.lookup("#testRunSummary").queryAs(Label.class);
    assertThat(summary.getText()).startsWith("value ").contains("exit status 0");
    assertThat(summary.getStyleClass()).contains("succeeded");
    String report = robot.lookup("#testRunReport").queryAs(TextArea.class).getText();
    double x = (Double) vm.setup().command().lastTestRunProperty().get().params().get("x");
    assertThat(report).startsWith("$ /usr/bin/python3 " + script + " " + x + "\n")
        .contains("intermediate values: 0: ").contains("── stdout ──\n{\"step\": 0");
    assertThat(vm.runs().finishedInRunProperty().get()).as("the study is not touched").isZero();
  }
}
