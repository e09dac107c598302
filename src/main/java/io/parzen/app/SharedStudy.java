package io.parzen.app;

import io.parzen.app.run.RunViewModel;
import io.parzen.storage.Storage;
import io.parzen.storage.TrialCursor;
import io.parzen.storage.TrialDelta;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/**
 * A study in a shared storage (a PostgreSQL database or a study file that worker processes on
 * other machines fill), followed live: about once a second it asks the storage what changed since
 * its cursor ({@link Storage#trialsChangedSince}) on the background executor and hands the changed
 * trials to the {@link RunViewModel} as one batch. It never reloads the whole study.
 *
 * <p>Created, polled and closed on the FX thread; the storage is used only from the background
 * executor, and at most one poll is in flight at a time.
 */
final class SharedStudy {

  /** How often the storage is asked for changes. */
  static final javafx.util.Duration POLL_INTERVAL = javafx.util.Duration.seconds(1);

  private final String url;
  private final Storage storage;
  private final long studyId;
  private final BackgroundExecutor executor;
  private final RunViewModel runs;
  private final Runnable onChange;
  private final Timeline timer;
  private TrialCursor cursor;
  private boolean polling;
  private boolean closed;
  private int polls;
  private String problem = "";

  /**
   * Follows study {@code studyId} of {@code storage} (opened from {@code url}), whose trials up to
   * {@code cursor} the window already shows; {@code onChange} runs after every poll that brought
   * changes or a problem.
   */
  SharedStudy(String url, Storage storage, long studyId, TrialCursor cursor, BackgroundExecutor executor,
      RunViewModel runs, Runnable onChange) {
    this.url = url;
    this.storage = storage;
    this.studyId = studyId;
    this.cursor = cursor;
    this.executor = executor;
    this.runs = runs;
    this.onChange = onChange;
    this.timer = new Timeline(new KeyFrame(POLL_INTERVAL, e -> poll()));
    timer.setCycleCount(Animation.INDEFINITE);
  }

  String url() {
    return url;
  }

  /** The URL as the window shows it: any password replaced by {@code ***}. */
  String displayUrl() {
    return displayUrl(url);
  }

  /** {@code url} with any password replaced by {@code ***}. */
  static String displayUrl(String url) {
    return io.parzen.storage.Storages.displayUrl(url);
  }

  Storage storage() {
    return storage;
  }

  /** Polls from now on, about once a second. */
  void start() {
    timer.play();
  }

  /** Asks the storage for changes now, unless a poll is still in flight or this is closed. */
  void poll() {
    if (polling || closed) {
      return;
    }
    polling = true;
    TrialCursor at = cursor;
    executor.submit(() -> storage.trialsChangedSince(studyId, at), this::applied, this::failed);
  }

  private void applied(TrialDelta delta) {
    polling = false;
    polls++;
    if (closed) {
      return;
    }
    cursor = delta.next();
    boolean recovered = !problem.isEmpty();
    problem = "";
    if (!delta.trials().isEmpty()) {
      runs.enqueue(delta.trials());
      runs.drain();
    }
    if (!delta.trials().isEmpty() || recovered) {
      onChange.run();
    }
  }

  private void failed(Throwable error) {
    polling = false;
    polls++;
    if (!closed) {
      problem = error.getMessage() == null ? error.toString() : error.getMessage();
      onChange.run();
    }
  }

  /** How many polls have come back (for tests). */
  int polls() {
    return polls;
  }

  /** Why the last poll failed (the database went away, say), or {@code ""}; polling goes on. */
  String problem() {
    return problem;
  }

  /** Stops polling and closes the storage in the background. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    timer.stop();
    executor.submit(() -> {
      storage.close();
      return null;
    }, done -> { }, error -> { });
  }
}
