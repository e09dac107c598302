package io.parzen.storage.file;

import io.parzen.objective.Objective;
import io.parzen.storage.SqliteStorage;
import io.parzen.study.Budget;
import io.parzen.study.OptimizeResult;
import io.parzen.study.Study;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One worker process of {@link MultiProcessStudyTest}: opens the study file, loads the study and
 * optimises {@link #value} on two threads.
 *
 * <p>Arguments: study file, study name, budget ({@code total:N} for {@link Budget#studyTotal} or
 * {@code trials:N} for {@link Budget#trials}), worker label, a folder for the start barrier, and
 * when to wait at it: {@code open-then-wait} (all workers hold the file open at once before any
 * trial starts) or {@code wait-then-open} (opening and loading race with the other workers'
 * trials). At the barrier the worker writes {@code ready-<label>} and waits for a {@code go} file,
 * so that all workers contend for the file at once. Prints one line
 * {@code RESULT trials=<n> reason=<reason>}; exits with 0 on success, 2 on an exception, 3 when
 * optimize ended with an error, 4 when the start signal never came.
 */
public final class SqliteWorkerMain {

  static final int THREADS = 2;
  private static final Duration START_WAIT = Duration.ofSeconds(60);

  private SqliteWorkerMain() {}

  /** The objective: deterministic in the parameters, so the parent can check each stored value. */
  static double value(double x, long k) {
    return (x - 2) * (x - 2) + (k - 7) * (k - 7) / 10.0;
  }

  public static void main(String[] args) {
    if (args.length != 6) {
      System.err.println("usage: SqliteWorkerMain <file> <study> <total:N|trials:N> <label> <barrier-dir> "
          + "<open-then-wait|wait-then-open>");
      System.exit(64);
    }
    Path file = Path.of(args[0]);
    String studyName = args[1];
    Budget budget = budget(args[2]);
    String label = args[3];
    Path barrier = Path.of(args[4]);
    boolean openFirst = switch (args[5]) {
      case "open-then-wait" -> true;
      case "wait-then-open" -> false;
      default -> throw new IllegalArgumentException("barrier mode must be open-then-wait or wait-then-open");
    };
    if (!openFirst) {
      awaitStart(barrier, label);
    }
    int code;
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      Study study = Study.builder().name(studyName).storage(storage).loadIfExists(true).build();
      if (openFirst) {
        awaitStart(barrier, label);
      }
      Objective objective = trial -> {
        double x = trial.suggestFloat("x", -10, 10);
        int k = trial.suggestInt("k", 0, 20);
        trial.setUserAttr("worker", label);
        Thread.sleep(1);
        return value(x, k);
      };
      OptimizeResult result = study.optimize(objective, budget, THREADS);
      System.out.println("RESULT trials=" + result.trials() + " reason=" + result.reason());
      if (result.error() != null) {
        result.error().printStackTrace();
        code = 3;
      } else {
        code = 0;
      }
    } catch (Throwable t) {
      t.printStackTrace();
      code = 2;
    }
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  private static Budget budget(String spec) {
    String[] parts = spec.split(":", 2);
    int n = Integer.parseInt(parts[1]);
    return switch (parts[0]) {
      case "total" -> Budget.studyTotal(n);
      case "trials" -> Budget.trials(n);
      default -> throw new IllegalArgumentException("budget must be total:N or trials:N, not " + spec);
    };
  }

  /** Says this worker is ready and waits for the parent's go; exits with 4 if it never comes. */
  private static void awaitStart(Path barrier, String label) {
    try {
      Files.createFile(barrier.resolve("ready-" + label));
      if (awaitGo(barrier.resolve("go"))) {
        return;
      }
      System.err.println("worker " + label + ": no start signal within " + START_WAIT);
    } catch (Exception e) {
      e.printStackTrace();
    }
    System.exit(4);
  }

  private static boolean awaitGo(Path go) throws InterruptedException {
    Instant deadline = Instant.now().plus(START_WAIT);
    while (!Files.exists(go)) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }
}
