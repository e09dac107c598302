package io.parzen.app.preview;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.parzen.app.BackgroundExecutor;
import io.parzen.app.StudyDocument;
import io.parzen.space.Condition;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PreviewViewTest {

  private static final double LOW = 1e-5;
  private static final double HIGH = 1e-1;

  private final StudyDocument document = new StudyDocument();
  private PreviewViewModel viewModel;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    viewModel = new PreviewViewModel(document, BackgroundExecutor.pooled());
    stage.setScene(new Scene(PreviewView.create(viewModel), 520, 700));
    stage.show();
  }

  private void showSpace(FxRobot robot) {
    robot.interact(() -> document.spaceProperty().set(SearchSpace.of(
        Hp.loguniform("lr", LOW, HIGH),
        Hp.choice("optimizer", "adam", "sgd", "rmsprop"),
        Hp.uniform("momentum", 0, 0.99).withCondition(Condition.when("optimizer", "sgd")))));
  }

  private void select(FxRobot robot, String name) {
    robot.interact(() -> document.selectedParameterProperty().set(name));
  }

  @Test
  void logUniformParameterIsDrawnAsAHistogramOfAllDrawsOnALogAxis(FxRobot robot) throws Exception {
    showSpace(robot);
    select(robot, "lr");
    XYPlot plot = await(robot, () -> xyTotal(robot, "#priorChart") == 1_000).getXYPlot();

    assertThat(plot.getDomainAxis()).isInstanceOf(LogAxis.class);
    IntervalXYDataset bins = (IntervalXYDataset) plot.getDataset();
    for (int i = 0; i < bins.getItemCount(0); i++) {
      assertThat(bins.getStartXValue(0, i)).isGreaterThanOrEqualTo(LOW * (1 - 1e-12));
      assertThat(bins.getEndXValue(0, i)).isLessThanOrEqualTo(HIGH * (1 + 1e-12));
    }
    assertThat(robot.lookup("#previewTitle").queryAs(Label.class).getText()).isEqualTo("lr · log-uniform");
  }

  @Test
  void choiceIsDrawnAsBarsWhoseCountsSumToTheDraws(FxRobot robot) throws Exception {
    showSpace(robot);
    select(robot, "optimizer");
    CategoryPlot plot = await(robot, () -> categoryTotal(robot) == 1_000).getCategoryPlot();

    CategoryDataset counts = plot.getDataset();
    assertThat(List.of(counts.getColumnKey(0), counts.getColumnKey(1), counts.getColumnKey(2)))
        .containsExactly("adam", "sgd", "rmsprop");
  }

  @Test
  void conditionalParameterShowsItsActivity(FxRobot robot) throws Exception {
    showSpace(robot);
    select(robot, "momentum");
    await(robot, () -> robot.lookup("#activityLabel").queryAs(Label.class).getText().startsWith("active in"));
    String text = robot.lookup("#activityLabel").queryAs(Label.class).getText();
    int percent = Integer.parseInt(text.replaceAll("\\D", ""));
    assertThat(percent).isBetween(28, 39);
  }

  @Test
  void typingANewSampleCountInTheSpinnerRedrawsWithThatCount(FxRobot robot) throws Exception {
    showSpace(robot);
    select(robot, "lr");
    await(robot, () -> xyTotal(robot, "#priorChart") == 1_000);

    Spinner<?> spinner = robot.lookup("#sampleCountSpinner").queryAs(Spinner.class);
    robot.clickOn(spinner.getEditor());
    robot.interact(() -> spinner.getEditor().selectAll());
    robot.write("2500").type(KeyCode.ENTER);

    await(robot, () -> xyTotal(robot, "#priorChart") == 2_500);
    assertThat(viewModel.sampleCountProperty().get()).isEqualTo(2_500);
  }

  @Test
  void secondParameterAddsAScatterOfJointDraws(FxRobot robot) throws Exception {
    showSpace(robot);
    select(robot, "lr");
    robot.interact(() -> viewModel.secondParameterProperty().set("optimizer"));
    JFreeChart scatter = await(robot, "#jointChart", () -> {
      ChartViewer viewer = robot.lookup("#jointChart").queryAs(ChartViewer.class);
      return viewer.getChart() != null && viewer.getChart().getXYPlot().getDataset().getItemCount(0) == 1_000;
    });
    XYDataset points = scatter.getXYPlot().getDataset();
    for (int i = 0; i < points.getItemCount(0); i++) {
      assertThat(points.getXValue(0, i)).isBetween(LOW, HIGH);
    }
    assertThat(robot.lookup("#jointChart").queryAs(ChartViewer.class).getParent().isVisible()).isTrue();
  }

  private JFreeChart await(FxRobot robot, BooleanSupplier condition) throws TimeoutException {
    return await(robot, "#priorChart", condition);
  }

  private JFreeChart await(FxRobot robot, String chart, BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
      boolean[] met = new boolean[1];
      robot.interact(() -> met[0] = condition.getAsBoolean());
      return met[0];
    });
    return robot.lookup(chart).queryAs(ChartViewer.class).getChart();
  }

  private static int xyTotal(FxRobot robot, String id) {
    JFreeChart chart = robot.lookup(id).queryAs(ChartViewer.class).getChart();
    if (chart == null || !(chart.getPlot() instanceof XYPlot plot)) {
      return -1;
    }
    XYDataset data = plot.getDataset();
    int total = 0;
    for (int i = 0; i < data.getItemCount(0); i++) {
      total += (int) data.getYValue(0, i);
    }
    return total;
  }

  private static int categoryTotal(FxRobot robot) {
    JFreeChart chart = robot.lookup("#priorChart").queryAs(ChartViewer.class).getChart();
    if (chart == null || !(chart.getPlot() instanceof CategoryPlot plot)) {
      return -1;
    }
    CategoryDataset data = plot.getDataset();
    int total = 0;
    for (int c = 0; c < data.getColumnCount(); c++) {
      total += data.getValue(0, c).intValue();
    }
    return total;
  }
}
