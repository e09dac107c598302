package io.parzen.app.compare;

import io.parzen.app.ChartTheme;
import io.parzen.visualization.HistoryOverlay;
import java.awt.Color;
import org.jfree.chart.JFreeChart;

/** Lets {@code io.parzen.bench.CompareBench} build the package-private History chart. */
public final class CompareBenchAccess {

  private CompareBenchAccess() {}

  /** The Compare window's History chart showing {@code overlay}, study i in palette colour i. */
  public static JFreeChart historyChart(HistoryOverlay overlay) {
    CompareHistoryChart chart = new CompareHistoryChart(ChartTheme.light(), false);
    chart.show(overlay, i -> StudyColors.awt(i, false, 255));
    return chart.chart();
  }

  /** Colour of study {@code i} on a light background. */
  public static Color color(int i) {
    return StudyColors.awt(i, false, 255);
  }
}
