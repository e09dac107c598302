package io.parzen.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.Theme;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.RunViewModel;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.visualization.Edf;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The EDF panel shown on headless Monocle, fed through a {@link RunViewModel}. */
@ExtendWith(ApplicationExtension.class)
class EdfViewTest {

  private RunViewModel runs;
  private Parent view;

  @Start
  void start(Stage stage) {
    runs = new RunViewModel();
    view = EdfView.create(new EdfViewModel(runs, new ChartExporter(null)));
    Scene scene = new Scene(view, 800, 500);
    Theme.apply(scene, true);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void theChartHoldsOneStepLineOfTheCompleteTrialsAndMarksTheSelectedOne(FxRobot robot) {
    assertThat(robot.lookup("#edfEmpty").query().isVisible()).isTrue();
    List<FrozenTrial> trials = new ArrayList<>(EdfTrials.complete(0, 3, 9, 1, 5));
    trials.add(EdfTrials.trial(4, io.parzen.trial.TrialState.FAIL, null));
    robot.interact(() -> runs.load(trials, StudyDirection.MAXIMIZE));
    WaitForAsyncUtils.waitForFxEvents();

    XYPlot plot = EdfView.chartOf(view).getXYPlot();
    XYDataset lines = plot.getDataset(0);
    assertThat(lines.getSeriesCount()).isEqualTo(1);
    assertThat(lines.getItemCount(0)).isEqualTo(Edf.POINTS);
    assertThat(lines.getXValue(0, 0)).isEqualTo(1.0);
    assertThat(lines.getYValue(0, 0)).isEqualTo(0.25);
    assertThat(lines.getYValue(0, Edf.POINTS - 1)).isEqualTo(1.0);
    assertThat(robot.lookup("#edfEmpty").query().isVisible()).isFalse();

    robot.interact(() -> runs.selectedTrialProperty().set(3));
    var markers = plot.getDomainMarkers(Layer.FOREGROUND);
    assertThat(markers).hasSize(1);
    assertThat(((ValueMarker) markers.iterator().next()).getValue()).isEqualTo(5.0);

    robot.interact(() -> {
      runs.enqueue(EdfTrials.complete(5, 20.0));
      runs.drain();
    });
    XYDataset grown = EdfView.chartOf(view).getXYPlot().getDataset(0);
    assertThat(grown.getXValue(0, Edf.POINTS - 1)).isEqualTo(20.0);
    assertThat(grown.getYValue(0, 0)).isEqualTo(0.2);
  }

  @Test
  void oneTrialDrawsAFlatLineAtOne(FxRobot robot) {
    robot.interact(() -> runs.load(EdfTrials.complete(0, 2.5), StudyDirection.MINIMIZE));
    org.jfree.chart.JFreeChart chart = EdfView.chartOf(view);
    XYDataset lines = chart.getXYPlot().getDataset(0);
    assertThat(lines.getItemCount(0)).isEqualTo(Edf.POINTS);
    assertThat(lines.getXValue(0, 0)).isEqualTo(2.5);
    assertThat(lines.getYValue(0, Edf.POINTS - 1)).isEqualTo(1.0);
    java.awt.image.BufferedImage image = chart.createBufferedImage(400, 300);
    assertThat(image.getWidth()).isEqualTo(400);
    assertThat(chart.getXYPlot().getDomainAxis().getRange().getLength()).isPositive();
  }

  @Test
  void theLogScaleBoxSwitchesTheValueAxis(FxRobot robot) {
    robot.interact(() -> runs.load(EdfTrials.complete(0, 0.01, 0.1, 1, 10), StudyDirection.MINIMIZE));
    robot.clickOn("#edfLogScale");
    assertThat(EdfView.chartOf(view).getXYPlot().getDomainAxis()).isInstanceOf(org.jfree.chart.axis.LogAxis.class);
  }
}
