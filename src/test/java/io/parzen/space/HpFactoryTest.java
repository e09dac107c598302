package io.parzen.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every {@code hp.*} factory yields the expected Optuna distribution, prior and kind. */
class HpFactoryTest {

  private static final double E8 = Math.exp(8);

  @Test
  void uniformIsAContinuousFloatWithAUniformPrior() {
    Parameter p = Hp.uniform("x", -1, 2);

    assertThat(p.name()).isEqualTo("x");
    assertThat(p.distribution()).isEqualTo(new FloatDistribution(-1, 2, false, null));
    assertThat(p.prior()).isEqualTo(Prior.UNIFORM);
    assertThat(p.kind()).isEqualTo(ParameterKind.UNIFORM);
    assertThat(p.isConditional()).isFalse();
  }

  @Test
  void quniformIsAFloatSteppedByQ() {
    Parameter p = Hp.quniform("x", 0, 10, 0.5);

    assertThat(p.distribution()).isEqualTo(FloatDistribution.stepped(0, 10, 0.5));
    assertThat(p.prior()).isEqualTo(Prior.UNIFORM);
    assertThat(p.kind()).isEqualTo(ParameterKind.QUANTIZED_UNIFORM);
  }

  @Test
  void quniformBoundsAreTheMultiplesOfQInsideTheRange() {
    FloatDistribution f = (FloatDistribution) Hp.quniform("x", 0.1, 1, 0.3).distribution();

    assertThat(f.low()).isEqualTo(0.3);
    assertThat(f.high()).isEqualTo(0.9);
    assertThat(f.step()).isEqualTo(0.3);
  }

  @Test
  void quniformKeepsTheTopMultipleOfQWhenQIsNotExactInBinary() {
    // 3 * 0.3 is 0.8999999999999999 in double arithmetic; the grid must still reach 0.9.
    FloatDistribution f = (FloatDistribution) Hp.quniform("x", 0, 1, 0.3).distribution();

    assertThat(f.low()).isEqualTo(0.0);
    assertThat(f.high()).isEqualTo(0.9);
    assertThat(f.gridSize()).isEqualTo(4);
  }

  @Test
  void quniformFromZeroHasAPositiveZeroLow() {
    FloatDistribution f = (FloatDistribution) Hp.quniform("x", 0, 1, 0.25).distribution();

    assertThat(Double.doubleToRawLongBits(f.low())).isEqualTo(Double.doubleToRawLongBits(0.0));
    assertThat(f).isEqualTo(FloatDistribution.stepped(0, 1, 0.25));
  }

  @Test
  void loguniformIsALogFloatWithBoundsInRealSpace() {
    Parameter p = Hp.loguniform("lr", 1e-5, 1e-1);

    assertThat(p.distribution()).isEqualTo(FloatDistribution.logUniform(1e-5, 1e-1));
    assertThat(p.prior()).isEqualTo(Prior.UNIFORM);
    assertThat(p.kind()).isEqualTo(ParameterKind.LOG_UNIFORM);
  }

  @Test
  void qloguniformIsASteppedFloatWithALogUniformPrior() {
    Parameter p = Hp.qloguniform("units", 8, 1000, 8);

    assertThat(p.distribution()).isEqualTo(FloatDistribution.stepped(8, 1000, 8));
    assertThat(p.prior()).isEqualTo(new Prior.LogUniform());
    assertThat(p.kind()).isEqualTo(ParameterKind.QUANTIZED_LOG_UNIFORM);
  }

  @Test
  void qloguniformNeverGoesBelowQ() {
    FloatDistribution f = (FloatDistribution) Hp.qloguniform("x", 0.01, 1, 0.3).distribution();

    assertThat(f.low()).isEqualTo(0.3);
    assertThat(f.high()).isEqualTo(0.9);
  }

  @Test
  void normalIsTruncatedAtEightSigma() {
    Parameter p = Hp.normal("x", 1, 2);

    assertThat(p.distribution()).isEqualTo(FloatDistribution.uniform(-15, 17));
    assertThat(p.prior()).isEqualTo(new Prior.Normal(1, 2));
    assertThat(p.kind()).isEqualTo(ParameterKind.NORMAL);
  }

