package io.parzen.app.run;

import io.parzen.app.ChartTheme;
import io.parzen.app.preview.ShortNumberFormat;
import io.parzen.visualization.SampleHistogram;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The histogram of one parameter's samples: bars of what the sampler drew, the prior's expected
 * counts as an outline over them, the selected trial's value as a vertical line. A batch replaces
 * the bar heights (a few dozen bars, whatever the number of trials).
 */
final class SamplesChart {

  static final String DRAWN = "Drawn";
  static final String PRIOR = "Prior (expected)";

  private final String parameter;
  private final ChartTheme theme;
  private final XYIntervalSeries drawn = new XYIntervalSeries(DRAWN);
  private final XYSeries prior = new XYSeries(PRIOR, false, true);
  private final XYPlot plot;
  private final JFreeChart chart;
  private SampleHistogram histogram;

  SamplesChart(ChartTheme theme, SampleHistogram histogram) {
    this.parameter = histogram.parameter();
    this.theme = theme;
    XYBarRenderer bars = new XYBarRenderer(0.04);
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    bars.setDefaultToolTipGenerator((data, s, i) -> {
      SampleHistogram.Bar bar = this.histogram.bars().get(i);
      String where = this.histogram.categorical() ? bar.label() : String.format(Locale.ROOT, "%.4g – %.4g",
          bar.low(), bar.high());
      return String.format(Locale.ROOT, "%s: %d drawn, prior expects %.1f", where, bar.count(), bar.expected());
    });
    NumberAxis counts = new NumberAxis("Trials");
    counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    plot = new XYPlot(new XYIntervalSeriesCollection(), domainAxis(histogram), counts, bars);
    ((XYIntervalSeriesCollection) plot.getDataset()).addSeries(drawn);
    XYLineAndShapeRenderer outline = new XYLineAndShapeRenderer(true, false);
    plot.setDataset(1, new XYSeriesCollection(prior));
    plot.setRenderer(1, outline);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    chart = new JFreeChart(parameter, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    theme.apply(chart);
    chart.getTitle().setFont(theme.font(java.awt.Font.BOLD, 12));
    chart.setPadding(new RectangleInsets(6, 4, 4, 10));
    bars.setSeriesPaint(0, theme.accent(170));
    outline.setSeriesPaint(0, theme.highlight());
    outline.setSeriesStroke(0, new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 4f,
        new float[] {5f, 3f}, 0f));
    chart.addLegend(legend());
    update(histogram);
  }

  String parameter() {
    return parameter;
  }

  JFreeChart chart() {
    return chart;
  }

  /** The histogram drawn. */
  SampleHistogram histogram() {
    return histogram;
  }

  /** The sum of the bar heights. */
  int drawnCount() {
    int sum = 0;
    for (int i = 0; i < drawn.getItemCount(); i++) {
      sum += (int) drawn.getYValue(i);
    }
    return sum;
  }

  /** Shows {@code next}: new bar heights and expected counts, one chart change. */
  void update(SampleHistogram next) {
    histogram = next;
    chart.setNotify(false);
    drawn.clear();
    prior.clear();
    List<SampleHistogram.Bar> bars = next.bars();
    for (int i = 0; i < bars.size(); i++) {
      SampleHistogram.Bar b = bars.get(i);
      double low = next.categorical() ? i - 0.4 : b.low();
      double high = next.categorical() ? i + 0.4 : b.high();
      drawn.add(next.categorical() ? i : (low + high) / 2, low, high, b.count(), 0, b.count());
      prior.add(low, b.expected(), false);
      prior.add(high, b.expected(), false);
      if (next.categorical() && i + 1 < bars.size()) {
        prior.add(high, Double.NaN, false);  // a gap between the choices' outlines
      }
    }
    prior.fireSeriesChanged();
    chart.setTitle(String.format(Locale.ROOT, "%s · %d drawn%s", parameter, next.samples(),
        next.outside() > 0 ? ", " + next.outside() + " beyond the prior's range" : ""));
    chart.getTitle().setFont(theme.font(java.awt.Font.BOLD, 12));
    chart.getTitle().setPaint(theme.isDark() ? new Color(0xf0f6fc) : new Color(0x1f2328));
    chart.setNotify(true);
  }

  /** Marks {@code value} (a parameter value as trials report it), or nothing for {@code null}. */
  void select(Object value) {
    plot.clearDomainMarkers();
    if (value == null) {
      return;
    }
    double x;
    if (histogram.categorical()) {
      x = histogram.bars().stream().map(SampleHistogram.Bar::label).toList().indexOf(String.valueOf(value));
      if (x < 0) {
        return;
      }
    } else if (value instanceof Number n) {
      x = n.doubleValue();
    } else {
      return;
    }
    ValueMarker marker = new ValueMarker(x, theme.danger(), new BasicStroke(2f));
    plot.addDomainMarker(0, marker, Layer.FOREGROUND);
  }

  private ValueAxis domainAxis(SampleHistogram h) {
    if (h.categorical()) {
      SymbolAxis axis = new SymbolAxis(parameter, h.bars().stream().map(SampleHistogram.Bar::label)
          .toArray(String[]::new));
      axis.setGridBandsVisible(false);
      return axis;
    }
    if (h.logScale()) {
      LogAxis axis = new LogAxis(parameter + " (log)");
      axis.setSmallestValue(1e-300);
      axis.setNumberFormatOverride(new ShortNumberFormat());
      return axis;
    }
    NumberAxis axis = new NumberAxis(parameter);
    axis.setAutoRangeIncludesZero(false);
    boolean integerBars = h.bars().stream().allMatch(b -> b.high() - b.low() >= 1 - 1e-9
        && Math.abs((b.low() + b.high()) / 2 - Math.rint((b.low() + b.high()) / 2)) < 1e-9);
    if (integerBars) {
      axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    } else {
      axis.setNumberFormatOverride(new ShortNumberFormat());
    }
    return axis;
  }

  private LegendTitle legend() {
    LegendItemCollection items = new LegendItemCollection();
    items.add(new LegendItem(DRAWN, null, null, null, new Rectangle2D.Double(-5, -5, 10, 10), theme.accent(170)));
    items.add(new LegendItem(PRIOR, null, null, null, new Line2D.Double(-7, 0, 7, 0), new BasicStroke(1.8f),
        theme.highlight()));
    LegendTitle legend = new LegendTitle(() -> items);
    legend.setPosition(RectangleEdge.TOP);
    legend.setBackgroundPaint(theme.background());
    legend.setItemPaint(theme.muted());
    legend.setItemFont(theme.font(java.awt.Font.PLAIN, 10));
    return legend;
  }
}
