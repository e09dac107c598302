package io.parzen.importance;

import static io.parzen.importance.SyntheticTrials.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our importances beside Optuna's on the same trials (Debian's Optuna 3.1 with scikit-learn for
 * fANOVA; PED-ANOVA needs Optuna 3.6+, for example {@code -Dparzen.optunaPath=} a source
 * checkout). Skipped without Python, Optuna or scikit-learn, unless {@code PARZEN_REQUIRE_OPTUNA=1},
 * which makes that a failure.
 */
class ImportanceVersusOptunaTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @TempDir
  Path dir;

  @BeforeAll
  static void optunaIsThere() {
    String missing = OptunaImportance.missing();
    if (missing != null) {
      if (OptunaImportance.required()) {
        throw new AssertionError(OptunaImportance.REQUIRE_ENV + " is set, so Optuna and scikit-learn are required, but "
            + missing);
      }
      Assumptions.abort("Optuna importance comparison skipped: " + missing + " (set "
          + OptunaImportance.REQUIRE_ENV + "=1 to make this a failure)");
    }
  }

  /** x0 dominates: 10 x0^2 + 0.1 x1 + noise over 200 random trials. */
  private static List<FrozenTrial> dominant() {
    SearchSpace space = SearchSpace.of(Hp.uniform("x0", -1, 1), Hp.uniform("x1", -1, 1));
    SplittableRandom noise = new SplittableRandom(77);
    return SyntheticTrials.random(space, 200, 21,
        p -> 10 * num(p, "x0") * num(p, "x0") + 0.1 * num(p, "x1") + 0.01 * noise.nextGaussian());
  }

  /** Every kind of parameter, with clearly separated effects. */
  private static List<FrozenTrial> mixed() {
    SearchSpace space = SearchSpace.of(
        Hp.choice("optimizer", "sgd", "adam", "rmsprop"),
        Hp.loguniform("lr", 1e-4, 1e-1),
        Hp.uniformint("layers", 1, 8),
        Hp.uniform("dropout", 0, 0.5),
        Hp.quniform("momentum", 0, 1, 0.1));
    return SyntheticTrials.random(space, 200, 22, p -> {
      double opt = switch ((String) p.get("optimizer")) {
        case "sgd" -> 4;
        case "adam" -> 0;
        default -> 1.5;
      };
      return opt + 0.6 * Math.abs(num(p, "layers") - 4) + 30 * num(p, "lr") + 0.3 * num(p, "momentum");
    });
  }

  /** A conditional space: C only for svm, depth only for forest; and a 12-choice categorical. */
  private static List<FrozenTrial> conditional() {
    SearchSpace space = SearchSpace.of(
        Hp.choice("model", "svm", "forest"),
        Hp.loguniform("C", 1e-3, 1e3).withCondition(io.parzen.space.Condition.when("model", "svm")),
        Hp.intLog("depth", 1, 64).withCondition(io.parzen.space.Condition.when("model", "forest")),
        Hp.choice("kernel", "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10", "k11"));
    return SyntheticTrials.random(space, 300, 23, p -> (p.containsKey("C")
        ? Math.abs(Math.log10(num(p, "C")) - 1)
        : 1 + Math.abs(Math.log(num(p, "depth")) - 2)) + (((String) p.get("kernel")).length() - 2) * 0.5);
  }

  private static Map<String, Double> rounded(Map<String, Double> m) {
    return m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> Math.round(e.getValue() * 1000) / 1000.0, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  private void fanovaAgrees(List<FrozenTrial> trials, StudyDirection direction) throws Exception {
    OptunaImportance.Result optuna = OptunaImportance.run(dir, trials, direction, "fanova", 0, TIMEOUT);
    ParamImportances ours = Importance.fanova(trials, direction, FanovaOptions.seeded(0));
    String both = "ours " + rounded(ours.asMap()) + ", Optuna " + optuna.version() + " " + rounded(optuna.importances());
    assertThat(ours.asMap().keySet()).as(both).containsExactlyInAnyOrderElementsOf(optuna.importances().keySet());
    // Parameters that matter (over 5 %) come in the same order; every value is within 0.05 (seeds of
    // either forest move values by about 0.01).
    List<String> theirs = optuna.importances().entrySet().stream().filter(e -> e.getValue() > 0.05)
        .map(Map.Entry::getKey).toList();
    assertThat(ours.ranking().subList(0, theirs.size())).as(both).isEqualTo(theirs);
    for (Map.Entry<String, Double> e : optuna.importances().entrySet()) {
      assertThat(ours.importance(e.getKey()).getAsDouble()).as(both).isCloseTo(e.getValue(), within(0.05));
    }
  }

  @Test
  void fanovaMatchesOptunaWhereOneParameterDominates() throws Exception {
    fanovaAgrees(dominant(), StudyDirection.MINIMIZE);
  }

  @Test
  void fanovaMatchesOptunaOnCategoricalLogIntAndSteppedParameters() throws Exception {
    fanovaAgrees(mixed(), StudyDirection.MINIMIZE);
  }

  @Test
  void fanovaMatchesOptunaOnAMaximisedStudy() throws Exception {
    fanovaAgrees(SyntheticTrials.revalued(mixed(), v -> -v), StudyDirection.MAXIMIZE);
  }

  /**
   * PED-ANOVA is deterministic, so the numbers agree closely, conditional regimes included; needs
   * Optuna 3.6 or later (skipped with Debian's 3.1).
   */
  @Test
  void pedAnovaMatchesOptunaWhereOptunaHasIt() throws Exception {
    for (List<FrozenTrial> study : List.of(mixed(), conditional())) {
      pedAnovaAgrees(study, StudyDirection.MINIMIZE);
      pedAnovaAgrees(SyntheticTrials.revalued(study, v -> -v), StudyDirection.MAXIMIZE);
    }
  }

  private void pedAnovaAgrees(List<FrozenTrial> trials, StudyDirection direction) throws Exception {
    OptunaImportance.Result optuna = OptunaImportance.run(dir, trials, direction, "ped-anova", 0, TIMEOUT);
    Assumptions.assumeTrue(optuna != null, "this Optuna has no PED-ANOVA (3.6 or later has)");
    ParamImportances ours = Importance.pedAnova(trials, direction, PedAnovaOptions.defaults());
    String both = "ours " + rounded(ours.asMap()) + ", Optuna " + optuna.version() + " " + rounded(optuna.importances());
    assertThat(ours.asMap().keySet()).as(both).containsExactlyInAnyOrderElementsOf(optuna.importances().keySet());
    for (Map.Entry<String, Double> e : optuna.importances().entrySet()) {
      assertThat(ours.importance(e.getKey()).getAsDouble()).as(both).isCloseTo(e.getValue(), within(1e-6));
    }
  }
}
