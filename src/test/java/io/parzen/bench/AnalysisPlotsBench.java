package io.parzen.bench;

import io.parzen.app.analysis.AnalysisBenchAccess;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.visualization.ContourPlot;
import io.parzen.visualization.ParallelCoordinates;
import io.parzen.visualization.RankPlot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the analysis plots cost at 200, 2,000 and 10,000 trials of {@link PlotsBench}'s space (a
 * log float, an int, a categorical and a float; a tenth pruned): computing each plot's data (the
 * contour's on the background executor) and painting its chart into a 1000x600 image with Java2D
 * (the screen's JavaFX canvas costs more per line). Also the contour over three trials only, the
 * interpolation's slowest case. Prints a Markdown table of median milliseconds.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parzen.bench.AnalysisPlotsBench
 * </pre>
 */
public final class AnalysisPlotsBench {

  private static final int REPEATS = 9;
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 600;

  private AnalysisPlotsBench() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    List<String[]> rows = new ArrayList<>();
    // Warm the JIT on a throwaway study first.
    List<FrozenTrial> warm = PlotsBench.trials(0, 2_000, 9);
    for (int i = 0; i < 3; i++) {
      AnalysisBenchAccess.paintContour(ContourPlot.of(warm, "lr", "dropout", StudyDirection.MINIMIZE), WIDTH, HEIGHT);
      AnalysisBenchAccess.paintParallel(ParallelCoordinates.of(warm, StudyDirection.MINIMIZE, "v"), true, WIDTH, HEIGHT);
      AnalysisBenchAccess.paintRank(RankPlot.of(warm, "lr", "dropout"), WIDTH, HEIGHT);
    }
    List<FrozenTrial> three = PlotsBench.trials(0, 3, 5);
    rows.add(row("contour (lr × dropout)", 3,
        () -> ContourPlot.of(three, "lr", "dropout", StudyDirection.MINIMIZE),
        p -> AnalysisBenchAccess.paintContour(p, WIDTH, HEIGHT)));
    for (int n : new int[] {200, 2_000, 10_000}) {
      List<FrozenTrial> trials = PlotsBench.trials(0, n, 1);
      rows.add(row("contour (lr × dropout)", n,
          () -> ContourPlot.of(trials, "lr", "dropout", StudyDirection.MINIMIZE),
          p -> AnalysisBenchAccess.paintContour(p, WIDTH, HEIGHT)));
      rows.add(row("parallel coordinates", n,
          () -> ParallelCoordinates.of(trials, StudyDirection.MINIMIZE, "v"),
          p -> AnalysisBenchAccess.paintParallel(p, false, WIDTH, HEIGHT)));
      rows.add(row("parallel coordinates, brushed", n,
          () -> ParallelCoordinates.of(trials, StudyDirection.MINIMIZE, "v"),
          p -> AnalysisBenchAccess.paintParallel(p, true, WIDTH, HEIGHT)));
      rows.add(row("rank (lr × dropout)", n, () -> RankPlot.of(trials, "lr", "dropout"),
          p -> AnalysisBenchAccess.paintRank(p, WIDTH, HEIGHT)));
    }
    System.out.printf(Locale.ROOT, "median of %d runs (ms), paint into %dx%d%n%n", REPEATS, WIDTH, HEIGHT);
    System.out.println("| plot | trials | data | paint |");
    System.out.println("|---|---:|---:|---:|");
    for (String[] r : rows) {
      System.out.println("| " + String.join(" | ", r) + " |");
    }
  }

  private static <T> String[] row(String name, int trials, Supplier<T> data, java.util.function.Consumer<T> paint) {
    double[] compute = new double[REPEATS];
    double[] draw = new double[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      long t0 = System.nanoTime();
      T plot = data.get();
      long t1 = System.nanoTime();
      paint.accept(plot);
      long t2 = System.nanoTime();
      compute[r] = (t1 - t0) / 1e6;
      draw[r] = (t2 - t1) / 1e6;
    }
    return new String[] {name, String.format(Locale.ROOT, "%,d", trials), ms(compute), ms(draw)};
  }

  private static String ms(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "%.1f", sorted[sorted.length / 2]);
  }
}
