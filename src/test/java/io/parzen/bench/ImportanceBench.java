package io.parzen.bench;

import io.parzen.importance.FanovaOptions;
import io.parzen.importance.Importance;
import io.parzen.importance.OptunaImportance;
import io.parzen.importance.ParamImportances;
import io.parzen.importance.PedAnovaOptions;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Importance speed beside Optuna 3.1 (Debian's python3-optuna with scikit-learn, through
 * {@code src/test/resources/interop/optuna_importance.py}): fANOVA (64 trees) and PED-ANOVA over
 * 100, 1,000 and 5,000 random trials of 10 float parameters. Prints a Markdown table with the
 * median of {@code repeats} timed runs after a warm-up (ours) or one run (Optuna's
 * {@code get_param_importances}, timed inside Python, interpreter start-up excluded), and the
 * largest importance each found, as a sanity check that both computed the same thing. Each time is
 * CPU time, then wall time in brackets: on a shared machine the wall time includes waiting for a
 * core, the CPU time does not (for the common pool, only the wall time is meaningful).
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parzen.bench.ImportanceBench
 * </pre>
 *
 * System properties: {@code sizes} (default {@code 100,1000,5000}), {@code repeats} (5),
 * {@code optuna} ({@code false} to skip Optuna), {@code optunaLimit} (seconds Optuna may take per
 * size, default 900), {@code parzen.optunaPath} (a newer Optuna's source, which adds PED-ANOVA).
 */
public final class ImportanceBench {

  static final int PARAMS = 10;

  private ImportanceBench() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = Arrays.stream(System.getProperty("sizes", "100,1000,5000").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    int repeats = Integer.getInteger("repeats", 5);
    boolean withOptuna = !"false".equals(System.getProperty("optuna"));
    Duration limit = Duration.ofSeconds(Integer.getInteger("optunaLimit", 900));
    String missing = withOptuna ? OptunaImportance.missing() : "skipped";
    Path dir = Files.createTempDirectory("importance-bench");
    try {
      run(sizes, repeats, missing, limit, dir);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(int[] sizes, int repeats, String missing, Duration limit, Path dir) throws Exception {

    System.out.printf(Locale.ROOT, "Random trials of %d float parameters, f = sum_k w_k sin(3 x_k) + x0 x1;"
        + " %d cores; Optuna: %s%n%n", PARAMS, Runtime.getRuntime().availableProcessors(),
        missing == null ? "yes" : missing);
    System.out.println("| trials | fANOVA, ours | fANOVA, ours on the common pool (wall) | fANOVA, Optuna "
        + "| PED-ANOVA, ours | PED-ANOVA, Optuna | top fANOVA importance, ours / Optuna |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---|");
    for (int n : sizes) {
      List<FrozenTrial> trials = trials(n, 31L * n);
      ParamImportances[] last = new ParamImportances[1];
      double[] sequential = median(repeats, () -> last[0] = Importance.fanova(trials, StudyDirection.MINIMIZE,
          FanovaOptions.seeded(0)));
      double[] parallel = median(repeats, () -> Importance.fanova(trials, StudyDirection.MINIMIZE,
          FanovaOptions.seeded(0).withParallel(true)));
      double[] ped = median(repeats, () -> Importance.pedAnova(trials, StudyDirection.MINIMIZE,
          PedAnovaOptions.defaults()));
      String optunaFanova = "-";
      String optunaPed = "-";
      String top = top(last[0].asMap());
      if (missing == null) {
        try {
          OptunaImportance.Result r = OptunaImportance.run(dir, trials, StudyDirection.MINIMIZE, "fanova", 0, limit);
          optunaFanova = time(r.cpuSeconds(), r.seconds());
          top += " / " + top(r.importances());
        } catch (IllegalStateException e) {
          optunaFanova = "> " + limit.toSeconds() + " s";
        }
        OptunaImportance.Result r = OptunaImportance.run(dir, trials, StudyDirection.MINIMIZE, "ped-anova", 0, limit);
        optunaPed = r == null ? "n/a (Optuna 3.1)" : time(r.cpuSeconds(), r.seconds()) + " (Optuna " + r.version() + ")";
      }
      System.out.printf(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s |%n", n, time(sequential[0], sequential[1]),
          seconds(parallel[1]), optunaFanova, time(ped[0], ped[1]), optunaPed, top);
    }
  }

  /** n COMPLETE trials of x0..x9 uniform in [0, 1], valued by a sum of decreasing effects. */
  public static List<FrozenTrial> trials(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Map<String, Distribution> distributions = new LinkedHashMap<>();
    for (int k = 0; k < PARAMS; k++) {
      distributions.put("x" + k, FloatDistribution.uniform(0, 1));
    }
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    List<FrozenTrial> trials = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Object> params = new LinkedHashMap<>();
      double[] x = new double[PARAMS];
      double value = 0;
      for (int k = 0; k < PARAMS; k++) {
        x[k] = rng.nextDouble();
        params.put("x" + k, x[k]);
        value += Math.pow(0.6, k) * Math.sin(3 * x[k]);
      }
      value += x[0] * x[1] + 0.01 * rng.nextGaussian();
      trials.add(new FrozenTrial(i, i, TrialState.COMPLETE, List.of(value), start, start.plusSeconds(1), params,
          distributions, Map.of(), Map.of(), new TreeMap<>()));
    }
    return trials;
  }

  private static String top(Map<String, Double> importances) {
    Map.Entry<String, Double> first = importances.entrySet().iterator().next();
    return String.format(Locale.ROOT, "%s %.3f", first.getKey(), first.getValue());
  }

  /**
   * The median CPU time of the calling thread and the median wall time of {@code repeats} runs,
   * after untimed runs for at least a second (JIT warm-up).
   */
  private static double[] median(int repeats, Supplier<?> work) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long warmUntil = System.nanoTime() + 1_000_000_000L;
    do {
      work.get();
    } while (System.nanoTime() < warmUntil);
    double[] cpu = new double[repeats];
    double[] wall = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      work.get();
      wall[r] = (System.nanoTime() - t0) / 1e9;
      cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    return new double[] {cpu[repeats / 2], wall[repeats / 2]};
  }

  private static String time(double cpu, double wall) {
    return seconds(cpu) + " (" + seconds(wall) + ")";
  }

  private static String seconds(double s) {
    return s < 1 ? String.format(Locale.ROOT, "%.0f ms", s * 1000) : String.format(Locale.ROOT, "%.2f s", s);
  }
}
