package io.parzen.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Holds submitted work until the test runs it, as a slow background thread would. */
public final class ManualExecutor implements BackgroundExecutor {

  private final List<Runnable> queue = new ArrayList<>();

  @Override
  public java.util.concurrent.Executor executor() {
    return queue::add;
  }

  @Override
  public <T> CompletableFuture<T> submit(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
    CompletableFuture<T> future = new CompletableFuture<>();
    queue.add(() -> {
      try {
        T value = work.get();
        future.complete(value);
        onDone.accept(value);
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
        onError.accept(e);
      }
    });
    return future;
  }

  /** How many pieces of work wait. */
  public int queued() {
    return queue.size();
  }

  /** Runs waiting work, and work it submits, until none is left. */
  public void runAll() {
    while (!queue.isEmpty()) {
      runNext();
    }
  }

  /** Runs the oldest waiting piece of work on the calling thread. */
  public void runNext() {
    queue.remove(0).run();
  }
}
