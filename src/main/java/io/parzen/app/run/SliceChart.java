package io.parzen.app.run;

import io.parzen.app.ChartTheme;
import io.parzen.app.preview.ShortNumberFormat;
import io.parzen.visualization.SlicePlot;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The slice of one parameter: objective value against the parameter's value, one dot per
 * COMPLETE trial coloured by trial number (Optuna's Blues: early light, late dark), the x axis
 * logarithmic, integer or categorical as the parameter is. Points are only ever appended; the
 * colours follow the newest trial number when the chart is drawn, so nothing is rebuilt per batch.
 */
final class SliceChart {

  /**
   * Dots get Optuna's thin grey outline (which keeps the first, nearly white trials visible) up to
   * this many points; beyond it they are drawn without, which makes a repaint over twice as fast.
   */
  static final int OUTLINE_LIMIT = 3_000;

  private final String parameter;
  private final ChartTheme theme;
  private final XYSeries points;
  private final XYSeries selected = new XYSeries("Selected", false, true);
  private final Map<Integer, TrialItem> byNumber = new HashMap<>();
  private final Map<Integer, Color> colors = new HashMap<>();
  private final XYPlot plot;
  private final JFreeChart chart;
  private final XYLineAndShapeRenderer dots;
  private final SlicePlot.Scale scale;
  private List<String> categories;

  SliceChart(ChartTheme theme, SlicePlot.Slice slice, boolean logValues, IntUnaryOperator colorOf,
      IntFunction<String> describer) {
    this.parameter = slice.parameter();
    this.theme = theme;
    this.scale = slice.scale();
    this.categories = slice.categories();
    // Not sorted: appending stays O(1) however many trials there are.
    points = new XYSeries(parameter, false, true);
    dots = new LazyTips.ShapeRenderer(false, true) {
      @Override
      public Paint getItemPaint(int series, int item) {
        return colors.computeIfAbsent(colorOf.applyAsInt(TrialItem.numberOf(points, item)), Color::new);
      }
    };
    dots.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    dots.setUseOutlinePaint(true);
    dots.setDrawOutlines(true);
    dots.setSeriesOutlinePaint(0, theme.isDark() ? new Color(0xc9d1d9) : new Color(0x59636e));
    dots.setSeriesOutlineStroke(0, new BasicStroke(0.6f));
    dots.setDefaultToolTipGenerator((data, s, i) -> describer.apply(TrialItem.numberOf(points, i)));
    plot = new XYPlot(new XYSeriesCollection(points), domainAxis(), ChartSupport.valueAxis("Objective value",
        logValues), dots);
    XYLineAndShapeRenderer ring = new LazyTips.ShapeRenderer(false, true);
    plot.setDataset(1, new XYSeriesCollection(selected));
    plot.setRenderer(1, ring);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    chart = new JFreeChart(parameter, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    theme.apply(chart);
    chart.getTitle().setFont(theme.font(java.awt.Font.BOLD, 12));
    chart.setPadding(new RectangleInsets(6, 4, 4, 10));
    ring.setSeriesPaint(0, theme.highlight());
    ring.setSeriesShape(0, new Ellipse2D.Double(-7, -7, 14, 14));
    ring.setSeriesShapesFilled(0, false);
    ring.setSeriesStroke(0, new BasicStroke(2.5f));
    ring.setDefaultToolTipGenerator((data, s, i) -> describer.apply(TrialItem.numberOf(selected, i)));
    add(slice);
  }

  String parameter() {
    return parameter;
  }

  JFreeChart chart() {
    return chart;
  }

  /** How many trials the slice shows. */
  int pointCount() {
    return points.getItemCount();
  }

  /** The trial ringed, or {@code null}. */
  Integer selectedNumber() {
    return selected.isEmpty() ? null : TrialItem.numberOf(selected, 0);
  }

  /** Adds the points of {@code added} (a batch of this parameter), one chart change for all. */
  void add(SlicePlot.Slice added) {
    chart.setNotify(false);
    if (scale == SlicePlot.Scale.CATEGORICAL && !added.categories().equals(categories)) {
      categories = added.categories();
      ValueAxis axis = domainAxis();
      ChartSupport.styleLike(axis, plot.getDomainAxis());
      plot.setDomainAxis(axis);
    }
    for (SlicePlot.Point p : added.points()) {
      TrialItem item = new TrialItem(p.number(), p.x(), p.value());
      points.add(item, false);
      byNumber.put(p.number(), item);
    }
    dots.setDrawOutlines(points.getItemCount() <= OUTLINE_LIMIT);
    points.fireSeriesChanged();
    chart.setNotify(true);
  }

  /** Rings trial {@code number} when it is in this slice. */
  void select(Integer number) {
    selected.clear();
    TrialItem item = number == null ? null : byNumber.get(number);
    if (item != null) {
      selected.add(new TrialItem(number, item.getXValue(), item.getYValue()));
    }
  }

  void setLogScale(boolean log) {
    ValueAxis axis = ChartSupport.valueAxis("Objective value", log);
    ChartSupport.styleLike(axis, plot.getRangeAxis());
    plot.setRangeAxis(axis);
  }

  /** Redraws (the colours follow the newest trial). */
  void refresh() {
    chart.fireChartChanged();
  }

  private ValueAxis domainAxis() {
    switch (scale) {
      case LOG -> {
        LogAxis axis = new LogAxis(parameter + " (log)");
        axis.setSmallestValue(1e-300);
        axis.setNumberFormatOverride(new ShortNumberFormat());
        return axis;
      }
      case INTEGER -> {
        NumberAxis axis = new NumberAxis(parameter);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setAutoRangeIncludesZero(false);
        return axis;
      }
      case CATEGORICAL -> {
        SymbolAxis axis = new SymbolAxis(parameter, categories.toArray(String[]::new));
        axis.setGridBandsVisible(false);
        return axis;
      }
      default -> {
        NumberAxis axis = new NumberAxis(parameter);
        axis.setAutoRangeIncludesZero(false);
        axis.setNumberFormatOverride(new ShortNumberFormat());
        return axis;
      }
    }
  }
}
