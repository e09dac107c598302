package io.parzen.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The studio's one way to run work off the FX thread: named daemon threads, results handed back
 * on the FX thread. View models take it in their constructor, so tests can pass one that runs
 * work at once.
 */
public interface BackgroundExecutor {

  /** Runs {@code work} in the background, then {@code onDone} (or {@code onError}) on the FX thread. */
  <T> CompletableFuture<T> submit(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

  /** The threads behind {@link #submit}, for engine calls that take an {@link java.util.concurrent.Executor}. */
  java.util.concurrent.Executor executor();

  /**
   * The executor the application uses: daemon threads named {@code parzen-ui-N}, made as needed
   * and kept for a minute when idle, so a study's workers (one thread each) never hold back file
   * reads, polls or plot computations. The threads run at a lower scheduling priority than the FX
   * thread ({@link BackgroundPriority}): with every core busy on trials the window still draws on time.
   */
  static BackgroundExecutor pooled() {
    AtomicInteger count = new AtomicInteger();
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(() -> {
        BackgroundPriority.lowerCurrentThread();
        r.run();
      }, "parzen-ui-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    return new BackgroundExecutor() {
      @Override
      public java.util.concurrent.Executor executor() {
        return pool;
      }

      @Override
      public <T> CompletableFuture<T> submit(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(work, pool);
        future.whenComplete((value, error) -> Platform.runLater(() -> {
          if (error != null) {
            onError.accept(error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error);
          } else {
            onDone.accept(value);
          }
        }));
        return future;
      }
    };
  }

  /** Runs work at once on the calling thread: for view-model tests. */
  static BackgroundExecutor direct() {
    return new BackgroundExecutor() {
      @Override
      public java.util.concurrent.Executor executor() {
        return Runnable::run;
      }

      @Override
      public <T> CompletableFuture<T> submit(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        try {
          T value = work.get();
          onDone.accept(value);
          return CompletableFuture.completedFuture(value);
        } catch (RuntimeException e) {
          onError.accept(e);
          return CompletableFuture.failedFuture(e);
        }
      }
    };
  }
}
