package io.parzen.bench;

import io.parzen.sampler.RandomSampler;
import io.parzen.storage.InMemoryStorage;
import io.parzen.storage.PostgresStorage;
import io.parzen.storage.SqliteStorage;
import io.parzen.storage.Storage;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Trials per second of a trivial objective with the random sampler on each storage, with 1 and 4
 * workers, beside Optuna's RDB storage on SQLite (Debian's python3-optuna) when it is installed.
 * Prints a Markdown table.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parzen.bench.StorageBench
 * </pre>
 */
public final class StorageBench {

  private static final int TRIALS = 3_000;
  private static final int OPTUNA_TRIALS = 300;

  private StorageBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("parzen-bench");
    List<String[]> rows = new ArrayList<>();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String pgUrl = "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres";
      for (int workers : new int[] {1, 4}) {
        rows.add(row("in-memory", workers, measure(InMemoryStorage::new, workers)));
        int w = workers;
        rows.add(row("SQLite file", workers,
            measure(() -> SqliteStorage.open(dir.resolve("bench-" + w + "-" + System.nanoTime() + ".db")), workers)));
        rows.add(row("PostgreSQL 14 (embedded)", workers, measure(() -> PostgresStorage.open(pgUrl), workers)));
      }
    }
    for (int workers : new int[] {1, 4}) {
      Double optuna = optuna(dir, workers);
      rows.add(new String[] {"Optuna 3.1 RDB on SQLite", Integer.toString(workers),
          optuna == null ? "not installed" : String.format(Locale.ROOT, "%.0f", optuna)});
    }
    System.out.println("| storage | workers | trials/s |");
    System.out.println("|---|---:|---:|");
    for (String[] r : rows) {
      System.out.println("| " + String.join(" | ", r) + " |");
    }
  }

  private static String[] row(String name, int workers, double rate) {
    return new String[] {name, Integer.toString(workers), String.format(Locale.ROOT, "%.0f", rate)};
  }

  /** Best of three runs after a warm-up, in trials per second. */
  private static double measure(Supplier<Storage> storages, int workers) throws Exception {
    double best = 0;
    for (int round = 0; round < 4; round++) {
      try (Storage storage = storages.get()) {
        Study study = Study.builder().name("bench-" + round + "-" + System.nanoTime()).storage(storage)
            .direction(StudyDirection.MINIMIZE).sampler(new RandomSampler(round + 1L)).build();
        int trials = round == 0 ? TRIALS / 5 : TRIALS;
        long start = System.nanoTime();
        study.optimize(trial -> {
          double x = trial.suggestFloat("x", -10, 10);
          double y = trial.suggestFloat("y", -10, 10);
          return x * x + y * y;
        }, Budget.trials(trials), workers);
        double rate = trials / ((System.nanoTime() - start) / 1e9);
        if (round > 0) {
          best = Math.max(best, rate);
        }
      }
    }
    return best;
  }

  private static Double optuna(Path dir, int workers) throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    if (!Files.isExecutable(python)) {
      return null;
    }
    Path script = dir.resolve("optuna_bench.py");
    Files.writeString(script, String.join("\n",
        "import sys, time, optuna",
        "optuna.logging.set_verbosity(optuna.logging.ERROR)",
        "n, workers, url = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]",
        "study = optuna.create_study(storage=url, sampler=optuna.samplers.RandomSampler(seed=1))",
        "obj = lambda t: t.suggest_float('x', -10, 10) ** 2 + t.suggest_float('y', -10, 10) ** 2",
        "study.optimize(obj, n_trials=10, n_jobs=workers)",
        "start = time.perf_counter()",
        "study.optimize(obj, n_trials=n, n_jobs=workers)",
        "print(n / (time.perf_counter() - start))", ""));
    Process p = new ProcessBuilder(python.toString(), script.toString(), Integer.toString(OPTUNA_TRIALS),
        Integer.toString(workers), "sqlite:///" + dir.resolve("optuna-" + workers + ".db"))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      return null;
    }
    String[] lines = out.split("\n");
    return Double.parseDouble(lines[lines.length - 1]);
  }
}
