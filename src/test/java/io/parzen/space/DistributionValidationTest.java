package io.parzen.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Validation of single distributions and parameters: each problem names the parameter (when the
 * parameter is built through {@link Hp}) and the field, with Optuna's rules on bounds and steps.
 */
class DistributionValidationTest {

  static SpaceValidationException problem(Executable action) {
    return catchThrowableOfType(SpaceValidationException.class, action::execute);
  }

  static void assertProblem(SpaceValidationException e, String parameter, String field, String message) {
    assertThat(e).as("expected a SpaceValidationException").isNotNull();
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.parameter()).isEqualTo(parameter);
    assertThat(e.field()).isEqualTo(field);
  }

  // --- low > high ---

  @Test
  void lowAboveHighNamesTheParameterAndField() {
    assertProblem(problem(() -> Hp.uniform("lr", 1.0, 0.5)),
        "lr", "low", "lr: low (1.0) must be <= high (0.5)");
  }

  @Test
  void intLowAboveHighNamesTheParameterAndField() {
    assertProblem(problem(() -> Hp.uniformint("layers", 5, 1)),
        "layers", "low", "layers: low (5) must be <= high (1)");
  }

  @Test
  void randintWithUpperNotAboveLowReportsTheInclusiveHigh() {
    assertProblem(problem(() -> Hp.randint("seed", 3, 3)),
        "seed", "low", "seed: low (3) must be <= high (2)");
  }

  @Test
  void lowAboveHighWithoutAParameterHasNoParameterPrefix() {
    assertProblem(problem(() -> FloatDistribution.uniform(2, 1)),
        null, "low", "low (2.0) must be <= high (1.0)");
  }

  @Test
  void lowEqualToHighIsAllowedAndSingle() {
    FloatDistribution f = FloatDistribution.uniform(0.5, 0.5);
    IntDistribution i = IntDistribution.of(7, 7);

    assertThat(f.isSingle()).isTrue();
    assertThat(i.isSingle()).isTrue();
    assertThat(FloatDistribution.logUniform(2, 2).isSingle()).isTrue();
    assertThat(i.size()).isEqualTo(1);
  }

  @Test
  void nonFiniteBoundsAreRejected() {
    assertProblem(problem(() -> Hp.uniform("x", Double.NEGATIVE_INFINITY, 1)),
        "x", "low", "x: low (-Infinity) must be a finite number");
    assertProblem(problem(() -> Hp.uniform("x", 0, Double.NaN)),
        "x", "high", "x: high (NaN) must be a finite number");
  }

  // --- log with low <= 0 ---

  @Test
  void floatLogWithZeroLowNamesTheParameterAndField() {
    assertProblem(problem(() -> Hp.loguniform("lr", 0.0, 0.1)),
        "lr", "low", "lr: low (0.0) must be > 0 when log is true");
  }

  @Test
  void floatLogWithNegativeLowNamesTheParameterAndField() {
    assertProblem(problem(() -> Hp.loguniform("lr", -1e-3, 0.1)),
        "lr", "low", "lr: low (-0.001) must be > 0 when log is true");
  }

  @Test
  void intLogWithZeroLowNamesTheParameterAndField() {
    assertProblem(problem(() -> Hp.intLog("units", 0, 512)),
        "units", "low", "units: low (0) must be >= 1 when log is true");
  }

  @Test
  void intLogWithNegativeLowNamesTheParameterAndField() {
    assertProblem(problem(() -> Hp.intLog("units", -4, 512)),
        "units", "low", "units: low (-4) must be >= 1 when log is true");
  }

  // --- steps ---

  @Test
  void zeroFloatStepIsRejected() {
    assertProblem(problem(() -> FloatDistribution.stepped(0, 1, 0.0)),
        null, "step", "step (0.0) must be a positive number");
  }

  @Test
  void negativeFloatStepIsRejected() {
    assertProblem(problem(() -> FloatDistribution.stepped(0, 1, -0.5)),
        null, "step", "step (-0.5) must be a positive number");
  }

  @Test
  void nonFiniteFloatStepIsRejected() {
    assertProblem(problem(() -> FloatDistribution.stepped(0, 1, Double.POSITIVE_INFINITY)),
        null, "step", "step (Infinity) must be a positive number");
    assertProblem(problem(() -> FloatDistribution.stepped(0, 1, Double.NaN)),
        null, "step", "step (NaN) must be a positive number");
  }

  @Test
  void quniformWithZeroQNamesTheParameterAndStepField() {
    assertProblem(problem(() -> Hp.quniform("dropout", 0, 1, 0)),
        "dropout", "step", "dropout: q (0.0) must be a positive number");
  }

  @Test
  void qnormalWithNegativeQNamesTheParameterAndStepField() {
    assertProblem(problem(() -> Hp.qnormal("x", 0, 1, -1)),
        "x", "step", "x: q (-1.0) must be a positive number");
  }

  @Test
  void zeroIntStepIsRejected() {
    assertProblem(problem(() -> new IntDistribution(0, 10, false, 0)),
        null, "step", "step (0) must be a positive integer");
  }

  @Test
  void negativeIntStepIsRejected() {
    assertProblem(problem(() -> new IntDistribution(0, 10, false, -2)),
        null, "step", "step (-2) must be a positive integer");
  }

  @Test
  void floatStepWithLogIsRejectedWithAHint() {
    assertProblem(problem(() -> new FloatDistribution(1e-3, 1, true, 0.1)),
        null, "step", "step (0.1) cannot be combined with log; use a log-uniform prior instead");
  }

  @Test
  void intLogWithStepOtherThanOneIsRejected() {
    assertProblem(problem(() -> new IntDistribution(1, 100, true, 2)),
        null, "step", "step (2) must be 1 when log is true");
  }

  @Test
  void floatStepMovesHighDownToTheGridLikeOptuna() {
    FloatDistribution f = FloatDistribution.stepped(0, 1, 0.3);

    assertThat(f.high()).isEqualTo(0.9);
    assertThat(f.gridSize()).isEqualTo(4);
  }

  @Test
  void floatStepKeepsHighWhenItIsOnTheGrid() {
    assertThat(FloatDistribution.stepped(0, 1, 0.1).high()).isEqualTo(1.0);
    assertThat(FloatDistribution.stepped(0.1, 0.7, 0.2).high()).isEqualTo(0.7);
    assertThat(FloatDistribution.stepped(-1, 1, 0.5).gridSize()).isEqualTo(5);
  }

  @Test
  void floatStepLargerThanTheRangeLeavesOnlyLow() {
    FloatDistribution f = FloatDistribution.stepped(0.25, 1, 2);

    assertThat(f.high()).isEqualTo(0.25);
    assertThat(f.isSingle()).isTrue();
    assertThat(f.gridSize()).isEqualTo(1);
  }

  @Test
  void intStepMovesHighDownToTheGridLikeOptuna() {
    IntDistribution i = new IntDistribution(0, 10, false, 3);

    assertThat(i.high()).isEqualTo(9);
    assertThat(i.size()).isEqualTo(4);
  }

  @Test
  void intStepMovesHighDownWithNegativeBounds() {
    assertThat(new IntDistribution(-7, 2, false, 4).high()).isEqualTo(1);
  }

  @Test
  void steppedHighIsStableWhenTheDistributionIsRebuiltFromItsOwnFields() {
    // A high already adjusted to the grid must not be adjusted again (this is what a JSON round
    // trip does); before the fix the rounding of the adjusted high lost a whole step.
    FloatDistribution f = FloatDistribution.stepped(13.312315034456176, 210, 7.45807179086975);

    FloatDistribution again = new FloatDistribution(f.low(), f.high(), false, f.step());

    assertThat(again).isEqualTo(f);
    assertThat(f.gridSize()).isEqualTo(27);
  }

  // --- categorical ---

  @Test
  void emptyChoicesNameTheParameterAndField() {
    assertProblem(problem(() -> Hp.choice("optimizer")),
        "optimizer", "choices", "optimizer: choices must not be empty");
  }

  @Test
  void emptyChoiceListNamesTheParameterAndField() {
    assertProblem(problem(() -> Hp.choice("optimizer", List.of())),
        "optimizer", "choices", "optimizer: choices must not be empty");
  }

  @Test
  void duplicateStringChoiceIsQuoted() {
    assertProblem(problem(() -> Hp.choice("optimizer", "adam", "sgd", "adam")),
        "optimizer", "choices", "optimizer: duplicate choice \"adam\"");
  }

  @Test
  void integerChoicesOfDifferentJavaTypesAreDuplicates() {
    assertProblem(problem(() -> Hp.choice("batch", 32, 64L, (short) 32)),
        "batch", "choices", "batch: duplicate choice 32");
  }

  @Test
  void nonFiniteChoiceIsRejected() {
    assertProblem(problem(() -> Hp.choice("x", 1.5, Double.NaN)),
        "x", "choices", "x: choice NaN is not a finite number");
  }

  @Test
  void choiceOfAnUnsupportedTypeNamesTheType() {
    assertProblem(problem(() -> Hp.choice("x", "a", new StringBuilder("sb"))),
        "x", "choices", "x: choice sb is not a string, number, boolean or null (StringBuilder)");
  }

  @Test
  void choicesAreNormalizedToLongAndDouble() {
    CategoricalDistribution c = CategoricalDistribution.of(1, (byte) 2, 3.5f, "x", true);

    assertThat(c.choices()).containsExactly(1L, 2L, 3.5, "x", true);
  }

  // --- priors on parameters ---

  @Test
  void weightsCountMismatchNamesTheParameterAndField() {
    assertProblem(problem(() -> new Parameter("optimizer", CategoricalDistribution.of("adam", "sgd"),
            new Prior.Weighted(List.of(0.5, 0.3, 0.2)), null)),
        "optimizer", "weights", "optimizer: has 3 weights for 2 choices");
  }

  @Test
  void negativeWeightNamesTheParameterAndField() {
    assertProblem(problem(() -> Hp.pchoice("optimizer", orderedMap("adam", 1.2, "sgd", -0.2))),
        "optimizer", "weights", "optimizer: weight -0.2 must be a finite number >= 0");
  }

  @Test
  void nonFiniteWeightIsRejected() {
    assertProblem(problem(() -> new Prior.Weighted(List.of(0.5, Double.POSITIVE_INFINITY))),
        null, "weights", "weight Infinity must be a finite number >= 0");
  }

  @Test
  void allZeroWeightsAreRejected() {
    assertProblem(problem(() -> Hp.pchoice("optimizer", orderedMap("adam", 0.0, "sgd", 0.0))),
        "optimizer", "weights", "optimizer: weights must not all be 0");
  }

  @Test
  void emptyWeightsAreRejected() {
    assertProblem(problem(() -> new Prior.Weighted(List.of())),
        null, "weights", "weights must not be empty");
  }

  @Test
  void weightsOnAFloatParameterAreRejected() {
    assertProblem(problem(() -> new Parameter("x", FloatDistribution.uniform(0, 1),
            new Prior.Weighted(List.of(1.0)), null)),
        "x", "weights", "x: weights need a categorical parameter");
  }

  @Test
  void normalPriorOnACategoricalIsRejected() {
    assertProblem(problem(() -> new Parameter("x", CategoricalDistribution.of("a"),
            new Prior.Normal(0, 1), null)),
        "x", "prior", "x: a categorical parameter takes only uniform or weighted priors");
  }

  @Test
  void logUniformPriorNeedsAPositiveLow() {
    assertProblem(problem(() -> new Parameter("x", FloatDistribution.stepped(0, 1, 0.1),
            new Prior.LogUniform(), null)),
        "x", "low", "x: low (0) must be > 0 for a log-uniform prior");
  }

  @Test
  void logNormalPriorNeedsAPositiveHigh() {
    assertProblem(problem(() -> new Parameter("x", FloatDistribution.uniform(-2.5, -0.5),
            new Prior.LogNormal(0, 1), null)),
        "x", "high", "x: high (-0.5) must be > 0 for a log-normal prior");
  }

  @Test
  void normalWithZeroSigmaNamesTheParameterAndField() {
    assertProblem(problem(() -> Hp.normal("x", 0, 0)),
        "x", "sigma", "x: sigma (0.0) must be a positive number");
  }

  @Test
  void lognormalWithInfiniteMuNamesTheParameterAndField() {
    assertProblem(problem(() -> Hp.lognormal("x", Double.POSITIVE_INFINITY, 1)),
        "x", "mu", "x: mu (Infinity) must be a finite number");
  }

  @Test
  void blankParameterNameIsRejected() {
    assertProblem(problem(() -> Hp.uniform(" ", 0, 1)),
        null, "name", "parameter name must not be empty");
  }

  @Test
  void missingDistributionNamesTheParameter() {
    assertProblem(problem(() -> new Parameter("x", null)),
        "x", "distribution", "x: distribution is missing");
  }

  @Test
  void missingPriorMeansUniform() {
    assertThat(new Parameter("x", FloatDistribution.uniform(0, 1), null, null).prior())
        .isEqualTo(Prior.UNIFORM);
  }

  static <K> java.util.Map<K, Double> orderedMap(K k1, double v1, K k2, double v2) {
    java.util.Map<K, Double> map = new java.util.LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }
}
