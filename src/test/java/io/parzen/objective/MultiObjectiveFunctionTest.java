package io.parzen.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.parzen.multi.Pareto;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultiObjectiveFunctionTest {

  @Test
  void paretoOptimalPointsScoreOnTheKnownFront() {
    for (String name : MultiObjectiveFunction.names()) {
      MultiObjectiveFunction f = MultiObjectiveFunction.byName(name);
      for (double p = 0; p <= 1.0001; p += 0.125) {
        double[] position = new double[f.objectives() - 1];
        java.util.Arrays.fill(position, Math.min(1, p));
        double[] values = f.values(f.paretoOptimalPoint(position));
        assertThat(values).as(name + " at " + p).containsExactly(f.frontValues(position), within(1e-12));
      }
    }
  }

  @Test
  void knownValues() {
    double[] zdt1 = MultiObjectiveFunction.zdt1(3).values(new double[] {0.25, 0.5, 0.5});
    assertThat(zdt1[0]).isEqualTo(0.25);
    assertThat(zdt1[1]).isCloseTo(5.5 * (1 - Math.sqrt(0.25 / 5.5)), within(1e-12));
    double[] zdt2 = MultiObjectiveFunction.zdt2(3).values(new double[] {0.5, 1, 0});
    assertThat(zdt2[1]).isCloseTo(5.5 * (1 - Math.pow(0.5 / 5.5, 2)), within(1e-12));
    assertThat(MultiObjectiveFunction.binhKorn().values(new double[] {1, 2})).containsExactly(20, 25);
    double[] dtlz2 = MultiObjectiveFunction.dtlz2(3, 12).values(new double[] {0, 0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5,
        0.5, 0.5, 1});
    assertThat(dtlz2).containsExactly(new double[] {1.25, 0, 0}, within(1e-12));
  }

  @Test
  void dtlz2FrontLiesOnTheUnitSphere() {
    MultiObjectiveFunction f = MultiObjectiveFunction.byName("dtlz2");
    double[] v = f.frontValues(0.3, 0.7);
    assertThat(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).isCloseTo(1, within(1e-12));
  }

  @Test
  void noRandomPointDominatesTheFront() {
    SplittableRandom rng = new SplittableRandom(1);
    for (String name : MultiObjectiveFunction.names()) {
      MultiObjectiveFunction f = MultiObjectiveFunction.byName(name);
      List<double[]> front = new ArrayList<>();
      for (int i = 0; i <= 40; i++) {
        double[] position = new double[f.objectives() - 1];
        for (int j = 0; j < position.length; j++) {
          position[j] = f.objectives() == 2 ? i / 40.0 : rng.nextDouble();
        }
        front.add(f.values(f.paretoOptimalPoint(position)));
      }
      for (int k = 0; k < 2000; k++) {
        double[] x = new double[f.space().size()];
        int i = 0;
        for (io.parzen.space.Parameter p : f.space().parameters()) {
          io.parzen.space.FloatDistribution d = (io.parzen.space.FloatDistribution) p.distribution();
          x[i++] = d.low() + rng.nextDouble() * (d.high() - d.low());
        }
        double[] v = f.values(x);
        for (double[] optimal : front) {
          assertThat(Pareto.dominates(v, optimal)).as(name + " " + java.util.Arrays.toString(x)).isFalse();
        }
      }
    }
  }

  @Test
  void objectivesKnowsTheMultiObjectiveBuiltinsWithTheirDirections() {
    Objectives.Builtin zdt1 = Objectives.create("ZDT1");
    assertThat(zdt1.objectives()).isEqualTo(2);
    assertThat(zdt1.maximized()).containsExactly(false, false);
    assertThat(zdt1.space().size()).isEqualTo(30);
    assertThat(Objectives.create("zdt2-10d").space().size()).isEqualTo(10);
    assertThat(Objectives.create("dtlz2").maximized()).hasSize(3);
    assertThat(Objectives.multiObjectiveNames()).containsExactly("zdt1", "zdt2", "dtlz2", "binh-korn");
    assertThat(Objectives.names()).doesNotContain("zdt1");
    assertThatThrownBy(zdt1::maximize).hasMessage("objective zdt1 has 2 objectives; use maximized()");
    assertThatThrownBy(() -> Objectives.create("zdt3")).hasMessageContaining("unknown multi-objective problem \"zdt3\"");
    assertThatThrownBy(() -> Objectives.create("zdt1-1d")).hasMessage("zdt1 dimension (1) must be between 2 and 1000");
  }
}
