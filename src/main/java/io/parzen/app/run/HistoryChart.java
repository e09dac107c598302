package io.parzen.app.run;

import io.parzen.app.ChartTheme;
import io.parzen.trial.TrialState;
import io.parzen.visualization.OptimizationHistory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The optimisation-history chart: objective value against trial number, COMPLETE trials as
 * accent dots, PRUNED trials with a value as muted rings, the best value so far as a step line
 * and FAIL trials as faint vertical lines. Grows by batches: {@link #append} adds a batch to the
 * series without notifying, then fires a single chart change.
 */
final class HistoryChart {

  /** Series keys, also the legend labels. */
  static final String COMPLETE = "Complete";
  static final String PRUNED = "Pruned";
  static final String BEST = "Best so far";

  private final ChartTheme theme;
  private final XYSeries complete = new XYSeries(COMPLETE, true, true);
  private final XYSeries pruned = new XYSeries(PRUNED, true, true);
  private final XYSeries best = new XYSeries(BEST, true, true);
  private final XYSeries selected = new XYSeries("Selected", true, true);
  private final java.util.Map<Integer, Double> valueOf = new java.util.HashMap<>();
  private java.util.function.IntFunction<String> describer = number -> "trial " + number;
  private Integer selectedNumber;
  private final XYPlot plot;
  private final JFreeChart chart;
  private int failedCount;

  HistoryChart(ChartTheme theme, boolean logScale) {
    this.theme = theme;
    NumberAxis trials = new NumberAxis("Trial");
    trials.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    trials.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer dots = new LazyTips.ThinnedDots();
    XYStepRenderer steps = new LazyTips.StepRenderer();
    plot = new XYPlot(new XYSeriesCollection(best), trials, valueAxis(logScale), steps);
    XYSeriesCollection points = new XYSeriesCollection();
    points.addSeries(complete);
    points.addSeries(pruned);
    plot.setDataset(1, points);
    plot.setRenderer(1, dots);
    XYLineAndShapeRenderer ring = new LazyTips.ShapeRenderer(false, true);
    plot.setDataset(2, new XYSeriesCollection(selected));
    plot.setRenderer(2, ring);
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    theme.apply(chart);
    steps.setSeriesPaint(0, theme.highlight());
    steps.setSeriesStroke(0, new BasicStroke(2f));
    steps.setDefaultToolTipGenerator((data, s, i) -> String.format(Locale.ROOT, "best after trial %d: %.6g",
        data.getX(s, i).intValue(), data.getYValue(s, i)));
    dots.setSeriesPaint(0, theme.accent(190));
    dots.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
    dots.setSeriesPaint(1, theme.muted());
    dots.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
    dots.setSeriesShapesFilled(1, false);
    dots.setDefaultToolTipGenerator((data, s, i) -> describer.apply(data.getX(s, i).intValue()));
    ring.setSeriesPaint(0, theme.highlight());
    ring.setSeriesShape(0, new Ellipse2D.Double(-7, -7, 14, 14));
    ring.setSeriesShapesFilled(0, false);
    ring.setUseOutlinePaint(false);
    ring.setSeriesStroke(0, new BasicStroke(2.5f));
    ring.setDefaultToolTipGenerator((data, s, i) -> describer.apply(data.getX(s, i).intValue()));
    chart.addLegend(legend());
  }

  JFreeChart chart() {
    return chart;
  }

  /** How many COMPLETE trials the chart shows. */
  int completeCount() {
    return complete.getItemCount();
  }

  /** Where tooltips get a trial's description (number, value, params). */
  void setDescriber(java.util.function.IntFunction<String> describer) {
    this.describer = describer;
  }

  /** Rings trial {@code number} (when it has a point), or nothing for {@code null}. */
  void select(Integer number) {
    selectedNumber = number;
    selected.clear();
    Double value = number == null ? null : valueOf.get(number);
    if (value != null) {
      selected.add(new TrialItem(number, number, value));
    }
  }

  /** The trial ringed, if it has a point. */
  Integer selectedNumber() {
    return selected.isEmpty() ? null : selectedNumber;
  }

  /** Shows {@code history} instead of what was shown. */
  void reset(OptimizationHistory history) {
    chart.setNotify(false);
    complete.clear();
    pruned.clear();
    best.clear();
    valueOf.clear();
    plot.clearDomainMarkers();
    failedCount = 0;
    add(history);
    select(selectedNumber);
    chart.setNotify(true);
  }

  /** Adds a batch, firing one chart change for all of it. */
  void append(OptimizationHistory added) {
    chart.setNotify(false);
    add(added);
    if (selectedNumber != null && selected.isEmpty() && valueOf.containsKey(selectedNumber)) {
      select(selectedNumber);
    }
    chart.setNotify(true);
  }

  /** Switches the value axis between linear and logarithmic. */
  void setLogScale(boolean log) {
    ValueAxis axis = valueAxis(log);
    axis.setLabelFont(plot.getRangeAxis().getLabelFont());
    axis.setLabelPaint(plot.getRangeAxis().getLabelPaint());
    axis.setTickLabelFont(plot.getRangeAxis().getTickLabelFont());
    axis.setTickLabelPaint(plot.getRangeAxis().getTickLabelPaint());
    plot.setRangeAxis(axis);
  }

  private void add(OptimizationHistory h) {
    boolean points = false;
    for (OptimizationHistory.Point p : h.points()) {
      (p.state() == TrialState.PRUNED ? pruned : complete).add(new TrialItem(p.number(), p.number(), p.value()),
          false);
      valueOf.put(p.number(), p.value());
      points = true;
    }
    if (!h.bestSoFar().isEmpty()) {
      best.setNotify(false);  // one change event for the batch (turning notification on fires it)
      List<OptimizationHistory.Step> steps = h.bestSoFar();
      for (int i = 0; i < steps.size(); i++) {
        double value = steps.get(i).best();
        boolean inside = i > 0 && i + 1 < steps.size() && steps.get(i - 1).best() == value
            && steps.get(i + 1).best() == value;
        if (!inside) {  // of a run of equal values, its first and last step draw the same line
          addStep(steps.get(i));
        }
      }
      best.setNotify(true);
    }
    for (int number : h.failedNumbers()) {
      ValueMarker marker = new ValueMarker(number, theme.danger(), new BasicStroke(1f));
      marker.setAlpha(0.35f);
      plot.addDomainMarker(0, marker, Layer.BACKGROUND, false);
      failedCount++;
    }
    if (points) {
      complete.fireSeriesChanged();  // the collection of both series changed: one event redraws both
    }
  }

  /**
   * Adds a step of the best-so-far line, keeping only the trials where the best changed and the
   * last one: the step renderer draws the same line from them, and a study of 10,000 trials has a
   * few dozen of them instead of 10,000 segments to draw.
   */
  private void addStep(OptimizationHistory.Step s) {
    int n = best.getItemCount();
    if (n >= 2 && best.getY(n - 1).doubleValue() == s.best() && best.getY(n - 2).doubleValue() == s.best()) {
      best.remove(n - 1);
    }
    best.add(s.number(), s.best(), false);
  }

  private static ValueAxis valueAxis(boolean log) {
    if (log) {
      LogAxis axis = new LogAxis("Objective value (log)");
      axis.setSmallestValue(1e-12);
      axis.setNumberFormatOverride(new io.parzen.app.preview.ShortNumberFormat());
      return axis;
    }
    NumberAxis axis = new NumberAxis("Objective value");
    axis.setAutoRangeIncludesZero(false);
    axis.setNumberFormatOverride(new io.parzen.app.preview.ShortNumberFormat());
    return axis;
  }

  private LegendTitle legend() {
    LegendItemCollection items = new LegendItemCollection();
    items.add(new LegendItem(COMPLETE, null, null, null, new Ellipse2D.Double(-4, -4, 8, 8), theme.accent()));
    LegendItem ring = new LegendItem(PRUNED, null, null, null, true, new Ellipse2D.Double(-4, -4, 8, 8), false,
        theme.muted(), true, theme.muted(), new BasicStroke(1f), false, new java.awt.geom.Line2D.Double(),
        new BasicStroke(1f), theme.muted());
    items.add(ring);
    items.add(new LegendItem(BEST, null, null, null, new java.awt.geom.Line2D.Double(-6, 0, 6, 0),
        new BasicStroke(2f), theme.highlight()));
    items.add(new LegendItem("Failed", null, null, null, new java.awt.geom.Line2D.Double(0, -5, 0, 5),
        new BasicStroke(1.5f), new Color(theme.danger().getRed(), theme.danger().getGreen(),
            theme.danger().getBlue(), 140)));
    LegendTitle legend = new LegendTitle(() -> items);
    legend.setPosition(RectangleEdge.TOP);
    legend.setBackgroundPaint(theme.background());
    legend.setItemPaint(theme.muted());
    legend.setItemFont(theme.font(java.awt.Font.PLAIN, 11));
    return legend;
  }
}