  @Test
  void qnormalIsASteppedFloatCoveringEightSigma() {
    Parameter p = Hp.qnormal("x", 0, 1, 0.5);

    assertThat(p.distribution()).isEqualTo(FloatDistribution.stepped(-8, 8, 0.5));
    assertThat(p.prior()).isEqualTo(new Prior.Normal(0, 1));
    assertThat(p.kind()).isEqualTo(ParameterKind.QUANTIZED_NORMAL);
  }

  @Test
  void qnormalBoundsAreMultiplesOfQOutsideTheTruncation() {
    FloatDistribution f = (FloatDistribution) Hp.qnormal("x", 0, 1, 3).distribution();

    assertThat(f.low()).isEqualTo(-9.0);
    assertThat(f.high()).isEqualTo(9.0);
  }

  @Test
  void lognormalBoundsAreExpOfMuPlusMinusEightSigma() {
    Parameter p = Hp.lognormal("C", 0.5, 2);
    FloatDistribution f = (FloatDistribution) p.distribution();

    assertThat(f.low()).isEqualTo(Math.exp(0.5 - 16));
    assertThat(f.high()).isEqualTo(Math.exp(0.5 + 16));
    assertThat(f.log()).isTrue();
    assertThat(f.step()).isNull();
    assertThat(p.prior()).isEqualTo(new Prior.LogNormal(0.5, 2));
    assertThat(p.kind()).isEqualTo(ParameterKind.LOG_NORMAL);
  }

  @Test
  void standardLognormalSpansAboutThreeTenThousandthsToThreeThousand() {
    FloatDistribution f = (FloatDistribution) Hp.lognormal("C", 0, 1).distribution();

    assertThat(f.low()).isCloseTo(3.3546e-4, within(1e-8));
    assertThat(f.high()).isCloseTo(2980.958, within(1e-3));
  }

  @Test
  void qlognormalStartsAtZeroAndCoversExpOfMuPlusEightSigma() {
    Parameter p = Hp.qlognormal("x", 0, 1, 1);
    FloatDistribution f = (FloatDistribution) p.distribution();

    assertThat(f.low()).isEqualTo(0.0);
    assertThat(f.high()).isEqualTo(Math.ceil(E8));
    assertThat(f.step()).isEqualTo(1.0);
    assertThat(p.prior()).isEqualTo(new Prior.LogNormal(0, 1));
    assertThat(p.kind()).isEqualTo(ParameterKind.QUANTIZED_LOG_NORMAL);
  }

  @Test
  void qlognormalHasAtLeastOneStep() {
    FloatDistribution f = (FloatDistribution) Hp.qlognormal("x", -20, 1, 5).distribution();

    assertThat(f.high()).isEqualTo(5.0);
    assertThat(f.gridSize()).isEqualTo(2);
  }

  @Test
  void randintWithUpperOnlyIsZeroToUpperExclusive() {
    Parameter p = Hp.randint("seed", 10);

    assertThat(p.distribution()).isEqualTo(IntDistribution.of(0, 9));
    assertThat(p.prior()).isEqualTo(Prior.UNIFORM);
    assertThat(p.kind()).isEqualTo(ParameterKind.INT);
  }

  @Test
  void randintWithLowAndUpperExcludesUpper() {
    Parameter p = Hp.randint("depth", 2, 12);

    assertThat(p.distribution()).isEqualTo(IntDistribution.of(2, 11));
    assertThat(p.kind()).isEqualTo(ParameterKind.INT);
  }

  @Test
  void uniformintIncludesBothBounds() {
    Parameter p = Hp.uniformint("depth", 2, 12);

    assertThat(p.distribution()).isEqualTo(new IntDistribution(2, 12, false, 1));
    assertThat(p.prior()).isEqualTo(Prior.UNIFORM);
    assertThat(p.kind()).isEqualTo(ParameterKind.INT);
  }

