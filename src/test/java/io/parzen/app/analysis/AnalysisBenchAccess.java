package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.visualization.ContourPlot;
import io.parzen.visualization.ParallelCoordinates;
import io.parzen.visualization.RankPlot;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/** The analysis charts without a window, for {@code io.parzen.bench.AnalysisPlotsBench}. */
public final class AnalysisBenchAccess {

  private AnalysisBenchAccess() {}

  /** Paints the contour chart of {@code plot} into a {@code width} × {@code height} image. */
  public static void paintContour(ContourPlot plot, int width, int height) {
    ContourChart chart = new ContourChart(ChartTheme.light(), n -> "Trial " + n);
    chart.show(plot, null);
    paint(chart.chart(), width, height);
  }

  /** Paints the rank chart of {@code plot}. */
  public static void paintRank(RankPlot plot, int width, int height) {
    RankChart chart = new RankChart(ChartTheme.light(), n -> "Trial " + n);
    chart.show(plot, null);
    paint(chart.chart(), width, height);
  }

  /**
   * Paints the parallel coordinates of {@code plot}, with the objective's lower third brushed when
   * {@code brushed}; returns how many lines pass.
   */
  public static int paintParallel(ParallelCoordinates plot, boolean brushed, int width, int height) {
    ParallelCoordinatesPlot drawn = new ParallelCoordinatesPlot(ChartTheme.light());
    Map<Integer, ParallelCoordinates.Brush> brushes = new HashMap<>();
    if (brushed) {
      brushes.put(0, new ParallelCoordinates.Brush(0, 0.33));
    }
    java.util.BitSet pass = plot.passing(brushes);
    drawn.show(plot, pass, brushes);
    JFreeChart chart = new JFreeChart("Parallel coordinates", JFreeChart.DEFAULT_TITLE_FONT, drawn, false);
    ChartTheme.light().apply(chart);
    paint(chart, width, height);
    return pass.cardinality();
  }

  private static void paint(JFreeChart chart, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g2 = image.createGraphics();
    g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
    g2.dispose();
  }
}
