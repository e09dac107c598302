package io.parzen.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.parzen.objective.Objective;
import io.parzen.sampler.RandomSampler;
import io.parzen.space.Condition;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.storage.DuplicateStudyException;
import io.parzen.storage.RdbSchema;
import io.parzen.storage.SqliteStorage;
import io.parzen.storage.StudySummary;
import io.parzen.study.Budget;
import io.parzen.study.OptimizeResult;
import io.parzen.study.StopReason;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialPruned;
import io.parzen.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A study file over its life: run, close, reopen, continue; several studies in one file; WAL mode;
 * readers that do not wait for writers.
 */
class StudyFileLifecycleTest {

  /** A conditional space, nested two levels deep, with non-uniform priors. */
  private static final SearchSpace SPACE = SearchSpace.of(
      Hp.choice("model", "linear", "tree"),
      Hp.loguniform("lr", 1e-4, 1e-1).withCondition(Condition.when("model", "linear")),
      Hp.uniformint("depth", 2, 8).withCondition(Condition.when("model", "tree")),
      Hp.pchoice("split", weights()).withCondition(Condition.when("model", "tree")),
      Hp.uniform("min_gain", 0.0, 0.5).withCondition(Condition.when("split", "entropy")),
      Hp.normal("bias", 0, 2),
      Hp.quniform("x", -5, 5, 0.5));

  /** A deterministic objective over {@link #SPACE}: some trials are pruned, some fail. */
  private static final Objective OBJECTIVE = trial -> {
    Map<String, Object> p = trial.params();
    double x = ((Number) p.get("x")).doubleValue();
    double bias = ((Number) p.get("bias")).doubleValue();
    double v = x * x + bias * bias / 10;
    if ("tree".equals(p.get("model"))) {
      v += ((Number) p.get("depth")).doubleValue() / 10;
    } else {
      v += Math.log10(((Number) p.get("lr")).doubleValue()) + 4;
    }
    for (int step = 0; step < 3; step++) {
      trial.report(step, v + (3 - step));
    }
    trial.setUserAttr("model", p.get("model"));
    trial.setUserAttr("steps", 3);
    trial.setUserAttr("tags", List.of("nightly", "cpu"));
    trial.setUserAttr("meta", Map.of("host", "test", "ok", true));
    if (trial.number() % 5 == 3) {
      throw new TrialPruned();
    }
    if (trial.number() % 7 == 4) {
      throw new IllegalStateException("diverged at step 3");
    }
    return v;
  };

  @TempDir
  Path dir;

  private static Map<Object, Double> weights() {
    Map<Object, Double> w = new LinkedHashMap<>();
    w.put("gini", 0.7);
    w.put("entropy", 0.3);
    return w;
  }

  // ---- run, close, reopen, continue

  @Test
  void reopenedStudyShowsIdenticalTrialsAndSpaceAndContinuesNumbering() throws Exception {
    Path file = dir.resolve("tuning.db");
    Instant begin = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<FrozenTrial> before;
    double bestBefore;
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      Study study = Study.builder().name("tuning").direction(StudyDirection.MINIMIZE).space(SPACE)
          .sampler(new RandomSampler(42L)).storage(storage).build();
      OptimizeResult result = study.optimize(OBJECTIVE, Budget.trials(12), 2);
      assertThat(result.trials()).isEqualTo(12);
      assertThat(result.reason()).isEqualTo(StopReason.BUDGET_REACHED);
      study.enqueue(Map.of("model", "tree", "depth", 5, "split", "gini", "bias", 0.5, "x", 1.0));
      before = study.trials();
      bestBefore = study.bestValue();
    }
    Instant end = Instant.now().plusMillis(1);

    assertThat(before).hasSize(13);
    assertThat(before).extracting(FrozenTrial::state)
        .contains(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL)
        .endsWith(TrialState.WAITING);

    List<FrozenTrial> after;
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      Study reopened = Study.builder().name("tuning").storage(storage).loadIfExists(true).build();

