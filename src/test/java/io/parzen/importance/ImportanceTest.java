package io.parzen.importance;

import static io.parzen.importance.SyntheticTrials.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.parzen.space.Condition;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Both evaluators on studies whose answer is known. */
class ImportanceTest {

  private static final SearchSpace TWO = SearchSpace.of(Hp.uniform("x0", -1, 1), Hp.uniform("x1", -1, 1));

  /** f = 10 x0^2 + 0.1 x1 + noise: x0 clearly dominates. */
  private static List<FrozenTrial> dominant(long seed) {
    SplittableRandom noise = new SplittableRandom(seed + 1000);
    return SyntheticTrials.random(TWO, 200, seed,
        p -> 10 * num(p, "x0") * num(p, "x0") + 0.1 * num(p, "x1") + 0.01 * noise.nextGaussian());
  }

  private static ParamImportances fanova(List<FrozenTrial> trials, StudyDirection direction) {
    return Importance.fanova(trials, direction, FanovaOptions.seeded(0));
  }

  private static ParamImportances ped(List<FrozenTrial> trials, StudyDirection direction) {
    return Importance.pedAnova(trials, direction, PedAnovaOptions.defaults());
  }

  private static double sum(ParamImportances result) {
    return result.entries().stream().mapToDouble(ParamImportances.Entry::importance).sum();
  }

