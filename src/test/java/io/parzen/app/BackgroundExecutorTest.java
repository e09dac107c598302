package io.parzen.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundExecutorTest {

  @Test
  void aStudysWorkersDoNotHoldBackOtherBackgroundWork() throws Exception {
    BackgroundExecutor executor = BackgroundExecutor.pooled();
    int workers = 12;  // more than this machine has cores
    CountDownLatch allStarted = new CountDownLatch(workers);
    CountDownLatch release = new CountDownLatch(1);
    for (int i = 0; i < workers; i++) {
      executor.executor().execute(() -> {
        allStarted.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    assertThat(allStarted.await(10, TimeUnit.SECONDS)).as("all workers run at once").isTrue();
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> "read", executor.executor());
    assertThat(read.get(10, TimeUnit.SECONDS)).as("a file read while the workers run").isEqualTo("read");
    release.countDown();
  }

  @Test
  void backgroundThreadsRunBelowTheFxThreadsPriority() throws Exception {
    assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux only");
    OptionalInt before = BackgroundPriority.currentNice();
    assertThat(before).isPresent();
    OptionalInt nice = CompletableFuture.supplyAsync(BackgroundPriority::currentNice,
        BackgroundExecutor.pooled().executor()).get(10, TimeUnit.SECONDS);
    assertThat(nice).isPresent();
    if (before.getAsInt() < BackgroundPriority.NICE) {
      assertThat(nice.getAsInt()).isEqualTo(BackgroundPriority.NICE);
    } else {
      // Already running nicer than that (say, a CI under nice): it is not raised, only kept.
      assertThat(nice.getAsInt()).isGreaterThanOrEqualTo(BackgroundPriority.NICE);
    }
    assertThat(BackgroundPriority.currentNice()).as("the calling thread keeps its priority").isEqualTo(before);
  }
}
