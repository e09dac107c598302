package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.app.preview.ShortNumberFormat;
import io.parzen.visualization.ParamAxis;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** Chart pieces the two-parameter plots share: an axis for a {@link ParamAxis}, a colour bar. */
final class ParamAxes {

  private ParamAxes() {}

  /**
   * A chart axis showing {@code axis}: logarithmic for log parameters, category labels at their
   * positions for categorical ones, fixed to the axis's padded range.
   */
  static ValueAxis of(ParamAxis axis) {
    ValueAxis chartAxis;
    if (axis.isLog()) {
      LogAxis log = new LogAxis(axis.parameter() + " (log)");
      log.setSmallestValue(1e-300);
      log.setNumberFormatOverride(new ShortNumberFormat());
      if (axis.high() > axis.low()) {
        // JFreeChart picks as many ticks as the labels' height allows: a tick every 0.05 decade on a
        // tall axis. About eight instead, a whole number of tenths of a decade apart.
        double decades = Math.log10(axis.high() / axis.low());
        double unit = decades / 8 <= 0.1 ? 0.1 : decades / 8 <= 0.25 ? 0.25 : decades / 8 <= 0.5 ? 0.5
            : Math.ceil(decades / 8);
        log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(unit), false, false);
        log.setAutoTickUnitSelection(false);
      }
      chartAxis = log;
    } else if (axis.isCategorical()) {
      SymbolAxis symbols = new SymbolAxis(axis.parameter(), axis.categories().toArray(String[]::new));
      symbols.setGridBandsVisible(false);
      chartAxis = symbols;
    } else {
      NumberAxis number = new NumberAxis(axis.parameter());
      number.setAutoRangeIncludesZero(false);
      number.setNumberFormatOverride(new ShortNumberFormat());
      if (axis.scale() == io.parzen.visualization.SlicePlot.Scale.INTEGER) {
        number.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      }
      chartAxis = number;
    }
    if (axis.high() > axis.low()) {
      chartAxis.setRange(axis.low(), axis.high());
    } else {
      double pad = axis.isLog() ? axis.low() * 0.5 : Math.max(0.5, Math.abs(axis.low()) * 0.05);
      chartAxis.setRange(axis.low() - pad, axis.high() + pad);
    }
    return chartAxis;
  }

  /** Puts axes for {@code x} and {@code y} on {@code plot}, styled like the ones they replace. */
  static void apply(XYPlot plot, ParamAxis x, ParamAxis y) {
    ValueAxis domain = of(x);
    ValueAxis range = of(y);
    io.parzen.app.run.ChartSupport.styleLike(domain, plot.getDomainAxis());
    io.parzen.app.run.ChartSupport.styleLike(range, plot.getRangeAxis());
    plot.setDomainAxis(domain);
    plot.setRangeAxis(range);
  }

  /** A paint scale over [{@code low}, {@code high}] that colours each value with {@code color} (0xRRGGBB). */
  static PaintScale paintScale(double low, double high, DoubleUnaryOperator color) {
    return new PaintScale() {
      @Override
      public double getLowerBound() {
        return low;
      }

      @Override
      public double getUpperBound() {
        return high;
      }

      @Override
      public Paint getPaint(double value) {
        return new Color((int) color.applyAsDouble(value));
      }
    };
  }

  /** A vertical colour bar on the right of a chart, themed, over {@code axis}. */
  static PaintScaleLegend colorBar(ChartTheme theme, PaintScale scale, ValueAxis axis) {
    axis.setLabelFont(theme.font(Font.PLAIN, 11));
    axis.setTickLabelFont(theme.font(Font.PLAIN, 10));
    axis.setLabelPaint(theme.muted());
    axis.setTickLabelPaint(theme.muted());
    axis.setAxisLinePaint(theme.muted());
    axis.setTickMarkPaint(theme.muted());
    PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
    legend.setStripWidth(12);
    legend.setSubdivisionCount(128);
    legend.setMargin(new RectangleInsets(8, 10, 8, 2));
    legend.setBackgroundPaint(theme.background());
    legend.setStripOutlineVisible(false);
    return legend;
  }
}
