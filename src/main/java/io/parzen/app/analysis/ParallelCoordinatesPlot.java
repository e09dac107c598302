package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.visualization.ParallelCoordinates;
import io.parzen.visualization.ParallelCoordinates.Brush;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;

/**
 * Draws {@link ParallelCoordinates}: one vertical axis per dimension with its ticks and label,
 * one polyline per trial (coloured by objective at half opacity as Optuna's, greyed when outside a
 * brush), the brushed ranges as bands on their axes and the selected trial on top. A line skips
 * an axis where its parameter was inactive. All lines are drawn in one pass by this plot rather
 * than as chart series, which keeps a repaint of 2,000 trials cheap enough to follow a brush drag.
 * The data area of the last draw (in the plot rendering info) places mouse events.
 */
final class ParallelCoordinatesPlot extends Plot {

  private static final double TOP = 34;
  private static final double BOTTOM = 10;
  private static final double SIDE = 60;
  private static final Stroke LINE = new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  private static final Stroke SELECTED = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  private static final Stroke AXIS = new BasicStroke(1f);
  private static final Stroke THIN = new BasicStroke(1f);
  /** Up to this many lines are drawn as antialiased vectors; more go through {@link #layer}. */
  static final int VECTOR_LIMIT = 300;
  private static final int LAYER_MARGIN = 2;

  private final ChartTheme theme;
  private final Map<Integer, Color> colors = new HashMap<>();
  private ParallelCoordinates data;
  private BitSet passing = new BitSet();
  private Map<Integer, Brush> brushes = Map.of();
  private Integer selected;
  private boolean filtered;
  private BufferedImage layer;
  private boolean layerValid;

  ParallelCoordinatesPlot(ChartTheme theme) {
    this.theme = theme;
    setBackgroundPaint(theme.background());
    setOutlineVisible(false);
  }

  @Override
  public String getPlotType() {
    return "Parallel coordinates";
  }

  ParallelCoordinates data() {
    return data;
  }

  /** Shows {@code plot} with {@code passing} lines coloured and {@code brushes} (by dimension index) drawn. */
  void show(ParallelCoordinates plot, BitSet passing, Map<Integer, Brush> brushes) {
    this.data = plot;
    this.passing = passing;
    this.brushes = Map.copyOf(brushes);
    this.filtered = !brushes.isEmpty();
    this.layerValid = false;
    colors.clear();
    fireChangeEvent();
  }

  void select(Integer number) {
    if (!java.util.Objects.equals(number, selected)) {
      selected = number;
      fireChangeEvent();
    }
  }

  /** The data area of a plot drawn in {@code area}: the axes run from its top to its bottom. */
  static Rectangle2D dataArea(Rectangle2D area) {
    return new Rectangle2D.Double(area.getX() + SIDE, area.getY() + TOP, Math.max(1, area.getWidth() - 2 * SIDE),
        Math.max(1, area.getHeight() - TOP - BOTTOM));
  }

  /** The x of axis {@code d} of {@code count} in {@code dataArea}. */
  static double axisX(Rectangle2D dataArea, int d, int count) {
    return count <= 1 ? dataArea.getCenterX() : dataArea.getX() + dataArea.getWidth() * d / (count - 1);
  }

  /** The y of normalised position {@code p}. */
  static double y(Rectangle2D dataArea, double p) {
    return dataArea.getMaxY() - p * dataArea.getHeight();
  }

  /** The normalised position at {@code y}, clamped to [0, 1]. */
  static double positionAt(Rectangle2D dataArea, double y) {
    return Math.max(0, Math.min(1, (dataArea.getMaxY() - y) / dataArea.getHeight()));
  }

  /** The axis within {@code tolerance} pixels of {@code x} (and near the axes vertically), or -1. */
  int axisNear(Rectangle2D dataArea, double x, double y, double tolerance) {
    if (data == null || y < dataArea.getMinY() - 12 || y > dataArea.getMaxY() + 12) {
      return -1;
    }
    int count = data.dimensions().size();
    for (int d = 0; d < count; d++) {
      if (Math.abs(axisX(dataArea, d, count) - x) <= tolerance) {
        return d;
      }
    }
    return -1;
  }

