package io.parzen.bench;

import io.parzen.app.analysis.ImportanceTimelineBenchAccess;
import io.parzen.importance.ParamImportances;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.ImportancePlot;
import io.parzen.visualization.TimelinePlot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/**
 * What the analysis panels cost: the timeline with 1,000 and 10,000 trials (building the plot
 * data, then one repaint at 640x420 and 1280x800 with entities collected as on screen, beside
 * JFreeChart's own {@code XYBarRenderer} drawing the same bars), and one importance computation
 * of each evaluator, which the importance panel repeats at most every 2 s while a run goes.
 * Trials of {@link PlotsBench}'s space; on the timeline four workers overlap, 10 % pruned, 5 %
 * failed, the last four running. Prints Markdown tables of median milliseconds.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parzen.bench.ImportanceTimelineBench
 * </pre>
 */
public final class ImportanceTimelineBench {

  private static final int REPEATS = 15;
  private static final int IMPORTANCE_REPEATS = 3;

  private ImportanceTimelineBench() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    timeline(false);  // warms the JIT up on both sizes
    timeline(true);
    importance();
  }

  private static void timeline(boolean print) {
    if (print) {
      System.out.println("Timeline, median of " + REPEATS + " runs (ms)\n");
      System.out.println("| trials | build plot data | paint 640x420 | paint 1280x800 | rectangles filled (1280x800) "
          + "| XYBarRenderer paint 1280x800 |");
      System.out.println("|---:|---:|---:|---:|---:|---:|");
    }
    for (int n : new int[] {1_000, 10_000}) {
      List<FrozenTrial> trials = timed(n, 1);
      Instant now = trials.get(n - 1).start().plusSeconds(1);
      TimelinePlot.Builder builder = new TimelinePlot.Builder().add(trials);
      TimelinePlot plot = builder.build(now);
      ImportanceTimelineBenchAccess.Timeline ours = ImportanceTimelineBenchAccess.timeline(plot);
      JFreeChart plain = ImportanceTimelineBenchAccess.plainTimeline(plot);
      double build = median(() -> builder.build(now));
      double small = median(() -> ImportanceTimelineBenchAccess.paint(ours.chart(), 640, 420));
      double large = median(() -> ImportanceTimelineBenchAccess.paint(ours.chart(), 1280, 800));
      int rectangles = ours.rectanglesDrawn().getAsInt();
      double plainLarge = median(() -> ImportanceTimelineBenchAccess.paint(plain, 1280, 800));
      if (print) {
        System.out.printf(Locale.ROOT, "| %,d | %.1f | %.1f | %.1f | %,d | %.1f |%n", n, build, small, large,
            rectangles, plainLarge);
      }
    }
  }

  private static void importance() {
    System.out.println("\nImportance of 4 parameters (one computation, median of " + IMPORTANCE_REPEATS
        + " after a warm-up; ms)\n");
    System.out.println("| trials | fANOVA | PED-ANOVA | importance chart paint 640x420 |");
    System.out.println("|---:|---:|---:|---:|");
    for (int n : new int[] {1_000, 10_000}) {
      List<FrozenTrial> trials = PlotsBench.trials(0, n, 2);
      ImportancePlot.compute(trials, StudyDirection.MINIMIZE, ParamImportances.Method.FANOVA, 0);
      double fanova = median(IMPORTANCE_REPEATS, () -> ImportancePlot.compute(trials, StudyDirection.MINIMIZE,
          ParamImportances.Method.FANOVA, 0));
      double ped = median(IMPORTANCE_REPEATS, () -> ImportancePlot.compute(trials, StudyDirection.MINIMIZE,
          ParamImportances.Method.PED_ANOVA, 0));
      JFreeChart chart = ImportanceTimelineBenchAccess.importance(ImportancePlot.compute(trials, StudyDirection.MINIMIZE,
          ParamImportances.Method.PED_ANOVA, 0));
      double paint = median(() -> ImportanceTimelineBenchAccess.paint(chart, 640, 420));
      System.out.printf(Locale.ROOT, "| %,d | %.0f | %.1f | %.1f |%n", n, fanova, ped, paint);
    }
  }

  private static double median(Runnable r) {
    return median(REPEATS, () -> {
      r.run();
      return null;
    });
  }

  private static double median(int repeats, Supplier<?> work) {
    work.get();  // warm-up
    double[] ms = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      work.get();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms[repeats / 2];
  }

  /**
   * {@code n} trials as four workers run them: each worker starts its next trial when its last one
   * ends, after 50-500 ms; the last four are still running.
   */
  public static List<FrozenTrial> timed(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
    long[] free = new long[4];
    List<FrozenTrial> trials = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int w = 0;
      for (int k = 1; k < free.length; k++) {
        if (free[k] < free[w]) {
          w = k;
        }
      }
      long start = free[w];
      long end = start + 50 + rng.nextInt(451);
      free[w] = end;
      int roll = rng.nextInt(100);
      TrialState state = i >= n - 4 ? TrialState.RUNNING : roll < 10 ? TrialState.PRUNED
          : roll < 15 ? TrialState.FAIL : TrialState.COMPLETE;
      trials.add(new FrozenTrial(i, i, state, state == TrialState.COMPLETE ? List.of(rng.nextDouble()) : List.of(),
          t0.plusMillis(start), state == TrialState.RUNNING ? null : t0.plusMillis(end), Map.of(), Map.of(), Map.of(),
          Map.of(), new java.util.TreeMap<>()));
    }
    return trials;
  }
}
