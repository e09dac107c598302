package io.parzen.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.DialogService;
import io.parzen.app.MainView;
import io.parzen.app.MainViewModel;
import io.parzen.app.StudioPreferences;
import io.parzen.app.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Running the quadratic with TPE from the main window fills the History and Trials tabs. */
@ExtendWith(ApplicationExtension.class)
class RunViewTest {

  @TempDir
  static Path dir;

  private MainViewModel vm;

  /** Saves to {@code file} when asked; everything else is answered "no". */
  static DialogService savingTo(Path file) {
    return new DialogService() {
      @Override
      public void showError(String title, String message) {
        throw new AssertionError(title + ": " + message);
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
        return Optional.of(file);
      }

      @Override
      public Optional<Path> chooseDirectory(String title, Path initial) {
        return Optional.empty();
      }
    };
  }

  /** A window on a new quadratic study with TPE and a budget of {@code trials}, saved to a temp file when run. */
  static MainViewModel quadraticWindow(Stage stage, Path file, int trials) {
    MainViewModel vm = new MainViewModel(savingTo(file), BackgroundExecutor.pooled(),
        StudioPreferences.forTests(UUID.randomUUID().toString()));
    Scene scene = new Scene(MainView.create(vm), 1300, 800);
    Theme.apply(scene, false);
    stage.setScene(scene);
    stage.show();
    vm.newStudy();
    vm.setup().studyNameProperty().set("quadratic");
    vm.setup().samplerProperty().set("tpe");
    vm.setup().seedProperty().set("3");
    vm.setup().trialsProperty().set(trials);
    return vm;
  }

  @Start
  void start(Stage stage) {
    vm = quadraticWindow(stage, dir.resolve(UUID.randomUUID() + ".db"), 30);
  }

  @Test
  void runningThirtyTrialsDrawsTheirHistoryAndListsThem(FxRobot robot) throws Exception {
    robot.clickOn("#runButton");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
        && vm.statusProperty().get().startsWith("Run ended"));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(vm.statusProperty().get()).startsWith("Run ended (trial budget reached): 30 trials, best ");
    atlantafx.base.controls.Notification notice = robot.lookup("#notices .notification")
        .queryAs(atlantafx.base.controls.Notification.class);
    assertThat(notice.isVisible()).isTrue();
    assertThat(notice.getMessage()).startsWith("Run ended: trial budget reached\n30 trials finished in this run")
        .contains("Best value ");
    robot.clickOn(notice.lookup(".close-button"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#notices .notification").tryQuery()).isEmpty();
    assertThat(robot.lookup("#resultTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
        .isEqualTo("historyTab");
    XYPlot plot = HistoryView.chartOf(robot.lookup(".history-view").queryAs(Parent.class)).getXYPlot();
    XYDataset points = plot.getDataset(1);
    assertThat(points.getItemCount(0)).isEqualTo(30);
    XYDataset best = plot.getDataset(0);
    double bestValue = best.getYValue(0, best.getItemCount(0) - 1);
    assertThat(bestValue).isEqualTo(vm.runs().bestValueProperty().get()).isLessThan(0.1);

    TableView<?> table = robot.lookup("#trialsTable").queryAs(TableView.class);
    assertThat(table.getItems()).as("rows of the table in a hidden tab").isEmpty();
    robot.clickOn((javafx.scene.Node n) -> n instanceof javafx.scene.control.Label l
        && l.getStyleClass().contains("tab-label") && "Trials".equals(l.getText()));
    assertThat(table.getItems()).hasSize(30);
    assertThat(table.getColumns()).extracting(c -> c.getText()).containsExactly("#", "State", "Value", "x",
        "Duration");

    io.parzen.trial.FrozenTrial bestTrial = vm.runs().bestTrialProperty().get();
    assertThat(bestTrial.values().get(0)).isEqualTo(bestValue);
    assertThat(robot.lookup("#bestTitle").queryAs(javafx.scene.control.Label.class).getText())
        .startsWith("Trial " + bestTrial.number() + ": value ");
    assertThat(robot.lookup("#bestParams").queryAs(TableView.class).getItems()).hasSize(1);
    robot.clickOn("#copyPython");
    WaitForAsyncUtils.waitForFxEvents();
    String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get();
    assertThat(copied).isEqualTo("{\"x\": " + Double.toString((Double) bestTrial.params().get("x")).replace('E', 'e') + "}");
    assertThat(robot.lookup("#bestStatus").queryAs(javafx.scene.control.Label.class).getText())
        .isEqualTo("Copied the parameters of trial " + bestTrial.number() + " as Python dict");
  }

  @Test
  void theLogScaleBoxSwitchesTheValueAxis(FxRobot robot) {
    robot.clickOn("History");
    robot.clickOn("#logScaleBox");
    XYPlot plot = HistoryView.chartOf(robot.lookup(".history-view").queryAs(Parent.class)).getXYPlot();
    assertThat(plot.getRangeAxis()).isInstanceOf(org.jfree.chart.axis.LogAxis.class);
    assertThat(vm.runs().logScaleProperty().get()).isTrue();
  }
}
