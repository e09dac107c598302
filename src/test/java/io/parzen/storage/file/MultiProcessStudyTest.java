package io.parzen.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.parzen.storage.SqliteStorage;
import io.parzen.storage.StudySummary;
import io.parzen.study.StopReason;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four JVMs share one study file, each optimising the same study on two threads: no trial number
 * is lost or doubled, no write is lost, and a shared budget is met exactly.
 */
class MultiProcessStudyTest {

  private static final int PROCESSES = 4;
  private static final int TOTAL = 200;
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final Pattern RESULT = Pattern.compile("RESULT trials=(\\d+) reason=(\\w+)");

  @TempDir
  Path dir;

  @Test
  void fourProcessesShareAStudyTotalBudgetExactly() throws Exception {
    Path file = dir.resolve("shared.db");
    createStudy(file, "shared");

    // All four hold the file open at once before any trial starts.
    List<WorkerRun> runs = runWorkers(file, "shared", "total:" + TOTAL, "open-then-wait");

    int ranByWorkers = 0;
    for (WorkerRun run : runs) {
      assertThat(run.reason).as(run.describe()).isEqualTo(StopReason.BUDGET_REACHED.name());
      ranByWorkers += run.trials;
    }
    assertThat(ranByWorkers).as("trials the workers report having run").isEqualTo(TOTAL);
    Map<String, Integer> perWorker = checkStudy(file, "shared", TOTAL);
    assertThat(perWorker.size()).as("workers that ran trials: %s", perWorker).isGreaterThanOrEqualTo(2);
    for (WorkerRun run : runs) {
      assertThat(perWorker.getOrDefault(run.label, 0)).as(run.describe()).isEqualTo(run.trials);
    }
  }

  @Test
  void fourProcessesEachAddingFiftyTrialsAddTwoHundred() throws Exception {
    Path file = dir.resolve("added.db");
    createStudy(file, "added");

    // Opening and loading race with the other workers' first trials.
    List<WorkerRun> runs = runWorkers(file, "added", "trials:50", "wait-then-open");

    for (WorkerRun run : runs) {
      assertThat(run.trials).as(run.describe()).isEqualTo(50);
      assertThat(run.reason).as(run.describe()).isEqualTo(StopReason.BUDGET_REACHED.name());
    }
    Map<String, Integer> perWorker = checkStudy(file, "added", TOTAL);
    assertThat(perWorker).as("trials per worker").containsOnlyKeys("w0", "w1", "w2", "w3")
        .allSatisfy((worker, count) -> assertThat(count).as("trials of %s", worker).isEqualTo(50));
  }

  /** Workers started on a file that does not exist yet create it and the study once, between them. */
  @Test
  void fourProcessesStartingOnAFreshFileShareOneStudy() throws Exception {
    Path file = dir.resolve("fresh.db");

    List<WorkerRun> runs = runWorkers(file, "fresh", "total:" + TOTAL, "wait-then-open");

    assertThat(runs.stream().mapToInt(r -> r.trials).sum()).isEqualTo(TOTAL);
    checkStudy(file, "fresh", TOTAL);
  }

  // ---- the parent's side

