package io.parzen.app.analysis;

import io.parzen.app.BackgroundExecutor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Runs a plot's computation on the {@link BackgroundExecutor} with at most one in flight: a request
 * made while one runs replaces any request still waiting, and starts when the running one ends.
 * A live run asking every batch thus costs one computation at a time, and the last request always
 * runs. Every result is handed on (each is newer than the one shown). FX thread only.
 */
final class LatestComputation<T> {

  private final BackgroundExecutor executor;
  private final Consumer<T> onDone;
  private final Consumer<Throwable> onError;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
  private Supplier<T> waiting;
  private int completed;

  LatestComputation(BackgroundExecutor executor, Consumer<T> onDone, Consumer<Throwable> onError) {
    this.executor = executor;
    this.onDone = onDone;
    this.onError = onError;
  }

  /** Computes {@code work} now, or once the computation in flight ends (replacing any waiting one). */
  void request(Supplier<T> work) {
    if (busy.get()) {
      waiting = work;
      return;
    }
    start(work);
  }

  /** Whether a computation is in flight. */
  ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** How many computations have ended, for tests. */
  int completedCount() {
    return completed;
  }

  private void start(Supplier<T> work) {
    busy.set(true);
    executor.submit(work, result -> {
      finish();
      onDone.accept(result);
      next();
    }, error -> {
      finish();
      onError.accept(error);
      next();
    });
  }

  private void finish() {
    completed++;
    busy.set(false);
  }

  private void next() {
    if (waiting != null && !busy.get()) {
      Supplier<T> work = waiting;
      waiting = null;
      start(work);
    }
  }
}
