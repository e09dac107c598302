package io.parzen.storage.crash;

import io.parzen.storage.SqliteStorage;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import java.nio.file.Path;
import java.time.Duration;

/** A worker process for {@link KilledWorkerTest}: slow trials with quick heartbeats, until killed. */
public final class SlowWorkerMain {

  private SlowWorkerMain() {}

  public static void main(String[] args) {
    SqliteStorage storage = SqliteStorage.open(Path.of(args[0]));
    Study study = Study.builder().name(args[1]).storage(storage).loadIfExists(true)
        .heartbeat(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
    study.optimize(trial -> {
      double x = trial.suggestFloat("x", -10, 10);
      Thread.sleep(150);
      return x * x;
    }, Budget.studyTotal(Integer.parseInt(args[2])), 2);
  }
}
