package io.parzen.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look of every JFreeChart in the studio, matching AtlantaFX's Primer light and dark themes:
 * a white (or near-black) plot without JFreeChart's grey default, faint grid lines, flat bars in
 * one accent colour and the system sans-serif font. Immutable; apply it to a chart once it is
 * built, before the chart is shown.
 *
 * <pre>{@code
 * JFreeChart chart = ChartFactory.createXYBarChart(...);
 * ChartTheme.light().apply(chart);
 * }</pre>
 */
public final class ChartTheme {

  private static final String FONT_FAMILY = "DejaVu Sans";
  private static final Stroke GRID_STROKE = new BasicStroke(0.6f);

  private static final ChartTheme LIGHT = new ChartTheme(
      false, Color.WHITE, new Color(0x1f2328), new Color(0x59636e), new Color(0xd1d9e0), new Color(0x0969da),
      new Color(0xcf222e), new Color(0xbc4c00));
  private static final ChartTheme DARK = new ChartTheme(
      true, new Color(0x0d1117), new Color(0xf0f6fc), new Color(0x9198a1), new Color(0x30363d), new Color(0x4493f8),
      new Color(0xf85149), new Color(0xdb6d28));

  private final boolean dark;
  private final Color background;
  private final Color foreground;
  private final Color mutedForeground;
  private final Color grid;
  private final Color accent;
  private final Color danger;
  private final Color highlight;

  private ChartTheme(boolean dark, Color background, Color foreground, Color mutedForeground, Color grid,
      Color accent, Color danger, Color highlight) {
    this.dark = dark;
    this.background = background;
    this.foreground = foreground;
    this.mutedForeground = mutedForeground;
    this.grid = grid;
    this.accent = accent;
    this.danger = danger;
    this.highlight = highlight;
  }

  /** Dark text on white, for AtlantaFX's Primer Light. */
  public static ChartTheme light() {
    return LIGHT;
  }

  /** Light text on near-black, for AtlantaFX's Primer Dark. */
  public static ChartTheme dark() {
    return DARK;
  }

  public static ChartTheme of(boolean dark) {
    return dark ? DARK : LIGHT;
  }

  public boolean isDark() {
    return dark;
  }

  /** Colour of the chart and plot backgrounds. */
  public Color background() {
    return background;
  }

  /** The one colour data is drawn in. */
  public Color accent() {
    return accent;
  }

  /** Colour of secondary marks and text (pruned trials, axis labels). */
  public Color muted() {
    return mutedForeground;
  }

  /** Colour of marks for things that went wrong (failed trials). */
  public Color danger() {
    return danger;
  }

  /** A second data colour that stands out against the accent (the best-so-far line). */
  public Color highlight() {
    return highlight;
  }

  /** The accent with {@code alpha} (0-255), for dense scatters where points overlap. */
  public Color accent(int alpha) {
    return new Color(accent.getRed(), accent.getGreen(), accent.getBlue(), alpha);
  }

  /** A font of the theme's family at {@code size} points. */
  public Font font(int style, float size) {
    return new Font(FONT_FAMILY, style, Math.round(size));
  }

  /** Restyles {@code chart} and its plot, renderers and axes in place. */
  public void apply(JFreeChart chart) {
    standardTheme().apply(chart);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(4, 4, 4, 8));
    Plot plot = chart.getPlot();
    plot.setOutlineVisible(false);
    plot.setInsets(new RectangleInsets(4, 4, 4, 4));
    if (plot instanceof XYPlot xy) {
      xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
      xy.setDomainGridlineStroke(GRID_STROKE);
      xy.setRangeGridlineStroke(GRID_STROKE);
      for (int i = 0; i < xy.getRendererCount(); i++) {
        if (xy.getRenderer(i) != null) {
          xy.getRenderer(i).setDefaultPaint(accent);
          xy.getRenderer(i).setSeriesPaint(0, accent);
        }
      }
    } else if (plot instanceof CategoryPlot category) {
      category.setAxisOffset(RectangleInsets.ZERO_INSETS);
      category.setRangeGridlineStroke(GRID_STROKE);
      if (category.getRenderer() instanceof BarRenderer bars) {
        bars.setSeriesPaint(0, accent);
        bars.setItemMargin(0.0);
      }
    }
  }

  private StandardChartTheme standardTheme() {
    StandardChartTheme theme = new StandardChartTheme(dark ? "Parzen dark" : "Parzen light", false);
    theme.setExtraLargeFont(font(Font.BOLD, 15));
    theme.setLargeFont(font(Font.BOLD, 13));
    theme.setRegularFont(font(Font.PLAIN, 12));
    theme.setSmallFont(font(Font.PLAIN, 11));
    theme.setTitlePaint(foreground);
    theme.setSubtitlePaint(mutedForeground);
    theme.setChartBackgroundPaint(background);
    theme.setPlotBackgroundPaint(background);
    theme.setPlotOutlinePaint(grid);
    theme.setLegendBackgroundPaint(background);
    theme.setLegendItemPaint(foreground);
    theme.setDomainGridlinePaint(grid);
    theme.setRangeGridlinePaint(grid);
    theme.setAxisLabelPaint(mutedForeground);
    theme.setTickLabelPaint(mutedForeground);
    theme.setItemLabelPaint(foreground);
    theme.setBaselinePaint(grid);
    theme.setCrosshairPaint(accent);
    theme.setShadowVisible(false);
    theme.setBarPainter(new StandardBarPainter());
    theme.setXYBarPainter(new StandardXYBarPainter());
    theme.setDrawingSupplier(new DefaultDrawingSupplier(
        new Paint[] {accent, mutedForeground},
        new Paint[] {accent},
        new Stroke[] {new BasicStroke(1.5f)},
        new Stroke[] {new BasicStroke(0.5f)},
        DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    return theme;
  }
}
