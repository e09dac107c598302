package io.parzen.storage.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.storage.SqliteStorage;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A worker killed with SIGKILL mid-study loses nothing that completed, and the study resumes. */
class KilledWorkerTest {

  @TempDir
  Path dir;

  @Test
  @Timeout(120)
  void aKilledWorkersRunningTrialsFailOnResumeAndTheStudyReachesItsBudget() throws Exception {
    Path file = dir.resolve("crash.db");
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      Study.builder().name("crash").direction(StudyDirection.MINIMIZE).storage(storage).build();
    }
    Process worker = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        SlowWorkerMain.class.getName(), file.toString(), "crash", "40")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("worker.log").toFile())
        .start();
    List<FrozenTrial> before;
    try (SqliteStorage watcher = SqliteStorage.open(file)) {
      long studyId = watcher.studyId("crash");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (watcher.trialCount(studyId, EnumSet.of(TrialState.COMPLETE)) < 6
          || watcher.trialCount(studyId, EnumSet.of(TrialState.RUNNING)) == 0) {
        assertThat(System.nanoTime()).as("worker made no progress; see %s", dir.resolve("worker.log"))
            .isLessThan(deadline);
        assertThat(worker.isAlive()).as("worker died early").isTrue();
        Thread.sleep(20);
      }
      worker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      before = watcher.trials(studyId);
    } finally {
      worker.destroyForcibly();
    }
    List<FrozenTrial> completeBefore = before.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
    List<Integer> runningBefore = before.stream().filter(t -> t.state() == TrialState.RUNNING)
        .map(FrozenTrial::number).toList();
    assertThat(runningBefore).isNotEmpty();

    try (SqliteStorage storage = SqliteStorage.open(file)) {
      Study study = Study.builder().name("crash").storage(storage).loadIfExists(true)
          .heartbeat(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
      List<FrozenTrial> reopened = study.trials();
      for (FrozenTrial t : completeBefore) {
        FrozenTrial now = reopened.get(t.number());
        assertThat(now.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(now.params()).isEqualTo(t.params());
        assertThat(now.values()).isEqualTo(t.values());
      }
      Thread.sleep(1_200);  // Let the killed worker's last heartbeat age past the grace period.
      study.optimize(trial -> trial.suggestFloat("x", -10, 10), Budget.studyTotal(40));

      List<FrozenTrial> after = study.trials();
      assertThat(after).extracting(FrozenTrial::number)
          .containsExactlyElementsOf(IntStream.range(0, after.size()).boxed().toList());
      assertThat(after).hasSize(40);
      for (int number : runningBefore) {
        assertThat(after.get(number).state()).isEqualTo(TrialState.FAIL);
        assertThat(after.get(number).failReason()).get().asString().startsWith("its worker stopped sending heartbeats");
      }
      assertThat(after).noneMatch(t -> t.state() == TrialState.RUNNING);
      assertThat(after.stream().filter(t -> t.state() == TrialState.COMPLETE).count())
          .isEqualTo(40 - runningBefore.size());
    }
    assertThat(new File(dir.toFile(), "worker.log")).exists();
  }
}
