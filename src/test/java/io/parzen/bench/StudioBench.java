package io.parzen.bench;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.DialogService;
import io.parzen.app.MainView;
import io.parzen.app.MainViewModel;
import io.parzen.app.StudioPreferences;
import io.parzen.app.StudyFiles;
import io.parzen.app.Theme;
import io.parzen.objective.BenchmarkFunction;
import io.parzen.objective.BenchmarkFunctions;
import io.parzen.sampler.RandomSampler;
import io.parzen.storage.SqliteStorage;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDefinition;
import io.parzen.study.StudyDirection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * How the studio copes with big and fast studies, on the real window (headless Monocle, software
 * rendering):
 * <ul>
 *   <li>opening a study file of 10,000 trials with 10 parameters: from Open until the window has
 *       drawn its first frame with every trial in the plots and the table;</li>
 *   <li>the FX thread's pulses while 8 workers run a fast objective: the longest gap between two
 *       frames and the 99th percentile, measured by an {@link AnimationTimer} (a frame every
 *       ~16 ms when the FX thread is free).</li>
 * </ul>
 * Prints a Markdown table. {@code -DstudyFile=big.db} keeps the 10,000-trial study it builds
 * (about 20 s) in that file and reuses it on later runs; {@code -DrunTrials=N} sets the size of
 * the timed run.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parzen.bench.StudioBench
 * </pre>
 */
public final class StudioBench {

  private static final int STUDY_TRIALS = Integer.getInteger("trials", 10_000);
  private static final int RUN_TRIALS = Integer.getInteger("runTrials", 4_000);
  private static final int WORKERS = 8;

  private StudioBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("headless.geometry", "1600x1200-32");
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();

    Path dir = Files.createTempDirectory("parzen-studio-bench");
    BenchmarkFunction f = BenchmarkFunctions.byName("ackley-10d");
    Path big = dir.resolve("big.db");
    long t0 = System.nanoTime();
    String reuse = System.getProperty("studyFile");
    if (reuse != null && Files.exists(Path.of(reuse))) {
      Files.copy(Path.of(reuse), big);  // a study this bench built before (-DstudyFile=...), to repeat runs quickly
    } else {
      StudyFiles.save(big, "big", List.of(StudyDirection.MINIMIZE), new StudyDefinition(f.space(),
          new StudyDefinition.Component("random", java.util.Map.of()), null,
          new StudyDefinition.Component(f.name(), java.util.Map.of()), Budget.trials(STUDY_TRIALS), 1));
      try (SqliteStorage storage = SqliteStorage.open(big)) {
        Study.builder().name("big").storage(storage).loadIfExists(true).space(f.space()).sampler(new RandomSampler(1L))
            .build().optimize(f::evaluate, Budget.trials(STUDY_TRIALS), 2);
      }
      if (reuse != null) {
        Files.copy(big, Path.of(reuse));
      }
    }
    System.err.printf(Locale.ROOT, "built a %d-trial study in %.1f s%n", STUDY_TRIALS, (System.nanoTime() - t0) / 1e9);

