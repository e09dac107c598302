package io.parzen.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.app.ChartTheme;
import io.parzen.study.StudyDirection;
import io.parzen.trial.TrialState;
import io.parzen.visualization.OptimizationHistory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing charts as PNG and SVG images, several to a grid. */
class ChartExporterTest {

  @TempDir
  Path dir;

  private static JFreeChart history() {
    HistoryChart chart = new HistoryChart(ChartTheme.light(), false);
    chart.reset(OptimizationHistory.empty(StudyDirection.MINIMIZE).append(List.of()));
    chart.append(new OptimizationHistory(StudyDirection.MINIMIZE,
        List.of(new OptimizationHistory.Point(0, 3.0, TrialState.COMPLETE),
            new OptimizationHistory.Point(1, 1.0, TrialState.COMPLETE)),
        List.of(new OptimizationHistory.Step(0, 3.0), new OptimizationHistory.Step(1, 1.0)), List.of(), List.of()));
    return chart.chart();
  }

  @Test
  void threeChartsTwoToARowMakeATwoByTwoGridPng() throws Exception {
    Path png = dir.resolve("grid.png");
    ChartExporter.write(List.of(history(), history(), history()), 2, png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(2 * ChartExporter.CELL_WIDTH);
    assertThat(image.getHeight()).isEqualTo(2 * ChartExporter.CELL_HEIGHT);
  }

  @Test
  void svgHoldsTheChartAsVectorsWithItsText() throws Exception {
    Path svg = dir.resolve("history.SVG");
    ChartExporter.write(List.of(history()), 1, svg);
    String text = Files.readString(svg);
    assertThat(text).startsWith("<!DOCTYPE svg").contains("<svg").contains("width='640.0'").contains(">Trial<").contains(">Best so far<");
  }

  @Test
  void otherFileTypesAreRefusedByName() {
    assertThatThrownBy(() -> ChartExporter.write(List.of(history()), 1, dir.resolve("plot.jpg")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plot.jpg").hasMessageContaining(".svg");
  }
}
