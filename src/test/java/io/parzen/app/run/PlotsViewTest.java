package io.parzen.app.run;

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
import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** After a 30-trial TPE run of the quadratic, the slice, samples and history plots agree with the table. */
@ExtendWith(ApplicationExtension.class)
class PlotsViewTest {

  @TempDir
  static Path dir;

  private final QueueDialogs dialogs = new QueueDialogs();
  private MainViewModel vm;

  @Start
  void start(Stage stage) {
    vm = new MainViewModel(dialogs, BackgroundExecutor.pooled(), StudioPreferences.forTests(UUID.randomUUID().toString()));
    Scene scene = new Scene(MainView.create(vm), 1300, 800);
    Theme.apply(scene, false);
    stage.setScene(scene);
    stage.show();
    vm.newStudy();
    vm.setup().studyNameProperty().set("quadratic");
    vm.setup().samplerProperty().set("tpe");
    vm.setup().seedProperty().set("5");
    vm.setup().trialsProperty().set(30);
  }

  @BeforeEach
  void runThirtyTrials(FxRobot robot) throws Exception {
    dialogs.filesToSave.add(dir.resolve(UUID.randomUUID() + ".db"));
    robot.clickOn("#runButton");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
        && vm.statusProperty().get().startsWith("Run ended"));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theSliceOfXHoldsOnePointPerTrialAndTheHistogramCountsThemAll(FxRobot robot) {
    selectTab(robot, "Slice");
    SliceChart slice = SliceView.chartOf(robot.lookup(".slice-view").queryAs(Parent.class), "x");
    assertThat(slice.pointCount()).isEqualTo(30);
    XYDataset points = slice.chart().getXYPlot().getDataset(0);
    assertThat(points.getItemCount(0)).isEqualTo(30);

    selectTab(robot, "Samples");
    SamplesChart samples = SamplesView.chartOf(robot.lookup(".samples-view").queryAs(Parent.class), "x");
    assertThat(samples.drawnCount()).isEqualTo(30);
    assertThat(samples.histogram().samples()).isEqualTo(30);
    double expected = samples.histogram().bars().stream().mapToDouble(b -> b.expected()).sum();
    assertThat(expected).isCloseTo(30, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void selectingATableRowRingsTheTrialInTheHistoryAndSliceCharts(FxRobot robot) {
    selectTab(robot, "Trials");
    TableView<TrialRow> table = robot.lookup("#trialsTable").queryAs(TableView.class);
    robot.interact(() -> table.getSelectionModel().select(12));
    TrialRow row = table.getSelectionModel().getSelectedItem();
    assertThat(vm.runs().selectedTrialProperty().get()).isEqualTo(row.number());

    XYPlot history = HistoryView.chartOf(robot.lookup(".history-view").queryAs(Parent.class)).getXYPlot();
    XYDataset ring = history.getDataset(2);
    assertThat(ring.getItemCount(0)).isEqualTo(1);
    assertThat(ring.getXValue(0, 0)).isEqualTo(row.number());
    assertThat(ring.getYValue(0, 0)).isEqualTo(row.value());

    selectTab(robot, "Slice");  // hidden plots are built when first shown
    SliceChart slice = SliceView.chartOf(robot.lookup(".slice-view").queryAs(Parent.class), "x");
    assertThat(slice.selectedNumber()).isEqualTo(row.number());
    XYDataset sliceRing = slice.chart().getXYPlot().getDataset(1);
    assertThat(sliceRing.getXValue(0, 0)).isEqualTo((Double) row.params().get("x"));
  }

  @Test
  void hoveringAPointTellsItsTrialValueAndParams(FxRobot robot) {
    XYPlot history = HistoryView.chartOf(robot.lookup(".history-view").queryAs(Parent.class)).getXYPlot();
    XYDataset dots = history.getDataset(1);
    int number = (int) dots.getXValue(0, 4);
    TrialRow row = vm.runs().row(number).orElseThrow();
    String tip = history.getRenderer(1).getToolTipGenerator(0, 4).generateToolTip(dots, 0, 4);
    assertThat(tip).startsWith("Trial " + number + " · COMPLETE · ")
        .contains(String.format(java.util.Locale.ROOT, "%.6g", row.value()))
        .contains("x = " + String.format(java.util.Locale.ROOT, "%.6g", (Double) row.params().get("x")));

    selectTab(robot, "Slice");
    SliceChart slice = SliceView.chartOf(robot.lookup(".slice-view").queryAs(Parent.class), "x");
    XYPlot plot = slice.chart().getXYPlot();
    String sliceTip = plot.getRenderer(0).getToolTipGenerator(0, 0).generateToolTip(plot.getDataset(0), 0, 0);
    assertThat(sliceTip).startsWith("Trial ").contains("x = ");
  }

  @Test
  void clickingAPointInTheHistorySelectsItsRow(FxRobot robot) {
    selectTab(robot, "History");
    WaitForAsyncUtils.waitForFxEvents();
    ChartViewer viewer = robot.lookup("#historyChart").queryAs(ChartViewer.class);
    XYItemEntity point = null;
    for (Object o : viewer.getRenderingInfo().getEntityCollection().getEntities()) {
      if (o instanceof XYItemEntity e && e.getDataset() instanceof XYSeriesCollection c
          && c.getSeriesKey(e.getSeriesIndex()).equals(HistoryChart.COMPLETE)) {
        point = e;
        break;
      }
    }
    assertThat(point).as("a complete trial's dot").isNotNull();
    int number = (int) point.getDataset().getXValue(point.getSeriesIndex(), point.getItem());
    ChartEntity entity = point;
    java.awt.Rectangle bounds = entity.getArea().getBounds();
    Point2D screen = viewer.getCanvas().localToScreen(bounds.getCenterX(), bounds.getCenterY());
    robot.clickOn(screen);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.runs().selectedTrialProperty().get()).isEqualTo(number);

    selectTab(robot, "Trials");
    TableView<TrialRow> table = robot.lookup("#trialsTable").queryAs(TableView.class);
    assertThat(table.getSelectionModel().getSelectedItem().number()).isEqualTo(number);
  }

  @Test
  void exportWritesThePlotsAsPngAndSvg(FxRobot robot) throws Exception {
    Path png = dir.resolve(UUID.randomUUID() + "-slice.png");
    Path svg = dir.resolve(UUID.randomUUID() + "-history.svg");
    dialogs.filesToSave.add(png);
    selectTab(robot, "Slice");
    robot.clickOn("#exportSliceButton");
    dialogs.filesToSave.add(svg);
    selectTab(robot, "History");
    robot.clickOn("#exportHistoryButton");

    assertThat(dialogs.errors).isEmpty();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(1000);
    assertThat(new byte[] {bytes[1], bytes[2], bytes[3]}).isEqualTo("PNG".getBytes());
    javax.imageio.ImageIO.read(png.toFile());
    String text = Files.readString(svg).strip();
    assertThat(text).contains("<svg").contains(">Trial<").endsWith("</svg>");
  }

  @Test
  void exportingToAnUnknownTypeSaysWhichNamesWork(FxRobot robot) {
    dialogs.filesToSave.add(dir.resolve("plot.gif"));
    selectTab(robot, "Samples");
    robot.clickOn("#exportSamplesButton");
    assertThat(dialogs.errors).singleElement().asString().contains("plot.gif").contains(".png or .svg");
  }

  /** Clicks the header of the result tab called {@code name} (other labels may say the same). */
  static void selectTab(FxRobot robot, String name) {
    robot.clickOn((javafx.scene.Node n) -> n instanceof javafx.scene.control.Label l
        && l.getStyleClass().contains("tab-label") && name.equals(l.getText()));
    WaitForAsyncUtils.waitForFxEvents();
  }
}
