package io.parzen.app.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.StudyDocument;
import io.parzen.objective.CommandObjective;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.study.StudyDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command objective's form and its test run, driven through the setup view model. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommandObjectiveViewModelTest {

  private static final String PY = "/usr/bin/python3";

  @TempDir
  Path dir;

  private StudyDocument document;
  private FakeDialogs dialogs;
  private StudySetupViewModel setup;
  private CommandObjectiveViewModel vm;
  private final ExecutorService threads = Executors.newSingleThreadExecutor();

  @BeforeEach
  void create() {
    document = new StudyDocument();
    document.spaceProperty().set(SearchSpace.of(Hp.loguniform("lr", 1e-4, 1e-1), Hp.randint("n_layers", 1, 5)));
    dialogs = new FakeDialogs();
    setup = new StudySetupViewModel(document, dialogs, BackgroundExecutor.direct());
    setup.objectiveProperty().set(CommandObjective.COMPONENT_NAME);
    vm = setup.command();
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private Path script(String name, String body) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, body);
    return p;
  }

  @Test
  void theObjectivePickerOffersTheCommandAfterTheBuiltIns() {
    assertThat(setup.objectives()).contains("quadratic", "branin").last().isEqualTo("command");
  }

  @Test
  void anEmptyCommandIsFlaggedAndKeepsRunDisabled() {
    assertThat(vm.templateErrorProperty().get()).startsWith("command: the command line is missing");
    assertThat(vm.validProperty().get()).isFalse();
    assertThat(setup.validProperty().get()).isFalse();
    setup.objectiveProperty().set("quadratic");
    assertThat(setup.validProperty().get()).isTrue();
  }

  @Test
  void placeholdersThatAreNotParametersOfTheSpaceAreFlagged() {
    assertThat(vm.placeholdersProperty().get()).isEqualTo("Placeholders: {lr} {n_layers}");
    vm.templateProperty().set("python3 train.py --lr {lr} --layers {layers} --opt={optimizer}");
    assertThat(vm.templateErrorProperty().get())
        .isEqualTo("command: {layers}, {optimizer} are not parameters of the space (it has lr, n_layers)");
    assertThat(vm.messageProperty().get()).isEqualTo(vm.templateErrorProperty().get());
    assertThat(setup.validProperty().get()).isFalse();

    vm.templateProperty().set("python3 train.py --lr {lr} --layers {n_layers}");
    assertThat(vm.templateErrorProperty().get()).isNull();
    assertThat(setup.validProperty().get()).isTrue();

    document.spaceProperty().set(SearchSpace.of(Hp.loguniform("lr", 1e-4, 1e-1)));
    assertThat(vm.templateErrorProperty().get())
        .isEqualTo("command: {n_layers} is not a parameter of the space (it has lr)");
  }

  @Test
  void anUnterminatedQuoteIsFlagged() {
    vm.templateProperty().set("python3 -c 'print(1)");
    assertThat(vm.templateErrorProperty().get()).startsWith("command: the command has an unterminated ' quote");
  }

  @Test
  void theDirectoryEnvironmentAndTimeLimitAreChecked() throws IOException {
    vm.templateProperty().set("python3 train.py {lr}");
    vm.workingDirectoryProperty().set(dir.resolve("missing").toString());
    assertThat(vm.workingDirectoryErrorProperty().get()).isEqualTo("working directory " + dir.resolve("missing")
        + " does not exist");
    Path file = Files.writeString(dir.resolve("f.txt"), "x");
    vm.workingDirectoryProperty().set(file.toString());
    assertThat(vm.workingDirectoryErrorProperty().get()).endsWith("is not a directory");
    vm.workingDirectoryProperty().set(dir.toString());
    assertThat(vm.workingDirectoryErrorProperty().get()).isNull();

    vm.environmentProperty().set("CUDA_VISIBLE_DEVICES=0\n\n# comment\nDATA DIR");
    assertThat(vm.environmentErrorProperty().get()).isEqualTo("environment line 4 (DATA DIR) must be KEY=VALUE");
    vm.environmentProperty().set("CUDA_VISIBLE_DEVICES=0\nDATA-DIR=/data");
    assertThat(vm.environmentErrorProperty().get()).isEqualTo(
        "environment line 2: \"DATA-DIR\" is not a variable name (letters, digits, _)");
    vm.environmentProperty().set("CUDA_VISIBLE_DEVICES=0\nDATA_DIR=/data=x");
    assertThat(vm.environmentErrorProperty().get()).isNull();

    vm.timeoutSecondsProperty().set("ten");
    assertThat(vm.timeoutErrorProperty().get()).isEqualTo("time limit (ten) must be a number of seconds > 0");
    vm.timeoutSecondsProperty().set("0");
    assertThat(vm.timeoutErrorProperty().get()).isEqualTo("time limit (0) must be a number of seconds > 0");
    vm.timeoutSecondsProperty().set("1.5");
    assertThat(vm.timeoutErrorProperty().get()).isNull();
    assertThat(vm.validProperty().get()).isTrue();
  }

  @Test
  void theFormRoundTripsThroughTheDefinitionAndRunsAsTheCommandLineWould() {
    vm.templateProperty().set("python3 train.py --lr {lr}");
    vm.workingDirectoryProperty().set(dir.toString());
    vm.environmentProperty().set("A=1\nB=two words");
    vm.timeoutSecondsProperty().set("90");
    StudyDefinition definition = StudyDefinition.fromAttr(setup.toDefinition(document.getSpace()).toAttr());
    assertThat(definition.objective().name()).isEqualTo("command");
    assertThat(definition.objective().options()).isEqualTo(Map.of("command", "python3 train.py --lr {lr}",
        "cwd", dir.toString(), "env", Map.of("A", "1", "B", "two words"), "timeout_seconds", 90L));

    CommandObjective objective = (CommandObjective) StudySetupViewModel.objective(definition);
    assertThat(objective.config()).isEqualTo(new CommandObjective.Config("python3 train.py --lr {lr}", dir,
        Map.of("A", "1", "B", "two words"), Duration.ofSeconds(90)));

    StudySetupViewModel reopened = new StudySetupViewModel(new StudyDocument(), dialogs, BackgroundExecutor.direct());
    reopened.load("s", List.of(), definition, "");
    assertThat(reopened.objectiveProperty().get()).isEqualTo("command");
    assertThat(reopened.command().templateProperty().get()).isEqualTo("python3 train.py --lr {lr}");
    assertThat(reopened.command().workingDirectoryProperty().get()).isEqualTo(dir.toString());
    assertThat(reopened.command().environmentProperty().get()).isEqualTo("A=1\nB=two words");
    assertThat(reopened.command().timeoutSecondsProperty().get()).isEqualTo("90");
  }

  @Test
  void browseSetsTheWorkingDirectory() {
    vm.workingDirectoryProperty().set(dir.toString());
    dialogs.directories.add(dir.resolve("runs"));
    vm.browseWorkingDirectory();
    assertThat(dialogs.lastInitialDirectory).isEqualTo(dir);
    assertThat(vm.workingDirectoryProperty().get()).isEqualTo(dir.resolve("runs").toString());
  }

  @Test
  void aTestRunShowsTheCommandLineTheValueAndTheIntermediateValues() throws IOException {
    Path train = script("train.py", """
        import json, sys
        lr, layers = float(sys.argv[2]), int(sys.argv[4])
        for step in range(3):
            print(json.dumps({"step": step, "value": lr * layers / (step + 1)}), flush=True)
        print("trained", file=sys.stderr)
        print(json.dumps({"value": lr * layers / 4}))
        """);
    vm.templateProperty().set(PY + " " + train + " --lr {lr} --layers {n_layers}");
    setup.seedProperty().set("11");
    document.dirtyProperty().set(false);
    vm.testRun();

    TestRun run = vm.lastTestRunProperty().get();
    assertThat(run.failure()).isNull();
    double lr = (Double) run.params().get("lr");
    long layers = ((Number) run.params().get("n_layers")).longValue();
    assertThat(lr).isBetween(1e-4, 1e-1);
    assertThat(run.commandLine()).containsExactly(PY, train.toString(), "--lr", Double.toString(lr), "--layers",
        Long.toString(layers));
    assertThat(run.exitStatus()).isZero();
    assertThat(run.values()).containsExactly(new double[] {lr * layers / 4}, within(1e-12));
    assertThat(run.steps()).extracting(TestRun.Step::step).containsExactly(0, 1, 2);
    assertThat(run.steps().get(2).value()).isCloseTo(lr * layers / 3, within(1e-12));
    assertThat(run.stderrTail()).isEqualTo("trained\n");
    assertThat(vm.testRunSummaryProperty().get()).startsWith("value ").contains("(exit status 0, ");
    assertThat(vm.testRunReportProperty().get())
        .startsWith("$ " + PY + " " + train + " --lr " + lr + " --layers " + layers + "\n")
        .contains("\nexit status: 0 after ").contains("\nintermediate values: 0: ")
        .contains("── stderr ──\ntrained\n");
    assertThat(vm.testRunningProperty().get()).isFalse();
    assertThat(document.dirtyProperty().get()).as("a test run changes nothing of the study").isFalse();
  }

  @Test
  void testRunsAreSeededByTheSamplersSeed() throws IOException {
    Path echo = script("echo.py", "import sys; print(sys.argv[1])\n");
    vm.templateProperty().set(PY + " " + echo + " {lr}");
    setup.seedProperty().set("5");
    vm.testRun();
    TestRun first = vm.lastTestRunProperty().get();
    vm.testRun();
    assertThat(vm.lastTestRunProperty().get().params()).isNotEqualTo(first.params());

    StudySetupViewModel again = new StudySetupViewModel(document, dialogs, BackgroundExecutor.direct());
    again.objectiveProperty().set("command");
    again.command().templateProperty().set(PY + " " + echo + " {lr}");
    again.seedProperty().set("5");
    again.command().testRun();
    assertThat(again.command().lastTestRunProperty().get().params()).isEqualTo(first.params());
    assertThat(first.values()[0]).isEqualTo((Double) first.params().get("lr"));
  }

  @Test
  void aFailingScriptShowsItsExitStatusAndTheTailOfStderr() throws IOException {
    Path broken = script("broken.py", """
        import sys
        print("epoch 0")
        for i in range(30):
            print(f"warning {i}", file=sys.stderr)
        print("Traceback (most recent call last):", file=sys.stderr)
        print("ValueError: learning rate too small", file=sys.stderr)
        sys.exit(2)
        """);
    vm.templateProperty().set(PY + " " + broken + " {lr}");
    vm.testRun();

    TestRun run = vm.lastTestRunProperty().get();
    assertThat(run.succeeded()).isFalse();
    assertThat(run.exitStatus()).isEqualTo(2);
    assertThat(run.failure()).contains("exited with status 2").endsWith("ValueError: learning rate too small");
    assertThat(vm.testRunSummaryProperty().get()).startsWith("FAIL: `" + PY).contains("exited with status 2");
    String report = vm.testRunReportProperty().get();
    assertThat(report).contains("exit status: 2 after ").contains("── stdout ──\nepoch 0\n")
        .contains("── stderr (last 20 lines) ──\n").endsWith("Traceback (most recent call last):\n"
            + "ValueError: learning rate too small\n")
        .doesNotContain("warning 11\n").contains("warning 12\n");
  }

  @Test
  void aProgramThatCannotStartIsAFailNamingIt() {
    vm.templateProperty().set(dir.resolve("no-such-program") + " {lr}");
    vm.testRun();
    TestRun run = vm.lastTestRunProperty().get();
    assertThat(run.failure()).contains("no-such-program");
    assertThat(run.exitStatus()).isNull();
    assertThat(vm.testRunReportProperty().get()).contains("exit status: none");
  }

  @Test
  void stopEndsAHangingTestRun() throws Exception {
    StudySetupViewModel threaded = new StudySetupViewModel(document, dialogs, onThread());
    threaded.objectiveProperty().set("command");
    CommandObjectiveViewModel command = threaded.command();
    Path hang = script("hang.py", "import time\nprint('started', flush=True)\ntime.sleep(60)\n");
    command.templateProperty().set(PY + " " + hang + " {lr}");
    command.testRun();
    assertThat(command.testRunningProperty().get()).isTrue();
    assertThat(command.canTestRunProperty().get()).isFalse();
    Thread.sleep(500);
    command.stopTestRun();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (command.testRunningProperty().get() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    TestRun run = command.lastTestRunProperty().get();
    assertThat(run.failure()).isEqualTo("stopped before it ended");
    assertThat(run.duration()).isLessThan(Duration.ofSeconds(10));
    assertThat(run.stdoutTail()).isEqualTo("started\n");
  }

  /** An executor that runs work on one background thread and reports on it (no FX thread in these tests). */
  private BackgroundExecutor onThread() {
    return new BackgroundExecutor() {
      @Override
      public <T> CompletableFuture<T> submit(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(work, threads);
        future.whenComplete((value, error) -> {
          if (error != null) {
            onError.accept(error);
          } else {
            onDone.accept(value);
          }
        });
        return future;
      }

      @Override
      public java.util.concurrent.Executor executor() {
        return threads;
      }
    };
  }
}
