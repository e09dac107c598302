package io.parzen.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the scheduling priority of the calling background thread, so that while trials keep
 * every core busy the FX thread and the renderer still get the CPU as soon as they want it: a
 * frame is drawn on time and the window stays responsive, and the workers lose only the time the
 * window actually uses.
 *
 * <p>On Linux Java's thread priorities are ignored by default, so the thread's nice value is raised
 * to {@value #NICE} (any user may lower a thread's own priority) through {@code renice} on its
 * thread id; elsewhere {@link Thread#setPriority} says the same. When neither works the thread
 * runs as it was; nothing else changes.
 */
final class BackgroundPriority {

  /** The nice value of background threads: below the FX thread (0) without starving them. */
  static final int NICE = 10;

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
  private static final Path THREAD_SELF = Path.of("/proc/thread-self");
  private static volatile boolean reniceWorks = true;

  private BackgroundPriority() {}

  /** Lowers the calling thread's priority; call first thing on a background thread. */
  static void lowerCurrentThread() {
    Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
    if (!reniceWorks || !Files.isSymbolicLink(THREAD_SELF)) {
      return;
    }
    try {
      // "/proc/thread-self" links to "<pid>/task/<tid>".
      String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
      Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
        renice.destroy();
        reniceWorks = false;
        LOG.debug("renice of background thread {} failed; background threads keep their priority", tid);
      }
    } catch (IOException | UnsupportedOperationException e) {
      reniceWorks = false;
      LOG.debug("cannot renice background threads: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The nice value of the calling thread on Linux, or empty elsewhere (for tests). */
  static java.util.OptionalInt currentNice() {
    try {
      String stat = Files.readString(THREAD_SELF.resolve("stat"));
      // Fields after the command (in parentheses): state is field 3, nice is field 19.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return java.util.OptionalInt.of(Integer.parseInt(fields[16]));
    } catch (IOException | RuntimeException e) {
      return java.util.OptionalInt.empty();
    }
  }
}
