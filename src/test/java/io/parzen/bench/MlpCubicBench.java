package io.parzen.bench;

import io.parzen.objective.MlpCubic;
import io.parzen.objective.MlpCubic.Config;
import io.parzen.objective.MlpCubic.Optimizer;
import io.parzen.objective.MlpCubic.Settings;
import io.parzen.sampler.RandomSampler;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Seconds per trial of the "MLP on a cubic function" demo: the Java objective with its defaults
 * (10,000 samples, 2,500 steps) for networks from the smallest to the largest of its space, the
 * same at the Python script's default size (1,000 samples, 100 steps), and
 * {@code resources/examples/mlp_cubic.py} under /usr/bin/python3 at its defaults; then the
 * spread over 20 trials of a random-sampled study. Prints Markdown tables.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parzen.bench.MlpCubicBench
 * </pre>
 */
public final class MlpCubicBench {

  private static final String PYTHON = "/usr/bin/python3";
  private static final Path SCRIPT = Path.of("resources/examples/mlp_cubic.py");
  private static final Settings PYTHON_DEFAULTS = new Settings(1_000, 4, 32, 10);
  private static final int STUDY_TRIALS = 20;

  private MlpCubicBench() {}

  public static void main(String[] args) throws Exception {
    List<Config> configs = List.of(
        new Config(new int[] {2}, 1e-2, Optimizer.ADAM),
        new Config(new int[] {16}, 1e-2, Optimizer.SGD),
        new Config(new int[] {32, 32}, 1e-3, Optimizer.ADAM),
        new Config(new int[] {64, 64}, 1e-3, Optimizer.ADAM),
        new Config(new int[] {64, 64, 64, 64}, 1e-3, Optimizer.ADAM));
    MlpCubic full = new MlpCubic();
    MlpCubic small = new MlpCubic(PYTHON_DEFAULTS);
    boolean python = new File(PYTHON).canExecute() && Files.exists(SCRIPT);
    System.out.println("| network | optimizer | Java, 10,000 samples × 10 epochs (s) | test MSE "
        + "| Java, 1,000 × 4 (s) | Python, 1,000 × 4 (s) | test MSE |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|");
    for (Config c : configs) {
      double[] java = time(full, c);
      double[] javaSmall = time(small, c);
      String py = python ? String.format(Locale.ROOT, "%.2f", python(c)) : "no python3";
      System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.4f | %.4f | %s | %.4f |%n",
          Arrays.stream(c.units()).mapToObj(Integer::toString).collect(Collectors.joining("×")),
          c.optimizer().label(), java[0], java[1], javaSmall[0], py, javaSmall[1]);
    }
    Study study = Study.builder().space(full.space()).direction(StudyDirection.MINIMIZE)
        .sampler(new RandomSampler(0L)).build();
    study.optimize(full, Budget.trials(STUDY_TRIALS));
    double[] seconds = study.trials().stream()
        .mapToDouble(t -> Duration.between(t.start(), t.complete()).toNanos() / 1e9).sorted().toArray();
    System.out.println();
    System.out.println("| " + STUDY_TRIALS + " random trials (Java, defaults) | min | median | mean | max | best MSE |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    System.out.printf(Locale.ROOT, "| seconds per trial | %.3f | %.3f | %.3f | %.3f | %.4f |%n", seconds[0],
        seconds[seconds.length / 2], Arrays.stream(seconds).average().orElseThrow(), seconds[seconds.length - 1],
        study.bestValue());
  }

  /** The best of three timed runs after a warm-up run, and the test MSE. */
  private static double[] time(MlpCubic mlp, Config c) throws Exception {
    double value = mlp.train(c, 0, (s, v) -> { });
    double best = Double.MAX_VALUE;
    for (int r = 0; r < 3; r++) {
      long t0 = System.nanoTime();
      mlp.train(c, 0, (s, v) -> { });
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return new double[] {best, value};
  }

  /** Wall-clock seconds of one run of the script at its defaults, Python's start-up included. */
  private static double python(Config c) throws Exception {
    List<String> argv = new ArrayList<>(List.of(PYTHON, SCRIPT.toString(), "--lr", Double.toString(c.lr()),
        "--layers", Integer.toString(c.units().length), "--units",
        Arrays.stream(c.units()).mapToObj(Integer::toString).collect(Collectors.joining(",")),
        "--optimizer", c.optimizer().label(), "--seed", "0"));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("mlp_cubic.py failed: " + argv);
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}
