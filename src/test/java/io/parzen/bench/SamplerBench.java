package io.parzen.bench;

import io.parzen.objective.BenchmarkFunction;
import io.parzen.objective.BenchmarkFunctions;
import io.parzen.sampler.Sampler;
import io.parzen.sampler.Samplers;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.storage.InMemoryStorage;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.Trial;
import io.parzen.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sampler quality and speed beside Optuna 3.1 (Debian's python3-optuna, run through
 * {@code bench/optuna_sampler_bench.py} with /usr/bin/python3). Prints two Markdown tables.
 *
 * <p>Quality: every sampler of {@link Samplers#NAMES} but grid, on six benchmark functions and a
 * mixed space, {@code trials} trials for each of {@code seeds} seeds; the median and IQR of the
 * best value after 25, 50 and {@code trials} trials, beside Optuna's TPE, random, QMC and CMA-ES.
 *
 * <p>Speed: the median time of one ask (suggesting 10 floats) + tell in a study already holding
 * 100, 1,000 and 10,000 finished trials, beside Optuna's TPE.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parzen.bench.SamplerBench
 * </pre>
 *
 * System properties: {@code seeds} (default 20), {@code trials} (default 100), {@code parts}
 * ({@code quality,speed}), {@code optuna} ({@code false} to skip Optuna), {@code script} (path of
 * the Python script, default {@code bench/optuna_sampler_bench.py}), {@code samplers} (a comma
 * list of the quality and speed rows to run, such as {@code tpe,tpe-multivariate}; default all),
 * {@code optunaQuality} (a file holding the script's quality output from an earlier run, used
 * instead of running it again).
 *
 * <p>Besides the names of {@link Samplers}, {@code tpe-multivariate} is {@code tpe} with {@code
 * multivariate=true} (Optuna: {@code TPESampler(multivariate=True)}).
 */
public final class SamplerBench {

  static final List<String> FUNCTIONS =
      List.of("quadratic", "branin", "hartmann6", "rosenbrock-5d", "ackley-10d", "styblinski-tang-5d", "mixed");
  static final List<String> OPTUNA_SAMPLERS = List.of("tpe", "tpe-multivariate", "random", "qmc", "cmaes");
  /** Bench rows that are a sampler of {@link Samplers} with options. */
  static final Map<String, Map<String, Object>> VARIANTS = Map.of("tpe-multivariate", Map.of("multivariate", true));
  static final int SPEED_PARAMS = 10;
  static final int SPEED_REPEATS = 20;
  static final int[] SPEED_SIZES = {100, 1_000, 10_000};
  /** Seconds Optuna may spend on one study size of the speed bench (pre-fill included). */
  static final int OPTUNA_SPEED_LIMIT = 120;

  private SamplerBench() {}

  public static void main(String[] args) throws Exception {
    int seeds = Integer.getInteger("seeds", 20);
    int trials = Integer.getInteger("trials", 100);
    int[] checkpoints = {Math.min(25, trials), Math.min(50, trials), trials};
    String parts = System.getProperty("parts", "quality,speed");
    boolean withOptuna = !"false".equals(System.getProperty("optuna"));
    Path script = Path.of(System.getProperty("script", "bench/optuna_sampler_bench.py"));
    Path python = Path.of("/usr/bin/python3");
    withOptuna &= Files.isExecutable(python) && Files.isReadable(script);
    List<String> samplers = new ArrayList<>();
    for (String name : Samplers.NAMES) {
      if (!name.equals("grid")) {
        samplers.add(name);
      }
      if (name.equals("tpe")) {
        samplers.add("tpe-multivariate");
      }
    }
    String only = System.getProperty("samplers");
    if (only != null) {
      List<String> chosen = Arrays.stream(only.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
      for (String name : chosen) {
        if (!samplers.contains(name)) {
          throw new IllegalArgumentException("samplers: unknown \"" + name + "\" (known: " + samplers + ")");
        }
      }
      samplers = new ArrayList<>(chosen);
    }
    String optunaSamplers = String.join(",", samplers.stream().filter(OPTUNA_SAMPLERS::contains).toList());

    if (parts.contains("quality")) {
      // Optuna runs on the other core while we run ours; the speed part runs alone.
      String saved = System.getProperty("optunaQuality");
      CompletableFuture<String> optunaQuality = saved != null
          ? CompletableFuture.completedFuture(Files.readString(Path.of(saved)).strip())
          : withOptuna && !optunaSamplers.isEmpty()
          ? python(python, script, "quality", Integer.toString(seeds), Integer.toString(trials),
              checkpoints[0] + "," + checkpoints[1] + "," + checkpoints[2], optunaSamplers)
          : CompletableFuture.completedFuture(null);
      long start = System.nanoTime();
      Map<String, Map<String, double[][]>> ours = new LinkedHashMap<>();
      for (String function : FUNCTIONS) {
        Map<String, double[][]> bySampler = new LinkedHashMap<>();
        for (String sampler : samplers) {
          double[][] runs = new double[seeds][];
          long t0 = System.nanoTime();
          for (int seed = 1; seed <= seeds; seed++) {
            runs[seed - 1] = run(function, sampler, seed, trials, checkpoints);
          }
          bySampler.put(sampler, runs);
          System.err.printf(Locale.ROOT, "ours %s %s: %.1f s%n", function, sampler, (System.nanoTime() - t0) / 1e9);
        }
        ours.put(function, bySampler);
      }
      System.err.printf(Locale.ROOT, "ours: %.0f s; waiting for Optuna%n", (System.nanoTime() - start) / 1e9);
      String optunaJson = optunaQuality.get(60, TimeUnit.MINUTES);
      Map<String, Map<String, double[][]>> optuna = optunaJson == null ? Map.of() : parseQuality(optunaJson);

      System.out.printf(Locale.ROOT, "%n### Sampler quality: best value, median (IQR) over %d seeds, %d trials%n%n",
          seeds, trials);
      System.out.printf(Locale.ROOT, "| function (optimum) | sampler | ours @%d | ours @%d | ours @%d | Optuna @%d | Optuna @%d | Optuna @%d |%n",
          checkpoints[0], checkpoints[1], checkpoints[2], checkpoints[0], checkpoints[1], checkpoints[2]);
      System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
      for (String function : FUNCTIONS) {
        for (String sampler : samplers) {
          double[][] o = ours.get(function).get(sampler);
          double[][] p = optuna.getOrDefault(function, Map.of()).get(sampler);
          StringBuilder row = new StringBuilder("| " + function + " (" + fmt(optimum(function)) + ") | " + sampler);
          for (int c = 0; c < 3; c++) {
            row.append(" | ").append(summary(o, c));
          }
          for (int c = 0; c < 3; c++) {
            row.append(" | ").append(p == null ? "—" : summary(p, c));
          }
          System.out.println(row.append(" |"));
        }
      }
    }

    if (parts.contains("speed")) {
      List<String> speedSamplers = new ArrayList<>(List.of("tpe", "tpe-multivariate", "random", "cmaes"));
      if (Samplers.NAMES.contains("gp")) {
        speedSamplers.add("gp");
      }
      speedSamplers.retainAll(samplers);
      List<String> optunaSpeed = speedSamplers.stream().filter(x -> x.startsWith("tpe")).toList();
      Map<String, Map<Integer, double[]>> ours = new LinkedHashMap<>();
      for (String sampler : speedSamplers) {
        Map<Integer, double[]> bySize = new TreeMap<>();
        for (int n : SPEED_SIZES) {
          if (sampler.equals("gp") && n > 1_000) {
            continue;
          }
          double[] median = askTellMedian(sampler, n);
          bySize.put(n, median);
          System.err.printf(Locale.ROOT, "ours speed %s n=%d: %.3f ms (CPU %.3f ms)%n", sampler, n, median[0] * 1e3,
              median[1] * 1e3);
        }
        ours.put(sampler, bySize);
      }
      Map<String, Map<Integer, Double>> optunaSpeedResults = new LinkedHashMap<>();
      boolean optunaRan = false;
      if (withOptuna && !optunaSpeed.isEmpty()) {
        List<String> a = new ArrayList<>(List.of("speed", Integer.toString(SPEED_PARAMS),
            Integer.toString(SPEED_REPEATS), Integer.toString(OPTUNA_SPEED_LIMIT), String.join(",", optunaSpeed)));
        for (int n : SPEED_SIZES) {
          a.add(Integer.toString(n));
        }
        String json = python(python, script, a.toArray(String[]::new)).get(40, TimeUnit.MINUTES);
        if (json != null) {
          optunaRan = true;
          Matcher sm = Pattern.compile("\"([a-z-]+)\": \\{((?:[^{}]|\\{[^{}]*\\})*)\\}").matcher(json);
          while (sm.find()) {
            Map<Integer, Double> bySize = new TreeMap<>();
            Matcher m = Pattern.compile("\"(\\d+)\": (null|\\{\"median\": ([0-9.eE+-]+))").matcher(sm.group(2));
            while (m.find()) {
              bySize.put(Integer.parseInt(m.group(1)), m.group(3) == null ? null : Double.parseDouble(m.group(3)));
            }
            optunaSpeedResults.put(sm.group(1), bySize);
          }
        }
      }
      System.out.printf(Locale.ROOT,
          "%n### Sampler speed: one ask (%d floats) + tell, median of %d timings after warm-up, ms"
              + " (ours: wall clock, and the thread's CPU time in brackets)%n%n",
          SPEED_PARAMS, SPEED_REPEATS);
      StringBuilder header = new StringBuilder("| sampler");
      StringBuilder rule = new StringBuilder("|---");
      for (int n : SPEED_SIZES) {
        header.append(String.format(Locale.ROOT, " | %,d trials", n));
        rule.append("|---:");
      }
      System.out.println(header.append(" |"));
      System.out.println(rule.append("|"));
      for (Map.Entry<String, Map<Integer, double[]>> e : ours.entrySet()) {
        StringBuilder row = new StringBuilder("| ours " + e.getKey());
        for (int n : SPEED_SIZES) {
          double[] v = e.getValue().get(n);
          row.append(" | ").append(v == null ? "not run"
              : String.format(Locale.ROOT, "%.3f (%.3f)", v[0] * 1e3, v[1] * 1e3));
        }
        System.out.println(row.append(" |"));
      }
      for (String sampler : optunaSpeed) {
        Map<Integer, Double> bySize = optunaSpeedResults.getOrDefault(sampler, Map.of());
        StringBuilder row = new StringBuilder("| Optuna 3.1 " + sampler);
        for (int n : SPEED_SIZES) {
          Double v = bySize.get(n);
          row.append(" | ").append(!optunaRan ? "not installed"
              : v == null ? "not run (over " + OPTUNA_SPEED_LIMIT + " s)" : String.format(Locale.ROOT, "%.1f", v * 1e3));
        }
        System.out.println(row.append(" |"));
      }
    }
  }

  // ---- quality

  /** The best value after each checkpoint of one seeded run. */
  static double[] run(String function, String samplerName, long seed, int trials, int[] checkpoints) {
    Sampler sampler = sampler(samplerName, seed);
    Study study = Study.builder().name(function + "-" + samplerName + "-" + seed).storage(new InMemoryStorage())
        .direction(StudyDirection.MINIMIZE).sampler(sampler).build();
    BenchmarkFunction f = function.equals("mixed") ? null : BenchmarkFunctions.byName(function);
    double best = Double.POSITIVE_INFINITY;
    double[] bests = new double[trials];
    for (int i = 0; i < trials; i++) {
      Trial trial = study.ask();
      double value = f == null ? mixed(trial) : evaluate(f, trial);
      study.tell(trial, value);
      best = Math.min(best, value);
      bests[i] = best;
    }
    double[] out = new double[checkpoints.length];
    for (int c = 0; c < checkpoints.length; c++) {
      out[c] = bests[checkpoints[c] - 1];
    }
    return out;
  }

  /** A bench row's sampler: a name of {@link Samplers}, or one of the {@link #VARIANTS}. */
  static Sampler sampler(String row, long seed) {
    Map<String, Object> options = new LinkedHashMap<>(VARIANTS.getOrDefault(row, Map.of()));
    options.put("seed", seed);
    String name = VARIANTS.containsKey(row) ? row.substring(0, row.indexOf('-')) : row;
    return Samplers.create(name, options);
  }

  /** Suggests the function's parameters by name (x, or x0, x1, ...) as the Python script does. */
  static double evaluate(BenchmarkFunction f, Trial trial) {
    List<io.parzen.space.Parameter> params = f.space().parameters();
    double[] x = new double[params.size()];
    for (int i = 0; i < x.length; i++) {
      FloatDistribution d = (FloatDistribution) params.get(i).distribution();
      x[i] = trial.suggestFloat(params.get(i).name(), d.low(), d.high());
    }
    return f.value(x);
  }

  /**
   * The mixed space, defined identically in the Python script: a log-float {@code lr} in
   * [1e-5, 1e-1], an int {@code layers} in [1, 8] and a categorical {@code act}; the value is
   * {@code (log10(lr) + 3)^2 + 0.1 (layers - 4)^2 + penalty(act)} with penalties relu 0, tanh 0.5,
   * sigmoid 1. Minimum 0 at lr = 1e-3, layers = 4, act = relu.
   */
  static double mixed(Trial trial) {
    double lr = trial.suggestFloat("lr", 1e-5, 1e-1, true);
    int layers = trial.suggestInt("layers", 1, 8);
    String act = trial.suggestCategorical("act", List.of("relu", "tanh", "sigmoid"));
    double d = Math.log10(lr) + 3;
    double penalty = switch (act) {
      case "relu" -> 0.0;
      case "tanh" -> 0.5;
      default -> 1.0;
    };
    return d * d + 0.1 * (layers - 4) * (layers - 4) + penalty;
  }

  static double optimum(String function) {
    return function.equals("mixed") ? 0 : BenchmarkFunctions.byName(function).optimumValue();
  }

  /** Median and IQR (linear-interpolated quartiles) of checkpoint {@code c} across seeds. */
  static String summary(double[][] runs, int c) {
    double[] v = new double[runs.length];
    for (int i = 0; i < runs.length; i++) {
      v[i] = runs[i][c];
    }
    Arrays.sort(v);
    return fmt(quantile(v, 0.5)) + " (" + fmt(quantile(v, 0.75) - quantile(v, 0.25)) + ")";
  }

  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  static String fmt(double v) {
    double a = Math.abs(v);
    if (a == 0) {
      return "0";
    }
    if (a != 0 && (a < 1e-3 || a >= 1e5)) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    return String.format(Locale.ROOT, a >= 100 ? "%.1f" : "%.4g", v);
  }

  /** {function: {sampler: [[...], ...]}} as printed by the Python script. */
  static Map<String, Map<String, double[][]>> parseQuality(String json) {
    Map<String, Map<String, double[][]>> out = new LinkedHashMap<>();
    Matcher fm = Pattern.compile("\"([a-z0-9-]+)\": \\{((?:[^{}])*)\\}").matcher(json);
    while (fm.find()) {
      Map<String, double[][]> bySampler = new LinkedHashMap<>();
      Matcher sm = Pattern.compile("\"([a-z0-9-]+)\": \\[((?:\\[[^\\]]*\\](?:, )?)*)\\]").matcher(fm.group(2));
      while (sm.find()) {
        List<double[]> runs = new ArrayList<>();
        Matcher rm = Pattern.compile("\\[([^\\]]*)\\]").matcher(sm.group(2));
        while (rm.find()) {
          runs.add(Arrays.stream(rm.group(1).split(",")).map(String::trim).mapToDouble(s ->
              s.equals("Infinity") ? Double.POSITIVE_INFINITY : s.equals("NaN") ? Double.NaN : Double.parseDouble(s))
              .toArray());
        }
        bySampler.put(sm.group(1), runs.toArray(double[][]::new));
      }
      out.put(fm.group(1), bySampler);
    }
    return out;
  }

  // ---- speed

  /**
   * Median seconds of one ask (10 floats) + tell in a study pre-filled with {@code n} finished
   * trials: {wall clock, the thread's CPU time}. The CPU time is what the sampler costs on a machine
   * whose other processes take turns on the cores; the wall clock is what a user waits.
   */
  static double[] askTellMedian(String samplerName, int n) {
    // Warm the JIT on a throwaway study of the same size first (200 asks; 20 at 10,000 trials), so
    // that the timings measure the steady state a long study runs in, not the first compilations.
    Study warm = prefilled(samplerName, n, "warm");
    for (int i = 0, asks = n >= 10_000 ? 20 : 200; i < asks; i++) {
      askTell(warm);
    }
    Study study = prefilled(samplerName, n, "timed");
    int warmup = 5;
    for (int i = 0; i < warmup; i++) {
      askTell(study);
    }
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] timings = new double[SPEED_REPEATS];
    double[] cpu = new double[SPEED_REPEATS];
    for (int i = 0; i < SPEED_REPEATS; i++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      askTell(study);
      timings[i] = (System.nanoTime() - start) / 1e9;
      cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    }
    Arrays.sort(timings);
    Arrays.sort(cpu);
    return new double[] {quantile(timings, 0.5), quantile(cpu, 0.5)};
  }

  /** A study of {@code samplerName} pre-filled with {@code n} COMPLETE trials of 10 floats. */
  private static Study prefilled(String samplerName, int n, String tag) {
    Study study = Study.builder().name("speed-" + tag + "-" + samplerName + "-" + n).storage(new InMemoryStorage())
        .direction(StudyDirection.MINIMIZE).sampler(sampler(samplerName, 1L)).build();
    Map<String, Distribution> dists = new LinkedHashMap<>();
    for (int i = 0; i < SPEED_PARAMS; i++) {
      dists.put("x" + i, FloatDistribution.uniform(-5, 5));
    }
    SplittableRandom rnd = new SplittableRandom(n);
    Instant now = Instant.now();
    for (int t = 0; t < n; t++) {
      Map<String, Object> params = new LinkedHashMap<>();
      double value = 0;
      for (String name : dists.keySet()) {
        double x = rnd.nextDouble(-5, 5);
        params.put(name, x);
        value += x * x;
      }
      study.storage().addTrial(study.id(), new FrozenTrial(0, 0, TrialState.COMPLETE, List.of(value), now, now,
          params, dists, Map.of(), Map.of(), new TreeMap<>()));
    }
    return study;
  }

  private static void askTell(Study study) {
    Trial trial = study.ask();
    double value = 0;
    for (int i = 0; i < SPEED_PARAMS; i++) {
      double x = trial.suggestFloat("x" + i, -5, 5);
      value += x * x;
    }
    study.tell(trial, value);
  }

  // ---- Optuna

  /** Runs the script; completes with its last stdout line, or null when it fails (stderr is passed through). */
  private static CompletableFuture<String> python(Path python, Path script, String... args) {
    List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
    command.addAll(List.of(args));
    return CompletableFuture.supplyAsync(() -> {
      try {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
          System.err.println("optuna script failed: " + String.join(" ", command));
          return null;
        }
        String[] lines = out.split("\n");
        return lines[lines.length - 1];
      } catch (IOException e) {
        System.err.println("optuna script failed: " + e);
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    });
  }
}