      assertThat(reopened.space()).isEqualTo(SPACE);
      assertThat(reopened.space().parameter("min_gain").orElseThrow().condition())
          .isEqualTo(Condition.when("split", "entropy"));
      assertThat(reopened.space().parameter("lr").orElseThrow().condition())
          .isEqualTo(Condition.when("model", "linear"));
      assertThat(reopened.space().parameter("split").orElseThrow().prior())
          .isEqualTo(SPACE.parameter("split").orElseThrow().prior());
      assertThat(reopened.space().parameter("bias").orElseThrow().prior())
          .isEqualTo(SPACE.parameter("bias").orElseThrow().prior());
      assertThat(reopened.directions()).containsExactly(StudyDirection.MINIMIZE);

      after = reopened.trials();
      assertSameTrials(after, before);
      assertThat(reopened.bestValue()).isEqualTo(bestBefore);

      for (FrozenTrial t : after) {
        if (t.state() == TrialState.WAITING) {
          assertThat(t.start()).isNull();
          assertThat(t.complete()).isNull();
          continue;
        }
        assertThat(t.start()).isBetween(begin, end);
        assertThat(t.complete()).isBetween(t.start(), end);
        assertThat(t.intermediateValues()).containsOnlyKeys(0, 1, 2);
        assertThat(t.userAttrs()).containsOnlyKeys("model", "steps", "tags", "meta");
        assertThat(t.userAttrs().get("model")).isEqualTo(t.params().get("model"));
        assertThat(t.userAttrs().get("tags")).isEqualTo(List.of("nightly", "cpu"));
        assertThat(t.userAttrs().get("meta")).isEqualTo(Map.of("host", "test", "ok", true));
        assertThat(((Number) t.userAttrs().get("steps")).intValue()).isEqualTo(3);
        assertThat(t.params().keySet()).isEqualTo(reopened.space().activeNames(t.params()));
        switch (t.state()) {
          case COMPLETE -> assertThat(t.value()).isCloseTo(t.intermediateValues().get(2) - 1, within(1e-9));
          case PRUNED -> assertThat(t.values()).containsExactly(t.intermediateValues().get(2));
          case FAIL -> {
            assertThat(t.values()).isEmpty();
            assertThat(t.failReason()).hasValue("java.lang.IllegalStateException: diverged at step 3");
          }
          default -> throw new AssertionError("unexpected state of trial " + t.number() + ": " + t.state());
        }
      }