  /** The trial whose line passes within {@code tolerance} pixels of the point, the top-most; -1 if none. */
  int lineNear(Rectangle2D dataArea, double x, double y, double tolerance) {
    if (data == null) {
      return -1;
    }
    int count = data.dimensions().size();
    for (int k = data.lines().size() - 1; k >= 0; k--) {
      ParallelCoordinates.Line line = data.lines().get(k);
      if (filtered && !passing.get(k)) {
        continue;
      }
      Point2D previous = null;
      for (int d = 0; d < count; d++) {
        if (!line.isActive(d)) {
          continue;
        }
        Point2D point = new Point2D.Double(axisX(dataArea, d, count), y(dataArea, line.position(d)));
        if (previous != null && previous.getX() <= x && x <= point.getX()
            && Line2D.ptSegDist(previous.getX(), previous.getY(), point.getX(), point.getY(), x, y) <= tolerance) {
          return line.number();
        }
        previous = point;
      }
    }
    return -1;
  }

  @Override
  public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
    getInsets().trim(area);
    Rectangle2D dataArea = dataArea(area);
    if (info != null) {
      info.setPlotArea(area);
      info.setDataArea(dataArea);
    }
    drawBackground(g2, area);
    if (data == null) {
      return;
    }
    Shape clip = g2.getClip();
    int count = data.dimensions().size();
    if (data.lines().size() <= VECTOR_LIMIT) {
      drawLines(g2, dataArea, 0, 0, LINE, false);
    } else {
      g2.drawImage(layer(dataArea), (int) Math.floor(dataArea.getX()) - LAYER_MARGIN,
          (int) Math.floor(dataArea.getY()) - LAYER_MARGIN, null);
    }
    if (selected != null) {
      for (ParallelCoordinates.Line line : data.lines()) {
        if (line.number() == selected) {
          g2.setStroke(SELECTED);
          g2.setPaint(theme.highlight());
          g2.draw(path(line, dataArea, count));
        }
      }
    }
    drawAxes(g2, area, dataArea, count);
    g2.setClip(clip);
  }

  /**
   * Draws every line, greyed ones first, each shifted by ({@code dx}, {@code dy}): at half
   * opacity as Optuna's, or when {@code opaque} in the colour a 85% opacity gives over the
   * background (Java2D draws translucent lines some 50 times slower than opaque ones; without
   * overlaps darkening the lines, a little more colour keeps the best ones apart).
   */
  private void drawLines(Graphics2D g2, Rectangle2D dataArea, double dx, double dy, Stroke stroke, boolean opaque) {
    int count = data.dimensions().size();
    Rectangle2D area = new Rectangle2D.Double(dataArea.getX() + dx, dataArea.getY() + dy, dataArea.getWidth(),
        dataArea.getHeight());
    g2.setStroke(stroke);
    if (filtered) {
      Color grey = withAlpha(theme.muted(), theme.isDark() ? 40 : 30);
      g2.setPaint(opaque ? over(grey, theme.background()) : grey);
      for (int k = 0; k < data.lines().size(); k++) {
        if (!passing.get(k)) {
          g2.draw(path(data.lines().get(k), area, count));
        }
      }
    }
    for (int k = 0; k < data.lines().size(); k++) {
      if (!filtered || passing.get(k)) {
        ParallelCoordinates.Line line = data.lines().get(k);
        int rgb = lineColor(data, line.value(), theme);
        g2.setPaint(colors.computeIfAbsent(opaque ? rgb | 0x1000000 : rgb, key -> opaque
            ? over(withAlpha(new Color(rgb), 215), theme.background()) : withAlpha(new Color(rgb), 128)));
        g2.draw(path(line, area, count));
      }
    }
  }

  /**
   * The lines drawn once into an image the size of {@code dataArea} (plus a margin), opaque and
   * without antialiasing, kept until the plot, the brushes or the size change. Beyond
   * {@link #VECTOR_LIMIT} lines this is what is painted: one image instead of thousands of
   * antialiased strokes, so repaints (a tooltip, the selection) cost next to nothing and a brush
   * drag redraws only this.
   */
  private BufferedImage layer(Rectangle2D dataArea) {
    int width = (int) Math.ceil(dataArea.getWidth()) + 2 * LAYER_MARGIN;
    int height = (int) Math.ceil(dataArea.getHeight()) + 2 * LAYER_MARGIN;
    if (layer == null || layer.getWidth() != width || layer.getHeight() != height) {
      layer = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
    } else if (layerValid) {
      return layer;
    }
    Graphics2D g2 = layer.createGraphics();
    g2.setComposite(java.awt.AlphaComposite.Clear);
    g2.fillRect(0, 0, width, height);
    g2.setComposite(java.awt.AlphaComposite.SrcOver);
    g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    drawLines(g2, dataArea, LAYER_MARGIN - Math.floor(dataArea.getX()), LAYER_MARGIN - Math.floor(dataArea.getY()),
        THIN, true);
    g2.dispose();
    layerValid = true;
    return layer;
  }

  private void drawAxes(Graphics2D g2, Rectangle2D area, Rectangle2D dataArea, int count) {
    Font tickFont = theme.font(Font.PLAIN, 10);
    Font labelFont = theme.font(Font.BOLD, 11);
    Color text = theme.isDark() ? new Color(0xf0f6fc) : new Color(0x1f2328);
    double spacing = count <= 1 ? dataArea.getWidth() : dataArea.getWidth() / (count - 1);
    Color halo = withAlpha(theme.background(), 200);
    for (int d = 0; d < count; d++) {
      ParallelCoordinates.Dimension dim = data.dimensions().get(d);
      double x = axisX(dataArea, d, count);
      Brush brush = brushes.get(d);
      if (brush != null) {
        double top = y(dataArea, brush.high());
        double bottom = y(dataArea, brush.low());
        Rectangle2D band = new Rectangle2D.Double(x - 8, top, 16, Math.max(2, bottom - top));
        g2.setPaint(withAlpha(theme.accent(), 70));
        g2.fill(band);
        g2.setPaint(theme.accent());
        g2.setStroke(AXIS);
        g2.draw(band);
      }
      g2.setStroke(AXIS);
      g2.setPaint(theme.muted());
      g2.draw(new Line2D.Double(x, dataArea.getMinY(), x, dataArea.getMaxY()));
      g2.setFont(tickFont);
      FontMetrics tickMetrics = g2.getFontMetrics();
      for (ParallelCoordinates.Tick tick : dim.ticks()) {
        double ty = y(dataArea, tick.position());
        g2.setPaint(theme.muted());
        g2.draw(new Line2D.Double(x - 3, ty, x, ty));
        String label = fit(tick.label(), tickMetrics, Math.max(50, spacing * 0.45));
        double width = tickMetrics.stringWidth(label);
        // A halo of the background keeps the label readable over the lines.
        g2.setPaint(halo);
        g2.fill(new Rectangle2D.Double(x - 7 - width, ty - tickMetrics.getAscent() / 2.0 - 1, width + 4,
            tickMetrics.getAscent() + 1));
        g2.setPaint(text);
        g2.drawString(label, (float) (x - 5 - width), (float) (ty + tickMetrics.getAscent() / 2.0 - 1));
      }
      g2.setFont(labelFont);
      FontMetrics labelMetrics = g2.getFontMetrics();
      // A label is centred on its axis, but the outer ones may use the margin beside them.
      double room = count <= 1 ? area.getWidth() : d == 0 ? x - area.getMinX() + spacing / 2 - 3
          : d == count - 1 ? area.getMaxX() - x + spacing / 2 - 3 : spacing - 6;
      String name = fit(dim.label(), labelMetrics, Math.max(40, room));
      double width = labelMetrics.stringWidth(name);
      double left = Math.max(area.getMinX(), Math.min(area.getMaxX() - width, x - width / 2));
      g2.setPaint(text);
      g2.drawString(name, (float) left, (float) (dataArea.getMinY() - 14));
    }
  }

  private static String fit(String text, FontMetrics metrics, double width) {
    if (metrics.stringWidth(text) <= width) {
      return text;
    }
    String cut = text;
    while (cut.length() > 1 && metrics.stringWidth(cut + "…") > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "…";
  }

  private static Path2D path(ParallelCoordinates.Line line, Rectangle2D dataArea, int count) {
    Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, count);
    boolean started = false;
    for (int d = 0; d < count; d++) {
      if (!line.isActive(d)) {
        continue;  // An inactive parameter: the line runs on to the next axis it has a value on.
      }
      double x = axisX(dataArea, d, count);
      double y = y(dataArea, line.position(d));
      if (started) {
        path.lineTo(x, y);
      } else {
        path.moveTo(x, y);
        started = true;
      }
    }
    return path;
  }

  /**
   * The colour of a line with objective {@code value}: Optuna's Blues with the best darkest on the
   * light theme; on the dark theme the scale runs the other way, the best lightest, so that the
   * best lines stand out against the dark background rather than vanish into it.
   */
  static int lineColor(ParallelCoordinates data, double value, ChartTheme theme) {
    double f = data.colorFraction(value);
    return io.parzen.visualization.ColorScale.blues(theme.isDark() ? 1 - f : f);
  }

  /** The opaque colour of translucent {@code c} drawn over {@code background}. */
  private static Color over(Color c, Color background) {
    double a = c.getAlpha() / 255.0;
    return new Color((int) Math.round(c.getRed() * a + background.getRed() * (1 - a)),
        (int) Math.round(c.getGreen() * a + background.getGreen() * (1 - a)),
        (int) Math.round(c.getBlue() * a + background.getBlue() * (1 - a)));
  }

  private static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
