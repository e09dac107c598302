package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.app.preview.ShortNumberFormat;
import io.parzen.app.run.LazyTips;
import io.parzen.app.run.TrialItem;
import io.parzen.visualization.ContourPlot;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The contour chart: the interpolated objective as a colour image with contour lines under the trials, drawn as
 * Optuna draws them (black dots with a grey rim), the selected trial ringed, and a colour bar of
 * the objective on the right. The axes follow the parameters (log, integer, categories). One chart
 * is kept and refilled with each new {@link ContourPlot}.
 */
final class ContourChart {

  /** Beyond this many dots their grey rims are left out, which makes a repaint about twice as fast. */
  static final int OUTLINE_LIMIT = 3_000;

  private final ChartTheme theme;
  private final XYSeries points = new XYSeries("Trials", false, true);
  private final XYSeries selected = new XYSeries("Selected", false, true);
  private final Map<Integer, TrialItem> byNumber = new HashMap<>();
  private final XYPlot plot;
  private final XYLineAndShapeRenderer dots;
  private final JFreeChart chart;
  private ContourPlot shown;

  ContourChart(ChartTheme theme, IntFunction<String> describer) {
    this.theme = theme;
    dots = new LazyTips.ShapeRenderer(false, true);
    plot = new XYPlot(new XYSeriesCollection(points), new NumberAxis(), new NumberAxis(), dots);
    XYLineAndShapeRenderer ring = new LazyTips.ShapeRenderer(false, true);
    plot.setDataset(1, new XYSeriesCollection(selected));
    plot.setRenderer(1, ring);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    chart = new JFreeChart("Contour", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    theme.apply(chart);
    chart.getTitle().setFont(theme.font(java.awt.Font.BOLD, 12));
    chart.setPadding(new RectangleInsets(6, 4, 4, 6));
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    dots.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    dots.setSeriesPaint(0, Color.BLACK);
    dots.setUseOutlinePaint(true);
    dots.setDrawOutlines(true);
    dots.setSeriesOutlinePaint(0, new Color(0x9a9a9a));
    dots.setSeriesOutlineStroke(0, new BasicStroke(1.5f));
    dots.setDefaultToolTipGenerator((data, s, i) -> describer.apply(TrialItem.numberOf(points, i)));
    ring.setSeriesPaint(0, theme.highlight());
    ring.setSeriesShape(0, new Ellipse2D.Double(-7, -7, 14, 14));
    ring.setSeriesShapesFilled(0, false);
    ring.setSeriesStroke(0, new BasicStroke(2.5f));
    ring.setDefaultToolTipGenerator((data, s, i) -> describer.apply(TrialItem.numberOf(selected, i)));
  }

  JFreeChart chart() {
    return chart;
  }

  /** The plot drawn, or {@code null}. */
  ContourPlot shown() {
    return shown;
  }

  /** How many trials are drawn as dots. */
  int pointCount() {
    return points.getItemCount();
  }

  /** Whether an interpolated image is drawn under the dots. */
  boolean hasContour() {
    return !dots.getAnnotations().isEmpty();
  }

  /** The trial ringed, or {@code null}. */
  Integer selectedNumber() {
    return selected.isEmpty() ? null : TrialItem.numberOf(selected, 0);
  }

  /** Draws {@code contour} (or nothing for {@code null}), ringing trial {@code selectedNumber}. */
  void show(ContourPlot contour, Integer selectedNumber) {
    shown = contour;
    chart.setNotify(false);
    dots.removeAnnotations();
    chart.clearSubtitles();
    points.clear();
    byNumber.clear();
    if (contour != null) {
      ParamAxes.apply(plot, contour.x(), contour.y());
      chart.setTitle(contour.y().parameter() + " against " + contour.x().parameter());
      if (!contour.grid().isEmpty()) {
        dots.addAnnotation(new ImageAnnotation(image(contour), contour), Layer.BACKGROUND);
      }
      for (ContourPlot.Point p : contour.points()) {
        TrialItem item = new TrialItem(p.number(), p.x(), p.y());
        points.add(item, false);
        byNumber.put(p.number(), item);
      }
      dots.setDrawOutlines(contour.points().size() <= OUTLINE_LIMIT);
      points.fireSeriesChanged();
      NumberAxis values = new NumberAxis("Objective value");
      values.setNumberFormatOverride(new ShortNumberFormat());
      double low = contour.minValue();
      double high = contour.maxValue() > low ? contour.maxValue() : low + 1;
      values.setRange(low, high);
      PaintScaleLegend bar = ParamAxes.colorBar(theme,
          ParamAxes.paintScale(low, high, v -> contour.colorOf(v)), values);
      chart.addSubtitle(bar);
    } else {
      chart.setTitle("Contour");
    }
    select(selectedNumber);
    chart.setNotify(true);
  }

  /** Rings trial {@code number} when it is drawn. */
  void select(Integer number) {
    selected.clear();
    TrialItem item = number == null ? null : byNumber.get(number);
    if (item != null) {
      selected.add(new TrialItem(number, item.getXValue(), item.getYValue()));
    }
  }

  /** The grid as an image, row 0 at the top (the y axis's high end). */
  private static BufferedImage image(ContourPlot contour) {
    ContourPlot.Grid grid = contour.grid();
    int n = grid.size();
    BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        image.setRGB(i, n - 1 - j, contour.colorOf(grid.z(i, j)));
      }
    }
    return image;
  }

  /**
   * The interpolated grid, stretched over the plane between both axes' low and high ends. The
   * grid is evenly spaced in each axis's linear units, as the axes draw them, so the image maps
   * onto them exactly also on log axes and after zooming.
   */
  private static final class ImageAnnotation extends AbstractXYAnnotation {
    private final transient BufferedImage image;
    private final ContourPlot contour;

    ImageAnnotation(BufferedImage image, ContourPlot contour) {
      this.image = image;
      this.contour = contour;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
        int rendererIndex, PlotRenderingInfo info) {
      double x0 = domainAxis.valueToJava2D(contour.x().low(), dataArea, plot.getDomainAxisEdge());
      double x1 = domainAxis.valueToJava2D(contour.x().high(), dataArea, plot.getDomainAxisEdge());
      double y0 = rangeAxis.valueToJava2D(contour.y().high(), dataArea, plot.getRangeAxisEdge());
      double y1 = rangeAxis.valueToJava2D(contour.y().low(), dataArea, plot.getRangeAxisEdge());
      java.awt.Shape clip = g2.getClip();
      Object interpolation = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
      g2.clip(dataArea);
      g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g2.drawImage(image, (int) Math.round(Math.min(x0, x1)), (int) Math.round(Math.min(y0, y1)),
          (int) Math.round(Math.abs(x1 - x0)), (int) Math.round(Math.abs(y1 - y0)), null);
      if (interpolation != null) {
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
      }
      // Contour lines as matplotlib's in Optuna: thin and dark over the colours.
      g2.setPaint(new Color(0, 0, 0, 70));
      g2.setStroke(new BasicStroke(0.6f));
      java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
      for (ContourPlot.Isoline line : contour.isolines()) {
        for (ContourPlot.Segment s : line.segments()) {
          path.moveTo(domainAxis.valueToJava2D(s.x1(), dataArea, plot.getDomainAxisEdge()),
              rangeAxis.valueToJava2D(s.y1(), dataArea, plot.getRangeAxisEdge()));
          path.lineTo(domainAxis.valueToJava2D(s.x2(), dataArea, plot.getDomainAxisEdge()),
              rangeAxis.valueToJava2D(s.y2(), dataArea, plot.getRangeAxisEdge()));
        }
      }
      g2.draw(path);
      g2.setClip(clip);
    }
  }
}
