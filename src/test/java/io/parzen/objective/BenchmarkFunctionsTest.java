package io.parzen.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.parzen.space.FloatDistribution;
import io.parzen.space.Parameter;
import io.parzen.trial.FixedTrial;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BenchmarkFunctionsTest {

  static java.util.List<BenchmarkFunction> functions() {
    return BenchmarkFunctions.all();
  }

  @ParameterizedTest
  @MethodSource("functions")
  void valueAtEveryOptimumPointIsTheKnownOptimum(BenchmarkFunction f) {
    for (double[] x : f.optimumPoints()) {
      assertThat(f.value(x)).as(f.name()).isCloseTo(f.optimumValue(), within(1e-5));
    }
  }

  @ParameterizedTest
  @MethodSource("functions")
  void noRandomPointBeatsTheOptimum(BenchmarkFunction f) {
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 5_000; i++) {
      Map<String, Object> sample = f.space().sample(rng);
      double[] x = sample.values().stream().mapToDouble(v -> (Double) v).toArray();
      assertThat(f.value(x)).as(f.name() + " at " + sample).isGreaterThanOrEqualTo(f.optimumValue() - 1e-9);
    }
  }

  @ParameterizedTest
  @MethodSource("functions")
  void optimumPointsLieInTheDefaultSpace(BenchmarkFunction f) {
    for (double[] x : f.optimumPoints()) {
      int i = 0;
      for (Parameter p : f.space().parameters()) {
        assertThat(p.distribution().containsInternal(x[i++])).as(f.name() + " " + p.name()).isTrue();
      }
    }
  }

  @Test
  void knownValuesFromTheLiterature() {
    assertThat(BenchmarkFunctions.branin().optimumValue()).isCloseTo(0.397887, within(1e-6));
    assertThat(BenchmarkFunctions.hartmann6().optimumValue()).isCloseTo(-3.32237, within(1e-5));
    assertThat(BenchmarkFunctions.styblinskiTang(2).optimumValue()).isCloseTo(-78.33233, within(1e-4));
    assertThat(BenchmarkFunctions.rosenbrock(3).value(new double[] {0, 0, 0})).isEqualTo(2.0);
    assertThat(BenchmarkFunctions.ackley(2).value(new double[] {1, 1})).isCloseTo(3.6253849, within(1e-6));
  }

  @Test
  void quadraticReadsItsParameterFromTheTrial() throws Exception {
    BenchmarkFunction quadratic = BenchmarkFunctions.quadratic();
    assertThat(quadratic.space().parameter("x").orElseThrow().distribution())
        .isEqualTo(FloatDistribution.uniform(-10, 10));
    assertThat(quadratic.evaluate(new FixedTrial(Map.of("x", 5.0), quadratic.space(), 0))).isEqualTo(9.0);
  }

  @Test
  void nDimensionalFunctionsNameTheirParametersByIndex() throws Exception {
    BenchmarkFunction rosenbrock = BenchmarkFunctions.rosenbrock(3);
    assertThat(rosenbrock.space().names()).containsExactly("x0", "x1", "x2");
    Map<String, Object> ones = new LinkedHashMap<>();
    rosenbrock.space().names().forEach(n -> ones.put(n, 1.0));
    assertThat(rosenbrock.evaluate(new FixedTrial(ones, rosenbrock.space(), 0))).isEqualTo(0.0);
  }

  @Test
  void byNameFindsFunctionsAndDimensions() {
    assertThat(BenchmarkFunctions.byName("Branin").name()).isEqualTo("branin");
    assertThat(BenchmarkFunctions.byName("ackley-10d").dimension()).isEqualTo(10);
    assertThat(BenchmarkFunctions.byName("styblinski-tang-3d").optimumValue()).isCloseTo(-117.4985, within(1e-3));
    assertThatThrownBy(() -> BenchmarkFunctions.byName("sphere"))
        .hasMessage("unknown benchmark function \"sphere\" (known: quadratic, branin, hartmann6, "
            + "rosenbrock-Nd, ackley-Nd, styblinski-tang-Nd)");
  }
}