      OptimizeResult more = reopened.optimize(OBJECTIVE, Budget.trials(5), 2);
      assertThat(more.trials()).isEqualTo(5);
      assertThat(more.reason()).isEqualTo(StopReason.BUDGET_REACHED);
      after = reopened.trials();
    }

    assertThat(after).extracting(FrozenTrial::number).containsExactlyElementsOf(range(17));
    assertSameTrials(after.subList(0, 12), before.subList(0, 12));
    FrozenTrial enqueued = after.get(12);
    assertThat(enqueued.id()).isEqualTo(before.get(12).id());
    assertThat(enqueued.state()).isEqualTo(TrialState.COMPLETE);
    assertThat(enqueued.params()).containsEntry("model", "tree").containsEntry("depth", 5L)
        .containsEntry("split", "gini").containsEntry("bias", 0.5).containsEntry("x", 1.0);
    assertThat(after).allSatisfy(t -> assertThat(t.state().isFinished()).isTrue());

    // And a third time, the continued study reads back as it was left.
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      Study again = Study.builder().name("tuning").storage(storage).loadIfExists(true).build();
      assertSameTrials(again.trials(), after);
      assertThat(again.space()).isEqualTo(SPACE);
    }
  }

  @Test
  void trialTimesRoundTripToTheMicrosecond() throws Exception {
    Path file = dir.resolve("times.db");
    Instant start = Instant.parse("2024-03-09T23:59:59.123456789Z");
    MutableClock clock = new MutableClock(start);
    long study;
    long trial;
    try (SqliteStorage storage = SqliteStorage.open(file, RdbSchema.CURRENT, clock)) {
      study = storage.createStudy("timed", List.of(StudyDirection.MINIMIZE));
      trial = storage.createTrial(study).id();
      clock.set(start.plusMillis(1500));
      storage.finishTrial(trial, TrialState.COMPLETE, List.of(3.0));
    }

    try (SqliteStorage storage = SqliteStorage.open(file)) {
      FrozenTrial t = storage.trial(trial);
      assertThat(t.start()).isEqualTo(Instant.parse("2024-03-09T23:59:59.123456Z"));
      assertThat(t.complete()).isEqualTo(Instant.parse("2024-03-10T00:00:00.623456Z"));
      assertThat(t.duration()).hasValue(Duration.ofMillis(1500));
    }
  }

  // ---- several studies in one file

  @Test
  void severalStudiesLiveSideBySideInOneFile() throws Exception {
    Path file = dir.resolve("many.db");
    Map<String, List<FrozenTrial>> before = new LinkedHashMap<>();
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      Study a = Study.builder().name("a-declared").direction(StudyDirection.MINIMIZE).space(SPACE)
          .sampler(new RandomSampler(1L)).storage(storage).build();
      Study b = Study.builder().name("b-define-by-run").direction(StudyDirection.MAXIMIZE)
          .sampler(new RandomSampler(2L)).storage(storage).build();
      Study c = Study.builder().name("c-two-objectives")
          .directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE)
          .sampler(new RandomSampler(3L)).storage(storage).build();
      a.optimize(OBJECTIVE, Budget.trials(5));
      b.optimize(t -> -Math.abs(t.suggestFloat("y", -1, 1)) + t.suggestInt("n", 0, 3), Budget.trials(7), 2);
      c.optimizeMulti(t -> {
        double z = t.suggestFloat("z", 0, 1);
        return new double[] {z, 1 - z * z};
      }, Budget.trials(4), 1);
      storage.setStudyUserAttr(b.id(), "owner", "bench team");
      assertThrows(DuplicateStudyException.class, () -> storage.createStudy("a-declared",
          List.of(StudyDirection.MINIMIZE)));
      for (Study s : List.of(a, b, c)) {
        before.put(s.name(), s.trials());
      }
    }

    try (SqliteStorage storage = SqliteStorage.open(file)) {
      assertThat(storage.studies()).extracting(StudySummary::name, StudySummary::trialCount).containsExactly(
          org.assertj.core.groups.Tuple.tuple("a-declared", 5),
          org.assertj.core.groups.Tuple.tuple("b-define-by-run", 7),
          org.assertj.core.groups.Tuple.tuple("c-two-objectives", 4));
      Study a = Study.builder().name("a-declared").storage(storage).loadIfExists(true).build();
      Study b = Study.builder().name("b-define-by-run").storage(storage).loadIfExists(true).build();
      Study c = Study.builder().name("c-two-objectives").storage(storage).loadIfExists(true).build();
      assertThat(a.space()).isEqualTo(SPACE);
      // A define-by-run study declares nothing; reloaded, its space is inferred from its trials.
      assertThat(b.space().names()).containsExactly("y", "n");
      assertThat(b.space().isConditional()).isFalse();
      assertThat(c.directions()).containsExactly(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
      assertThat(b.direction()).isEqualTo(StudyDirection.MAXIMIZE);
      assertThat(storage.studyUserAttrs(b.id())).containsExactly(Map.entry("owner", "bench team"));
      assertSameTrials(a.trials(), before.get("a-declared"));
      assertSameTrials(b.trials(), before.get("b-define-by-run"));
      assertSameTrials(c.trials(), before.get("c-two-objectives"));
      assertThat(c.bestTrials()).isNotEmpty().allSatisfy(t -> assertThat(t.values()).hasSize(2));

      IllegalArgumentException wrongDirection = assertThrows(IllegalArgumentException.class, () -> Study.builder()
          .name("b-define-by-run").direction(StudyDirection.MINIMIZE).storage(storage).loadIfExists(true).build());
      assertThat(wrongDirection).hasMessage("study \"b-define-by-run\" has directions [MAXIMIZE], not [MINIMIZE]");

      b.optimize(t -> t.suggestFloat("y", -1, 1), Budget.trials(3));
      assertThat(b.trials()).extracting(FrozenTrial::number).containsExactlyElementsOf(range(10));
      storage.deleteStudy(c.id());
    }

    try (SqliteStorage storage = SqliteStorage.open(file)) {
      assertThat(storage.studies()).extracting(StudySummary::name).containsExactly("a-declared", "b-define-by-run");
      assertThat(storage.findStudyId("c-two-objectives")).isEmpty();
      assertSameTrials(storage.trials(storage.studyId("a-declared")), before.get("a-declared"));
      assertSameTrials(storage.trials(storage.studyId("b-define-by-run")).subList(0, 7),
          before.get("b-define-by-run"));
    }
    assertThat(scalar(file, "SELECT COUNT(*) FROM trials")).isEqualTo("15");
    assertThat(scalar(file, "PRAGMA integrity_check")).isEqualTo("ok");
  }

  /**
   * Four workers (threads with their own storages, as processes would be) build the same study with
   * {@code loadIfExists}: one creates it, the others load it, as Optuna's
   * {@code create_study(load_if_exists=True)} does.
   */
  @Test
  void studyBuiltByFourWorkersAtOnceIsCreatedOnceAndLoadedByTheOthers() throws Exception {
    Path file = dir.resolve("race.db");
    SqliteStorage.open(file).close();
    List<SqliteStorage> storages = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int i = 0; i < 4; i++) {
        storages.add(SqliteStorage.open(file));
      }
      for (int round = 0; round < 5; round++) {
        String name = "race-" + round;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> ids = new ArrayList<>();
        for (SqliteStorage storage : storages) {
          ids.add(pool.submit(() -> {
            go.await();
            return Study.builder().name(name).direction(StudyDirection.MINIMIZE).storage(storage)
                .loadIfExists(true).build().id();
          }));
        }
        go.countDown();
        List<Long> got = new ArrayList<>();
        for (Future<Long> id : ids) {
          got.add(id.get(60, TimeUnit.SECONDS));
        }
        assertThat(got).as("study ids the workers got").containsOnly(storages.get(0).studyId(name));
      }
      assertThat(storages.get(0).studies()).hasSize(5);
    } finally {
      storages.forEach(SqliteStorage::close);
      pool.shutdownNow();
    }
  }

  // ---- WAL mode

  @Test
  void studyFileIsInWalMode() throws Exception {
    Path file = dir.resolve("wal.db");
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
      assertThat(scalar(file, "PRAGMA journal_mode")).isEqualTo("wal");
    }
    assertThat(scalar(file, "PRAGMA journal_mode")).isEqualTo("wal");
    byte[] header = Files.readAllBytes(file);
    assertThat(header[18]).as("file format write version (2 = WAL)").isEqualTo((byte) 2);
    assertThat(header[19]).as("file format read version (2 = WAL)").isEqualTo((byte) 2);
  }

  @Test
  void rollbackJournalFileIsSwitchedToWalWhenOpened() throws Exception {
    Path file = dir.resolve("from-optuna.db");
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      storage.createStudy("s", List.of(StudyDirection.MINIMIZE));
    }
    assertThat(scalar(file, "PRAGMA journal_mode = DELETE")).isEqualTo("delete");
    assertThat(scalar(file, "PRAGMA journal_mode")).isEqualTo("delete");

    try (SqliteStorage storage = SqliteStorage.open(file)) {
      assertThat(scalar(file, "PRAGMA journal_mode")).isEqualTo("wal");
      assertThat(storage.findStudyId("s")).isPresent();
    }
  }

  // ---- readers do not wait for writers

  /**
   * While the storage is inside a write transaction (held open by a clock that blocks in the
   * middle of {@code createTrial}), plain read-only connections still read the committed trials.
   */
  @Test
  void plainReaderIsNotBlockedByAnOpenWriteTransaction() throws Exception {
    Path file = dir.resolve("busy.db");
    GateClock clock = new GateClock();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (SqliteStorage storage = SqliteStorage.open(file, RdbSchema.CURRENT, clock)) {
      long study = storage.createStudy("busy", List.of(StudyDirection.MINIMIZE));
      for (int i = 0; i < 3; i++) {
        storage.finishTrial(storage.createTrial(study).id(), TrialState.COMPLETE, List.of((double) i));
      }

      clock.arm();
      CompletableFuture<FrozenTrial> blockedWrite = CompletableFuture.supplyAsync(() -> storage.createTrial(study), pool);
      try {
        assertThat(clock.entered.await(10, TimeUnit.SECONDS)).as("writer reached its transaction").isTrue();
        assertWriteLockHeld(file);

        for (int i = 0; i < 20; i++) {
          assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> readOnlyScalar(file,
              "SELECT COUNT(*) FROM trials WHERE state = 'COMPLETE'"))).isEqualTo("3");
        }
      } finally {
        clock.release();
      }
      FrozenTrial created = blockedWrite.get(30, TimeUnit.SECONDS);
      assertThat(created.number()).isEqualTo(3);
      assertThat(storage.trialCount(study)).isEqualTo(4);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Two storages on one file (as in two processes) hold the write lock only while writing: between
   * writes another connection can take it, and each storage's writes go through. (Before commit
   * 3c5f0be an open storage held the lock for its whole life, and a second open failed after 60 s.)
   */
  @Test
  void twoStoragesOnOneFileTakeTurnsWriting() throws Exception {
    Path file = dir.resolve("shared.db");
    try (SqliteStorage first = SqliteStorage.open(file)) {
      long study = first.createStudy("shared", List.of(StudyDirection.MINIMIZE));
      first.createTrial(study);
      assertWriteLockFree(file);
      try (SqliteStorage second = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SqliteStorage.open(file))) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> second.createTrial(study));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> first.createTrial(study));
        assertThat(second.trials(study)).extracting(FrozenTrial::number).containsExactly(0, 1, 2);
      }
    }
  }

  /** Like the plain reader above, but the reader is a second {@link SqliteStorage} on the file. */
  @Test
  void readerStorageIsNotBlockedByAnOpenWriteTransaction() throws Exception {
    Path file = dir.resolve("busy.db");
    GateClock clock = new GateClock();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (SqliteStorage writer = SqliteStorage.open(file, RdbSchema.CURRENT, clock)) {
      long study = writer.createStudy("busy", List.of(StudyDirection.MINIMIZE));
      for (int i = 0; i < 3; i++) {
        writer.finishTrial(writer.createTrial(study).id(), TrialState.COMPLETE, List.of((double) i));
      }
      try (SqliteStorage reader = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SqliteStorage.open(file))) {
        clock.arm();
        CompletableFuture<FrozenTrial> blockedWrite = CompletableFuture.supplyAsync(() -> writer.createTrial(study), pool);
        try {
          assertThat(clock.entered.await(10, TimeUnit.SECONDS)).as("writer reached its transaction").isTrue();
          assertWriteLockHeld(file);
          for (int i = 0; i < 20; i++) {
            List<FrozenTrial> seen = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reader.trials(study));
            assertThat(seen).extracting(FrozenTrial::number).containsExactly(0, 1, 2);
            assertThat(seen).extracting(FrozenTrial::state).containsOnly(TrialState.COMPLETE);
          }
        } finally {
          clock.release();
        }
        assertThat(blockedWrite.get(30, TimeUnit.SECONDS).number()).isEqualTo(3);
        assertThat(reader.trials(study)).hasSize(4);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A second storage (the studio's view) polls the trials of a study running on two workers; no read waits. */
  @Test
  void readerStorageFollowsASlowStudyWithoutWaiting() throws Exception {
    Path file = dir.resolve("slow.db");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      Study study = Study.builder().name("slow").direction(StudyDirection.MINIMIZE).storage(storage).build();
      Objective slow = trial -> {
        double x = trial.suggestFloat("x", -1, 1);
        for (int step = 0; step < 5; step++) {
          trial.report(step, x * step);
          Thread.sleep(30);
        }
        return x * x;
      };
      try (SqliteStorage reader = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SqliteStorage.open(file))) {
        CompletableFuture<OptimizeResult> run = study.optimizeAsync(slow.asMulti(), Budget.trials(12), 2, pool);
        int lastSeen = 0;
        int polls = 0;
        while (!run.isDone() || polls == 0) {
          List<FrozenTrial> seen = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> reader.trials(study.id()));
          assertThat(seen.size()).isGreaterThanOrEqualTo(lastSeen);
          assertThat(seen).extracting(FrozenTrial::number).containsExactlyElementsOf(range(seen.size()));
          lastSeen = seen.size();
          polls++;
          Thread.sleep(10);
        }
        assertThat(run.get(60, TimeUnit.SECONDS).trials()).isEqualTo(12);
        assertThat(polls).isGreaterThan(5);
        assertThat(reader.trials(study.id())).hasSize(12).allSatisfy(t -> {
          assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
          assertThat(t.intermediateValues()).hasSize(5);
        });
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- helpers

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  /** Field by field first, for readable failures, then as whole records. */
  private static void assertSameTrials(List<FrozenTrial> actual, List<FrozenTrial> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      FrozenTrial a = actual.get(i);
      FrozenTrial e = expected.get(i);
      String which = "trial " + e.number();
      assertThat(a.id()).as(which + " id").isEqualTo(e.id());
      assertThat(a.number()).as(which + " number").isEqualTo(e.number());
      assertThat(a.state()).as(which + " state").isEqualTo(e.state());
      assertThat(a.values()).as(which + " values").isEqualTo(e.values());
      assertThat(a.params()).as(which + " params").isEqualTo(e.params());
      assertThat(a.distributions()).as(which + " distributions").isEqualTo(e.distributions());
      assertThat(a.intermediateValues()).as(which + " intermediate values").isEqualTo(e.intermediateValues());
      assertThat(a.userAttrs()).as(which + " user attrs").isEqualTo(e.userAttrs());
      assertThat(a.systemAttrs()).as(which + " system attrs").isEqualTo(e.systemAttrs());
      assertThat(a.start()).as(which + " start").isEqualTo(e.start());
      assertThat(a.complete()).as(which + " complete").isEqualTo(e.complete());
      assertThat(new ArrayList<>(a.params().keySet())).as(which + " parameter order")
          .isEqualTo(new ArrayList<>(e.params().keySet()));
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static String scalar(Path file, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static String readOnlyScalar(Path file, String sql) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.READONLY);
    config.setBusyTimeout(60_000);
    Properties properties = config.toProperties();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, properties);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Whether another connection could take the write lock right now (no waiting). */
  private static boolean writeLockFree(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 0");
      try {
        st.execute("BEGIN IMMEDIATE");
      } catch (SQLException e) {
        assertThat(e.getMessage()).contains("SQLITE_BUSY");
        return false;
      }
      st.execute("ROLLBACK");
      return true;
    }
  }

  private static void assertWriteLockHeld(Path file) throws SQLException {
    assertThat(writeLockFree(file)).as("test premise: the storage reads its clock inside its write transaction, "
        + "so the write lock is held while the gate clock blocks").isFalse();
  }

  private static void assertWriteLockFree(Path file) throws SQLException {
    assertThat(writeLockFree(file)).as("another connection can take the write lock between writes").isTrue();
  }

  /** A clock that can be set. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /**
   * The system clock, except that once armed, the next reading blocks until released. The storage
   * reads its clock inside its write transactions, so this holds a transaction open.
   */
  private static final class GateClock extends Clock {
    final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicBoolean armed = new AtomicBoolean();

    void arm() {
      armed.set(true);
    }

    void release() {
      gate.countDown();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      if (armed.compareAndSet(true, false)) {
        entered.countDown();
        try {
          if (!gate.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate clock was never released");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return Instant.now();
    }
  }
}
