package io.parzen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parzen.multi.Hypervolume;
import io.parzen.objective.MultiObjectiveFunction;
import io.parzen.sampler.NsgaIISampler;
import io.parzen.sampler.RandomSampler;
import io.parzen.sampler.Sampler;
import io.parzen.sampler.TpeSampler;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.storage.InMemoryStorage;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.Trial;
import io.parzen.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Multi-objective samplers beside Optuna 3.1 (Debian's python3-optuna, through
 * {@code bench/optuna_multi_objective_bench.py}). Prints two Markdown tables.
 *
 * <p>Quality: the hypervolume reached after {@code trials} trials (median and IQR over seeds
 * 1..{@code seeds}) by {@code nsga2} (Optuna's defaults), {@code motpe} ({@code tpe} on a
 * multi-objective study) and {@code random} on ZDT1 (30 variables) and DTLZ2 (3 objectives, 12
 * variables), every study by ask and tell in memory. Optuna's runs print their objective values
 * and the hypervolume of both sides is computed here, with the same code and reference point:
 * ZDT1 (1.1, 11), DTLZ2 (2, 2, 2). The best possible value (the whole front) is given beside.
 *
 * <p>Speed: the median time of one ask + tell in a ZDT1 study already holding 1,000 COMPLETE
 * trials (random points; for NSGA-II spread over generations of 50 as NSGA-II would have made
 * them), beside Optuna's.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parzen.bench.MultiObjectiveBench
 * </pre>
 *
 * System properties: {@code seeds} (5), {@code trials} (300), {@code speedTrials} (1000),
 * {@code parts} ({@code quality,speed}), {@code optunaQuality} (comma list of files holding the
 * script's {@code quality} output or, named {@code *.jsonl}, its {@code runs} output, merged;
 * without it the script is run), {@code optunaSpeed} (a file
 * holding its speed output), {@code optuna} ({@code false} to leave Optuna out).
 */
public final class MultiObjectiveBench {

  static final List<String> PROBLEMS = List.of("zdt1", "dtlz2");
  static final List<String> SAMPLERS = List.of("nsga2", "motpe", "random");
  static final Map<String, double[]> REFERENCE = Map.of("zdt1", new double[] {1.1, 11}, "dtlz2", new double[] {2, 2, 2});
  static final int SPEED_REPEATS = 20;

  private MultiObjectiveBench() {}