  @Test
  void fanovaRanksTheDominantParameterFirst() {
    ParamImportances result = fanova(dominant(1), StudyDirection.MINIMIZE);
    assertThat(result.method()).isEqualTo(ParamImportances.Method.FANOVA);
    assertThat(result.ranking()).containsExactly("x0", "x1");
    assertThat(result.importance("x0").getAsDouble()).isGreaterThan(0.8);
    assertThat(sum(result)).isCloseTo(1.0, within(1e-12));
    assertThat(result.trialsUsed()).isEqualTo(200);
    assertThat(result.entries().get(0).spread()).isBetween(0.0, 0.2);
    assertThat(result.excluded()).isEmpty();
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void pedAnovaRanksTheDominantParameterFirst() {
    ParamImportances result = ped(dominant(1), StudyDirection.MINIMIZE);
    assertThat(result.method()).isEqualTo(ParamImportances.Method.PED_ANOVA);
    assertThat(result.ranking()).containsExactly("x0", "x1");
    assertThat(result.importance("x0").getAsDouble()).isGreaterThan(0.8);
    assertThat(sum(result)).isCloseTo(1.0, within(1e-12));
    assertThat(result.entries().get(0).spread()).isNaN();
  }

  @Test
  void maximisingTheNegatedObjectiveGivesTheSameImportances() {
    List<FrozenTrial> minimised = dominant(2);
    List<FrozenTrial> maximised = SyntheticTrials.revalued(minimised, v -> -v);
    for (boolean useFanova : new boolean[] {true, false}) {
      ParamImportances min = useFanova ? fanova(minimised, StudyDirection.MINIMIZE) : ped(minimised, StudyDirection.MINIMIZE);
      ParamImportances max = useFanova ? fanova(maximised, StudyDirection.MAXIMIZE) : ped(maximised, StudyDirection.MAXIMIZE);
      assertThat(max.ranking()).containsExactly("x0", "x1");
      assertThat(max.importance("x0").getAsDouble()).isGreaterThan(0.8)
          .isCloseTo(min.importance("x0").getAsDouble(), within(1e-9));
    }
  }

  /**
   * optuna-dashboard #1329: with loss = x + 10 y^20, the best trials are told apart by a small x,
   * the worst by a large y. Maximising score = -loss must look at the best trials, not the worst.
   */
  @Test
  void pedAnovaLooksAtTheBestTrialsOfAMaximisedObjective() {
    SearchSpace space = SearchSpace.of(Hp.uniform("x", 0, 1), Hp.uniform("y", 0, 1));
    List<FrozenTrial> loss = SyntheticTrials.random(space, 400, 5, p -> num(p, "x") + 10 * Math.pow(num(p, "y"), 20));
    List<FrozenTrial> score = SyntheticTrials.revalued(loss, v -> -v);
    assertThat(ped(loss, StudyDirection.MINIMIZE).ranking()).containsExactly("x", "y");
    ParamImportances maximised = ped(score, StudyDirection.MAXIMIZE);
    assertThat(maximised.ranking()).containsExactly("x", "y");
    assertThat(maximised.asMap()).isEqualTo(ped(loss, StudyDirection.MINIMIZE).asMap());
    // The bug: the same values read as a loss pick the worst trials, told apart by y.
    assertThat(ped(score, StudyDirection.MINIMIZE).ranking()).containsExactly("y", "x");
  }

  @Test
  void fanovaIsReproducibleForASeedAndVariesWithIt() {
    List<FrozenTrial> trials = dominant(3);
    ParamImportances a = fanova(trials, StudyDirection.MINIMIZE);
    ParamImportances b = fanova(trials, StudyDirection.MINIMIZE);
    assertThat(b).isEqualTo(a);
    ParamImportances parallel = Importance.fanova(trials, StudyDirection.MINIMIZE,
        FanovaOptions.seeded(0).withParallel(true));
    assertThat(parallel.entries()).isEqualTo(a.entries());
    ParamImportances other = Importance.fanova(trials, StudyDirection.MINIMIZE, FanovaOptions.seeded(1));
    assertThat(other.importance("x1").getAsDouble()).isNotEqualTo(a.importance("x1").getAsDouble());
    assertThat(other.ranking()).isEqualTo(a.ranking());
  }

  @Test
  void categoricalLogAndIntParametersAreAssessed() {
    SearchSpace space = SearchSpace.of(
        Hp.choice("optimizer", "sgd", "adam", "rmsprop"),
        Hp.loguniform("lr", 1e-5, 1e-1),
        Hp.uniformint("layers", 1, 8),
        Hp.uniform("dropout", 0, 0.5));
    // optimizer matters most, then layers; dropout barely.
    ToDoubleFunction<Map<String, Object>> f = p -> {
      double opt = switch ((String) p.get("optimizer")) {
        case "sgd" -> 6;
        case "adam" -> 0;
        default -> 2;
      };
      return opt + 0.5 * num(p, "layers") + 0.2 * num(p, "dropout");
    };
    List<FrozenTrial> trials = SyntheticTrials.random(space, 300, 9, f);
    ParamImportances fanova = fanova(trials, StudyDirection.MINIMIZE);
    assertThat(fanova.ranking()).startsWith("optimizer", "layers");
    assertThat(fanova.importance("optimizer").getAsDouble()).isGreaterThan(0.5);
    assertThat(fanova.importance("lr").getAsDouble()).isLessThan(0.05);
    // To reach the top 10 %, both adam and one of the few smallest layer counts are needed.
    ParamImportances ped = ped(trials, StudyDirection.MINIMIZE);
    assertThat(ped.ranking().subList(0, 2)).containsExactlyInAnyOrder("optimizer", "layers");

    // A log-scaled parameter that drives the objective through its logarithm.
    List<FrozenTrial> lrTrials = SyntheticTrials.random(space, 300, 10, p -> {
      double decades = Math.log10(num(p, "lr")) + 3;
      return decades * decades + 0.05 * num(p, "dropout");
    });
    assertThat(fanova(lrTrials, StudyDirection.MINIMIZE).ranking().get(0)).isEqualTo("lr");
    assertThat(ped(lrTrials, StudyDirection.MINIMIZE).ranking().get(0)).isEqualTo("lr");
    assertThat(ped(lrTrials, StudyDirection.MINIMIZE).importance("lr").getAsDouble()).isGreaterThan(0.8);
  }

  @Test
  void failedPrunedRunningAndNonFiniteTrialsAreIgnored() {
    List<FrozenTrial> clean = dominant(4);
    List<FrozenTrial> noisy = new ArrayList<>(clean);
    Map<String, Object> odd = Map.of("x0", 0.0, "x1", 1.0);
    int n = clean.size();
    noisy.add(SyntheticTrials.trial(n, TrialState.FAIL, odd, TWO, List.of()));
    noisy.add(SyntheticTrials.trial(n + 1, TrialState.COMPLETE, odd, TWO, List.of(Double.NaN)));
    noisy.add(SyntheticTrials.trial(n + 2, TrialState.COMPLETE, odd, TWO, List.of(Double.NEGATIVE_INFINITY)));
    noisy.add(SyntheticTrials.trial(n + 3, TrialState.PRUNED, odd, TWO, List.of(-1e9)));
    noisy.add(SyntheticTrials.trial(n + 4, TrialState.RUNNING, odd, TWO, List.of()));
    for (StudyDirection direction : StudyDirection.values()) {
      assertThat(fanova(noisy, direction)).isEqualTo(fanova(clean, direction));
      assertThat(ped(noisy, direction)).isEqualTo(ped(clean, direction));
    }
    assertThat(fanova(noisy, StudyDirection.MINIMIZE).trialsUsed()).isEqualTo(n);
  }

  @Test
  void conditionalParametersAreExcludedFromFanovaWithTheReasonAndAssessedByPedAnova() {
    SearchSpace space = SearchSpace.of(
        Hp.choice("model", "svm", "forest"),
        Hp.loguniform("C", 1e-3, 1e3).withCondition(Condition.when("model", "svm")),
        Hp.uniformint("depth", 1, 20).withCondition(Condition.when("model", "forest")),
        Hp.uniform("noise", 0, 1));
    List<FrozenTrial> trials = SyntheticTrials.random(space, 300, 12, p -> p.containsKey("C")
        ? Math.abs(Math.log10(num(p, "C"))) + 0.01 * num(p, "noise")
        : 1.5 + 0.2 * Math.abs(num(p, "depth") - 10) + 0.01 * num(p, "noise"));
    ParamImportances fanova = fanova(trials, StudyDirection.MINIMIZE);
    assertThat(fanova.asMap()).containsOnlyKeys("model", "noise");
    assertThat(fanova.excluded()).extracting(ParamImportances.Excluded::name).containsExactly("C", "depth");
    assertThat(fanova.excluded().get(0).reason()).contains("inactive in").contains("conditional");

    ParamImportances onSvm = Importance.fanova(trials, StudyDirection.MINIMIZE,
        FanovaOptions.seeded(0).withParams(List.of("C", "noise")));
    assertThat(onSvm.ranking()).containsExactly("C", "noise");
    assertThat(onSvm.trialsUsed()).isBetween(100, 200);

    ParamImportances ped = ped(trials, StudyDirection.MINIMIZE);
    assertThat(ped.asMap()).containsOnlyKeys("model", "C", "depth", "noise");
    assertThat(ped.ranking().get(0)).isEqualTo("C");
    assertThat(ped.importance("noise").getAsDouble()).isLessThan(0.1);
  }

  @Test
  void aParameterWithASingleValueGetsZero() {
    SearchSpace space = SearchSpace.of(Hp.uniform("x", 0, 1), Hp.uniform("fixed", 2, 2));
    List<FrozenTrial> trials = SyntheticTrials.random(space, 50, 13, p -> num(p, "x"));
    assertThat(fanova(trials, StudyDirection.MINIMIZE).asMap()).containsExactly(Map.entry("x", 1.0), Map.entry("fixed", 0.0));
    assertThat(ped(trials, StudyDirection.MINIMIZE).asMap()).containsExactly(Map.entry("x", 1.0), Map.entry("fixed", 0.0));
  }

  @Test
  void tooFewTrialsOrAConstantObjectiveGiveEqualSharesWithAWarning() {
    List<FrozenTrial> one = dominant(6).subList(0, 1);
    for (ParamImportances r : List.of(fanova(one, StudyDirection.MINIMIZE), ped(one, StudyDirection.MINIMIZE))) {
      assertThat(r.asMap()).containsOnly(Map.entry("x0", 0.5), Map.entry("x1", 0.5));
      assertThat(r.warnings()).singleElement().asString().contains("at least 2");
    }
    List<FrozenTrial> flat = SyntheticTrials.random(TWO, 30, 7, p -> 1.0);
    ParamImportances constant = fanova(flat, StudyDirection.MINIMIZE);
    assertThat(constant.asMap()).containsOnly(Map.entry("x0", 0.5), Map.entry("x1", 0.5));
    assertThat(constant.warnings()).singleElement().asString().contains("same in all 30 trials");
    assertThat(fanova(List.of(), StudyDirection.MINIMIZE).entries()).isEmpty();
  }

  @Test
  void multiObjectiveTrialsAreExplainedOneObjectiveAtATime() {
    List<FrozenTrial> trials = new ArrayList<>();
    for (FrozenTrial t : dominant(8)) {
      double x1 = num(t.params(), "x1");
      trials.add(new FrozenTrial(t.id(), t.number(), t.state(), List.of(t.value(), x1 * x1), t.start(), t.complete(),
          t.params(), t.distributions(), Map.of(), Map.of(), t.intermediateValues()));
    }
    assertThat(Importance.fanova(trials, StudyDirection.MINIMIZE, FanovaOptions.seeded(0)).ranking().get(0))
        .isEqualTo("x0");
    assertThat(Importance.fanova(trials, StudyDirection.MINIMIZE, FanovaOptions.seeded(0).withObjective(1))
        .ranking().get(0)).isEqualTo("x1");
    assertThat(Importance.pedAnova(trials, StudyDirection.MINIMIZE, PedAnovaOptions.defaults().withObjective(1))
        .ranking().get(0)).isEqualTo("x1");
  }

  @Test
  void badArgumentsAreRefusedWithTheFieldAndValue() {
    List<FrozenTrial> trials = dominant(9);
    assertThatThrownBy(() -> Importance.fanova(trials, StudyDirection.MINIMIZE,
        FanovaOptions.seeded(0).withParams(List.of("x0", "lr"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"lr\"");
    assertThatThrownBy(() -> Importance.pedAnova(trials, StudyDirection.MINIMIZE,
        PedAnovaOptions.defaults().withParams(List.of("nope"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"nope\"");
    assertThatThrownBy(() -> Importance.fanova(trials, StudyDirection.MINIMIZE, FanovaOptions.seeded(0).withObjective(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("objective 1");
    assertThatThrownBy(() -> FanovaOptions.seeded(0).withTrees(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trees (0)");
    assertThatThrownBy(() -> PedAnovaOptions.defaults().withTargetQuantile(1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetQuantile (1.0)");
    assertThatThrownBy(() -> PedAnovaOptions.defaults().withRegionQuantile(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regionQuantile (1.5)");
    assertThatThrownBy(() -> Importance.fanova(trials, null, FanovaOptions.seeded(0)))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("direction");
  }
}