  @Test
  void intLogIsALogScaledIntWithStepOne() {
    Parameter p = Hp.intLog("units", 16, 1024);

    assertThat(p.distribution()).isEqualTo(new IntDistribution(16, 1024, true, 1));
    assertThat(p.prior()).isEqualTo(Prior.UNIFORM);
    assertThat(p.kind()).isEqualTo(ParameterKind.INT_LOG);
  }

  @Test
  void choiceKeepsTheOrderOfItsOptions() {
    Parameter p = Hp.choice("optimizer", "adam", "sgd", "rmsprop");

    assertThat(p.distribution()).isEqualTo(CategoricalDistribution.of("adam", "sgd", "rmsprop"));
    assertThat(p.prior()).isEqualTo(Prior.UNIFORM);
    assertThat(p.kind()).isEqualTo(ParameterKind.CHOICE);
  }

  @Test
  void choiceFromAListEqualsChoiceFromVarargs() {
    assertThat(Hp.choice("batch", List.of(16, 32, 64))).isEqualTo(Hp.choice("batch", 16L, 32L, 64L));
  }

  @Test
  void pchoiceCarriesItsWeightsInChoiceOrder() {
    Map<String, Double> options = new LinkedHashMap<>();
    options.put("adam", 0.7);
    options.put("sgd", 0.2);
    options.put("rmsprop", 0.1);

    Parameter p = Hp.pchoice("optimizer", options);

    assertThat(p.distribution()).isEqualTo(CategoricalDistribution.of("adam", "sgd", "rmsprop"));
    assertThat(p.prior()).isEqualTo(new Prior.Weighted(List.of(0.7, 0.2, 0.1)));
    assertThat(p.kind()).isEqualTo(ParameterKind.WEIGHTED_CHOICE);
  }

  @Test
  void weightedProbabilitiesAreNormalized() {
    double[] probabilities = new Prior.Weighted(List.of(2.0, 1.0, 1.0)).probabilities();

    assertThat(probabilities).containsExactly(0.5, 0.25, 0.25);
  }

  @Test
  void everyKindIsFoundByItsHyperoptNameLabelAndConstantName() {
    for (ParameterKind kind : ParameterKind.values()) {
      assertThat(ParameterKind.byName(kind.hyperoptName())).isEqualTo(kind);
      assertThat(ParameterKind.byName(kind.label().toUpperCase())).isEqualTo(kind);
      assertThat(ParameterKind.byName(kind.name())).isEqualTo(kind);
    }
  }

  @Test
  void unknownKindNameIsRejectedWithTheName() {
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ParameterKind.byName("gaussian")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown parameter kind \"gaussian\"");
  }

  @Test
  void kindFlagsDescribeTheirFamilies() {
    assertThat(ParameterKind.WEIGHTED_CHOICE.isCategorical()).isTrue();
    assertThat(ParameterKind.RANDINT.isInteger()).isTrue();
    assertThat(ParameterKind.QUANTIZED_LOG_NORMAL.isQuantized()).isTrue();
    assertThat(ParameterKind.QUANTIZED_LOG_NORMAL.hasNormalPrior()).isTrue();
    assertThat(ParameterKind.LOG_UNIFORM.hasNormalPrior()).isFalse();
    assertThat(ParameterKind.INT_LOG.isQuantized()).isFalse();
    assertThat(ParameterKind.INT_LOG.toString()).isEqualTo("int log");
  }

  @Test
  void intWithALogUniformPriorIsAnIntLogKind() {
    Parameter p = new Parameter("units", new IntDistribution(2, 64, false, 2), new Prior.LogUniform(), null);

    assertThat(p.kind()).isEqualTo(ParameterKind.INT_LOG);
  }

  @Test
  void conditionAndRenameKeepTheRestOfTheParameter() {
    Parameter p = Hp.loguniform("lr", 1e-4, 1e-1);

    Parameter conditional = p.withCondition(Condition.when("optimizer", "sgd")).withName("sgd.lr");

    assertThat(conditional.name()).isEqualTo("sgd.lr");
    assertThat(conditional.distribution()).isEqualTo(p.distribution());
    assertThat(conditional.condition()).isEqualTo(new Condition("optimizer", List.of("sgd")));
    assertThat(conditional.condition().toString()).isEqualTo("optimizer in [sgd]");
  }
}
