package io.parzen.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Condition;
import io.parzen.space.FloatDistribution;
import io.parzen.space.Hp;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.storage.InMemoryStorage;
import io.parzen.storage.OptunaJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyDefinitionTest {

  private static final SearchSpace SPACE = SearchSpace.of(
      Hp.choice("optimizer", "adam", "sgd"),
      Hp.loguniform("lr", 1e-5, 1e-1),
      Hp.uniform("momentum", 0, 0.99).withCondition(Condition.when("optimizer", "sgd")));

  @Test
  void aDefinitionRoundTripsThroughTheStudySystemAttribute() {
    InMemoryStorage storage = new InMemoryStorage();
    long id = storage.createStudy("s", java.util.List.of(StudyDirection.MINIMIZE));
    StudyDefinition definition = new StudyDefinition(SPACE,
        new StudyDefinition.Component("tpe", Map.of("seed", 42, "multivariate", true)),
        new StudyDefinition.Component("median", Map.of("n_startup_trials", 5)),
        new StudyDefinition.Component("branin", Map.of()),
        Budget.trials(100).orTimeout(Duration.ofSeconds(90)), 4);

    definition.save(storage, id);
    StudyDefinition loaded = StudyDefinition.load(storage, id).orElseThrow();

    assertThat(loaded.space()).isEqualTo(SPACE);
    assertThat(loaded.sampler().name()).isEqualTo("tpe");
    assertThat(loaded.sampler().options()).containsEntry("seed", 42).containsEntry("multivariate", true);
    assertThat(loaded.pruner().options()).containsEntry("n_startup_trials", 5);
    assertThat(loaded.objective().name()).isEqualTo("branin");
    assertThat(loaded.budget()).isEqualTo(Budget.trials(100).orTimeout(Duration.ofSeconds(90)));
    assertThat(loaded.workers()).isEqualTo(4);
  }

  @Test
  void aStudyBuiltWithASpaceStoresItsDefinitionAndKeepsOtherFieldsWhenReopened() {
    InMemoryStorage storage = new InMemoryStorage();
    Study study = Study.builder().name("s").storage(storage).space(SPACE).build();
    StudyDefinition stored = StudyDefinition.load(storage, study.id()).orElseThrow();
    assertThat(stored.space()).isEqualTo(SPACE);
    new StudyDefinition(SPACE, new StudyDefinition.Component("random", Map.of()), null, null, null, 2)
        .save(storage, study.id());

    SearchSpace smaller = SearchSpace.of(Hp.loguniform("lr", 1e-4, 1e-2));
    Study.builder().name("s").storage(storage).space(smaller).loadIfExists(true).build();

    StudyDefinition after = StudyDefinition.load(storage, study.id()).orElseThrow();
    assertThat(after.space()).isEqualTo(smaller);
    assertThat(after.sampler().name()).isEqualTo("random");
    assertThat(after.workers()).isEqualTo(2);
  }

  @Test
  void aStudyOptunaCreatedOpensWithASpaceInferredFromItsTrials() {
    InMemoryStorage journal = OptunaJournal.read(Path.of("src/test/resources/journal/optuna-3.1.log"));
    Study study = Study.builder().name("journal-min").storage(journal).loadIfExists(true).build();

    assertThat(study.space().parameters()).containsExactly(
        new Parameter("x", FloatDistribution.uniform(-10, 10)),
        new Parameter("lr", FloatDistribution.logUniform(1e-5, 1e-1)),
        new Parameter("n", new IntDistribution(1, 9, false, 2)),
        new Parameter("c", CategoricalDistribution.of("a", null, 2L, 2.5, true)));
  }

  @Test
  void brokenDefinitionsSayWhatIsWrong() {
    assertThatThrownBy(() -> StudyDefinition.fromAttr("{\"sampler\": {\"options\": {}}}"))
        .hasMessage("the study definition's sampler has no name");
    assertThatThrownBy(() -> StudyDefinition.fromAttr("{\"space\": {\"parameters\": [{\"name\": \"x\", "
        + "\"type\": \"float\", \"low\": 2, \"high\": 1}]}}"))
        .hasMessage("x: low (2.0) must be <= high (1.0)");
  }
}
