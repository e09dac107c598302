package io.parzen.app.compare;

import io.parzen.app.ChartTheme;
import io.parzen.app.run.ChartSupport;
import io.parzen.app.run.LazyTips;
import io.parzen.trial.TrialState;
import io.parzen.visualization.HistoryOverlay;
import io.parzen.visualization.OptimizationHistory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Several studies' optimisation histories on one chart: each study's COMPLETE trials as faint dots
 * and its best value so far as a step line, in the study's colour, with a legend naming the
 * studies. Dataset 0 holds the dots, dataset 1 the best-so-far lines, one series per study in the
 * overlay's order. FX thread only.
 */
final class CompareHistoryChart {

  private final ChartTheme theme;
  private final XYSeriesCollection dots = new XYSeriesCollection();
  private final XYSeriesCollection best = new XYSeriesCollection();
  /** Each study's dots drawn once per 2 x 2 pixel cell, tooltips written on demand: 30,000 dots stay cheap. */
  private final XYLineAndShapeRenderer dotRenderer = new LazyTips.ThinnedDots();
  private final XYStepRenderer stepRenderer = new LazyTips.StepRenderer();
  private final XYPlot plot;
  private final JFreeChart chart;
  private HistoryOverlay shown = HistoryOverlay.of(List.of());

  CompareHistoryChart(ChartTheme theme, boolean logScale) {
    this.theme = theme;
    NumberAxis trials = new NumberAxis("Trial");
    trials.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    trials.setAutoRangeIncludesZero(false);
    plot = new XYPlot(dots, trials, ChartSupport.valueAxis("Objective value", logScale), dotRenderer);
    plot.setDataset(1, best);
    plot.setRenderer(1, stepRenderer);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    theme.apply(chart);
    dotRenderer.setAutoPopulateSeriesShape(false);
    dotRenderer.setDefaultShape(new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    dotRenderer.setDefaultToolTipGenerator((data, s, i) -> String.format(Locale.ROOT, "%s · trial %d: %.6g",
        shown.studies().get(s).study(), data.getX(s, i).intValue(), data.getYValue(s, i)));
    stepRenderer.setAutoPopulateSeriesStroke(false);
    stepRenderer.setDefaultStroke(new BasicStroke(2f));
    stepRenderer.setDefaultToolTipGenerator((data, s, i) -> String.format(Locale.ROOT,
        "%s · best after trial %d: %.6g", shown.studies().get(s).study(), data.getX(s, i).intValue(),
        data.getYValue(s, i)));
  }

  JFreeChart chart() {
    return chart;
  }

  /** Shows {@code overlay} instead of what was shown, study {@code i} in {@code colors.apply(i)}. */
  void show(HistoryOverlay overlay, IntFunction<Color> colors) {
    chart.setNotify(false);
    shown = overlay;
    dots.removeAllSeries();
    best.removeAllSeries();
    LegendItemCollection items = new LegendItemCollection();
    for (int i = 0; i < overlay.studies().size(); i++) {
      HistoryOverlay.Entry entry = overlay.studies().get(i);
      OptimizationHistory h = entry.history();
      XYSeries values = new XYSeries(i + ": " + entry.study() + " values", false, true);
      for (OptimizationHistory.Point p : h.points()) {
        if (p.state() == TrialState.COMPLETE) {
          values.add(p.number(), p.value(), false);
        }
      }
      XYSeries steps = new XYSeries(i + ": " + entry.study() + " best", false, true);
      for (OptimizationHistory.Step s : h.bestSoFar()) {
        steps.add(s.number(), s.best(), false);
      }
      dots.addSeries(values);
      best.addSeries(steps);
      Color color = colors.apply(i);
      dotRenderer.setSeriesPaint(i, new Color(color.getRed(), color.getGreen(), color.getBlue(), 70));
      stepRenderer.setSeriesPaint(i, color);
      items.add(new LegendItem(entry.study(), null, null, null, new Line2D.Double(-7, 0, 7, 0),
          new BasicStroke(2.5f), color));
    }
    chart.clearSubtitles();
    if (items.getItemCount() > 0) {
      LegendTitle legend = new LegendTitle(() -> items);
      legend.setPosition(RectangleEdge.TOP);
      legend.setBackgroundPaint(theme.background());
      legend.setItemPaint(theme.muted());
      legend.setItemFont(theme.font(java.awt.Font.PLAIN, 11));
      chart.addLegend(legend);
    }
    chart.setNotify(true);
  }

  /** The overlay shown. */
  HistoryOverlay overlay() {
    return shown;
  }

  /** Switches the value axis between linear and logarithmic. */
  void setLogScale(boolean log) {
    ValueAxis axis = ChartSupport.valueAxis("Objective value", log);
    ChartSupport.styleLike(axis, plot.getRangeAxis());
    plot.setRangeAxis(axis);
  }
}
