package io.parzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.objective.CommandObjective;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.storage.SqliteStorage;
import io.parzen.study.Budget;
import io.parzen.study.StudyDefinition;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `parzen run` on a study whose objective is a program. */
class RunCommandObjectiveTest {

  @TempDir
  Path dir;

  @Test
  void runExecutesTheStudysCommandForEveryTrial() {
    Path db = dir.resolve("command.db");
    CommandObjective.Config config = CommandObjective.Config.fromOptions(Map.of(
        "command", "/usr/bin/python3 -c \"import sys; x = float(sys.argv[1]); print((x - 2) ** 2)\" {x}"));
    try (SqliteStorage storage = SqliteStorage.open(db)) {
      long id = storage.createStudy("shell", List.of(StudyDirection.MINIMIZE));
      new StudyDefinition(SearchSpace.of(Hp.uniform("x", -10, 10)),
          new StudyDefinition.Component("random", Map.of("seed", 1)), null,
          new StudyDefinition.Component(CommandObjective.COMPONENT_NAME, config.toOptions()), Budget.trials(6), 2)
          .save(storage, id);
    }

    ParzenCliTest.Result run = ParzenCliTest.parzen("run", db.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("(command, RandomSampler(seed=1)");
    try (SqliteStorage storage = SqliteStorage.open(db)) {
      List<FrozenTrial> trials = storage.trials(storage.studyId("shell"));
      assertThat(trials).hasSize(6).allSatisfy(t -> {
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        double x = (Double) t.params().get("x");
        assertThat(t.value()).isCloseTo((x - 2) * (x - 2), org.assertj.core.api.Assertions.within(1e-9));
      });
    }
  }
}
