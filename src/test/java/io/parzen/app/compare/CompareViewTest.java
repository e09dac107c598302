package io.parzen.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.Theme;
import io.parzen.trial.TrialState;
import io.parzen.visualization.Edf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Compare Studies window on two branin studies run by TPE and by random search, and a broken file. */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {

  @TempDir
  static Path dir;

  static Path tpe;
  static Path random;
  static Path broken;

  private final CompareDialogs dialogs = new CompareDialogs();
  private CompareViewModel vm;
  private Parent view;

  @BeforeAll
  static void writeStudies() throws Exception {
    tpe = SamplerStudies.write(dir.resolve("tpe.db"), "branin-tpe", "branin", "tpe", 40);
    random = SamplerStudies.write(dir.resolve("random.db"), "branin-random", "branin", "random", 25);
    broken = Files.writeString(dir.resolve("broken.db"), "not a study file\n".repeat(100));
  }

  @Start
  void start(Stage stage) {
    vm = new CompareViewModel(dialogs, BackgroundExecutor.pooled());
    view = CompareView.create(vm);
    Scene scene = new Scene(view, 1100, 760);
    Theme.apply(scene, false);
    stage.setScene(scene);
    stage.show();
  }

  private void addThroughTheButton(FxRobot robot, List<Path> files, int expectedStudies) throws Exception {
    dialogs.fileSets.add(files);
    robot.clickOn("#addFilesButton");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.busyProperty().get()
        && vm.studies().size() == expectedStudies
        && vm.historyProperty().get().studies().size() == expectedStudies);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static int complete(Path file, String study) {
    return (int) io.parzen.app.StudyFiles.trials(file, study).stream()
        .filter(t -> t.state() == TrialState.COMPLETE).count();
  }

  @Test
  void twoSamplersOnOneObjectiveGetTwoHistoriesAndTwoEdfLines(FxRobot robot) throws Exception {
    addThroughTheButton(robot, List.of(tpe, random), 2);
    TableView<?> table = robot.lookup("#comparedStudies").queryAs(TableView.class);
    assertThat(table.getItems()).hasSize(2);

    XYPlot history = CompareView.historyChartOf(view).getXYPlot();
    XYDataset dots = history.getDataset(0);
    XYDataset best = history.getDataset(1);
    assertThat(dots.getSeriesCount()).isEqualTo(2);
    assertThat(dots.getItemCount(0)).isEqualTo(complete(tpe, "branin-tpe")).isEqualTo(40);
    assertThat(dots.getItemCount(1)).isEqualTo(complete(random, "branin-random")).isEqualTo(25);
    assertThat(best.getItemCount(0)).isEqualTo(40);
    assertThat(best.getItemCount(1)).isEqualTo(25);
    assertThat(best.getYValue(0, 39)).isEqualTo(vm.studies().get(0).bestValue());
    assertThat(CompareView.historyChartOf(view).getLegend().getSources()[0].getLegendItems().getItemCount())
        .isEqualTo(2);

    robot.clickOn("EDF");
    XYDataset edf = CompareView.edfChartOf(view).getXYPlot().getDataset(0);
    assertThat(edf.getSeriesCount()).isEqualTo(2);
    assertThat(edf.getItemCount(0)).isEqualTo(Edf.POINTS);
    assertThat(edf.getItemCount(1)).isEqualTo(Edf.POINTS);
    assertThat(edf.getYValue(0, Edf.POINTS - 1)).isEqualTo(1.0);
    assertThat(edf.getYValue(1, Edf.POINTS - 1)).isEqualTo(1.0);
    assertThat(robot.lookup("#compareMessage").query().isVisible()).isFalse();
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void aBrokenFileIsNamedInAnErrorAndTheOtherStudiesStay(FxRobot robot) throws Exception {
    addThroughTheButton(robot, List.of(tpe), 1);
    addThroughTheButton(robot, List.of(broken, random), 2);
    assertThat(dialogs.errors).hasSize(1);
    assertThat(dialogs.errors.get(0)).contains(broken.toAbsolutePath().toString());
    assertThat(vm.studies()).extracting(s -> s.name()).containsExactly("branin-tpe", "branin-random");
    assertThat(CompareView.historyChartOf(view).getXYPlot().getDataset(0).getSeriesCount()).isEqualTo(2);
  }

  @Test
  void removeTakesTheStudyOffTheChartsAndTheEmptyWindowSaysWhatToDo(FxRobot robot) throws Exception {
    assertThat(robot.lookup("#compareMessage").query().isVisible()).isTrue();
    addThroughTheButton(robot, List.of(tpe, random), 2);
    robot.clickOn("#remove-branin-tpe");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.studies()).extracting(s -> s.name()).containsExactly("branin-random");
    XYDataset dots = CompareView.historyChartOf(view).getXYPlot().getDataset(0);
    assertThat(dots.getSeriesCount()).isEqualTo(1);
    assertThat(dots.getItemCount(0)).isEqualTo(25);
    robot.clickOn("#remove-branin-random");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#compareMessage").query().isVisible()).isTrue();
  }

  @Test
  void exportWritesTheChartShown(FxRobot robot) throws Exception {
    addThroughTheButton(robot, List.of(tpe, random), 2);
    robot.clickOn("EDF");
    Path png = dir.resolve("edf.png");
    dialogs.filesToSave.add(png);
    robot.clickOn("#exportCompareButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(png).exists();
    assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isPositive();
    assertThat(dialogs.errors).isEmpty();
  }
}
