package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundedLbfgsTest {

  private static double rosenbrock(double[] x, double[] g) {
    double a = 1 - x[0];
    double b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  }

  @Test
  void findsTheMinimumOfRosenbrockUnbounded() {
    BoundedLbfgs.Result r = new BoundedLbfgs(null, null, 1e-8, 500).minimize(BoundedLbfgsTest::rosenbrock,
        new double[] {-1.2, 1});
    assertThat(r.converged()).isTrue();
    assertThat(r.x()[0]).isCloseTo(1, within(1e-4));
    assertThat(r.x()[1]).isCloseTo(1, within(1e-4));
    assertThat(r.iterations()).isLessThan(100);
  }

  @Test
  void stopsOnTheBoundWhenTheMinimumLiesOutside() {
    // Minimum of (x - 3)^2 + (y + 1)^2 over [0, 2] x [0, 2] is at (2, 0).
    BoundedLbfgs.Result r = new BoundedLbfgs(new double[] {0, 0}, new double[] {2, 2}, 1e-8, 100)
        .minimize((x, g) -> {
          g[0] = 2 * (x[0] - 3);
          g[1] = 2 * (x[1] + 1);
          return (x[0] - 3) * (x[0] - 3) + (x[1] + 1) * (x[1] + 1);
        }, new double[] {0.5, 1.5});
    assertThat(r.converged()).isTrue();
    assertThat(r.x()).containsExactly(2, 0);
    assertThat(r.value()).isCloseTo(2, within(1e-12));
  }

  @Test
  void backsOffFromUndefinedRegions() {
    // log(x) + 1/x has its minimum at x = 1 and is undefined for x <= 0; a long first step lands there.
    BoundedLbfgs.Result r = new BoundedLbfgs(null, null, 1e-9, 200).minimize((x, g) -> {
      if (x[0] <= 0) {
        return Double.NaN;
      }
      g[0] = 1 / x[0] - 1 / (x[0] * x[0]);
      return Math.log(x[0]) + 1 / x[0];
    }, new double[] {4});
    assertThat(r.x()[0]).isCloseTo(1, within(1e-4));
  }
}