    List<String[]> rows = new ArrayList<>();
    MainViewModel vm = onFx(() -> window());
    onFx(() -> {
      vm.selectedPanelProperty().set(MainViewModel.Panel.HISTORY);  // the opened study is drawn, as a user sees it
      return null;
    });
    // As the studio starts: on the example study it installs on first launch (50 Branin trials).
    Path example = StudyFiles.installExample(dir.resolve("examples/branin.db"));
    if (!onFx(() -> vm.openFile(example)).get(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("could not open " + example);
    }
    nextFrame();
    java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    List<Double> opens = new ArrayList<>();
    double firstOpen = 0;
    double firstCpu = 0;
    double firstJit = 0;
    for (int i = 0; i < 4; i++) {
      onFx(() -> {
        vm.newStudy();
        return null;
      });
      long cpu0 = os.getProcessCpuTime();
      long jit0 = jit.getTotalCompilationTime();
      long start = System.nanoTime();
      CompletableFuture<Boolean> opened = onFx(() -> vm.openFile(big));
      if (!opened.get(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("could not open " + big);
      }
      double applied = (System.nanoTime() - start) / 1e6;
      nextFrame();
      double ms = (System.nanoTime() - start) / 1e6;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e6;
      long compiling = jit.getTotalCompilationTime() - jit0;
      System.err.printf(Locale.ROOT, "open %d: %.0f ms, %.0f ms until in the panels (%d rows); CPU %.0f ms, of which "
          + "JIT compiling %d ms%n", i, ms, applied, vm.runs().rows().size(), cpu, compiling);
      if (i > 0) {
        opens.add(ms);  // the first opening of a big study also warms the JIT for it
      } else {
        firstOpen = ms;
        firstCpu = cpu;
        firstJit = compiling;
      }
    }
    List<Double> reads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      long start = System.nanoTime();
      StudyFiles.load(big, "big");
      StudyFiles.trials(big, "big");
      reads.add((System.nanoTime() - start) / 1e6);
    }
    reads.remove(0);
    Collections.sort(reads);
    Collections.sort(opens);
    rows.add(new String[] {"open a " + STUDY_TRIALS + "-trial study (10 params) on the History tab until drawn, median of 3",
        String.format(Locale.ROOT, "%.0f ms", opens.get(opens.size() / 2))});
    rows.add(new String[] {"  the first such open after the studio started on its example study",
        String.format(Locale.ROOT, "%.0f ms", firstOpen)});
    rows.add(new String[] {"    CPU time it took (all threads, 2 cores), of which the JIT compiler's",
        String.format(Locale.ROOT, "%.0f ms, %.0f ms", firstCpu, firstJit)});
    rows.add(new String[] {"  of which reading the file (background thread), median of 3",
        String.format(Locale.ROOT, "%.0f ms", reads.get(reads.size() / 2))});

    // A fast objective on 8 workers into a new study file, while frames are timed.
    Path fast = dir.resolve("fast.db");
    onFx(() -> {
      vm.newStudy();
      vm.setup().studyNameProperty().set("fast");
      vm.setup().objectiveProperty().set(f.name());
      vm.setup().samplerProperty().set("random");
      vm.setup().trialsProperty().set(RUN_TRIALS);
      vm.setup().workersProperty().set(WORKERS);
      return null;
    });
    saveTo = fast;
    List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
    AnimationTimer frames = new AnimationTimer() {
      private long last;

      @Override
      public void handle(long now) {
        long t = System.nanoTime();
        if (last != 0) {
          gaps.add(t - last);
          if (t - last > 100_000_000L) {
            System.err.printf(Locale.ROOT, "gap of %.0f ms ending %.2f s into the run (%d rows) at %s%n", (t - last) / 1e6,
                (t - runStartNanos) / 1e9, vm.runs().rows().size(), java.time.LocalTime.now());
          }
        }
        last = t;
      }
    };
    long runStart = System.nanoTime();
    runStartNanos = runStart;
    onFx(() -> {
      frames.start();
      return vm.run();
    }).get(60, TimeUnit.SECONDS);
    while (onFx(() -> vm.runningProperty().get())) {
      Thread.sleep(50);
    }
    double runSeconds = (System.nanoTime() - runStart) / 1e9;
    onFx(() -> {
      frames.stop();
      return null;
    });
    List<Long> sorted = new ArrayList<>(gaps);
    Collections.sort(sorted);
    double max = sorted.get(sorted.size() - 1) / 1e6;
    double p99 = sorted.get((int) Math.floor(sorted.size() * 0.99)) / 1e6;
    double median = sorted.get(sorted.size() / 2) / 1e6;
    int done = onFx(() -> vm.runs().rows().size());
    rows.add(new String[] {String.format(Locale.ROOT, "%d workers, %s, random sampler: %d trials in %.1f s (%.0f trials/s)",
        WORKERS, f.name(), done, runSeconds, done / runSeconds), ""});
    rows.add(new String[] {"  frames while it runs", Integer.toString(sorted.size())});
    rows.add(new String[] {"  median gap between frames", String.format(Locale.ROOT, "%.1f ms", median)});
    rows.add(new String[] {"  99th percentile gap", String.format(Locale.ROOT, "%.1f ms", p99)});
    rows.add(new String[] {"  longest gap (FX thread blocked)", String.format(Locale.ROOT, "%.1f ms", max)});

    System.out.println("| studio | measured |");
    System.out.println("|---|---:|");
    for (String[] r : rows) {
      System.out.println("| " + r[0] + " | " + r[1] + " |");
    }
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Platform.exit();
    System.exit(0);
  }

  private static volatile Path saveTo;
  private static volatile long runStartNanos;

  private static MainViewModel window() {
    DialogService dialogs = new DialogService() {
      @Override
      public void showError(String title, String message) {
        System.err.println("error: " + title + ": " + message);
      }

      @Override
      public boolean confirm(String title, String message) {
        return true;
      }

      @Override
      public Optional<String> choose(String title, String message, List<String> options) {
        return Optional.of(options.get(0));
      }

      @Override
      public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
        return Optional.empty();
      }

      @Override
      public Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions) {
        return Optional.ofNullable(saveTo);
      }

      @Override
      public Optional<Path> chooseDirectory(String title, Path initial) {
        return Optional.empty();
      }
    };
    MainViewModel vm = new MainViewModel(dialogs, BackgroundExecutor.pooled(),
        StudioPreferences.forTests("bench-" + UUID.randomUUID()));
    Stage stage = new Stage();
    Scene scene = new Scene(MainView.create(vm), 1600, 1000);
    Theme.apply(scene, false);
    stage.setScene(scene);
    stage.show();
    return vm;
  }

  /** Waits until the FX thread has rendered one more frame. */
  private static void nextFrame() throws Exception {
    for (int i = 0; i < 2; i++) {
      CountDownLatch frame = new CountDownLatch(1);
      Platform.runLater(() -> new AnimationTimer() {
        @Override
        public void handle(long now) {
          stop();
          frame.countDown();
        }
      }.start());
      frame.await(60, TimeUnit.SECONDS);
    }
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        result.complete(work.call());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    });
    return result.get(120, TimeUnit.SECONDS);
  }
}
