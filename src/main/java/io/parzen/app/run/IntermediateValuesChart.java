package io.parzen.app.run;

import io.parzen.app.ChartTheme;
import io.parzen.trial.TrialState;
import io.parzen.visualization.IntermediateValues;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Intermediate values: one line per trial of the values it reported against the step, COMPLETE
 * trials in the accent colour, PRUNED ones muted with a cross where they were stopped, the
 * selected trial drawn thick on top. A batch adds and removes whole curves only.
 */
final class IntermediateValuesChart {

  static final String PRUNED_AT = "Pruned here";

  private final ChartTheme theme;
  private final XYSeriesCollection lines = new XYSeriesCollection();
  private final XYSeries prunedAt = new XYSeries(PRUNED_AT, false, true);
  private final XYSeries selected = new XYSeries("Selected", false, true);
  private final Map<Integer, IntermediateValues.Curve> curves = new HashMap<>();
  private final XYPlot plot;
  private final JFreeChart chart;
  private final Color completeColor;
  private final Color prunedColor;
  private Integer selectedNumber;

  IntermediateValuesChart(ChartTheme theme, boolean logScale, IntFunction<String> describer) {
    this.theme = theme;
    completeColor = theme.accent(130);
    prunedColor = new Color(theme.muted().getRed(), theme.muted().getGreen(), theme.muted().getBlue(), 150);
    XYLineAndShapeRenderer lineRenderer = new LazyTips.ShapeRenderer(true, false) {
      @Override
      public Paint getItemPaint(int series, int item) {
        IntermediateValues.Curve c = curves.get((Integer) lines.getSeriesKey(series));
        return c != null && c.pruned() ? prunedColor : completeColor;
      }
    };
    lineRenderer.setDefaultStroke(new BasicStroke(1.2f));
    lineRenderer.setAutoPopulateSeriesStroke(false);
    lineRenderer.setDefaultToolTipGenerator((data, s, i) -> describer.apply((Integer) lines.getSeriesKey(s)));
    NumberAxis steps = new NumberAxis("Step");
    steps.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    steps.setAutoRangeIncludesZero(false);
    plot = new XYPlot(lines, steps, ChartSupport.valueAxis("Intermediate value", logScale), lineRenderer);
    XYLineAndShapeRenderer crosses = new LazyTips.ShapeRenderer(false, true);
    plot.setDataset(1, new XYSeriesCollection(prunedAt));
    plot.setRenderer(1, crosses);
    XYLineAndShapeRenderer thick = new LazyTips.ShapeRenderer(true, true);
    plot.setDataset(2, new XYSeriesCollection(selected));
    plot.setRenderer(2, thick);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    theme.apply(chart);
    crosses.setSeriesPaint(0, theme.danger());
    crosses.setSeriesShape(0, cross(4));
    crosses.setSeriesShapesFilled(0, false);
    crosses.setUseOutlinePaint(false);
    crosses.setSeriesStroke(0, new BasicStroke(1.5f));
    crosses.setDrawOutlines(true);
    crosses.setDefaultToolTipGenerator((data, s, i) -> describer.apply(TrialItem.numberOf(prunedAt, i)));
    thick.setSeriesPaint(0, theme.highlight());
    thick.setSeriesStroke(0, new BasicStroke(3f));
    thick.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
    thick.setDefaultToolTipGenerator((data, s, i) -> describer.apply(TrialItem.numberOf(selected, i)));
    chart.addLegend(legend());
  }

  JFreeChart chart() {
    return chart;
  }

  /** How many curves are drawn. */
  int curveCount() {
    return lines.getSeriesCount();
  }

  /** The points of the selected trial's curve drawn on top; empty when none is selected or shown. */
  XYSeries selectedCurve() {
    return selected;
  }

  /** The number of crosses where trials were pruned. */
  int prunedMarkCount() {
    return prunedAt.getItemCount();
  }

  void reset(IntermediateValues all) {
    chart.setNotify(false);
    // Detached while refilled, so the plot does not rescale its axes once per curve.
    plot.setDataset(0, null);
    lines.removeAllSeries();
    prunedAt.clear();
    curves.clear();
    change(all.curves(), List.of());
    plot.setDataset(0, lines);
    chart.setNotify(true);
  }

  /** Adds and removes whole curves, one chart change for all. */
  void change(List<IntermediateValues.Curve> added, List<Integer> removed) {
    chart.setNotify(false);
    for (int number : removed) {
      IntermediateValues.Curve c = curves.remove(number);
      int index = lines.getSeriesIndex(number);
      if (index >= 0) {
        lines.removeSeries(index);
      }
      if (c != null && c.pruned()) {
        for (int i = 0; i < prunedAt.getItemCount(); i++) {
          if (TrialItem.numberOf(prunedAt, i) == number) {
            prunedAt.remove(i);
            break;
          }
        }
      }
    }
    for (IntermediateValues.Curve c : added) {
      XYSeries s = new XYSeries(c.number(), false, true);
      for (IntermediateValues.Step step : c.steps()) {
        s.add(new TrialItem(c.number(), step.step(), step.value()), false);
      }
      curves.put(c.number(), c);
      lines.addSeries(s);
      if (c.state() == TrialState.PRUNED) {
        prunedAt.add(new TrialItem(c.number(), c.last().step(), c.last().value()), false);
      }
    }
    prunedAt.fireSeriesChanged();
    select(selectedNumber);
    chart.setNotify(true);
  }

  /** Draws trial {@code number}'s curve thick on top, when it is shown. */
  void select(Integer number) {
    selectedNumber = number;
    IntermediateValues.Curve c = number == null ? null : curves.get(number);
    if (c == null && selected.isEmpty()) {
      return;
    }
    selected.setNotify(false);
    selected.clear();
    if (c != null) {
      for (IntermediateValues.Step step : c.steps()) {
        selected.add(new TrialItem(c.number(), step.step(), step.value()), false);
      }
    }
    selected.setNotify(true);
  }

  void setLogScale(boolean log) {
    ValueAxis axis = ChartSupport.valueAxis("Intermediate value", log);
    ChartSupport.styleLike(axis, plot.getRangeAxis());
    plot.setRangeAxis(axis);
  }

  private static Shape cross(double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(-r, -r);
    p.lineTo(r, r);
    p.moveTo(-r, r);
    p.lineTo(r, -r);
    return p;
  }

  private LegendTitle legend() {
    LegendItemCollection items = new LegendItemCollection();
    items.add(new LegendItem("Complete", null, null, null, new Line2D.Double(-7, 0, 7, 0), new BasicStroke(2f),
        theme.accent()));
    items.add(new LegendItem("Pruned", null, null, null, new Line2D.Double(-7, 0, 7, 0), new BasicStroke(2f),
        theme.muted()));
    LegendItem crossItem = new LegendItem(PRUNED_AT, null, null, null, true, cross(4), false, theme.danger(), true,
        theme.danger(), new BasicStroke(1.5f), false, new Line2D.Double(), new BasicStroke(1f), theme.danger());
    items.add(crossItem);
    items.add(new LegendItem("Selected", null, null, null, new Line2D.Double(-7, 0, 7, 0), new BasicStroke(3f),
        theme.highlight()));
    LegendTitle legend = new LegendTitle(() -> items);
    legend.setPosition(RectangleEdge.TOP);
    legend.setBackgroundPaint(theme.background());
    legend.setItemPaint(theme.muted());
    legend.setItemFont(theme.font(java.awt.Font.PLAIN, 11));
    return legend;
  }
}
