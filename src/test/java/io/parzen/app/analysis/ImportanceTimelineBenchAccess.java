package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.visualization.ImportancePlot;
import io.parzen.visualization.TimelinePlot;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/** The analysis charts without a window, for {@code io.parzen.bench.ImportanceTimelineBench}. */
public final class ImportanceTimelineBenchAccess {

  private ImportanceTimelineBenchAccess() {}

  /** A timeline chart and how many rectangles its last paint filled. */
  public record Timeline(JFreeChart chart, java.util.function.IntSupplier rectanglesDrawn) {}

  /** A timeline chart showing {@code plot}. */
  public static Timeline timeline(TimelinePlot plot) {
    TimelineChart chart = new TimelineChart(ChartTheme.light());
    chart.show(plot);
    return new Timeline(chart.chart(), chart::rectanglesDrawn);
  }

  /**
   * The same bars drawn the plain JFreeChart way, for comparison: one series per state in an
   * {@link XYIntervalSeriesCollection}, an {@link XYBarRenderer} drawing a rectangle (and making an
   * entity) per trial.
   */
  public static JFreeChart plainTimeline(TimelinePlot plot) {
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    java.util.Map<io.parzen.trial.TrialState, XYIntervalSeries> series = new java.util.EnumMap<>(
        io.parzen.trial.TrialState.class);
    for (TimelinePlot.Bar b : plot.bars()) {
      XYIntervalSeries s = series.computeIfAbsent(b.state(), st -> {
        XYIntervalSeries created = new XYIntervalSeries(st.name(), false, true);
        data.addSeries(created);
        return created;
      });
      s.add(b.start().toEpochMilli(), b.start().toEpochMilli(), b.end().toEpochMilli(), b.number(),
          b.number() - 0.4, b.number() + 0.4);
    }
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setUseYInterval(true);
    renderer.setShadowVisible(false);
    JFreeChart chart = new JFreeChart(new XYPlot(data, new DateAxis("Time"), new NumberAxis("Trial"), renderer));
    ChartTheme.light().apply(chart);
    return chart;
  }

  /** An importance chart showing {@code plot}. */
  public static JFreeChart importance(ImportancePlot plot) {
    ImportanceChart chart = new ImportanceChart(ChartTheme.light(), b -> b.parameter());
    chart.show(plot);
    return chart.chart();
  }

  /** Paints {@code chart} into a {@code width} x {@code height} image, with chart entities as on screen. */
  public static void paint(JFreeChart chart, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height), new org.jfree.chart.ChartRenderingInfo());
    g.dispose();
  }
}
