package io.parzen.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Optuna's internal representation, membership, snapping and labels of the three distributions. */
class DistributionBehaviourTest {

  @Test
  void floatInternalValueIsTheNumberItself() {
    FloatDistribution f = FloatDistribution.uniform(0, 1);

    assertThat(f.toInternal(0.25f)).isEqualTo(0.25);
    assertThat(f.toExternal(0.25)).isEqualTo(0.25);
  }

  @Test
  void floatRejectsANonNumber() {
    assertThat(catchThrowable(() -> FloatDistribution.uniform(0, 1).toInternal("0.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a float parameter needs a number, got 0.5");
  }

  @Test
  void floatContainsOnlyValuesInsideItsBounds() {
    FloatDistribution f = FloatDistribution.uniform(-1, 1);

    assertThat(f.containsInternal(-1)).isTrue();
    assertThat(f.containsInternal(1)).isTrue();
    assertThat(f.containsInternal(1.0000001)).isFalse();
    assertThat(f.containsInternal(Double.NaN)).isFalse();
  }

  @Test
  void steppedFloatContainsOnlyGridPoints() {
    FloatDistribution f = FloatDistribution.stepped(0, 1, 0.3);

    assertThat(f.containsInternal(0.6)).isTrue();
    assertThat(f.containsInternal(0.3 * 3)).isTrue();
    assertThat(f.containsInternal(0.5)).isFalse();
    assertThat(f.containsInternal(1.0)).as("1.0 is above the adjusted high").isFalse();
  }

  @Test
  void snapRoundsToTheNearestGridPointAndClamps() {
    FloatDistribution f = FloatDistribution.stepped(0, 1, 0.3);

    assertThat(f.snap(0.44)).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(f.snap(0.46)).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(f.snap(5)).isCloseTo(0.9, org.assertj.core.api.Assertions.within(1e-12)).isLessThanOrEqualTo(0.9);
    assertThat(f.snap(-5)).isEqualTo(0.0);
    assertThat(FloatDistribution.uniform(0, 1).snap(0.123)).isEqualTo(0.123);
  }

  @Test
  void intInternalValueIsTheIntegerAsDoubleAndExternalIsLong() {
    IntDistribution i = IntDistribution.of(0, 10);

    assertThat(i.toInternal(7)).isEqualTo(7.0);
    assertThat(i.toInternal(7.0)).isEqualTo(7.0);
    assertThat(i.toExternal(7.0)).isEqualTo(7L);
  }

  @Test
  void intRejectsAFraction() {
    assertThat(catchThrowable(() -> IntDistribution.of(0, 10).toInternal(2.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an int parameter needs an integer, got 2.5");
  }

  @Test
  void intContainsOnlyIntegersOnItsStepGrid() {
    IntDistribution i = new IntDistribution(1, 10, false, 3);

    assertThat(i.high()).isEqualTo(10);
    assertThat(i.containsInternal(7)).isTrue();
    assertThat(i.containsInternal(8)).isFalse();
    assertThat(i.containsInternal(4.5)).isFalse();
    assertThat(i.containsInternal(13)).isFalse();
  }

  @Test
  void intSnapRoundsToTheGridAndClamps() {
    IntDistribution i = new IntDistribution(1, 10, false, 3);

    assertThat(i.snap(5.4)).isEqualTo(4);
    assertThat(i.snap(5.6)).isEqualTo(7);
    assertThat(i.snap(100)).isEqualTo(10);
    assertThat(i.snap(-100)).isEqualTo(1);
  }

  @Test
  void categoricalInternalValueIsTheIndexOfTheChoice() {
    CategoricalDistribution c = CategoricalDistribution.of("adam", 32, 0.5, true);

    assertThat(c.toInternal("adam")).isEqualTo(0.0);
    assertThat(c.toInternal(32L)).isEqualTo(1.0);
    assertThat(c.toInternal((short) 32)).isEqualTo(1.0);
    assertThat(c.toInternal(0.5f)).isEqualTo(2.0);
    assertThat(c.toExternal(3.0)).isEqualTo(true);
  }

  @Test
  void categoricalRejectsAValueThatIsNotAChoice() {
    assertThat(catchThrowable(() -> CategoricalDistribution.of("adam", "sgd").toInternal("rmsprop")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"rmsprop\" is not one of the choices [adam, sgd]");
  }

  @Test
  void categoricalIndexOfAnUnsupportedValueIsMinusOne() {
    CategoricalDistribution c = CategoricalDistribution.of("a");

    assertThat(c.indexOf(List.of("a"))).isEqualTo(-1);
    assertThat(c.indexOf(null)).isEqualTo(-1);
  }

  @Test
  void categoricalContainsOnlyValidIndices() {
    CategoricalDistribution c = CategoricalDistribution.of("a", "b");

    assertThat(c.containsInternal(1)).isTrue();
    assertThat(c.containsInternal(2)).isFalse();
    assertThat(c.containsInternal(-1)).isFalse();
    assertThat(c.containsInternal(0.5)).isFalse();
  }

  @Test
  void describeShowsBoundsLogAndStep() {
    assertThat(FloatDistribution.logUniform(0.001, 0.1).describe()).isEqualTo("float[0.001, 0.1] log");
    assertThat(FloatDistribution.stepped(0, 1, 0.25).describe()).isEqualTo("float[0.0, 1.0] step 0.25");
    assertThat(IntDistribution.logScaled(1, 64).describe()).isEqualTo("int[1, 64] log");
    assertThat(new IntDistribution(0, 10, false, 2).describe()).isEqualTo("int[0, 10] step 2");
    assertThat(CategoricalDistribution.of("a", 1).describe()).isEqualTo("choice[a, 1]");
  }

  @Test
  void conditionMatchesNormalizedValues() {
    Condition c = Condition.when("layers", 2, "two");

    assertThat(c.values()).containsExactly(2L, "two");
    assertThat(c.matches(2)).isTrue();
    assertThat(c.matches(2.0)).isTrue();
    assertThat(c.matches("two")).isTrue();
    assertThat(c.matches(3L)).isFalse();
    assertThat(c.matches(null)).isFalse();
    assertThat(c.matches(new Object())).isFalse();
  }

  @Test
  void integralDoubleConditionValueMatchesTheSameLong() {
    Condition c = Condition.when("layers", 2.0);

    assertThat(c.matches(2L)).isTrue();
    assertThat(c.matches(2)).isTrue();
    assertThat(c.matches(3L)).isFalse();
  }

  @Test
  void exceptionWithAWholeMessageKeepsItAsGiven() {
    SpaceValidationException e = SpaceValidationException.withMessage("lr", "low", "space.json: lr: bad");

    assertThat(e.getMessage()).isEqualTo("space.json: lr: bad");
    assertThat(e.parameter()).isEqualTo("lr");
    assertThat(e.field()).isEqualTo("low");
  }

  @Test
  void categoricalChoicesMayIncludeNullAsOptunaAllowsNone() {
    CategoricalDistribution d = CategoricalDistribution.of("a", null, 1);
    assertThat(d.choices()).containsExactly("a", null, 1L);
    assertThat(d.toInternal(null)).isEqualTo(1.0);
    assertThat(d.toExternal(1.0)).isNull();
    SearchSpace space = SearchSpace.of(new Parameter("c", d),
        Hp.uniform("x", 0, 1).withCondition(Condition.when("c", (Object) null)));
    assertThat(SpaceJson.read(SpaceJson.write(space))).isEqualTo(space);
    assertThat(space.isActive(space.parameter("x").orElseThrow(), java.util.Collections.singletonMap("c", null))).isTrue();
  }
}
