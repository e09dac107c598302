package io.parzen.app.run;

import org.jfree.data.xy.XYDataItem;
import org.jfree.data.xy.XYSeries;

/** A point of a chart series that remembers which trial it shows, for colours, tooltips and clicks. */
public final class TrialItem extends XYDataItem {

  private final int number;

  public TrialItem(int number, double x, double y) {
    super(x, y);
    this.number = number;
  }

  public int number() {
    return number;
  }

  /** The trial of item {@code item} of {@code series}, or -1 when it is a plain point. */
  public static int numberOf(XYSeries series, int item) {
    return series.getDataItem(item) instanceof TrialItem t ? t.number() : -1;
  }
}
