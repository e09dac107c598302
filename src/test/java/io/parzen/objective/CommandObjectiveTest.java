package io.parzen.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.parzen.pruner.MedianPruner;
import io.parzen.space.CategoricalDistribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.study.Budget;
import io.parzen.study.OptimizeResult;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FixedTrial;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialPruned;
import io.parzen.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CommandObjectiveTest {

  private static final String PY = "/usr/bin/python3";

  @TempDir
  Path dir;

  private Path script(String name, String body) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, body);
    return p;
  }

  private static String q(Path p) {
    return "'" + p + "'";
  }

  private static Study study(SearchSpace space, StudyDirection... directions) {
    return Study.builder().space(space).directions(directions).build();
  }

  private static SearchSpace space(Parameter... parameters) {
    return SearchSpace.of(parameters);
  }

  /** The pid a script wrote to {@code file}, waiting for the file to appear. */
  private static long pid(Path file) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      if (Files.exists(file)) {
        String s = Files.readString(file);
        if (s.endsWith("\n")) {  // Completely written.
          return Long.parseLong(s.strip());
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no pid in " + file);
  }

  private static void assertGone(long pid) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < end && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      Thread.sleep(20);
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid + " alive").isFalse();
  }

  // ---- the template

  @Test
  void templateIsSplitOnWhitespaceWithQuotes() {
    assertThat(CommandObjective.parseTemplate("python3  train.py --lr {lr} --name 'a b' \"c \\\"d\\\"\" x'y z'"))
        .containsExactly("python3", "train.py", "--lr", "{lr}", "--name", "a b", "c \"d\"", "xy z");
    assertThat(CommandObjective.parseTemplate("a '' b")).containsExactly("a", "", "b");
    assertThatThrownBy(() -> CommandObjective.parseTemplate("a 'b")).hasMessageContaining("unterminated");
    assertThatThrownBy(() -> CommandObjective.of("   ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void placeholdersAreFoundAlsoInsideLargerArguments() {
    CommandObjective o = CommandObjective.of("run --lr={lr} {layers} '{\"json\": 1}'");
    assertThat(o.placeholders()).containsExactly("lr", "layers");
    assertThat(o.unknownPlaceholders(space(new Parameter("lr", FloatDistribution.uniform(0, 1)))))
        .containsExactly("layers");
  }

  @Test
  void numbersAreParsedLikePython() {
    assertThat(CommandObjective.parseNumber(" 0.5 ")).isEqualTo(0.5);
    assertThat(CommandObjective.parseNumber("-1e-3")).isEqualTo(-1e-3);
    assertThat(CommandObjective.parseNumber("nan")).isNaN();
    assertThat(CommandObjective.parseNumber("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(CommandObjective.parseNumber("1d")).isNull();
    assertThat(CommandObjective.parseNumber("epoch 3")).isNull();
    assertThat(CommandObjective.parseNumber("0x10")).isNull();
  }

  @Test
  void configMapsToAndFromComponentOptions() {
    CommandObjective.Config config = new CommandObjective.Config("python3 train.py --lr {lr}", Path.of("/tmp/x"),
        Map.of("CUDA_VISIBLE_DEVICES", "0"), Duration.ofSeconds(90));
    Map<String, Object> options = config.toOptions();
    assertThat(options).containsEntry("command", "python3 train.py --lr {lr}").containsEntry("cwd", "/tmp/x")
        .containsEntry("env", Map.of("CUDA_VISIBLE_DEVICES", "0")).containsEntry("timeout_seconds", 90L);
    assertThat(CommandObjective.Config.fromOptions(options)).isEqualTo(config);

    CommandObjective.Config minimal = CommandObjective.Config.fromOptions(
        Map.of("command", "x", "timeout_seconds", 1.5));
    assertThat(minimal.timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(minimal.workingDirectory()).isNull();
    assertThat(minimal.environment()).isEmpty();
    assertThat(CommandObjective.Config.fromOptions(minimal.toOptions())).isEqualTo(minimal);

    assertThatThrownBy(() -> CommandObjective.Config.fromOptions(Map.of("command", "x", "timeout", 3)))
        .hasMessageContaining("unknown option \"timeout\"");
    assertThatThrownBy(() -> CommandObjective.Config.fromOptions(Map.of("cwd", "/")))
        .hasMessageContaining("\"command\"");
    assertThatThrownBy(() -> CommandObjective.Config.fromOptions(Map.of("command", "x", "timeout_seconds", 0)))
        .hasMessageContaining("timeout_seconds");
  }

  // ---- results

  @Test
  void printedNumberBecomesTheValue() {
    Study study = study(space(new Parameter("x", FloatDistribution.uniform(1, 2))), StudyDirection.MINIMIZE);
    CommandObjective o = CommandObjective.of(
        PY + " -c 'import sys; print(\"training...\"); print(float(sys.argv[1]) * 2)' {x}");
    study.optimize(o.asObjective(), Budget.trials(2));

    assertThat(study.trials()).hasSize(2).allSatisfy(t -> {
      assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
      assertThat(t.value()).isCloseTo(2 * (Double) t.params().get("x"), within(1e-9));
      assertThat((String) t.userAttrs().get(CommandObjective.STDOUT_ATTR)).startsWith("training...\n");
      assertThat(t.userAttrs()).containsEntry(CommandObjective.STDERR_ATTR, "");
    });
  }

  @Test
  void jsonValueWinsOverLaterPlainNumbers() throws Exception {
    Path s = script("v.sh", "echo 'loading'\necho '{\"value\": 0.93}'\necho 17\n");
    assertThat(CommandObjective.of("/bin/sh " + q(s)).asObjective().evaluate(new FixedTrial(Map.of())))
        .isEqualTo(0.93);
  }

  @Test
  void jsonValuesGiveEveryObjective() throws Exception {
    Path s = script("vs.sh", "echo '{\"values\": [1.5, 2.5]}'\n");
    Study study = study(SearchSpace.empty(), StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
    study.optimizeMulti(CommandObjective.of("/bin/sh " + q(s)), Budget.trials(1), 1);
    FrozenTrial t = study.trials().get(0);
    assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
    assertThat(t.values()).containsExactly(1.5, 2.5);
  }

  @Test
  void intermediateValuesAreReportedAndStored() throws Exception {
    Path s = script("steps.sh", """
        for i in 0 1 2; do echo "{\\"step\\": $i, \\"value\\": $i.5}"; done
        echo 0.25
        """);
    Study study = study(SearchSpace.empty(), StudyDirection.MINIMIZE);
    study.optimize(CommandObjective.of("/bin/sh " + q(s)).asObjective(), Budget.trials(1));
    FrozenTrial t = study.trials().get(0);
    assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
    assertThat(t.value()).isEqualTo(0.25);
    assertThat(t.intermediateValues()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(0, 0.5, 1, 1.5, 2, 2.5)));
  }

  @Test
  void environmentWorkingDirectoryAndParams() throws Exception {
    Path work = Files.createDirectory(dir.resolve("work"));
    Path s = script("env.sh", """
        printf '%s\\n' "$PARZEN_TRIAL_NUMBER" "$PARZEN_PARAMS" "$EXTRA" "$(pwd)" > env.txt
        echo 1
        """);
    SearchSpace space = space(new Parameter("n", IntDistribution.of(3, 3)),
        new Parameter("opt", new CategoricalDistribution(List.of("adam"))));
    Study study = study(space, StudyDirection.MINIMIZE);
    CommandObjective o = new CommandObjective(
        new CommandObjective.Config("/bin/sh " + q(s), work, Map.of("EXTRA", "yes"), null));
    study.optimize(o.asObjective(), Budget.trials(1));
    assertThat(study.trials().get(0).state()).isEqualTo(TrialState.COMPLETE);
    assertThat(Files.readAllLines(work.resolve("env.txt")))
        .containsExactly("0", "{\"n\":3,\"opt\":\"adam\"}", "yes", work.toRealPath().toString());
  }

  @Test
  void valueWithShellMetacharactersArrivesVerbatimAsOneArgument() throws Exception {
    String nasty = "a b; rm -rf / $(whoami) `id` | cat";
    Path out = dir.resolve("argv.txt");
    Path s = script("argv.sh", "printf '%s' \"$#\" > " + q(out) + ".n\nprintf '%s' \"$1\" > " + q(out)
        + "\nprintf '%s' \"$2\" > " + q(out) + ".2\necho 1\n");
    Study study = study(space(new Parameter("v", new CategoricalDistribution(List.of(nasty)))),
        StudyDirection.MINIMIZE);
    study.optimize(CommandObjective.of("/bin/sh " + q(s) + " {v} --v={v}").asObjective(), Budget.trials(1));

    assertThat(study.trials().get(0).state()).isEqualTo(TrialState.COMPLETE);
    assertThat(Files.readString(out)).isEqualTo(nasty);
    assertThat(Files.readString(Path.of(out + ".2"))).isEqualTo("--v=" + nasty);
    assertThat(Files.readString(Path.of(out + ".n"))).isEqualTo("2");
  }

  // ---- failures

  @Test
  void nonZeroExitFailsWithStatusAndStderrTail() throws Exception {
    Path s = script("fail.sh", """
        i=1; while [ $i -le 25 ]; do echo "err $i" >&2; i=$((i+1)); done
        echo 0.5
        exit 3
        """);
    Study study = study(SearchSpace.empty(), StudyDirection.MINIMIZE);
    study.optimize(CommandObjective.of("/bin/sh " + q(s)).asObjective(), Budget.trials(1));
    FrozenTrial t = study.trials().get(0);
    assertThat(t.state()).isEqualTo(TrialState.FAIL);
    assertThat(t.failReason().orElseThrow())
        .contains("exited with status 3").contains("err 6\n").endsWith("err 25")
        .doesNotContain("err 5\n").doesNotContain("Exception");
    assertThat((String) t.userAttrs().get(CommandObjective.STDERR_ATTR)).startsWith("err 1\n").endsWith("err 25\n");
    assertThat(t.userAttrs()).containsEntry(CommandObjective.EXIT_STATUS_ATTR, 3);
  }

  @Test
  void theCommandLineForATrialIsTheOneItRuns() throws Exception {
    SearchSpace space = space(new Parameter("layers", new IntDistribution(1, 4, false, 1)),
        new Parameter("opt", new CategoricalDistribution(List.of("adam", "sgd"))));
    FixedTrial trial = new FixedTrial(Map.of("layers", 3, "opt", "sgd"), space, 0);
    CommandObjective o = CommandObjective.of("/bin/sh -c 'echo \"$0 $1\"; echo 1' --layers={layers} {opt}");
    assertThat(o.commandLine(trial)).containsExactly("/bin/sh", "-c", "echo \"$0 $1\"; echo 1", "--layers=3", "sgd");
    assertThat(o.evaluate(trial)).containsExactly(1.0);
    assertThat(trial.userAttrs()).containsEntry(CommandObjective.STDOUT_ATTR, "--layers=3 sgd\n1\n")
        .containsEntry(CommandObjective.EXIT_STATUS_ATTR, 0);
  }

  @Test
  void noValueFails() throws Exception {
    Path s = script("none.sh", "echo hello\necho oops >&2\n");
    Study study = study(SearchSpace.empty(), StudyDirection.MINIMIZE);
    study.optimize(CommandObjective.of("/bin/sh " + q(s)).asObjective(), Budget.trials(1));
    assertThat(study.trials().get(0).failReason().orElseThrow()).contains("printed no value").contains("oops");
  }

  @Test
  void unknownPlaceholderFailsClearly() {
    Study study = study(space(new Parameter("x", FloatDistribution.uniform(0, 1))), StudyDirection.MINIMIZE);
    study.optimize(CommandObjective.of("/bin/echo {y}").asObjective(), Budget.trials(1));
    assertThat(study.trials().get(0).failReason().orElseThrow())
        .contains("{y}").contains("no parameter \"y\"").contains("x");
  }

  @Test
  void hangingCommandTimesOutAndLeavesNoProcessBehind() throws Exception {
    Path s = script("hang.sh", """
        echo $$ > "$1/pid"
        sleep 60 &
        echo $! > "$1/child"
        echo 'still working' >&2
        sleep 60
        """);
    Study study = study(SearchSpace.empty(), StudyDirection.MINIMIZE);
    CommandObjective o = new CommandObjective(
        new CommandObjective.Config("/bin/sh " + q(s) + " " + q(dir), null, Map.of(), Duration.ofSeconds(1)));
    long start = System.nanoTime();
    study.optimize(o.asObjective(), Budget.trials(1));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    FrozenTrial t = study.trials().get(0);
    assertThat(t.state()).isEqualTo(TrialState.FAIL);
    assertThat(t.failReason().orElseThrow()).contains("timed out after 1 s").contains("still working");
    assertGone(pid(dir.resolve("pid")));
    assertGone(pid(dir.resolve("child")));
  }

  // ---- pruning and cancelling

  @Test
  void prunedTrialsHaveTheirProcessTreeDestroyed() throws Exception {
    Path s = script("prune.sh", """
        echo $$ > "$2/pid-$1"
        sleep 60 &
        child=$!
        echo $child > "$2/child-$1"
        for i in 0 1 2; do echo "{\\"step\\": $i, \\"value\\": $1}"; done
        if [ "$1" -gt 5 ]; then sleep 60; fi
        kill $child
        echo $1
        """);
    Study study = Study.builder().space(space(new Parameter("x", IntDistribution.of(0, 10))))
        .direction(StudyDirection.MINIMIZE).pruner(new MedianPruner(2, 0, 1)).build();
    study.enqueue(Map.of("x", 1));
    study.enqueue(Map.of("x", 2));
    study.enqueue(Map.of("x", 9));
    CommandObjective o = CommandObjective.of("/bin/sh " + q(s) + " {x} " + q(dir));
    study.optimize(o.asObjective(), Budget.trials(3));

    List<FrozenTrial> trials = study.trials();
    assertThat(trials).extracting(FrozenTrial::state)
        .containsExactly(TrialState.COMPLETE, TrialState.COMPLETE, TrialState.PRUNED);
    assertThat(trials.get(2).intermediateValues()).containsKey(0);
    assertGone(pid(dir.resolve("pid-9")));
    assertGone(pid(dir.resolve("child-9")));
    assertGone(pid(dir.resolve("child-1")));
  }

  @Test
  void pruningThrowsTrialPrunedFromEvaluate() throws Exception {
    Path s = script("p.sh", "echo $$ > \"$1/pid\"\necho '{\"step\": 0, \"value\": 5}'\nsleep 60\n");
    // A trial whose pruner always says prune.
    io.parzen.trial.Trial pruning = new io.parzen.trial.Trial() {
      public int number() {
        return 7;
      }

      public Object suggest(String name, io.parzen.space.Distribution distribution) {
        throw new UnsupportedOperationException();
      }

      public SearchSpace space() {
        return SearchSpace.empty();
      }

      public Map<String, Object> currentParams() {
        return Map.of();
      }

      public void report(int step, double value) {}

      public boolean shouldPrune() {
        return true;
      }

      public void setUserAttr(String key, Object value) {}
    };
    long start = System.nanoTime();
    assertThatThrownBy(() -> CommandObjective.of("/bin/sh " + q(s) + " " + q(dir)).evaluate(pruning))
        .isInstanceOf(TrialPruned.class).hasMessageContaining("step 0");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertGone(pid(dir.resolve("pid")));
  }

  @Test
  void cancellingTheStudyKillsTheRunningCommand() throws Exception {
    Path s = script("long.sh", """
        echo $$ > "$1/pid"
        sleep 60 &
        echo $! > "$1/child"
        sleep 60
        echo 1
        """);
    Study study = study(SearchSpace.empty(), StudyDirection.MINIMIZE);
    var pool = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "test-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      CompletableFuture<OptimizeResult> run = study.optimizeAsync(
          CommandObjective.of("/bin/sh " + q(s) + " " + q(dir)), Budget.trials(3), 1, pool);
      long pid = pid(dir.resolve("pid"));
      long child = pid(dir.resolve("child"));
      study.cancel();
      run.get(10, TimeUnit.SECONDS);
      assertThat(study.trials()).hasSize(1);
      FrozenTrial t = study.trials().get(0);
      assertThat(t.state()).isEqualTo(TrialState.FAIL);
      assertThat(t.failReason().orElseThrow()).contains("cancelled");
      assertGone(pid);
      assertGone(child);
    } finally {
      pool.shutdownNow();
    }
  }
}
