package io.parzen.app.preview;

import io.parzen.app.ChartTheme;
import io.parzen.visualization.JointPreview;
import io.parzen.visualization.PriorPreview;
import java.awt.geom.Ellipse2D;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Maps the preview records to JFreeChart charts: an XY bar histogram (on a log axis for log
 * parameters), a category bar chart for choices and a scatter for joint draws. Stateless.
 */
final class PreviewCharts {

  /** Series key of every preview dataset. */
  static final String DRAWS = "draws";

  /** How far categorical points are spread around their choice, so that they do not overlap. */
  private static final double CATEGORY_JITTER = 0.3;

  private PreviewCharts() {}

  /** The histogram of a numeric parameter, or the bar chart of a categorical one. */
  static JFreeChart prior(PriorPreview preview, ChartTheme theme) {
    JFreeChart chart = preview.categorical() ? choiceBars(preview) : histogram(preview);
    theme.apply(chart);
    return chart;
  }

  /** The scatter of joint draws. */
  static JFreeChart joint(JointPreview preview, ChartTheme theme) {
    XYSeries series = new XYSeries(DRAWS, false, true);
    SplittableRandom jitter = new SplittableRandom(0);
    for (JointPreview.Point p : preview.points()) {
      series.add(spread(p.x(), preview.x(), jitter), spread(p.y(), preview.y(), jitter), false);
    }
    XYSeriesCollection dataset = new XYSeriesCollection(series);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    XYPlot plot = new XYPlot(dataset, axis(preview.x(), preview.points().isEmpty()),
        axis(preview.y(), preview.points().isEmpty()), renderer);
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    theme.apply(chart);
    int alpha = preview.points().size() > 2_000 ? 70 : 140;
    renderer.setSeriesPaint(0, theme.accent(alpha));
    renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    return chart;
  }

  private static JFreeChart histogram(PriorPreview preview) {
    XYIntervalSeries series = new XYIntervalSeries(DRAWS);
    for (PriorPreview.Bin bin : preview.bins()) {
      double middle = preview.logScale() ? Math.sqrt(bin.low() * bin.high()) : (bin.low() + bin.high()) / 2;
      series.add(middle, bin.low(), bin.high(), bin.count(), bin.count(), bin.count());
    }
    XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
    dataset.addSeries(series);
    double low = preview.bins().get(0).low();
    double high = preview.bins().get(preview.bins().size() - 1).high();
    ValueAxis x;
    if (preview.logScale()) {
      x = logAxis(preview.parameterName(), low, high);
    } else {
      NumberAxis linear = new NumberAxis(preview.parameterName());
      linear.setAutoRangeIncludesZero(false);
      linear.setNumberFormatOverride(new ShortNumberFormat());
      x = linear;
    }
    x.setRange(low, high);
    XYBarRenderer renderer = new XYBarRenderer(preview.bins().size() > 20 ? 0.08 : 0.2);
    renderer.setShadowVisible(false);
    renderer.setDefaultToolTipGenerator((data, s, item) -> String.format(Locale.ROOT, "%s – %s: %d draws",
        ShortNumberFormat.text(dataset.getStartXValue(s, item)), ShortNumberFormat.text(dataset.getEndXValue(s, item)),
        dataset.getY(s, item).intValue()));
    XYPlot plot = new XYPlot(dataset, x, countAxis(), renderer);
    return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
  }

  private static JFreeChart choiceBars(PriorPreview preview) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (PriorPreview.ChoiceCount choice : preview.choices()) {
      dataset.addValue(choice.count(), DRAWS, choice.label());
    }
    CategoryAxis x = new CategoryAxis(preview.parameterName());
    x.setCategoryMargin(0.25);
    if (preview.choices().size() > 6) {
      x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    BarRenderer renderer = new BarRenderer();
    renderer.setMaximumBarWidth(0.22);
    renderer.setDefaultToolTipGenerator((data, row, column) ->
        data.getColumnKey(column) + ": " + data.getValue(row, column).intValue() + " draws");
    CategoryPlot plot = new CategoryPlot(dataset, x, countAxis(), renderer);
    return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
  }

  private static NumberAxis countAxis() {
    NumberAxis y = new NumberAxis(DRAWS);
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    y.setUpperMargin(0.08);
    return y;
  }

  private static ValueAxis axis(JointPreview.Axis axis, boolean empty) {
    if (axis.categorical()) {
      SymbolAxis symbols = new SymbolAxis(axis.parameterName(), axis.choices().toArray(String[]::new));
      symbols.setGridBandsVisible(false);
      symbols.setRange(-0.5, axis.choices().size() - 0.5);
      return symbols;
    }
    if (axis.logScale()) {
      LogAxis log = logAxis(axis.parameterName(), axis.low(), axis.high());
      if (empty) {
        log.setRange(axis.low(), axis.high());
      }
      return log;
    }
    NumberAxis linear = new NumberAxis(axis.parameterName());
    linear.setAutoRangeIncludesZero(false);
    if (axis.integer()) {
      linear.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    } else {
      linear.setNumberFormatOverride(new ShortNumberFormat());
    }
    if (empty && axis.high() > axis.low()) {
      linear.setRange(axis.low(), axis.high());
    }
    return linear;
  }

  /** A log axis ticked at whole decades when the range spans a few of them. */
  private static LogAxis logAxis(String label, double low, double high) {
    LogAxis log = new LogAxis(label);
    log.setSmallestValue(low);
    log.setNumberFormatOverride(new ShortNumberFormat());
    if (Math.log10(high / low) >= 2.5) {
      log.setTickUnit(new NumberTickUnit(1.0), false, true);
    }
    return log;
  }

  private static double spread(double value, JointPreview.Axis axis, SplittableRandom jitter) {
    return axis.categorical() ? value + (jitter.nextDouble() - 0.5) * CATEGORY_JITTER : value;
  }
}
