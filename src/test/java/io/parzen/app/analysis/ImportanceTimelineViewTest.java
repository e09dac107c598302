package io.parzen.app.analysis;

import static io.parzen.app.analysis.AnalysisFixtures.T0;
import static io.parzen.app.analysis.AnalysisFixtures.running;
import static io.parzen.app.analysis.AnalysisFixtures.xDominates;
import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.Theme;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.RunViewModel;
import io.parzen.importance.ParamImportances.Method;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.ImportancePlot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The importance and timeline panels in a window, fed through a RunViewModel as the studio feeds them. */
@ExtendWith(ApplicationExtension.class)
class ImportanceTimelineViewTest {

  @TempDir
  static Path dir;

  private final AnalysisFixtures.Dialogs dialogs = new AnalysisFixtures.Dialogs();
  private RunViewModel runs;
  private ImportanceViewModel importance;
  private TimelineViewModel timeline;
  private TabPane tabs;

  @Start
  void start(Stage stage) {
    runs = new RunViewModel();
    ChartExporter exporter = new ChartExporter(dialogs);
    importance = new ImportanceViewModel(runs, exporter, BackgroundExecutor.pooled());
    timeline = new TimelineViewModel(runs, exporter);
    tabs = new TabPane(new Tab("Importance", ImportanceView.create(importance)),
        new Tab("Timeline", TimelineView.create(timeline)));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    Scene scene = new Scene(tabs, 1000, 700);
    Theme.apply(scene, false);
    stage.setScene(scene);
    stage.show();
  }

  private Parent panel(FxRobot robot, String styleClass) {
    return robot.lookup("." + styleClass).queryAs(Parent.class);
  }

