package io.parzen.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.storage.PostgresStorage;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Worker processes sharing one study in PostgreSQL, as Optuna's distributed optimisation does. */
class PostgresMultiProcessTest {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresMultiProcessTest.class);
  private static final int WORKERS = 4;
  private static final int TOTAL = 200;
  private static final long WAIT_SECONDS = 240;

  private static EmbeddedPostgres pg;

  @TempDir
  Path dir;

  @BeforeAll
  static void startServer() {
    pg = EmbeddedPg.start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  @Timeout(300)
  void fourWorkerProcessesRunExactlyTheStudysTotalWithGaplessNumbers() throws Exception {
    EmbeddedPg.createDatabase(pg, "shared");
    String url = EmbeddedPg.url(pg, "shared");
    try (PostgresStorage storage = PostgresStorage.open(url)) {
      Study.builder().name("distributed").direction(StudyDirection.MINIMIZE).storage(storage).build();
    }

    List<Process> workers = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    long started = System.nanoTime();
    try {
      for (int i = 0; i < WORKERS; i++) {
        Path log = dir.resolve("worker-" + i + ".log");
        logs.add(log);
        workers.add(new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            PostgresWorkerMain.class.getName(), url, "distributed", Integer.toString(TOTAL))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start());
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      for (int i = 0; i < WORKERS; i++) {
        long left = Math.max(0, deadline - System.nanoTime());
        boolean ended = workers.get(i).waitFor(left, TimeUnit.NANOSECONDS);
        assertThat(ended).as("worker %d still running after %d s:%n%s", i, WAIT_SECONDS, read(logs.get(i)))
            .isTrue();
        assertThat(workers.get(i).exitValue()).as("worker %d failed:%n%s", i, read(logs.get(i))).isZero();
      }
    } finally {
      for (Process p : workers) {
        p.destroyForcibly();
      }
      for (Process p : workers) {
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    LOG.info(String.format("%d worker processes ran %d trials in %.1f s", WORKERS, TOTAL, seconds));

    try (PostgresStorage storage = PostgresStorage.open(url)) {
      Study study = Study.builder().name("distributed").storage(storage).loadIfExists(true).build();
      List<FrozenTrial> trials = study.trials();
      assertThat(trials).extracting(FrozenTrial::number)
          .containsExactlyElementsOf(IntStream.range(0, TOTAL).boxed().toList());
      assertThat(trials).allSatisfy(t -> {
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.params()).containsOnlyKeys("x", "y");
        assertThat(t.values()).hasSize(1);
      });
      double min = trials.stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
      assertThat(study.bestValue()).isEqualTo(min);
      for (int i = 0; i < WORKERS; i++) {
        int n = i;
        String log = read(logs.get(n));
        assertThat(log).as("worker %d", n).contains("worker done");
        log.lines().filter(l -> l.contains("worker done")).forEach(l -> LOG.info("worker {}: {}", n, l));
      }
    }
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no output)";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}
