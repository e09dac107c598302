package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.visualization.ImportancePlot;
import java.awt.Font;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The importance bar chart: one horizontal bar per parameter, the most important on top, each
 * labelled with its share as Optuna labels it, on an importance axis from 0 to 1.
 */
final class ImportanceChart {

  static final String SERIES = "Importance";

  private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
  private final Map<String, ImportancePlot.Bar> bars = new HashMap<>();
  private final JFreeChart chart;
  private final TextTitle title;

  ImportanceChart(ChartTheme theme, Function<ImportancePlot.Bar, String> describer) {
    CategoryAxis parameters = new CategoryAxis("Hyperparameter");
    parameters.setCategoryMargin(0.35);
    NumberAxis importance = new NumberAxis("Importance");
    importance.setRange(0, 1.08);
    importance.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.2));
    BarRenderer renderer = new BarRenderer();
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
      @Override
      public String generateLabel(CategoryDataset data, int row, int column) {
        ImportancePlot.Bar bar = bars.get((String) data.getColumnKey(column));
        return bar == null ? null : bar.label();
      }
    });
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
        TextAnchor.CENTER_LEFT));
    renderer.setItemLabelAnchorOffset(4);
    renderer.setDefaultToolTipGenerator((data, row, column) -> {
      ImportancePlot.Bar bar = bars.get((String) data.getColumnKey(column));
      return bar == null ? null : describer.apply(bar);
    });
    renderer.setMaximumBarWidth(0.12);
    CategoryPlot plot = new CategoryPlot(dataset, parameters, importance, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    theme.apply(chart);
    renderer.setDefaultItemLabelFont(theme.font(Font.PLAIN, 11));
    renderer.setDefaultItemLabelPaint(theme.isDark() ? new java.awt.Color(0xf0f6fc) : new java.awt.Color(0x1f2328));
    title = new TextTitle("", theme.font(Font.BOLD, 12));
    title.setPaint(theme.isDark() ? new java.awt.Color(0xf0f6fc) : new java.awt.Color(0x1f2328));
    chart.setPadding(new RectangleInsets(6, 4, 4, 14));
  }

  JFreeChart chart() {
    return chart;
  }

  /**
   * Runs {@code export} with a title on the chart naming the evaluator and the trials (the panel
   * says so above the chart on screen).
   */
  void exportTitled(Runnable export) {
    chart.setTitle(title);
    try {
      export.run();
    } finally {
      chart.setTitle((TextTitle) null);
    }
  }

  /** Shows {@code plot}'s bars (none for {@code null}), most important on top: one chart change. */
  void show(ImportancePlot plot) {
    chart.setNotify(false);
    dataset.clear();
    bars.clear();
    if (plot != null) {
      for (ImportancePlot.Bar bar : plot.bars()) {
        bars.put(bar.parameter(), bar);
        dataset.addValue(bar.importance(), SERIES, bar.parameter());
      }
      title.setText("Hyperparameter importances · " + ImportancePlot.nameOf(plot.method()) + " · "
          + plot.trialsUsed() + " trials");
    } else {
      title.setText("");
    }
    chart.setNotify(true);
  }

  /** The parameters as drawn, from the top bar down. */
  java.util.List<String> parameters() {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (Object key : dataset.getColumnKeys()) {
      names.add((String) key);
    }
    return names;
  }

  /** The dataset, for tests. */
  CategoryDataset dataset() {
    return dataset;
  }
}
