package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.app.run.ChartSupport;
import io.parzen.visualization.Edf;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import java.util.function.IntFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The empirical distribution function chart (Optuna's {@code plot_edf}): for each study a step
 * line of the fraction of its trials with a value at most x, on a probability axis from 0 to 1.
 * Shows one {@link Edf} at a time; {@link #show} replaces the lines with one chart change. A
 * legend names the studies when there are several. FX thread only.
 */
public final class EdfChart {

  private final ChartTheme theme;
  private final XYSeriesCollection lines = new XYSeriesCollection();
  private final XYStepRenderer steps = new XYStepRenderer();
  private final XYPlot plot;
  private final JFreeChart chart;
  private final LegendTitle legend;
  private IntFunction<Color> colors;
  private Edf shown = new Edf(java.util.List.of(), java.util.List.of());
  private ValueMarker marker;

  /**
   * An empty chart; line {@code i} is drawn in {@code colors.apply(i)}, objective values on a log
   * axis when {@code logScale}.
   */
  public EdfChart(ChartTheme theme, boolean logScale, IntFunction<Color> colors) {
    this.theme = theme;
    this.colors = colors;
    NumberAxis probability = new NumberAxis("Cumulative probability");
    probability.setRange(0.0, 1.0);
    probability.setAutoRange(false);
    plot = new XYPlot(lines, ChartSupport.valueAxis("Objective value", logScale), probability, steps);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    theme.apply(chart);
    legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setBackgroundPaint(theme.background());
    legend.setItemPaint(theme.muted());
    legend.setItemFont(theme.font(java.awt.Font.PLAIN, 11));
    legend.setVisible(false);
    steps.setDefaultStroke(new BasicStroke(2f));
    steps.setAutoPopulateSeriesStroke(false);
    steps.setDefaultToolTipGenerator((data, s, i) -> {
      Edf.Line line = shown.lines().get(s);
      return String.format(Locale.ROOT, "%s: %.0f%% of %d trials have a value ≤ %.6g", line.study(),
          100 * data.getYValue(s, i), line.count(), data.getXValue(s, i));
    });
  }

  public JFreeChart chart() {
    return chart;
  }

  /** The EDF shown. */
  public Edf edf() {
    return shown;
  }

  /** Shows {@code edf} instead of what was shown, drawing line {@code i} in {@code colors.apply(i)}. */
  public void show(Edf edf, IntFunction<Color> lineColors) {
    this.colors = lineColors;
    show(edf);
  }

  /** Shows {@code edf} instead of what was shown. */
  public void show(Edf edf) {
    chart.setNotify(false);
    shown = edf;
    lines.removeAllSeries();
    for (int i = 0; i < edf.lines().size(); i++) {
      Edf.Line line = edf.lines().get(i);
      XYSeries series = new XYSeries(i + ": " + line.study(), false, true);
      for (int p = 0; p < edf.x().size(); p++) {
        series.add(edf.x().get(p), line.y().get(p), false);
      }
      series.setDescription(line.study());
      lines.addSeries(series);
      steps.setSeriesPaint(i, colors.apply(i));
    }
    legend.setVisible(edf.lines().size() > 1);
    steps.setLegendItemLabelGenerator((data, s) -> shown.lines().get(s).study());
    chart.setNotify(true);
  }

  /** Marks objective value {@code value} with a dashed vertical line, or nothing for {@code null}. */
  public void mark(Double value) {
    if (marker != null) {
      plot.removeDomainMarker(marker);
      marker = null;
    }
    if (value != null && Double.isFinite(value)) {
      marker = new ValueMarker(value, theme.highlight(), new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
      plot.addDomainMarker(marker);
    }
  }

  /** The value marked, if any. */
  public Double markedValue() {
    return marker == null ? null : marker.getValue();
  }

  /** Switches the objective-value axis between linear and logarithmic. */
  public void setLogScale(boolean log) {
    ValueAxis axis = ChartSupport.valueAxis("Objective value", log);
    ChartSupport.styleLike(axis, plot.getDomainAxis());
    plot.setDomainAxis(axis);
  }
}