  public static void main(String[] args) throws Exception {
    int seeds = Integer.getInteger("seeds", 5);
    int trials = Integer.getInteger("trials", 300);
    int speedTrials = Integer.getInteger("speedTrials", 1000);
    String parts = System.getProperty("parts", "quality,speed");
    boolean withOptuna = !"false".equals(System.getProperty("optuna"));
    Path python = Path.of("/usr/bin/python3");
    Path script = Path.of("bench/optuna_multi_objective_bench.py");
    ObjectMapper json = new ObjectMapper();

    if (parts.contains("quality")) {
      JsonNode optuna = null;
      if (withOptuna) {
        String files = System.getProperty("optunaQuality");
        optuna = files != null ? merged(json, files) : json.readTree(run(python, script, "quality",
            Integer.toString(seeds), Integer.toString(trials), String.join(",", PROBLEMS), String.join(",", SAMPLERS)));
      }
      System.out.printf(Locale.ROOT, "%n### Hypervolume after %d trials, median (IQR) over %d seeds%n%n", trials, seeds);
      System.out.println("| problem (reference point, best possible) | sampler | ours | Optuna 3.1 |");
      System.out.println("|---|---|---:|---:|");
      for (String problem : PROBLEMS) {
        MultiObjectiveFunction f = MultiObjectiveFunction.byName(problem);
        double[] reference = REFERENCE.get(problem);
        for (String sampler : SAMPLERS) {
          double[] ours = new double[seeds];
          long start = System.nanoTime();
          for (int seed = 1; seed <= seeds; seed++) {
            ours[seed - 1] = Hypervolume.of(runOurs(f, sampler, seed, trials), reference);
          }
          System.err.printf(Locale.ROOT, "ours %s %s: %.1f s%n", problem, sampler, (System.nanoTime() - start) / 1e9);
          String theirs = "not run";
          if (optuna != null && optuna.has(problem) && optuna.get(problem).has(sampler)) {
            List<Double> volumes = new ArrayList<>();
            for (JsonNode run : optuna.get(problem).get(sampler)) {
              double[][] values = new double[run.size()][];
              for (int t = 0; t < values.length; t++) {
                values[t] = new double[run.get(t).size()];
                for (int i = 0; i < values[t].length; i++) {
                  values[t][i] = run.get(t).get(i).asDouble();
                }
              }
              volumes.add(Hypervolume.of(values, reference));
            }
            theirs = summary(volumes.stream().mapToDouble(Double::doubleValue).toArray());
          }
          System.out.printf(Locale.ROOT, "| %s (%s, %.4f) | %s | %s | %s |%n", problem, Arrays.toString(reference),
              bestPossible(f, reference), sampler, summary(ours), theirs);
        }
      }
    }

    if (parts.contains("speed")) {
      JsonNode optuna = null;
      if (withOptuna) {
        String file = System.getProperty("optunaSpeed");
        optuna = file != null ? json.readTree(Files.readString(Path.of(file))) : json.readTree(run(python, script,
            "speed", "zdt1", Integer.toString(speedTrials), "3", String.join(",", SAMPLERS)));
      }
      System.out.printf(Locale.ROOT, "%n### One ask + tell on ZDT1 (30 floats) at %,d trials, median, ms%n%n",
          speedTrials);
      System.out.println("| sampler | ours (CPU) | Optuna 3.1 |");
      System.out.println("|---|---:|---:|");
      for (String sampler : SAMPLERS) {
        double[] ours = askTellMedian(sampler, speedTrials);
        String theirs = optuna != null && optuna.has(sampler)
            ? String.format(Locale.ROOT, "%.1f", optuna.get(sampler).asDouble() * 1e3) : "not run";
        System.out.printf(Locale.ROOT, "| %s | %.3f (%.3f) | %s |%n", sampler, ours[0] * 1e3, ours[1] * 1e3, theirs);
      }
    }
  }

  static Sampler sampler(String name, long seed) {
    return switch (name) {
      case "nsga2" -> new NsgaIISampler(seed);
      case "motpe" -> new TpeSampler(seed);
      case "random" -> new RandomSampler(seed);
      default -> throw new IllegalArgumentException("unknown bench sampler " + name);
    };
  }

  /** The objective values of {@code trials} trials of {@code sampler} on {@code f}, by ask and tell. */
  static double[][] runOurs(MultiObjectiveFunction f, String sampler, long seed, int trials) {
    Study study = Study.builder().storage(new InMemoryStorage()).sampler(sampler(sampler, seed)).space(f.space())
        .directions(Collections.nCopies(f.objectives(), StudyDirection.MINIMIZE)).build();
    double[][] values = new double[trials][];
    for (int t = 0; t < trials; t++) {
      values[t] = askTell(study, f);
    }
    return values;
  }

  private static double[] askTell(Study study, MultiObjectiveFunction f) {
    Trial trial = study.ask();
    double[] x = new double[f.space().size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = trial.suggestFloat("x" + i, 0, 1);
    }
    double[] v = f.values(x);
    study.tell(trial, v);
    return v;
  }

  /** The hypervolume of a dense sample of the true front. */
  static double bestPossible(MultiObjectiveFunction f, double[] reference) {
    List<double[]> front = new ArrayList<>();
    int k = f.objectives() == 2 ? 20_000 : 150;
    for (int i = 0; i <= k; i++) {
      if (f.objectives() == 2) {
        front.add(f.frontValues((double) i / k));
      } else {
        for (int j = 0; j <= k; j++) {
          front.add(f.frontValues((double) i / k, (double) j / k));
        }
      }
    }
    return Hypervolume.of(front.toArray(new double[0][]), reference);
  }