  private void waitForImportances(Method method) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !importance.computingProperty().get()
        && importance.plotProperty().get() != null && importance.plotProperty().get().method() == method);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theDominatingParameterOfAMaximisedStudyIsTheTopBarWithEitherEvaluator(FxRobot robot) throws Exception {
    List<FrozenTrial> trials = xDominates(0, 150, 1, -1);
    robot.interact(() -> runs.load(trials, StudyDirection.MAXIMIZE));
    waitForImportances(Method.FANOVA);
    ImportanceChart chart = ImportanceView.chartOf(panel(robot, "importance-view"));
    assertThat(chart.parameters()).hasSize(4).first().isEqualTo("x");
    assertThat(chart.dataset().getValue(ImportanceChart.SERIES, "x").doubleValue()).isGreaterThan(0.5);
    int used = ImportancePlot.usableCount(trials);
    assertThat(robot.lookup("#importanceNote").queryAs(Label.class).getText())
        .startsWith("fANOVA · computed from " + used + " trials");

    robot.clickOn("#importanceMethod");
    robot.clickOn((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> cell
        && "PED-ANOVA".equals(cell.getText()));
    waitForImportances(Method.PED_ANOVA);
    chart = ImportanceView.chartOf(panel(robot, "importance-view"));
    assertThat(chart.parameters()).first().isEqualTo("x");
    assertThat(robot.lookup("#importanceNote").queryAs(Label.class).getText())
        .startsWith("PED-ANOVA · computed from " + used + " trials");
    assertThat(robot.lookup("#importanceEmpty").queryAs(Label.class).isVisible()).isFalse();
  }

  @Test
  void exportWritesTheImportancesWithATitleNamingTheEvaluatorAndTrials(FxRobot robot) throws Exception {
    List<FrozenTrial> trials = xDominates(0, 40, 6, 1);
    robot.interact(() -> runs.load(trials, StudyDirection.MINIMIZE));
    waitForImportances(Method.FANOVA);
    Path svg = dir.resolve("importance.svg");
    dialogs.filesToSave.add(svg);
    robot.clickOn("#exportImportanceButton");
    assertThat(dialogs.errors).isEmpty();
    assertThat(Files.readString(svg)).contains("<svg")
        .contains("Hyperparameter importances · fANOVA · " + ImportancePlot.usableCount(trials) + " trials");
    assertThat(ImportanceView.chartOf(panel(robot, "importance-view")).chart().getTitle())
        .as("the title is for the image only").isNull();
  }

  @Test
  void withOneCompletedTrialThePanelSaysHowManyItNeeds(FxRobot robot) throws Exception {
    robot.interact(() -> runs.load(xDominates(0, 1, 2, 1), StudyDirection.MINIMIZE));
    WaitForAsyncUtils.waitForFxEvents();
    Label empty = robot.lookup("#importanceEmpty").queryAs(Label.class);
    assertThat(empty.isVisible()).isTrue();
    assertThat(empty.getText()).contains("at least 2 completed trials").contains("1 so far");
    assertThat(robot.lookup("#importanceChart").queryAs(ChartViewer.class).isVisible()).isFalse();
  }

  @Test
  void theTimelineDrawsEveryTrialAndAClickOnABarSelectsItsTrial(FxRobot robot) throws Exception {
    List<FrozenTrial> made = new ArrayList<>(xDominates(0, 30, 3, 1));
    made.add(running(30, T0.plusSeconds(30)));
    List<FrozenTrial> trials = AnalysisFixtures.startedUntil(made, java.time.Duration.ofSeconds(2));
    robot.interact(() -> runs.load(trials, StudyDirection.MINIMIZE));
    robot.interact(() -> tabs.getSelectionModel().select(1));
    WaitForAsyncUtils.waitForFxEvents();
    Parent view = panel(robot, "timeline-view");
    TimelineChart chart = TimelineView.chartOf(view);
    TimelineChart.Bars bars = (TimelineChart.Bars) chart.plot().getDataset();
    assertThat(bars.getItemCount(0)).isEqualTo(31);
    assertThat(bars.state(10)).isEqualTo(TrialState.FAIL);
    assertThat(bars.state(30)).isEqualTo(TrialState.RUNNING);
    assertThat(bars.getEndXValue(0, 30) - bars.getStartXValue(0, 30)).as("running for 2 s so far")
        .isBetween(1_900.0, 10_000.0);
    assertThat(robot.lookup("#timelineSummary").queryAs(Label.class).getText()).startsWith("31 trials · 1 running");

    Point2D middle = TimelineView.pointOf(view, 12).orElseThrow();
    ChartViewer viewer = robot.lookup("#timelineChart").queryAs(ChartViewer.class);
    robot.clickOn(viewer.getCanvas().localToScreen(middle));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(runs.selectedTrialProperty().get()).isEqualTo(12);
    assertThat(chart.selectedNumber()).isEqualTo(12);
  }

  @Test
  void hoveringABarTellsItsTrialStateAndDuration(FxRobot robot) throws Exception {
    robot.interact(() -> runs.load(xDominates(0, 20, 4, 1), StudyDirection.MINIMIZE));
    robot.interact(() -> tabs.getSelectionModel().select(1));
    WaitForAsyncUtils.waitForFxEvents();
    Parent view = panel(robot, "timeline-view");
    Point2D middle = TimelineView.pointOf(view, 6).orElseThrow();
    ChartViewer viewer = robot.lookup("#timelineChart").queryAs(ChartViewer.class);
    robot.moveTo(viewer.getCanvas().localToScreen(middle.add(0, -1)));
    robot.moveTo(viewer.getCanvas().localToScreen(middle));
    WaitForAsyncUtils.waitForFxEvents();
    List<String> tips = robot.listWindows().stream()
        .filter(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing())
        .map(w -> ((javafx.scene.control.Tooltip) w).getText()).toList();
    assertThat(tips).singleElement().asString().startsWith("Trial 6 · PRUNED · 0.8 s");
  }

  @Test
  void exportWritesTheTimelineAsPng(FxRobot robot) throws Exception {
    robot.interact(() -> runs.load(xDominates(0, 20, 5, 1), StudyDirection.MINIMIZE));
    robot.interact(() -> tabs.getSelectionModel().select(1));
    Path png = dir.resolve("timeline.png");
    dialogs.filesToSave.add(png);
    robot.clickOn("#exportTimelineButton");
    assertThat(dialogs.errors).isEmpty();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(new byte[] {bytes[1], bytes[2], bytes[3]}).isEqualTo("PNG".getBytes());
  }
}
