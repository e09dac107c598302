package io.parzen.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Every draw of {@link PriorSampling#sample} is a value the parameter's distribution can take. */
class PriorSamplingPropertiesTest {

  private static final int DRAWS = 30;

  @Provide
  Arbitrary<Parameter> anyParameter() {
    return SpaceArbitraries.parameter("p");
  }

  @Provide
  Arbitrary<Parameter> floatParameter() {
    return SpaceArbitraries.floatParameter("f");
  }

  @Provide
  Arbitrary<Parameter> intParameter() {
    return SpaceArbitraries.intParameter("i");
  }

  @Provide
  Arbitrary<Parameter> categoricalParameter() {
    return SpaceArbitraries.categoricalParameter("c");
  }

  @Provide
  Arbitrary<FloatDistribution> floatDistribution() {
    return SpaceArbitraries.floatDistribution();
  }

  @Property(tries = 1000)
  void everyDrawIsContainedInTheDistribution(@ForAll("anyParameter") Parameter p, @ForAll long seed) {
    assertThat(boxed(draws(p, seed))).allSatisfy(v -> assertThat(p.distribution().containsInternal(v))
        .as("%s contains %s (prior %s)", p.distribution().describe(), v, p.prior())
        .isTrue());
  }

  @Property(tries = 1000)
  void floatDrawsRespectBoundsGridAndLog(@ForAll("floatParameter") Parameter p, @ForAll long seed) {
    FloatDistribution f = (FloatDistribution) p.distribution();
    for (double v : draws(p, seed)) {
      assertThat(v).isBetween(f.low(), f.high());
      if (f.step() != null) {
        double k = (v - f.low()) / f.step();
        assertThat(Math.abs(k - Math.rint(k))).as("%s on the grid of %s", v, f.describe()).isLessThan(1e-8);
      }
      if (f.log()) {
        assertThat(v).isPositive();
      }
    }
  }

  @Property(tries = 500)
  void continuousLogPriorsNeverDrawANonPositiveValue(@ForAll("floatParameter") Parameter p, @ForAll long seed) {
    FloatDistribution f = (FloatDistribution) p.distribution();
    boolean logPrior = p.prior() instanceof Prior.LogNormal || p.prior() instanceof Prior.LogUniform;
    if (f.step() == null && logPrior) {
      assertThat(boxed(draws(p, seed))).allSatisfy(v -> assertThat(v).isPositive());
    }
  }

  @Property(tries = 1000)
  void intDrawsAreIntegersOnTheStepGrid(@ForAll("intParameter") Parameter p, @ForAll long seed) {
    IntDistribution d = (IntDistribution) p.distribution();
    for (double v : draws(p, seed)) {
      assertThat(v).isEqualTo(Math.rint(v));
      assertThat((long) v).isBetween(d.low(), d.high());
      assertThat(((long) v - d.low()) % d.step()).isZero();
      if (d.log()) {
        assertThat(v).isGreaterThanOrEqualTo(1);
      }
    }
  }

  @Property(tries = 500)
  void categoricalDrawsAreIndicesAndSkipZeroWeights(@ForAll("categoricalParameter") Parameter p, @ForAll long seed) {
    CategoricalDistribution c = (CategoricalDistribution) p.distribution();
    for (double v : draws(p, seed)) {
      assertThat(v).isEqualTo(Math.rint(v)).isBetween(0.0, c.choices().size() - 1.0);
      if (p.prior() instanceof Prior.Weighted w) {
        assertThat(w.weights().get((int) v)).as("weight of the drawn choice").isPositive();
      }
    }
  }

  @Property(tries = 300)
  void theSameSeedGivesTheSameDraws(@ForAll("anyParameter") Parameter p, @ForAll long seed) {
    assertThat(draws(p, seed)).containsExactly(draws(p, seed));
  }

  @Property(tries = 300)
  void externalValuesRoundTripThroughTheInternalRepresentation(
      @ForAll("anyParameter") Parameter p, @ForAll long seed) {
    Distribution d = p.distribution();
    for (double v : draws(p, seed)) {
      assertThat(d.toInternal(d.toExternal(v))).isEqualTo(v);
    }
  }

  @Property(tries = 1000)
  void aSteppedFloatRebuiltFromItsOwnFieldsIsUnchanged(@ForAll("floatDistribution") FloatDistribution f) {
    assertThat(new FloatDistribution(f.low(), f.high(), f.log(), f.step())).isEqualTo(f);
  }

  @Property(tries = 1000)
  void steppedHighIsTheLastGridPointNotAboveTheRequestedHigh(
      @ForAll @DoubleRange(min = -100, max = 100) double low,
      @ForAll @DoubleRange(min = 0, max = 100) double width,
      @ForAll @DoubleRange(min = 0.01, max = 10) double step) {
    FloatDistribution f = FloatDistribution.stepped(low, low + width, step);

    assertThat(f.high()).isLessThanOrEqualTo(low + width).isGreaterThan(low + width - step - 1e-9);
    assertThat(f.containsInternal(f.high())).isTrue();
    assertThat(f.snap(f.high())).isCloseTo(f.high(), within(1e-9));
  }

  @Property(tries = 200)
  void truncatedNormalStaysInsideItsBoundsEvenFarInTheTails(
      @ForAll @DoubleRange(min = -50, max = 50) double a,
      @ForAll @DoubleRange(min = 0, max = 10) double width,
      @ForAll @DoubleRange(min = 0.01, max = 5) double sigma,
      @ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < DRAWS; i++) {
      assertThat(PriorSampling.truncatedNormal(0, sigma, a, a + width, rng)).isBetween(a, a + width);
    }
  }

  private static double[] draws(Parameter p, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return DoubleStream.generate(() -> PriorSampling.sample(p, rng)).limit(DRAWS).toArray();
  }

  private static java.util.List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