  private static void createStudy(Path file, String name) {
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      Study.builder().name(name).direction(StudyDirection.MINIMIZE).storage(storage).build();
    }
  }

  /** What one worker process did. */
  private static final class WorkerRun {
    final String label;
    final Process process;
    final Path out;
    final Path err;
    int exitCode = -1;
    int trials = -1;
    String reason;

    WorkerRun(String label, Process process, Path out, Path err) {
      this.label = label;
      this.process = process;
      this.out = out;
      this.err = err;
    }

    String describe() {
      return "worker " + label + " (exit " + exitCode + ")\n--- stdout\n" + tail(out) + "\n--- stderr\n" + tail(err);
    }
  }

  /** Starts the workers, lets them go together, and waits for all of them (bounded). */
  private List<WorkerRun> runWorkers(Path file, String study, String budget, String barrierMode) throws Exception {
    Path barrier = Files.createDirectory(dir.resolve("barrier"));
    List<WorkerRun> runs = new ArrayList<>();
    Instant started = Instant.now();
    try {
      for (int i = 0; i < PROCESSES; i++) {
        String label = "w" + i;
        Path out = dir.resolve(label + ".out");
        Path err = dir.resolve(label + ".err");
        ProcessBuilder pb = new ProcessBuilder(workerCommand(file, study, budget, label, barrier, barrierMode))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
        runs.add(new WorkerRun(label, pb.start(), out, err));
      }
      Instant deadline = started.plus(WAIT);
      awaitReady(barrier, runs, deadline);
      Instant go = Instant.now();
      Files.createFile(barrier.resolve("go"));

      for (WorkerRun run : runs) {
        long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        if (!run.process.waitFor(left, TimeUnit.MILLISECONDS)) {
          fail("worker %s did not finish within %s of starting\n%s", run.label, WAIT, run.describe());
        }
        run.exitCode = run.process.exitValue();
      }
      Instant finished = Instant.now();
      System.out.printf("%s (%s, %s): %d JVMs started and ready in %d ms, ran in %d ms%n",
          getClass().getSimpleName(), budget, barrierMode, PROCESSES, Duration.between(started, go).toMillis(),
          Duration.between(go, finished).toMillis());

      for (WorkerRun run : runs) {
        assertThat(run.exitCode).as(run.describe()).isZero();
        Matcher m = RESULT.matcher(Files.readString(run.out, StandardCharsets.UTF_8));
        assertThat(m.find()).as("RESULT line of %s", run.describe()).isTrue();
        run.trials = Integer.parseInt(m.group(1));
        run.reason = m.group(2);
      }
      return runs;
    } finally {
      for (WorkerRun run : runs) {
        if (run.process.isAlive()) {
          run.process.destroyForcibly();
          run.process.waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static List<String> workerCommand(
      Path file, String study, String budget, String label, Path barrier, String barrierMode) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java,
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"),
        SqliteWorkerMain.class.getName(),
        file.toString(), study, budget, label, barrier.toString(), barrierMode);
  }

  private static void awaitReady(Path barrier, List<WorkerRun> runs, Instant deadline) throws Exception {
    while (true) {
      long ready = runs.stream().filter(r -> Files.exists(barrier.resolve("ready-" + r.label))).count();
      if (ready == runs.size()) {
        return;
      }
      for (WorkerRun run : runs) {
        if (!run.process.isAlive() && !Files.exists(barrier.resolve("ready-" + run.label))) {
          run.exitCode = run.process.exitValue();
          fail("worker %s ended before it was ready\n%s", run.label, run.describe());
        }
      }
      if (Instant.now().isAfter(deadline)) {
        fail("only %d of %d workers were ready within %s\n%s", ready, runs.size(), WAIT,
            runs.stream().map(WorkerRun::describe).collect(Collectors.joining("\n")));
      }
      Thread.sleep(20);
    }
  }

  /**
   * Checks the study holds exactly {@code total} complete trials numbered 0 .. total-1, each with
   * both parameters and the value they give; returns how many trials each worker ran.
   */
  private static Map<String, Integer> checkStudy(Path file, String name, int total) throws SQLException {
    Map<String, Integer> perWorker = new TreeMap<>();
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      Study study = Study.builder().name(name).storage(storage).loadIfExists(true).build();
      List<FrozenTrial> trials = study.trials();

      assertThat(trials).hasSize(total);
      assertThat(trials).extracting(FrozenTrial::number)
          .containsExactlyElementsOf(IntStream.range(0, total).boxed().toList());
      Set<Long> ids = new HashSet<>();
      for (FrozenTrial t : trials) {
        String which = "trial " + t.number();
        assertThat(ids.add(t.id())).as(which + " has a unique id").isTrue();
        assertThat(t.state()).as(which + " state").isEqualTo(TrialState.COMPLETE);
        assertThat(t.params()).as(which + " params").containsOnlyKeys("x", "k");
        double x = (Double) t.params().get("x");
        long k = (Long) t.params().get("k");
        assertThat(x).as(which + " x").isBetween(-10.0, 10.0);
        assertThat(k).as(which + " k").isBetween(0L, 20L);
        assertThat(t.values()).as(which + " values").containsExactly(SqliteWorkerMain.value(x, k));
        assertThat(t.start()).as(which + " start").isNotNull();
        assertThat(t.complete()).as(which + " complete").isNotNull().isAfterOrEqualTo(t.start());
        assertThat(t.userAttrs()).as(which + " user attrs").containsKey("worker");
        perWorker.merge((String) t.userAttrs().get("worker"), 1, Integer::sum);
      }
      double min = trials.stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
      assertThat(study.bestValue()).isEqualTo(min);
      assertThat(study.bestTrial().number()).isEqualTo(
          trials.stream().filter(t -> t.value() == min).findFirst().orElseThrow().number());
      assertThat(storage.studies()).extracting(StudySummary::name, StudySummary::trialCount)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(name, total));
    }

    // The rows themselves: nothing doubled, nothing left over, a sound file.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      assertThat(longValue(st, "SELECT COUNT(*) FROM trials")).isEqualTo(total);
      assertThat(longValue(st, "SELECT COUNT(DISTINCT number) FROM trials")).isEqualTo(total);
      assertThat(longValue(st, "SELECT COUNT(*) FROM trial_params")).isEqualTo(2L * total);
      assertThat(longValue(st, "SELECT COUNT(*) FROM trial_values")).isEqualTo(total);
      assertThat(longValue(st, "SELECT COUNT(*) FROM trial_heartbeats")).isZero();
      try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("ok");
      }
    }
    int changes = workerChanges(file, name);
    System.out.println("trials per worker: " + perWorker + ", worker changes along the trial numbers: " + changes);
    // Workers that took turns with the file, one after another, give exactly PROCESSES - 1.
    assertThat(changes).as("worker changes along the trial numbers (the workers ran side by side)")
        .isGreaterThanOrEqualTo(2 * PROCESSES);
    return perWorker;
  }

  /**
   * How often consecutive trial numbers belong to different workers: {@code PROCESSES - 1} when
   * the workers ran one after another, far more when they really shared the file.
   */
  private static int workerChanges(Path file, String name) {
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      List<FrozenTrial> trials = storage.trials(storage.studyId(name));
      int changes = 0;
      for (int i = 1; i < trials.size(); i++) {
        if (!trials.get(i).userAttrs().get("worker").equals(trials.get(i - 1).userAttrs().get("worker"))) {
          changes++;
        }
      }
      return changes;
    }
  }

  private static long longValue(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String tail(Path file) {
    try {
      if (!Files.exists(file)) {
        return "(none)";
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
