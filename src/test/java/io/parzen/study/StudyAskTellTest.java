package io.parzen.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.sampler.RandomSampler;
import io.parzen.space.Condition;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.storage.InMemoryStorage;
import io.parzen.storage.TrialFinishedException;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.Trial;
import io.parzen.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StudyAskTellTest {

  @Test
  void askSuggestTellRecordsTheTrial() {
    Study study = Study.create(StudyDirection.MINIMIZE);
    Trial trial = study.ask();
    double x = trial.suggestFloat("x", -10, 10);
    int n = trial.suggestInt("n", 1, 4);
    String opt = trial.suggestCategorical("opt", "adam", "sgd");
    FrozenTrial done = study.tell(trial, x * x);

    assertThat(done.state()).isEqualTo(TrialState.COMPLETE);
    assertThat(done.values()).containsExactly(x * x);
    assertThat(done.params()).containsExactly(Map.entry("x", x), Map.entry("n", (long) n), Map.entry("opt", opt));
    assertThat(done.start()).isNotNull();
    assertThat(done.complete()).isAfterOrEqualTo(done.start());
    assertThat(study.bestTrial()).isEqualTo(done);
  }

  @Test
  void suggestingTheSameNameAgainReturnsTheSameValue() {
    Trial trial = Study.create(StudyDirection.MINIMIZE).ask();
    double first = trial.suggestFloat("x", 0, 1);
    assertThat(trial.suggestFloat("x", 0, 1)).isEqualTo(first);
  }

  @Test
  void suggestingANameAsAnotherKindIsAnError() {
    Trial trial = Study.create(StudyDirection.MINIMIZE).ask();
    trial.suggestFloat("x", 0, 1);
    assertThatThrownBy(() -> trial.suggestInt("x", 0, 1))
        .hasMessage("parameter \"x\" was suggested as float[0.0, 1.0] and now as int[0, 1]");
  }

  @Test
  void invalidSuggestionsNameTheParameter() {
    Trial trial = Study.create(StudyDirection.MINIMIZE).ask();
    assertThatThrownBy(() -> trial.suggestFloat("lr", 0, 0.1, true))
        .hasMessage("lr: low (0.0) must be > 0 when log is true");
  }

  @Test
  void categoricalSuggestionsReturnTheObjectsPassedIn() {
    Trial trial = Study.create(StudyDirection.MINIMIZE).ask();
    Integer units = trial.suggestCategorical("units", List.of(32, 64, 128));
    assertThat(units).isIn(32, 64, 128);
  }

  @Test
  void tellingAFinishedTrialAgainIsRefused() {
    Study study = Study.create(StudyDirection.MINIMIZE);
    Trial trial = study.ask();
    study.tell(trial, 1.0);
    assertThatThrownBy(() -> study.tell(trial, 2.0)).isInstanceOf(TrialFinishedException.class)
        .hasMessageContaining("trial 0 has already finished (COMPLETE)");
  }

  @Test
  void tellByNumberFinishesATrialAskedElsewhere() {
    Study study = Study.create(StudyDirection.MAXIMIZE);
    study.ask();
    FrozenTrial done = study.tell(0, TrialState.COMPLETE, 3.0);
    assertThat(done.value()).isEqualTo(3.0);
    assertThatThrownBy(() -> study.tell(5, TrialState.COMPLETE, 1.0)).hasMessageContaining("has no trial 5");
  }

  @Test
  void enqueuedParametersAreEvaluatedFirst() {
    Study study = Study.builder().space(SearchSpace.of(Hp.uniform("x", -10, 10))).sampler(new RandomSampler(5L)).build();
    study.enqueue(Map.of("x", 2.0));
    study.optimize(trial -> {
      double x = (Double) trial.params().get("x");
      return (x - 2) * (x - 2);
    }, Budget.trials(3));
    assertThat(study.trials().get(0).params()).containsEntry("x", 2.0);
    assertThat(study.bestValue()).isEqualTo(0.0);
    assertThat(study.trials()).hasSize(3);
  }

  @Test
  void enqueuingAValueOutsideTheSpaceIsRefusedAtOnce() {
    Study study = Study.builder().space(SearchSpace.of(Hp.uniform("x", -10, 10))).build();
    assertThatThrownBy(() -> study.enqueue(Map.of("x", 20.0)))
        .hasMessage("enqueued \"x\": 20.0 is outside float[-10.0, 10.0]");
    assertThat(study.trials()).isEmpty();
  }

  @Test
  void declaredConditionalSpacesYieldExactlyTheActiveParameters() {
    SearchSpace space = SearchSpace.of(
        Hp.choice("optimizer", "adam", "sgd"),
        Hp.loguniform("lr", 1e-5, 1e-1),
        Hp.uniform("momentum", 0, 0.99).withCondition(Condition.when("optimizer", "sgd")),
        Hp.choice("schedule", "constant", "cosine").withCondition(Condition.when("optimizer", "sgd")),
        Hp.uniformint("warmup", 0, 10).withCondition(Condition.when("schedule", "cosine")));
    Study study = Study.builder().space(space).sampler(new RandomSampler(11L)).build();
    study.optimize(trial -> {
      Map<String, Object> params = trial.params();
      return (Double) params.get("lr");
    }, Budget.trials(40));
    for (FrozenTrial t : study.trials()) {
      assertThat(t.params().keySet()).isEqualTo(space.activeNames(t.params()));
      assertThat(t.params().containsKey("momentum")).isEqualTo("sgd".equals(t.params().get("optimizer")));
      assertThat(t.params().containsKey("warmup")).isEqualTo("cosine".equals(t.params().get("schedule")));
    }
    assertThat(study.trials()).extracting(t -> t.params().get("optimizer")).contains("adam", "sgd");
    assertThat(study.trials()).anyMatch(t -> t.params().containsKey("warmup"));
  }

  @Test
  void randomSamplingFollowsTheDeclaredPriors() {
    SearchSpace space = SearchSpace.of(Hp.normal("w", 3.0, 0.5), Hp.pchoice("c", Map.of("rare", 0.1, "common", 0.9)));
    Study study = Study.builder().space(space).sampler(new RandomSampler(9L)).build();
    study.optimize(trial -> (Double) trial.params().get("w"), Budget.trials(2_000));
    double mean = study.trials().stream().mapToDouble(t -> (Double) t.params().get("w")).average().orElseThrow();
    long rare = study.trials().stream().filter(t -> "rare".equals(t.params().get("c"))).count();
    assertThat(mean).isBetween(2.95, 3.05);
    assertThat(rare).isBetween(140L, 260L);
  }

  @Test
  void aStudyReopenedFromItsStorageKeepsItsSpaceAndTrials() {
    InMemoryStorage storage = new InMemoryStorage();
    SearchSpace space = SearchSpace.of(Hp.choice("kind", "a", "b"), Hp.randint("n", 10));
    Study first = Study.builder().name("shared").storage(storage).space(space).build();
    first.optimize(trial -> ((Long) trial.params().get("n")).doubleValue(), Budget.trials(5));

    Study reopened = Study.builder().name("shared").storage(storage).loadIfExists(true).build();
    assertThat(reopened.space()).isEqualTo(space);
    assertThat(reopened.trials()).hasSize(5);
    reopened.optimize(trial -> 1.0, Budget.trials(2));
    assertThat(first.trials()).hasSize(7);
    assertThatThrownBy(() -> Study.builder().name("shared").storage(storage).build())
        .hasMessage("a study named \"shared\" already exists");
  }

  @Test
  void maximisingStudiesPickTheLargestValue() {
    Study study = Study.create(StudyDirection.MAXIMIZE);
    for (double v : new double[] {1, 5, 3}) {
      study.tell(study.ask(), v);
    }
    assertThat(study.bestValue()).isEqualTo(5.0);
    assertThat(study.bestTrial().number()).isEqualTo(1);
  }

  @Test
  void bestTrialsOfAMultiObjectiveStudyAreItsParetoFront() {
    Study study = Study.builder().directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE).build();
    double[][] values = {{1, 1}, {2, 3}, {3, 2}, {0.5, 0.5}, {2, 3}};
    for (double[] v : values) {
      study.tell(study.ask(), v);
    }
    assertThat(study.bestTrials()).extracting(FrozenTrial::number).containsExactly(0, 1, 3, 4);
    assertThatThrownBy(study::bestTrial).hasMessageContaining("has 2 objectives");
  }

  @Test
  void bestTrialOfAnEmptyStudyExplainsWhy() {
    Study study = Study.builder().name("empty").build();
    assertThatThrownBy(study::bestValue).hasMessage("study \"empty\" has no completed trials yet");
  }

  @Test
  void spaceSamplesMatchTheSameDrawsAsARandomSamplerOverTheSpace() {
    SearchSpace space = SearchSpace.of(Hp.uniform("a", 0, 1), Hp.randint("b", 5));
    Map<String, Object> direct = space.sample(new SplittableRandom(4));
    Study study = Study.builder().space(space).sampler(new RandomSampler(4L)).build();
    Trial trial = study.ask();
    assertThat(trial.params()).isEqualTo(direct);
  }
}
