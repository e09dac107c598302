package io.parzen.app.run;

import io.parzen.app.ChartTheme;
import io.parzen.space.SearchSpace;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.visualization.IntermediateValues;
import io.parzen.visualization.OptimizationHistory;
import io.parzen.visualization.SampleHistogram;
import io.parzen.visualization.SlicePlot;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The live plots' data and charts without a window, driven as the panels drive them, for
 * {@code io.parzen.bench.PlotsBench}.
 */
public final class PlotsBenchAccess {

  public static final List<String> PLOTS = List.of("history", "slice (4 params)", "samples (4 params)",
      "intermediate values (200 curves)");

  private PlotsBenchAccess() {}

  /** One plot panel's state: its engine builder and its charts. */
  public interface Plot {
    void append(List<FrozenTrial> batch);

    /** Paints every chart into a 640x420 image. */
    void paint();
  }

  /** The plot {@code name} (one of {@link #PLOTS}) opened on {@code trials}. */
  public static Plot open(String name, ChartTheme theme, StudyDirection direction, SearchSpace space,
      List<FrozenTrial> trials) {
    switch (PLOTS.indexOf(name)) {
      case 0 -> {
        OptimizationHistory.Builder b = new OptimizationHistory.Builder(direction).append(trials);
        HistoryChart chart = new HistoryChart(theme, false);
        chart.reset(b.build());
        return plot(List.of(chart.chart()), batch -> chart.append(b.append(batch).lastAdded()));
      }
      case 1 -> {
        SlicePlot.Builder b = new SlicePlot.Builder().append(trials);
        List<SliceChart> charts = new ArrayList<>();
        for (SlicePlot.Slice s : b.build().slices()) {
          charts.add(new SliceChart(theme, s, false, n -> 0x08519c, n -> "trial " + n));
        }
        return plot(charts.stream().map(SliceChart::chart).toList(), batch -> {
          SlicePlot added = b.append(batch).lastAdded();
          for (SliceChart c : charts) {
            added.slice(c.parameter()).ifPresent(c::add);
          }
        });
      }
      case 2 -> {
        SampleHistogram.Builder b = new SampleHistogram.Builder(space, 1).append(trials);
        List<SamplesChart> charts = new ArrayList<>();
        for (SampleHistogram h : b.build()) {
          charts.add(new SamplesChart(theme, h));
        }
        return plot(charts.stream().map(SamplesChart::chart).toList(), batch -> {
          List<SampleHistogram> all = b.append(batch).build();
          for (int i = 0; i < all.size(); i++) {
            charts.get(i).update(all.get(i));
          }
        });
      }
      default -> {
        IntermediateValues.Builder b = new IntermediateValues.Builder(IntermediateValues.DEFAULT_CAP).append(trials);
        IntermediateValuesChart chart = new IntermediateValuesChart(theme, false, n -> "trial " + n);
        chart.reset(b.build());
        return plot(List.of(chart.chart()), batch -> {
          b.append(batch);
          chart.change(b.lastAdded(), b.lastRemoved());
        });
      }
    }
  }

  private static Plot plot(List<JFreeChart> charts, java.util.function.Consumer<List<FrozenTrial>> append) {
    return new Plot() {
      @Override
      public void append(List<FrozenTrial> batch) {
        append.accept(batch);
      }

      @Override
      public void paint() {
        BufferedImage image = new BufferedImage(640, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (JFreeChart c : charts) {
          c.draw(g, new Rectangle2D.Double(0, 0, 640, 420));
        }
        g.dispose();
      }
    };
  }
}
