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
  private boolean threeD;

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
    dots.setDefaultToolTipGenerator((d, s, i) -> describer.apply(TrialItem.numberOf(s == 0 ? dominated : best, i)));
    plot = new XYPlot(data, ChartSupport.valueAxis("Objective 1", false), ChartSupport.valueAxis("Objective 2", false),
        dots);
    XYLineAndShapeRenderer ring = new LazyTips.ShapeRenderer(false, true);
    plot.setDataset(1, new XYSeriesCollection(selected));
    plot.setRenderer(1, ring);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    theme.apply(chart);
    // After the theme, which resets series paints.
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
    leave3d();
    if (front.objectives() > Math.max(x, y)) {
      fill(dominated, front.dominated(), x, y);
      fill(best, front.best(), x, y);
      plot.getDomainAxis().setLabel(name(names, x));
      plot.getRangeAxis().setLabel(name(names, y));
    }
    select(selectedNumber);
    chart.setNotify(true);
  }

  /**
   * Draws {@code front} in three dimensions: objectives {@code x}, {@code y} and {@code z} (up),
   * each scaled to its range, inside a box turned {@code yaw} degrees about the vertical and tilted
   * {@code pitch} degrees towards the viewer, projected orthographically.
   */
  void show3d(ParetoFront front, int x, int y, int z, List<String> names, double yaw, double pitch) {
    chart.setNotify(false);
    dominated.clear();
    best.clear();
    positions.clear();
    plot.clearAnnotations();
    if (front.objectives() > Math.max(x, Math.max(y, z))) {
      Projection projection = new Projection(front, new int[] {x, y, z}, yaw, pitch);
      project(dominated, front.dominated(), projection);
      project(best, front.best(), projection);
      drawBox(projection, names);
    }
    plot.getDomainAxis().setVisible(false);
    plot.getRangeAxis().setVisible(false);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.getDomainAxis().setRange(-1.05, 0.95);
    plot.getRangeAxis().setRange(-0.8, 0.8);
    threeD = true;
    select(selectedNumber);
    chart.setNotify(true);
  }

  /** Whether the chart shows three objectives in a box. */
  boolean isThreeD() {
    return threeD;
  }

  private void leave3d() {
    if (!threeD) {
      return;
    }
    threeD = false;
    plot.clearAnnotations();
    plot.getDomainAxis().setVisible(true);
    plot.getRangeAxis().setVisible(true);
    plot.setDomainGridlinesVisible(true);
    plot.setRangeGridlinesVisible(true);
    plot.getDomainAxis().setAutoRange(true);
    plot.getRangeAxis().setAutoRange(true);
  }

  private static String name(List<String> names, int i) {
    return i < names.size() ? names.get(i) : "Objective " + (i + 1);
  }

  /** Scales three objectives to [-0.5, 0.5] each and turns them to the screen. */
  private static final class Projection {

    final int[] objectives;
    final double[] min = new double[3];
    final double[] max = new double[3];
    final double cosYaw;
    final double sinYaw;
    final double cosPitch;
    final double sinPitch;

    Projection(ParetoFront front, int[] objectives, double yaw, double pitch) {
      this.objectives = objectives;
      java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
      java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
      for (List<ParetoFront.Point> points : List.of(front.best(), front.dominated())) {
        for (ParetoFront.Point p : points) {
          for (int k = 0; k < 3; k++) {
            double v = p.value(objectives[k]);
            if (Double.isFinite(v)) {
              min[k] = Math.min(min[k], v);
              max[k] = Math.max(max[k], v);
            }
          }
        }
      }
      cosYaw = Math.cos(Math.toRadians(yaw));
      sinYaw = Math.sin(Math.toRadians(yaw));
      cosPitch = Math.cos(Math.toRadians(pitch));
      sinPitch = Math.sin(Math.toRadians(pitch));
    }

    /** {@code v} of objective {@code k} in [-0.5, 0.5]. */
    double unit(int k, double v) {
      return max[k] > min[k] ? (v - min[k]) / (max[k] - min[k]) - 0.5 : 0;
    }

    /** Screen position of a point of the unit box. */
    double[] screen(double ux, double uy, double uz) {
      double across = ux * cosYaw - uy * sinYaw;
      double depth = ux * sinYaw + uy * cosYaw;
      return new double[] {across, uz * cosPitch + depth * sinPitch};
    }

    double[] screenOf(ParetoFront.Point p) {
      return screen(unit(0, p.value(objectives[0])), unit(1, p.value(objectives[1])), unit(2, p.value(objectives[2])));
    }
  }

  private void project(XYSeries series, List<ParetoFront.Point> points, Projection projection) {
    for (ParetoFront.Point p : points) {
      double[] s = projection.screenOf(p);
      if (Double.isFinite(s[0]) && Double.isFinite(s[1])) {
        series.add(new TrialItem(p.number(), s[0], s[1]), false);
        positions.put(p.number(), s);
      }
    }
    series.fireSeriesChanged();
  }

  /** The box's twelve edges, and each axis named with its range along one edge. */
  private void drawBox(Projection projection, List<String> names) {
    Color edge = theme.isDark() ? new Color(0x6e7681) : new Color(0xafb8c1);
    Color text = theme.isDark() ? new Color(0xc9d1d9) : new Color(0x24292f);
    java.awt.Stroke stroke = new BasicStroke(0.8f);
    double h = 0.5;
    double[][] corners = new double[8][];
    for (int i = 0; i < 8; i++) {
      corners[i] = projection.screen((i & 1) == 0 ? -h : h, (i & 2) == 0 ? -h : h, (i & 4) == 0 ? -h : h);
    }
    for (int i = 0; i < 8; i++) {
      for (int bit = 1; bit < 8; bit <<= 1) {
        int j = i | bit;
        if (j != i) {
          plot.addAnnotation(new org.jfree.chart.annotations.XYLineAnnotation(corners[i][0], corners[i][1],
              corners[j][0], corners[j][1], stroke, edge), false);
        }
      }
    }
    // Each axis is labelled along the one of its four parallel edges that lies outermost on screen:
    // the lowest for the two across, the leftmost for the one up; names sit outside the box.
    double[] centre = projection.screen(0, 0, 0);
    for (int k = 0; k < 3; k++) {
      int bit = 1 << k;
      int bestStart = -1;
      double bestScore = Double.POSITIVE_INFINITY;
      for (int i = 0; i < 8; i++) {
        if ((i & bit) != 0) {
          continue;
        }
        double[] a = corners[i];
        double[] b = corners[i | bit];
        double score = k == 2 ? (a[0] + b[0]) / 2 : (a[1] + b[1]) / 2;
        if (score < bestScore) {
          bestScore = score;
          bestStart = i;
        }
      }
      double[] a = corners[bestStart];
      double[] b = corners[bestStart | bit];
      double mx = (a[0] + b[0]) / 2;
      double my = (a[1] + b[1]) / 2;
      double ox = mx - centre[0];
      double oy = my - centre[1];
      double length = Math.max(1e-9, Math.hypot(ox, oy));
      String label = name(names, projection.objectives[k]);
      org.jfree.chart.ui.TextAnchor anchor = k == 2 ? org.jfree.chart.ui.TextAnchor.CENTER_RIGHT
          : org.jfree.chart.ui.TextAnchor.CENTER;
      if (k == 2) {
        double[] top = a[1] > b[1] ? a : b;
        addText(label, top[0], top[1] + 0.08, text, java.awt.Font.BOLD, org.jfree.chart.ui.TextAnchor.CENTER);
      } else {
        addText(label, mx + ox / length * 0.13, my + oy / length * 0.13, text, java.awt.Font.BOLD, anchor);
      }
      addText(tick(projection.min[k]), a[0] + ox / length * 0.05, a[1] + oy / length * 0.05, text,
          java.awt.Font.PLAIN, anchor);
      addText(tick(projection.max[k]), b[0] + ox / length * 0.05, b[1] + oy / length * 0.05, text,
          java.awt.Font.PLAIN, anchor);
    }
  }

  private static String tick(double v) {
    return String.format(java.util.Locale.ROOT, "%.3g", v);
  }

  private void addText(String label, double x, double y, Color paint, int style, org.jfree.chart.ui.TextAnchor anchor) {
    org.jfree.chart.annotations.XYTextAnnotation t = new org.jfree.chart.annotations.XYTextAnnotation(label, x, y);
    t.setTextAnchor(anchor);
    t.setPaint(paint);
    t.setFont(theme.font(style, style == java.awt.Font.BOLD ? 11 : 10));
    plot.addAnnotation(t, false);
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
