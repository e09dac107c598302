package io.parzen.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/** The quantized {@code hp.*} kinds for arbitrary arguments: grids of multiples of q. */
class HpPropertiesTest {

  @Property(tries = 1000)
  void quniformGridHoldsEveryMultipleOfQInsideTheRange(
      @ForAll @DoubleRange(min = -100, max = 100) @Scale(2) double low,
      @ForAll @DoubleRange(min = 0, max = 100) @Scale(2) double width,
      @ForAll @DoubleRange(min = 0.01, max = 5) @Scale(2) double q) {
    long first = (long) Math.ceil(low / q - 1e-9);
    long last = (long) Math.floor((low + width) / q + 1e-9);
    if (last >= first) {
      FloatDistribution f = (FloatDistribution) Hp.quniform("x", low, low + width, q).distribution();

      assertThat(f.gridSize()).isEqualTo(last - first + 1);
      assertThat(f.low()).isCloseTo(first * q, within(1e-9));
      assertThat(f.high()).isCloseTo(last * q, within(1e-9));
    }
  }

  @Property(tries = 300)
  void quantizedKindsDrawOnlyMultiplesOfQ(
      @ForAll @DoubleRange(min = -50, max = 50) @Scale(3) double mu,
      @ForAll @DoubleRange(min = 0.01, max = 10) @Scale(3) double sigma,
      @ForAll @DoubleRange(min = 0.05, max = 5) @Scale(2) double q,
      @ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Parameter[] parameters = {
        Hp.quniform("a", mu - sigma - q, mu + 10 * sigma, q),
        Hp.qnormal("b", mu, sigma, q),
        Hp.qlognormal("c", mu / 10, sigma / 5, q),
        Hp.qloguniform("d", Math.abs(mu) + q, Math.abs(mu) + q + 10 * sigma, q)};
    for (Parameter p : parameters) {
      for (int i = 0; i < 20; i++) {
        double v = PriorSampling.sample(p, rng);

        assertThat(v / q).as("%s draws %s", p, v).isCloseTo(Math.rint(v / q), within(1e-6));
        assertThat(p.distribution().containsInternal(v)).isTrue();
      }
    }
  }

  @Property(tries = 300)
  void lognormalBoundsAreExpOfMuPlusMinusEightSigma(
      @ForAll @DoubleRange(min = -20, max = 20) double mu,
      @ForAll @DoubleRange(min = 0.01, max = 5) double sigma) {
    FloatDistribution f = (FloatDistribution) Hp.lognormal("x", mu, sigma).distribution();

    assertThat(f.low()).isEqualTo(Math.exp(mu - 8 * sigma));
    assertThat(f.high()).isEqualTo(Math.exp(mu + 8 * sigma));
  }
}
