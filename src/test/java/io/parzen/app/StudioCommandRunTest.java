package io.parzen.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.objective.CommandObjective;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.storage.SqliteStorage;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Run from the studio with the setup's option forms: a command objective, and Run held back while a form is wrong. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StudioCommandRunTest {

  @TempDir
  Path dir;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  private MainViewModel window(FakeDialogs dialogs) throws Exception {
    MainViewModel[] vm = new MainViewModel[1];
    FxToolkit.setupFixture(() -> {
      vm[0] = new MainViewModel(dialogs, BackgroundExecutor.pooled(),
          StudioPreferences.forTests(UUID.randomUUID().toString()));
      vm[0].newStudy();
    });
    return vm[0];
  }

  @Test
  void runIsDisabledWhileASamplerOptionIsWrong() throws Exception {
    MainViewModel vm = window(new FakeDialogs());
    assertThat(vm.canRunProperty().get()).isTrue();
    FxToolkit.setupFixture(() -> {
      vm.setup().samplerProperty().set("cmaes");
      vm.setup().samplerOptions().field("popsize").textProperty().set("1");
    });
    assertThat(vm.canRunProperty().get()).isFalse();
    FxToolkit.setupFixture(() -> vm.setup().samplerOptions().field("popsize").textProperty().set("6"));
    assertThat(vm.canRunProperty().get()).isTrue();
    assertThat(vm.document().dirtyProperty().get()).isTrue();
  }

  @Test
  void aStudyWithACommandObjectiveRunsFromTheStudio() throws Exception {
    Path script = Files.writeString(dir.resolve("objective.py"), """
        import json, sys
        x = float(sys.argv[1])
        for step in range(3):
            print(json.dumps({"step": step, "value": (x - 1) ** 2 + 1 / (step + 1)}), flush=True)
        print((x - 1) ** 2)
        """);
    FakeDialogs dialogs = new FakeDialogs();
    Path file = dir.resolve("command.db");
    dialogs.filesToSave.add(file);
    MainViewModel vm = window(dialogs);
    FxToolkit.setupFixture(() -> {
      vm.setup().studyNameProperty().set("cmd");
      vm.setup().objectiveProperty().set(CommandObjective.COMPONENT_NAME);
      vm.space().load(SearchSpace.of(Hp.uniform("x", -3, 3)));
    });
    assertThat(vm.canRunProperty().get()).as("no command yet").isFalse();
    FxToolkit.setupFixture(() -> {
      vm.setup().command().templateProperty().set("/usr/bin/python3 " + script + " {x}");
      vm.setup().trialsProperty().set(6);
      vm.setup().seedProperty().set("1");
    });
    assertThat(vm.canRunProperty().get()).isTrue();

    FxToolkit.setupFixture(vm::run);
    WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
        && vm.statusProperty().get().startsWith("Run ended"));
    assertThat(dialogs.errors).isEmpty();
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      List<FrozenTrial> trials = storage.trials(storage.studyId("cmd"));
      assertThat(trials).hasSize(6).allSatisfy(t -> {
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        double x = (Double) t.params().get("x");
        assertThat(t.value()).isCloseTo((x - 1) * (x - 1), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(t.intermediateValues()).hasSize(3);
        assertThat(t.userAttrs()).containsEntry(CommandObjective.EXIT_STATUS_ATTR, 0);
      });
    }

    io.parzen.app.run.TrialDetailViewModel[] detail = new io.parzen.app.run.TrialDetailViewModel[1];
    FxToolkit.setupFixture(() -> {
      detail[0] = new io.parzen.app.run.TrialDetailViewModel(vm.runs());
      vm.runs().selectedTrialProperty().set(2);
    });
    assertThat(detail[0].titleProperty().get()).isEqualTo("Trial 2 · COMPLETE");
    assertThat(detail[0].summaryProperty().get()).contains("exit status 0");
    assertThat(detail[0].stdoutProperty().get()).contains("{\"step\": 0, \"value\": ").contains("{\"step\": 2,");
    FxToolkit.setupFixture(() -> vm.runs().selectedTrialProperty().set(null));
    assertThat(detail[0].titleProperty().get()).startsWith("Select a trial");
  }

  @Test
  void stopNowEndsRunningCommandTrialsAsFailAndLeavesNoProcessBehind() throws Exception {
    Path pids = dir.resolve("pids");
    Files.createDirectories(pids);
    Path script = Files.writeString(dir.resolve("hang.py"), """
        import os, subprocess, sys, time
        child = subprocess.Popen(["sleep", "300"])
        open(os.path.join(sys.argv[2], str(os.getpid())), "w").write(str(child.pid))
        print('{"step": 0, "value": %s}' % sys.argv[1], flush=True)
        time.sleep(300)
        """);
    FakeDialogs dialogs = new FakeDialogs();
    Path file = dir.resolve("hang.db");
    dialogs.filesToSave.add(file);
    MainViewModel vm = window(dialogs);
    FxToolkit.setupFixture(() -> {
      vm.setup().studyNameProperty().set("hang");
      vm.setup().objectiveProperty().set(CommandObjective.COMPONENT_NAME);
      vm.space().load(SearchSpace.of(Hp.uniform("x", -3, 3)));
      vm.setup().command().templateProperty().set("/usr/bin/python3 " + script + " {x} " + pids);
      vm.setup().trialsProperty().set(10);
      vm.setup().workersProperty().set(2);
    });

    FxToolkit.setupFixture(vm::run);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
      try (var listing = Files.list(pids)) {
        return listing.count() == 2;
      }
    });
    List<ProcessHandle> processes = new java.util.ArrayList<>();
    try (var listing = Files.list(pids)) {
      for (Path p : listing.toList()) {
        processes.add(ProcessHandle.of(Long.parseLong(p.getFileName().toString())).orElseThrow());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !Files.readString(p).isEmpty());
        processes.add(ProcessHandle.of(Long.parseLong(Files.readString(p).trim())).orElseThrow());
      }
    }
    FxToolkit.setupFixture(vm::stop);
    assertThat(vm.stoppingProperty().get()).isTrue();
    assertThat(vm.runningProperty().get()).as("Stop lets running trials finish").isTrue();
    FxToolkit.setupFixture(vm::stop);  // again: stop now
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.runningProperty().get());

    assertThat(vm.statusProperty().get()).startsWith("Run ended (cancelled): 2 trials");
    assertThat(vm.noticeProperty().get().title()).isEqualTo("Run ended: cancelled");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> processes.stream().noneMatch(ProcessHandle::isAlive));
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      List<FrozenTrial> trials = storage.trials(storage.studyId("hang"));
      assertThat(trials).hasSize(2).allSatisfy(t -> {
        assertThat(t.state()).isEqualTo(TrialState.FAIL);
        assertThat(t.failReason()).isPresent();
      });
    }
  }
}
