package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.app.run.LazyTips;
import io.parzen.app.run.TrialItem;
import io.parzen.visualization.ColorScale;
import io.parzen.visualization.RankPlot;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The rank chart: one dot per trial at its two parameter values, filled with the colour of its
 * objective value's rank (blue lowest, red highest, with Optuna's thin grey rim), the selected
 * trial ringed, and a colour bar labelled with the values' minimum, quartiles and maximum.
 */
final class RankChart {

  private final ChartTheme theme;
  private final XYSeries points = new XYSeries("Trials", false, true);
  private final XYSeries selected = new XYSeries("Selected", false, true);
  private final Map<Integer, TrialItem> byNumber = new HashMap<>();
  private final List<Color> colors = new ArrayList<>();
  private final XYPlot plot;
  private final XYLineAndShapeRenderer dots;
  private final JFreeChart chart;
  private RankPlot shown;

  RankChart(ChartTheme theme, IntFunction<String> describer) {
    this.theme = theme;
    dots = new LazyTips.ShapeRenderer(false, true) {
      @Override
      public Paint getItemPaint(int series, int item) {
        return colors.get(item);
      }
    };
    plot = new XYPlot(new XYSeriesCollection(points), new NumberAxis(), new NumberAxis(), dots);
    XYLineAndShapeRenderer ring = new LazyTips.ShapeRenderer(false, true);
    plot.setDataset(1, new XYSeriesCollection(selected));
    plot.setRenderer(1, ring);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    chart = new JFreeChart("Rank", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    theme.apply(chart);
    chart.getTitle().setFont(theme.font(java.awt.Font.BOLD, 12));
    chart.setPadding(new RectangleInsets(6, 4, 4, 6));
    dots.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    dots.setUseOutlinePaint(true);
    dots.setDrawOutlines(true);
    dots.setSeriesOutlinePaint(0, theme.isDark() ? new Color(0xc9d1d9) : new Color(0x808080));
    dots.setSeriesOutlineStroke(0, new BasicStroke(0.5f));
    dots.setDefaultToolTipGenerator((data, s, i) -> describer.apply(TrialItem.numberOf(points, i)));
    ring.setSeriesPaint(0, theme.isDark() ? Color.WHITE : Color.BLACK);
    ring.setSeriesShape(0, new Ellipse2D.Double(-7, -7, 14, 14));
    ring.setSeriesShapesFilled(0, false);
    ring.setSeriesStroke(0, new BasicStroke(2.5f));
    ring.setDefaultToolTipGenerator((data, s, i) -> describer.apply(TrialItem.numberOf(selected, i)));
  }

  JFreeChart chart() {
    return chart;
  }

  /** The plot drawn, or {@code null}. */
  RankPlot shown() {
    return shown;
  }

  int pointCount() {
    return points.getItemCount();
  }

  /** The fill of dot {@code item}, for tests. */
  Color colorOf(int item) {
    return colors.get(item);
  }

  /** The trial ringed, or {@code null}. */
  Integer selectedNumber() {
    return selected.isEmpty() ? null : TrialItem.numberOf(selected, 0);
  }

  /** Draws {@code rank} (or nothing for {@code null}), ringing trial {@code selectedNumber}. */
  void show(RankPlot rank, Integer selectedNumber) {
    shown = rank;
    chart.setNotify(false);
    chart.clearSubtitles();
    points.clear();
    colors.clear();
    byNumber.clear();
    if (rank != null) {
      ParamAxes.apply(plot, rank.x(), rank.y());
      chart.setTitle("Rank: " + rank.y().parameter() + " against " + rank.x().parameter());
      for (RankPlot.Point p : rank.points()) {
        TrialItem item = new TrialItem(p.number(), p.x(), p.y());
        points.add(item, false);
        colors.add(new Color(p.color()));
        byNumber.put(p.number(), item);
      }
      dots.setDrawOutlines(rank.points().size() <= ContourChart.OUTLINE_LIMIT);
      points.fireSeriesChanged();
      chart.addSubtitle(ParamAxes.colorBar(theme, ParamAxes.paintScale(0, 1, ColorScale::rdYlBuReversed),
          tickAxis(rank.colorTicks())));
    } else {
      chart.setTitle("Rank");
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

  /** An axis from 0 to 1 with a tick every quarter, labelled as {@code ticks} say. */
  private static NumberAxis tickAxis(List<RankPlot.Tick> ticks) {
    NumberAxis axis = new NumberAxis("Objective value");
    axis.setRange(0, 1);
    axis.setTickUnit(new NumberTickUnit(0.25, new NumberFormat() {
      @Override
      public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        for (RankPlot.Tick t : ticks) {
          if (Math.abs(t.position() - number) < 1e-9) {
            return toAppendTo.append(t.label());
          }
        }
        return toAppendTo;
      }

      @Override
      public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return format((double) number, toAppendTo, pos);
      }

      @Override
      public Number parse(String source, ParsePosition parsePosition) {
        return null;
      }
    }));
    return axis;
  }
}
