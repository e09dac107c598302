package io.parzen.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ThinnedDotsTest {

  /** Draws {@code series} at 400 × 300 and returns how many dots were drawn (one entity each). */
  private static long drawnDots(XYSeries series) {
    LazyTips.ThinnedDots dots = new LazyTips.ThinnedDots();
    dots.setDefaultToolTipGenerator((data, s, i) -> "trial " + i);
    XYPlot plot = new XYPlot(new XYSeriesCollection(series), new NumberAxis("x"), new NumberAxis("y"), dots);
    JFreeChart chart = new JFreeChart(plot);
    ChartRenderingInfo info = new ChartRenderingInfo();
    BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
    java.awt.Graphics2D g2 = image.createGraphics();
    chart.draw(g2, new Rectangle2D.Double(0, 0, 400, 300), info);
    g2.dispose();
    return info.getEntityCollection().getEntities().stream().filter(e -> e instanceof XYItemEntity).count();
  }

  @Test
  void dotsOnTopOfEachOtherAreDrawnOnce() {
    XYSeries crowded = new XYSeries("complete", false, true);
    for (int i = 0; i < 5_000; i++) {
      crowded.add(i, 1.0 + (i % 3) * 1e-9);  // 5,000 trials with (almost) the same value
    }
    crowded.add(0, 0.0);
    crowded.add(4_999, 2.0);
    long drawn = drawnDots(crowded);
    assertThat(drawn).isLessThan(200).isGreaterThan(60);  // about one per 3-pixel column of the line
  }

  @Test
  void dotsApartAreAllDrawnAndKeepTheirTooltips() {
    XYSeries apart = new XYSeries("complete", false, true);
    for (int i = 0; i < 30; i++) {
      apart.add(i, i * i);
    }
    assertThat(drawnDots(apart)).isEqualTo(30);
  }
}
