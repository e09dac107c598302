package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.trial.TrialState;
import io.parzen.visualization.TimelinePlot;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.DomainOrder;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.AbstractIntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * The timeline chart: one horizontal bar per trial on a time axis, at the height of its trial
 * number (trial 0 at the bottom, as in Optuna), coloured by state: COMPLETE blue, PRUNED orange,
 * FAIL red, RUNNING green, WAITING grey. The selected trial's bar is outlined.
 *
 * <p>With thousands of trials many bars share a pixel row; the renderer merges the overlapping or
 * touching bars of one state within a row into one rectangle and makes no chart entities (the
 * view finds the bar under the mouse through {@link TimelinePlot#barAt}), so a repaint costs far
 * less than a rectangle and an entity per trial.
 */
final class TimelineChart {

  /** Half the height of a bar, in trial numbers. */
  static final double HALF_HEIGHT = 0.4;

  private final Bars dataset = new Bars();
  private final Renderer renderer;
  private final XYPlot plot;
  private final JFreeChart chart;
  private final Map<TrialState, Color> colors = new EnumMap<>(TrialState.class);
  private final Color legendPaint;
  private final java.awt.Font legendFont;
  private Integer selected;

  TimelineChart(ChartTheme theme) {
    boolean dark = theme.isDark();
    colors.put(TrialState.COMPLETE, theme.accent());
    colors.put(TrialState.PRUNED, dark ? new Color(0xd29922) : new Color(0xe09b13));
    colors.put(TrialState.FAIL, theme.danger());
    colors.put(TrialState.RUNNING, dark ? new Color(0x3fb950) : new Color(0x1a7f37));
    colors.put(TrialState.WAITING, theme.muted());
    DateAxis time = new DateAxis("Time");
    time.setLowerMargin(0.02);
    time.setUpperMargin(0.02);
    NumberAxis trials = new NumberAxis("Trial");
    trials.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    trials.setAutoRangeIncludesZero(false);
    trials.setLowerMargin(0.01);
    trials.setUpperMargin(0.01);
    renderer = new Renderer(dark ? new Color(0xf0f6fc) : new Color(0x1f2328));
    plot = new XYPlot(dataset, time, trials, renderer);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    theme.apply(chart);
    plot.setDomainGridlinesVisible(true);
    legendPaint = theme.muted();
    legendFont = theme.font(java.awt.Font.PLAIN, 11);
    plot.setFixedLegendItems(legend(Map.of()));
    LegendTitle title = new LegendTitle(plot);
    title.setPosition(RectangleEdge.TOP);
    title.setBackgroundPaint(theme.background());
    title.setItemPaint(theme.muted());
    title.setItemFont(theme.font(java.awt.Font.PLAIN, 11));
    chart.addLegend(title);
    chart.setPadding(new RectangleInsets(6, 4, 4, 12));
  }

  JFreeChart chart() {
    return chart;
  }

  XYPlot plot() {
    return plot;
  }

  /** Shows {@code timeline}: one chart change. */
  void show(TimelinePlot timeline) {
    chart.setNotify(false);
    plot.setFixedLegendItems(legend(timeline.counts()));
    dataset.set(timeline);
    chart.setNotify(true);
  }

  /** One legend item per state that has bars, with their count ("COMPLETE (164)"); all states when none has. */
  private LegendItemCollection legend(Map<TrialState, Integer> counts) {
    LegendItemCollection legend = new LegendItemCollection();
    for (TrialState s : List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL, TrialState.RUNNING,
        TrialState.WAITING)) {
      Integer n = counts.get(s);
      if (n == null && !counts.isEmpty()) {
        continue;
      }
      LegendItem item = new LegendItem(n == null ? s.name() : s.name() + " (" + n + ")", null, null, null,
          new Rectangle2D.Double(-5, -5, 10, 10), colors.get(s));
      item.setLabelPaint(legendPaint);
      item.setLabelFont(legendFont);
      legend.add(item);
    }
    return legend;
  }

  /** Outlines trial {@code number}'s bar ({@code null}: none). */
  void select(Integer number) {
    selected = number;
    chart.fireChartChanged();
  }

  Integer selectedNumber() {
    return selected;
  }

  /** The colour of {@code state}'s bars. */
  Color colorOf(TrialState state) {
    return colors.get(state);
  }

  /** How many rectangles the last repaint filled: at most one per bar, far fewer when crowded. */
  int rectanglesDrawn() {
    return renderer.filled;
  }

  /** The bars as a dataset: one series, x from start to end (epoch ms), y the trial number. */
  static final class Bars extends AbstractIntervalXYDataset {

    private TimelinePlot timeline = new TimelinePlot(List.of(), null, null, List.of());
    private double[] start = new double[0];
    private double[] end = new double[0];
    private int[] number = new int[0];
    private TrialState[] state = new TrialState[0];

    void set(TimelinePlot t) {
      timeline = t;
      int n = t.bars().size();
      start = new double[n];
      end = new double[n];
      number = new int[n];
      state = new TrialState[n];
      for (int i = 0; i < n; i++) {
        TimelinePlot.Bar b = t.bars().get(i);
        start[i] = b.start().toEpochMilli();
        end[i] = b.end().toEpochMilli();
        number[i] = b.number();
        state[i] = b.state();
      }
      fireDatasetChanged();
    }

    TimelinePlot timeline() {
      return timeline;
    }

    TrialState state(int item) {
      return state[item];
    }

    int number(int item) {
      return number[item];
    }

    @Override
    public int getSeriesCount() {
      return 1;
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
      return "Trials";
    }

    @Override
    public int getItemCount(int series) {
      return number.length;
    }

    @Override
    public DomainOrder getDomainOrder() {
      return DomainOrder.NONE;
    }

    @Override
    public Number getX(int series, int item) {
      return start[item];
    }

    @Override
    public double getXValue(int series, int item) {
      return start[item];
    }

    @Override
    public Number getStartX(int series, int item) {
      return start[item];
    }

    @Override
    public double getStartXValue(int series, int item) {
      return start[item];
    }

    @Override
    public Number getEndX(int series, int item) {
      return end[item];
    }

    @Override
    public double getEndXValue(int series, int item) {
      return end[item];
    }

    @Override
    public Number getY(int series, int item) {
      return number[item];
    }

    @Override
    public double getYValue(int series, int item) {
      return number[item];
    }

    @Override
    public Number getStartY(int series, int item) {
      return number[item] - HALF_HEIGHT;
    }

    @Override
    public double getStartYValue(int series, int item) {
      return number[item] - HALF_HEIGHT;
    }

    @Override
    public Number getEndY(int series, int item) {
      return number[item] + HALF_HEIGHT;
    }

    @Override
    public double getEndYValue(int series, int item) {
      return number[item] + HALF_HEIGHT;
    }
  }

  /**
   * Draws the bars of {@link Bars}, merging those of one state that overlap or touch within a pixel
   * row. Items come in trial order, so the bars of a row arrive together; each state keeps one
   * pending rectangle that grows while the next bar continues it and is filled when it does not.
   */
  private final class Renderer extends AbstractXYItemRenderer {

    private final Color outline;
    private final double[][] pending = new double[TrialState.values().length][];
    private int filled;
    private Object antialias;

    Renderer(Color outline) {
      this.outline = outline;
      setDefaultCreateEntities(false);
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot xyPlot, XYDataset data,
        PlotRenderingInfo info) {
      java.util.Arrays.fill(pending, null);
      filled = 0;
      XYItemRendererState state = super.initialise(g2, dataArea, xyPlot, data, info);
      // Every item, in order: a bar starting left of the visible range may end inside it, and the
      // last item fills what is pending.
      state.setProcessVisibleItemsOnly(false);
      return state;
    }

    @Override
    public Range findDomainBounds(XYDataset data) {
      return data == null ? null : DatasetUtils.findDomainBounds(data, true);
    }

    @Override
    public Range findRangeBounds(XYDataset data) {
      return data == null ? null : DatasetUtils.findRangeBounds(data, true);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
        XYPlot xyPlot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset data, int series, int item,
        CrosshairState crosshairState, int pass) {
      Bars bars = (Bars) data;
      RectangleEdge xEdge = xyPlot.getDomainAxisEdge();
      RectangleEdge yEdge = xyPlot.getRangeAxisEdge();
      double x0 = domainAxis.valueToJava2D(bars.getStartXValue(0, item), dataArea, xEdge);
      double x1 = domainAxis.valueToJava2D(bars.getEndXValue(0, item), dataArea, xEdge);
      double yA = rangeAxis.valueToJava2D(bars.getEndYValue(0, item), dataArea, yEdge);
      double yB = rangeAxis.valueToJava2D(bars.getStartYValue(0, item), dataArea, yEdge);
      double top = Math.floor(Math.min(yA, yB));
      double height = Math.max(1, Math.round(Math.abs(yB - yA)));
      double left = Math.floor(Math.min(x0, x1));
      double right = Math.max(left + 1, Math.ceil(Math.max(x0, x1)));
      boolean visible = right >= dataArea.getMinX() && left <= dataArea.getMaxX()
          && top + height >= dataArea.getMinY() && top <= dataArea.getMaxY();
      if (item == 0) {
        // Bars are whole pixels: antialiasing would only blur their edges, at a cost.
        antialias = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      }
      if (visible) {
        int s = bars.state(item).ordinal();
        double[] p = pending[s];
        if (p != null && p[0] == top && p[3] == height && left <= p[2] + 1 && right >= p[1] - 1) {
          p[1] = Math.min(p[1], left);
          p[2] = Math.max(p[2], right);
        } else {
          if (p != null) {
            fill(g2, dataArea, s, p);
          }
          pending[s] = new double[] {top, left, right, height};
        }
      }
      if (item == bars.getItemCount(0) - 1) {
        for (int s = 0; s < pending.length; s++) {
          if (pending[s] != null) {
            fill(g2, dataArea, s, pending[s]);
            pending[s] = null;
          }
        }
        if (antialias != null) {
          g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialias);
        }
        outlineSelected(g2, dataArea, bars, domainAxis, rangeAxis, xEdge, yEdge);
      }
    }

    private void fill(Graphics2D g2, Rectangle2D dataArea, int state, double[] p) {
      double left = Math.max(p[1], dataArea.getMinX());
      double right = Math.min(p[2], dataArea.getMaxX());
      double top = Math.max(p[0], dataArea.getMinY());
      double bottom = Math.min(p[0] + p[3], dataArea.getMaxY());
      if (right > left && bottom > top) {
        g2.setPaint(colors.get(TrialState.values()[state]));
        g2.fill(new Rectangle2D.Double(left, top, right - left, bottom - top));
        filled++;
      }
    }

    private void outlineSelected(Graphics2D g2, Rectangle2D dataArea, Bars bars, ValueAxis domainAxis,
        ValueAxis rangeAxis, RectangleEdge xEdge, RectangleEdge yEdge) {
      if (selected == null) {
        return;
      }
      TimelinePlot.Bar bar = bars.timeline().bar(selected).orElse(null);
      if (bar == null) {
        return;
      }
      double x0 = domainAxis.valueToJava2D(bar.start().toEpochMilli(), dataArea, xEdge);
      double x1 = domainAxis.valueToJava2D(bar.end().toEpochMilli(), dataArea, xEdge);
      double y = rangeAxis.valueToJava2D(bar.number(), dataArea, yEdge);
      double half = Math.max(3, Math.abs(rangeAxis.valueToJava2D(bar.number() + HALF_HEIGHT, dataArea, yEdge) - y));
      double left = Math.min(x0, x1) - 2;
      double width = Math.max(4, Math.abs(x1 - x0) + 4);
      Rectangle2D box = new Rectangle2D.Double(left, y - half - 1, width, 2 * half + 2);
      g2.setPaint(colors.get(bar.state()));
      g2.fill(box.createIntersection(dataArea));
      g2.setPaint(outline);
      g2.setStroke(new BasicStroke(2f));
      g2.draw(box.createIntersection(dataArea));
    }
  }
}
