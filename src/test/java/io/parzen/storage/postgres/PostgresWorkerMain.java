package io.parzen.storage.postgres;

import io.parzen.storage.PostgresStorage;
import io.parzen.study.Budget;
import io.parzen.study.OptimizeResult;
import io.parzen.study.Study;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process for {@link PostgresMultiProcessTest}: opens the database, loads the study and
 * runs trials on two threads until the study holds its total. Arguments: URL, study name, total.
 */
public final class PostgresWorkerMain {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresWorkerMain.class);

  private PostgresWorkerMain() {}

  public static void main(String[] args) {
    try (PostgresStorage storage = PostgresStorage.open(args[0])) {
      Study study = Study.builder().name(args[1]).storage(storage).loadIfExists(true).build();
      OptimizeResult result = study.optimize(trial -> {
        double x = trial.suggestFloat("x", -10, 10);
        int y = trial.suggestInt("y", -5, 5);
        Thread.sleep(2);
        return (x - 2) * (x - 2) + y * y;
      }, Budget.studyTotal(Integer.parseInt(args[2])), 2);
      LOG.info("worker done: {}", result);
      if (result.error() != null) {
        LOG.error("the study stopped on an error", result.error());
        System.exit(2);
      }
    }
  }
}
