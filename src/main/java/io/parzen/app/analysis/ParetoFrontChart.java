package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.app.run.ChartSupport;
import io.parzen.app.run.LazyTips;
import io.parzen.app.run.TrialItem;
import io.parzen.visualization.ParetoFront;
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
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Pareto front chart (as Optuna's {@code plot_pareto_front}): the dominated trials as dots
 * coloured by trial number (Blues), the best trials in red on top, the selected trial ringed.
 */
final class ParetoFrontChart {

  private final ChartTheme theme;
  private final XYSeries dominated = new XYSeries("Trial", false, true);
  private final XYSeries best = new XYSeries("Best trial", false, true);
  private final XYSeries selected = new XYSeries("Selected", false, true);
  private final Map<Integer, double[]> positions = new HashMap<>();
  private final Map<Integer, Color> colors = new HashMap<>();
  private final XYPlot plot;
  private final JFreeChart chart;
  private final IntFunction<String> describer;
  private Integer selectedNumber;

  ParetoFrontChart(ChartTheme theme, IntUnaryOperator colorOf, IntFunction<String> describer) {
    this.theme = theme;
    this.describer = describer;
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(dominated);
    data.addSeries(best);
    XYLineAndShapeRenderer dots = new LazyTips.ShapeRenderer(false, true) {
      @Override
      public Paint getItemPaint(int series, int item) {
        if (series == 0) {
          return colors.computeIfAbsent(colorOf.applyAsInt(TrialItem.numberOf(dominated, item)), Color::new);
        }
        return super.getItemPaint(series, item);
      }
    };
    dots.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    dots.setSeriesShape(1, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
    dots.setSeriesPaint(0, new Color(0x6baed6));
    dots.setSeriesPaint(1, new Color(0xef553b));
    dots.setUseOutlinePaint(true);
    dots.setDrawOutlines(true);
    dots.setSeriesOutlinePaint(0, theme.isDark() ? new Color(0xc9d1d9) : new Color(0x59636e));
    dots.setSeriesOutlinePaint(1, theme.isDark() ? new Color(0xf0f6fc) : new Color(0x24292f));
    dots.setSeriesOutlineStroke(0, new BasicStroke(0.6f));
    dots.setSeriesOutlineStroke(1, new BasicStroke(0.8f));
    dots.setDefaultToolTipGenerator((d, s, i) -> describer.apply(TrialItem.numberOf(s == 0 ? dominated : best, i)));
    plot = new XYPlot(data, ChartSupport.valueAxis("Objective 1", false), ChartSupport.valueAxis("Objective 2", false),
        dots);
    XYLineAndShapeRenderer ring = new LazyTips.ShapeRenderer(false, true);
    plot.setDataset(1, new XYSeriesCollection(selected));
    plot.setRenderer(1, ring);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    theme.apply(chart);
    chart.setPadding(new RectangleInsets(6, 4, 4, 10));
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setBackgroundPaint(theme.background());
    legend.setItemPaint(theme.isDark() ? new Color(0xc9d1d9) : new Color(0x24292f));
    legend.setItemFont(theme.font(java.awt.Font.PLAIN, 11));
    ring.setSeriesPaint(0, theme.highlight());
    ring.setSeriesShape(0, new Ellipse2D.Double(-7, -7, 14, 14));
    ring.setSeriesShapesFilled(0, false);
    ring.setSeriesStroke(0, new BasicStroke(2.5f));
    ring.setSeriesVisibleInLegend(0, false);
    ring.setDefaultToolTipGenerator((d, s, i) -> describer.apply(TrialItem.numberOf(selected, i)));
  }

  JFreeChart chart() {
    return chart;
  }

  /** How many dominated and best trials are drawn. */
  int[] counts() {
    return new int[] {dominated.getItemCount(), best.getItemCount()};
  }

  /** Draws {@code front} with objective {@code x} across and {@code y} up, labelled by {@code names}. */
  void show(ParetoFront front, int x, int y, List<String> names) {
    chart.setNotify(false);
    dominated.clear();
    best.clear();
    positions.clear();
    if (front.objectives() > Math.max(x, y)) {
      fill(dominated, front.dominated(), x, y);
      fill(best, front.best(), x, y);
      plot.getDomainAxis().setLabel(x < names.size() ? names.get(x) : "Objective " + (x + 1));
      plot.getRangeAxis().setLabel(y < names.size() ? names.get(y) : "Objective " + (y + 1));
    }
    select(selectedNumber);
    chart.setNotify(true);
  }

  /** Rings trial {@code number} when it is drawn. */
  void select(Integer number) {
    selectedNumber = number;
    selected.clear();
    double[] p = number == null ? null : positions.get(number);
    if (p != null) {
      selected.add(new TrialItem(number, p[0], p[1]));
    }
  }

  private void fill(XYSeries series, List<ParetoFront.Point> points, int x, int y) {
    for (ParetoFront.Point p : points) {
      double vx = p.value(x);
      double vy = p.value(y);
      if (Double.isFinite(vx) && Double.isFinite(vy)) {
        series.add(new TrialItem(p.number(), vx, vy), false);
        positions.put(p.number(), new double[] {vx, vy});
      }
    }
    series.fireSeriesChanged();
  }
}
