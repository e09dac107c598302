package io.parzen.bench;

import io.parzen.app.ChartTheme;
import io.parzen.app.run.PlotsBenchAccess;
import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What the live plots cost with 10,000 trials: opening a study of that size (plot data plus chart
 * datasets, then one repaint of every chart into a 640x420 image), and one batch of 20 trials
 * arriving on top of it (the append and the repaint). The space has a log float, an int, a
 * categorical and a float; every trial reports 20 intermediate values; a tenth are pruned.
 * Prints a Markdown table of median milliseconds.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parzen.bench.PlotsBench
 * </pre>
 */
public final class PlotsBench {

  private static final int TRIALS = 10_000;
  private static final int BATCH = 20;
  private static final int REPEATS = 15;

  static final Map<String, Distribution> DISTRIBUTIONS = new LinkedHashMap<>();

  static {
    DISTRIBUTIONS.put("lr", FloatDistribution.logUniform(1e-5, 1e-1));
    DISTRIBUTIONS.put("layers", IntDistribution.of(1, 4));
    DISTRIBUTIONS.put("optimizer", CategoricalDistribution.of("sgd", "adam", "rmsprop"));
    DISTRIBUTIONS.put("dropout", FloatDistribution.uniform(0, 0.5));
  }

  private PlotsBench() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    SearchSpace space = SearchSpace.of(DISTRIBUTIONS.entrySet().stream()
        .map(e -> new Parameter(e.getKey(), e.getValue())).toList());
    List<FrozenTrial> trials = trials(0, TRIALS, 1);
    List<String[]> rows = new ArrayList<>();
    for (String plot : PlotsBenchAccess.PLOTS) {
      double[] open = new double[REPEATS];
      double[] openPaint = new double[REPEATS];
      double[] batch = new double[REPEATS];
      double[] batchPaint = new double[REPEATS];
      for (int r = 0; r < REPEATS; r++) {
        long t0 = System.nanoTime();
        PlotsBenchAccess.Plot p = PlotsBenchAccess.open(plot, ChartTheme.light(), StudyDirection.MINIMIZE, space, trials);
        long t1 = System.nanoTime();
        p.paint();
        long t2 = System.nanoTime();
        p.append(trials(TRIALS + r * BATCH, BATCH, 100 + r));
        long t3 = System.nanoTime();
        p.paint();
        long t4 = System.nanoTime();
        open[r] = (t1 - t0) / 1e6;
        openPaint[r] = (t2 - t1) / 1e6;
        batch[r] = (t3 - t2) / 1e6;
        batchPaint[r] = (t4 - t3) / 1e6;
      }
      rows.add(new String[] {plot, ms(open), ms(openPaint), ms(batch), ms(batchPaint)});
    }
    System.out.printf(Locale.ROOT, "%,d trials, batches of %d, median of %d runs (ms)%n%n", TRIALS, BATCH, REPEATS);
    System.out.println("| plot | open: data + datasets | open: paint | batch: append | batch: paint |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (String[] r : rows) {
      System.out.println("| " + String.join(" | ", r) + " |");
    }
  }

  private static String ms(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "%.1f", sorted[sorted.length / 2]);
  }

  /** {@code n} finished trials numbered from {@code first}, random params, a tenth pruned at step 5. */
  static List<FrozenTrial> trials(int first, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<FrozenTrial> trials = new ArrayList<>(n);
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      int number = first + i;
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("lr", Math.exp(Math.log(1e-5) + rng.nextDouble() * Math.log(1e4)));
      params.put("layers", (long) rng.nextInt(1, 5));
      params.put("optimizer", List.of("sgd", "adam", "rmsprop").get(rng.nextInt(3)));
      params.put("dropout", rng.nextDouble() * 0.5);
      boolean pruned = rng.nextInt(10) == 0;
      TreeMap<Integer, Double> curve = new TreeMap<>();
      double floor = rng.nextDouble();
      for (int step = 0; step < (pruned ? 6 : 20); step++) {
        curve.put(step, floor + Math.exp(-0.3 * step));
      }
      trials.add(new FrozenTrial(number, number, pruned ? TrialState.PRUNED : TrialState.COMPLETE,
          pruned ? List.of() : List.of(curve.lastEntry().getValue()), start, start.plusMillis(5), params,
          DISTRIBUTIONS, Map.of(), Map.of(), curve));
    }
    return trials;
  }
}
