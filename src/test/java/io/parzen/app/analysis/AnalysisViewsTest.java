package io.parzen.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.Theme;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.RunViewModel;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.ParallelCoordinates;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The three analysis panels in tabs, fed a finished 60-trial TPE study through a {@link RunViewModel}
 * and computed on the pooled background executor: what their charts hold, selecting, clicking and
 * brushing.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisViewsTest {

  private static List<FrozenTrial> trials;

  @TempDir
  Path dir;

  private final SaveTo dialogs = new SaveTo();
  private RunViewModel runs;
  private ContourViewModel contour;
  private ParallelCoordinatesViewModel parallel;
  private RankViewModel rank;
  private TabPane tabs;

  @BeforeAll
  static void study() {
    Study study = AnalysisStudy.create(5, StudyDirection.MINIMIZE);
    study.optimize(AnalysisStudy.objective(false), Budget.trials(60));
    trials = study.trials();
  }

  @Start
  void start(Stage stage) {
    BackgroundExecutor executor = BackgroundExecutor.pooled();
    runs = new RunViewModel();
    ChartExporter exporter = new ChartExporter(dialogs);
    contour = new ContourViewModel(runs, exporter, executor);
    parallel = new ParallelCoordinatesViewModel(runs, exporter, executor);
    rank = new RankViewModel(runs, exporter, executor);
    tabs = new TabPane(tab("Contour", ContourView.create(contour)),
        tab("Parallel", ParallelCoordinatesView.create(parallel)), tab("Rank", RankView.create(rank)));
    Scene scene = new Scene(tabs, 1100, 700);
    Theme.apply(scene, false);
    stage.setScene(scene);
    stage.show();
  }

  private static Tab tab(String title, Parent content) {
    Tab tab = new Tab(title, content);
    tab.setClosable(false);
    return tab;
  }

  private void loadAndShow(FxRobot robot, int tab) throws Exception {
    robot.interact(() -> {
      tabs.getSelectionModel().select(tab);
      runs.load(trials, StudyDirection.MINIMIZE);
    });
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> switch (tab) {
      case 0 -> contour.plotProperty().get() != null && !contour.computingProperty().get();
      case 1 -> parallel.plotProperty().get() != null && !parallel.computingProperty().get();
      default -> rank.plotProperty().get() != null && !rank.computingProperty().get();
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static long complete() {
    return trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
  }

  @Test
  void theContourDrawsEveryCompleteTrialOverTheInterpolatedImageAndRingsTheSelectedOne(FxRobot robot)
      throws Exception {
    loadAndShow(robot, 0);
    ContourChart chart = ContourView.chartOf(robot.lookup(".contour-view").queryAs(Parent.class));
    robot.interact(() -> {
      contour.xParameterProperty().set("lr");
      contour.yParameterProperty().set("layers");
    });
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chart.shown() != null
        && chart.shown().x().parameter().equals("lr") && chart.shown().y().parameter().equals("layers"));
    WaitForAsyncUtils.waitForFxEvents();
    XYDataset dots = chart.chart().getXYPlot().getDataset(0);
    assertThat(dots.getItemCount(0)).isEqualTo((int) complete());
    assertThat(chart.hasContour()).isTrue();
    assertThat(chart.chart().getXYPlot().getDomainAxis()).isInstanceOf(org.jfree.chart.axis.LogAxis.class);
    assertThat(chart.chart().getSubtitleCount()).isEqualTo(1);  // the colour bar

    FrozenTrial picked = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).skip(7).findFirst()
        .orElseThrow();
    robot.interact(() -> runs.selectedTrialProperty().set(picked.number()));
    assertThat(chart.selectedNumber()).isEqualTo(picked.number());
    XYDataset ring = chart.chart().getXYPlot().getDataset(1);
    assertThat(ring.getXValue(0, 0)).isEqualTo((Double) picked.params().get("lr"));

    // Switching the y parameter to the categorical one puts the dots on category positions.
    robot.interact(() -> contour.yParameterProperty().set("optimizer"));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chart.shown() != null
        && chart.shown().y().parameter().equals("optimizer"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(chart.chart().getXYPlot().getRangeAxis()).isInstanceOf(org.jfree.chart.axis.SymbolAxis.class);
    for (int i = 0; i < dots.getItemCount(0); i++) {
      assertThat(dots.getYValue(0, i)).isIn(0.0, 1.0, 2.0);
    }
  }

  @Test
  void clickingAContourDotSelectsItsTrial(FxRobot robot) throws Exception {
    loadAndShow(robot, 0);
    ChartViewer viewer = robot.lookup("#contourChart").queryAs(ChartViewer.class);
    XYItemEntity dot = null;
    for (Object o : viewer.getRenderingInfo().getEntityCollection().getEntities()) {
      if (o instanceof XYItemEntity e && e.getDataset() == viewer.getChart().getXYPlot().getDataset(0)) {
        dot = e;
      }
    }
    assertThat(dot).as("a trial's dot").isNotNull();
    int number = io.parzen.app.run.TrialItem.numberOf(
        ((org.jfree.data.xy.XYSeriesCollection) dot.getDataset()).getSeries(0), dot.getItem());
    java.awt.Rectangle bounds = dot.getArea().getBounds();
    robot.clickOn(viewer.getCanvas().localToScreen(bounds.getCenterX(), bounds.getCenterY()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(runs.selectedTrialProperty().get()).isEqualTo(number);
  }

  @Test
  void draggingAlongTheObjectiveAxisBrushesItAndDoubleClickClearsIt(FxRobot robot) throws Exception {
    loadAndShow(robot, 1);
    Parent view = robot.lookup(".parallel-view").queryAs(Parent.class);
    ParallelCoordinatesPlot plot = ParallelCoordinatesView.plotOf(view);
    ChartViewer viewer = ParallelCoordinatesView.viewerOf(view);
    ParallelCoordinates data = plot.data();
    assertThat(data.lines()).hasSize((int) complete());
    assertThat(data.dimensions()).extracting(ParallelCoordinates.Dimension::label)
        .containsExactly("Objective value", "lr", "layers", "units_l1", "optimizer", "dropout");
    Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
    double x = ParallelCoordinatesPlot.axisX(area, 0, data.dimensions().size());
    Point2D from = viewer.getCanvas().localToScreen(x, ParallelCoordinatesPlot.y(area, 0.0) - 1);
    Point2D to = viewer.getCanvas().localToScreen(x, ParallelCoordinatesPlot.y(area, 0.3));
    robot.drag(from).moveTo(to).drop();
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(parallel.brushes()).containsOnlyKeys(ParallelCoordinatesViewModel.OBJECTIVE);
    ParallelCoordinates.Brush brush = parallel.brushes().get(ParallelCoordinatesViewModel.OBJECTIVE);
    assertThat(brush.low()).isCloseTo(0.0, org.assertj.core.api.Assertions.within(0.02));
    assertThat(brush.high()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(0.02));
    long inside = data.lines().stream().filter(l -> l.position(0) >= brush.low() && l.position(0) <= brush.high())
        .count();
    assertThat(parallel.passingCountProperty().get()).isEqualTo((int) inside).isLessThan(data.lines().size());
    assertThat(robot.lookup("#parallelSummary").queryLabeled().getText())
        .isEqualTo(inside + " of " + complete() + " trials in the brushed ranges");

    robot.doubleClickOn(viewer.getCanvas().localToScreen(x, ParallelCoordinatesPlot.y(area, 0.6)));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(parallel.brushes()).isEmpty();
    assertThat(parallel.passingCountProperty().get()).isEqualTo(data.lines().size());
  }

  @Test
  void clickingALineSelectsItsTrialAndThePlotDrawsItOnTop(FxRobot robot) throws Exception {
    loadAndShow(robot, 1);
    Parent view = robot.lookup(".parallel-view").queryAs(Parent.class);
    ParallelCoordinatesPlot plot = ParallelCoordinatesView.plotOf(view);
    ChartViewer viewer = ParallelCoordinatesView.viewerOf(view);
    Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
    ParallelCoordinates data = plot.data();
    ParallelCoordinates.Line best = data.lines().get(data.lines().size() - 1);  // drawn last, on top
    int count = data.dimensions().size();
    double x0 = ParallelCoordinatesPlot.axisX(area, 0, count);
    double x1 = ParallelCoordinatesPlot.axisX(area, 1, count);
    double y0 = ParallelCoordinatesPlot.y(area, best.position(0));
    double y1 = ParallelCoordinatesPlot.y(area, best.position(1));
    robot.clickOn(viewer.getCanvas().localToScreen((x0 + x1) / 2, (y0 + y1) / 2));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(runs.selectedTrialProperty().get()).isEqualTo(best.number());
  }

  @Test
  void theRankPlotColoursTheLowestValueBlueAndTheHighestRed(FxRobot robot) throws Exception {
    loadAndShow(robot, 2);
    RankChart chart = RankView.chartOf(robot.lookup(".rank-view").queryAs(Parent.class));
    assertThat(chart.pointCount()).isEqualTo((int) complete());
    int lowest = 0;
    int highest = 0;
    for (int i = 0; i < chart.shown().points().size(); i++) {
      if (chart.shown().points().get(i).value() < chart.shown().points().get(lowest).value()) {
        lowest = i;
      }
      if (chart.shown().points().get(i).value() > chart.shown().points().get(highest).value()) {
        highest = i;
      }
    }
    assertThat(chart.colorOf(lowest)).isEqualTo(new Color(0x313695));
    assertThat(chart.colorOf(highest)).isEqualTo(new Color(0xa50026));
  }

  @Test
  void exportButtonsWriteEachPanelAsPngOrSvg(FxRobot robot) throws Exception {
    loadAndShow(robot, 1);
    Path svg = dir.resolve("parallel.svg");
    dialogs.files.add(svg);
    robot.clickOn("#exportParallelButton");
    assertThat(dialogs.errors).isEmpty();
    assertThat(Files.readString(svg)).contains("<svg").contains("Objective value");

    loadAndShow(robot, 2);
    Path png = dir.resolve("rank.png");
    dialogs.files.add(png);
    robot.clickOn("#exportRankButton");
    assertThat(dialogs.errors).isEmpty();
    assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isPositive();
  }
}