  /** Median seconds of one ask + tell at {@code n} trials: {wall clock, CPU}, after a JIT warm-up. */
  static double[] askTellMedian(String sampler, int n) {
    MultiObjectiveFunction f = MultiObjectiveFunction.zdt1(30);
    Study warm = prefilled(f, sampler, n);
    for (int i = 0; i < 50; i++) {
      askTell(warm, f);
    }
    Study study = prefilled(f, sampler, n);
    for (int i = 0; i < 3; i++) {
      askTell(study, f);
    }
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] wall = new double[SPEED_REPEATS];
    double[] cpu = new double[SPEED_REPEATS];
    for (int i = 0; i < SPEED_REPEATS; i++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      askTell(study, f);
      wall[i] = (System.nanoTime() - start) / 1e9;
      cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new double[] {wall[SPEED_REPEATS / 2], cpu[SPEED_REPEATS / 2]};
  }

  private static Study prefilled(MultiObjectiveFunction f, String sampler, int n) {
    Study study = Study.builder().storage(new InMemoryStorage()).sampler(sampler(sampler, 1L)).space(f.space())
        .directions(Collections.nCopies(f.objectives(), StudyDirection.MINIMIZE)).build();
    Map<String, Distribution> dists = new LinkedHashMap<>();
    for (int i = 0; i < f.space().size(); i++) {
      dists.put("x" + i, FloatDistribution.uniform(0, 1));
    }
    SplittableRandom rnd = new SplittableRandom(n);
    Instant now = Instant.now();
    for (int t = 0; t < n; t++) {
      Map<String, Object> params = new LinkedHashMap<>();
      double[] x = new double[dists.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = rnd.nextDouble();
        params.put("x" + i, x[i]);
      }
      Map<String, Object> attrs = sampler.equals("nsga2") ? Map.of(NsgaIISampler.GENERATION_KEY, t / 50) : Map.of();
      study.storage().addTrial(study.id(), new FrozenTrial(0, 0, TrialState.COMPLETE,
          Arrays.stream(f.values(x)).boxed().toList(), now, now, params, dists, Map.of(), attrs, new TreeMap<>()));
    }
    return study;
  }

  static String summary(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return String.format(Locale.ROOT, "%.4f (%.4f–%.4f)", quantile(v, 0.5), quantile(v, 0.25), quantile(v, 0.75));
  }

  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }

  private static JsonNode merged(ObjectMapper json, String files) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode all = json.createObjectNode();
    for (String file : files.split(",")) {
      JsonNode node = file.trim().endsWith(".jsonl") ? fromLines(json, Path.of(file.trim()))
          : json.readTree(Files.readString(Path.of(file.trim())));
      node.fields().forEachRemaining(problem -> {
        com.fasterxml.jackson.databind.node.ObjectNode target = all.has(problem.getKey())
            ? (com.fasterxml.jackson.databind.node.ObjectNode) all.get(problem.getKey()) : all.putObject(problem.getKey());
        problem.getValue().fields().forEachRemaining(sampler -> {
          if (target.has(sampler.getKey())) {  // runs of one sampler split between files: all of them
            ((com.fasterxml.jackson.databind.node.ArrayNode) target.get(sampler.getKey()))
                .addAll((com.fasterxml.jackson.databind.node.ArrayNode) sampler.getValue());
          } else {
            target.set(sampler.getKey(), sampler.getValue());
          }
        });
      });
    }
    return all;
  }

  /** The script's {@code runs} output (one run a line) in the shape of its {@code quality} output. */
  private static JsonNode fromLines(ObjectMapper json, Path file) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode all = json.createObjectNode();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode run = json.readTree(line);
      com.fasterxml.jackson.databind.node.ObjectNode problem = all.has(run.get("problem").asText())
          ? (com.fasterxml.jackson.databind.node.ObjectNode) all.get(run.get("problem").asText())
          : all.putObject(run.get("problem").asText());
      com.fasterxml.jackson.databind.node.ArrayNode runs = problem.has(run.get("sampler").asText())
          ? (com.fasterxml.jackson.databind.node.ArrayNode) problem.get(run.get("sampler").asText())
          : problem.putArray(run.get("sampler").asText());
      runs.add(run.get("values"));
    }
    return all;
  }

  private static String run(Path python, Path script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("optuna script failed: " + String.join(" ", command));
    }
    String[] lines = out.split("\n");
    return lines[lines.length - 1];
  }
}
