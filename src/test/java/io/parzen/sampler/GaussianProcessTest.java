package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

  /** Points in [0,1]^3 with dimension 2 categorical (codes 0..2) and a smooth function of them. */
  private static double[] inputs(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = new double[n * 3];
    for (int i = 0; i < n; i++) {
      x[i * 3] = rng.nextDouble();
      x[i * 3 + 1] = rng.nextDouble();
      x[i * 3 + 2] = rng.nextInt(3);
    }
    return x;
  }

  private static double[] outputs(double[] x) {
    int n = x.length / 3;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = Math.sin(6 * x[i * 3]) + (x[i * 3 + 1] - 0.3) * (x[i * 3 + 1] - 0.3) + 0.5 * x[i * 3 + 2];
    }
    GpSampler.standardize(y);
    return y;
  }

  private static final boolean[] CATEGORICAL = {false, false, true};

  @Test
  void likelihoodGradientMatchesFiniteDifferences() {
    double[] x = inputs(25, 1);
    GaussianProcess.Likelihood likelihood = new GaussianProcess.Likelihood(x, outputs(x), CATEGORICAL);
    for (double[] raw : new double[][] {{0, 0, 0, 0, 0}, {1.2, -0.7, 0.3, -0.4, -3}, {-2, 2.5, -1, 0.8, -9}}) {
      double[] grad = new double[raw.length];
      double loss = likelihood.lossAndGradient(raw, grad);
      assertThat(loss).isFinite();
      for (int k = 0; k < raw.length; k++) {
        double h = 1e-5;
        double[] plus = raw.clone();
        double[] minus = raw.clone();
        plus[k] += h;
        minus[k] -= h;
        double fd = (likelihood.lossAndGradient(plus, new double[raw.length])
            - likelihood.lossAndGradient(minus, new double[raw.length])) / (2 * h);
        assertThat(grad[k]).as("d loss / d raw[%d] at %s", k, java.util.Arrays.toString(raw))
            .isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
      }
    }
  }

  @Test
  void kernelDerivativeMatchesFiniteDifferences() {
    for (double r2 : new double[] {1e-4, 0.01, 0.3, 1, 4, 20}) {
      double h = 1e-4 * r2;
      double fd = (GaussianProcess.matern52(r2 + h) - GaussianProcess.matern52(r2 - h)) / (2 * h);
      assertThat(GaussianProcess.matern52Derivative(r2)).as("r2 = %s", r2).isCloseTo(fd, within(1e-6));
    }
    assertThat(GaussianProcess.matern52(0)).isEqualTo(1.0);
    assertThat(GaussianProcess.matern52Derivative(0)).isEqualTo(-5.0 / 6);
  }

  @Test
  void posteriorGradientsMatchFiniteDifferences() {
    double[] x = inputs(30, 2);
    GaussianProcess gp = GaussianProcess.fit(x, outputs(x), CATEGORICAL, null);
    int[] dims = {0, 1};
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 10; trial++) {
      double[] p = {rng.nextDouble(), rng.nextDouble(), rng.nextInt(3)};
      double[] out = new double[2];
      double[] gm = new double[2];
      double[] gv = new double[2];
      gp.posterior(p, out, dims, gm, gv);
      for (int j = 0; j < 2; j++) {
        double h = 1e-6;
        double[] plus = p.clone();
        double[] minus = p.clone();
        plus[j] += h;
        minus[j] -= h;
        double[] op = new double[2];
        double[] om = new double[2];
        gp.posterior(plus, op, null, null, null);
        gp.posterior(minus, om, null, null, null);
        assertThat(gm[j]).isCloseTo((op[0] - om[0]) / (2 * h), within(1e-5 * Math.max(1, Math.abs(gm[j]))));
        assertThat(gv[j]).isCloseTo((op[1] - om[1]) / (2 * h), within(1e-5 * Math.max(1, Math.abs(gv[j]))));
      }
    }
  }

  @Test
  void logEiGradientMatchesFiniteDifferences() {
    double[] x = inputs(30, 4);
    double[] y = outputs(x);
    GaussianProcess gp = GaussianProcess.fit(x, y, CATEGORICAL, null);
    java.util.Map<String, io.parzen.space.Distribution> space = new java.util.TreeMap<>();
    space.put("a", io.parzen.space.FloatDistribution.uniform(0, 1));
    space.put("b", io.parzen.space.FloatDistribution.uniform(0, 1));
    space.put("c", io.parzen.space.CategoricalDistribution.of("p", "q", "r"));
    double best = java.util.Arrays.stream(y).max().orElseThrow();
    LogEiSearch search = new LogEiSearch(gp, new GpSearchSpace(space), best);
    SplittableRandom rng = new SplittableRandom(5);
    for (int trial = 0; trial < 10; trial++) {
      double[] p = {rng.nextDouble(), rng.nextDouble(), rng.nextInt(3)};
      double[] grad = new double[2];
      double v = search.valueAndGradient(p, grad);
      assertThat(v).isCloseTo(search.value(p), within(1e-12));
      for (int j = 0; j < 2; j++) {
        double h = 1e-6;
        double[] plus = p.clone();
        double[] minus = p.clone();
        plus[j] += h;
        minus[j] -= h;
        double fd = (search.value(plus) - search.value(minus)) / (2 * h);
        assertThat(grad[j]).isCloseTo(fd, within(1e-4 * Math.max(1, Math.abs(fd))));
      }
    }
  }

  @Test
  void fitRecoversARelevantAndAnIrrelevantDimension() {
    // y depends on x0 only: the fitted lengthscale of x1 is much longer than that of x0.
    SplittableRandom rng = new SplittableRandom(6);
    int n = 40;
    double[] x = new double[n * 2];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i * 2] = rng.nextDouble();
      x[i * 2 + 1] = rng.nextDouble();
      y[i] = Math.sin(8 * x[i * 2]);
    }
    GpSampler.standardize(y);
    GaussianProcess gp = GaussianProcess.fit(x, y, new boolean[2], null);
    double[] lengthscales = gp.hyperparameters().lengthscales();
    assertThat(lengthscales[1]).isGreaterThan(5 * lengthscales[0]);
    // A noise-free function is fitted with little noise, so the posterior interpolates.
    assertThat(gp.hyperparameters().noiseVariance()).isLessThan(0.01);
    double[] out = new double[2];
    gp.posterior(new double[] {x[0], x[1]}, out, null, null, null);
    assertThat(out[0]).isCloseTo(y[0], within(0.05));
    assertThat(out[1]).isLessThan(0.01);
    // Far from the data the variance returns towards the kernel scale.
    double[] far = new double[2];
    gp.posterior(new double[] {0.5, 25}, far, null, null, null);
    assertThat(far[1]).isGreaterThan(out[1]);
  }

  @Test
  void warmStartedFitReachesTheSameOptimum() {
    double[] x = inputs(30, 7);
    double[] y = outputs(x);
    GaussianProcess cold = GaussianProcess.fit(x, y, CATEGORICAL, null);
    GaussianProcess warm = GaussianProcess.fit(x, y, CATEGORICAL, cold.hyperparameters());
    GaussianProcess.Likelihood likelihood = new GaussianProcess.Likelihood(x, y, CATEGORICAL);
    double coldLoss = likelihood.lossAndGradient(cold.hyperparameters().raw(), new double[5]);
    double warmLoss = likelihood.lossAndGradient(warm.hyperparameters().raw(), new double[5]);
    assertThat(warmLoss).isCloseTo(coldLoss, within(0.05));
    double defaultsLoss = likelihood.lossAndGradient(GaussianProcess.Hyperparameters.defaults(3).raw(), new double[5]);
    assertThat(coldLoss).isLessThan(defaultsLoss);
  }

  @Test
  void denseLinearAlgebraMatchesCommonsMath() {
    SplittableRandom rng = new SplittableRandom(8);
    int n = 12;
    double[][] b = new double[n][n];
    for (double[] row : b) {
      for (int j = 0; j < n; j++) {
        row[j] = rng.nextDouble(-1, 1);
      }
    }
    RealMatrix bm = new Array2DRowRealMatrix(b);
    RealMatrix a = bm.multiply(bm.transpose()).add(new Array2DRowRealMatrix(n, n).scalarAdd(0));
    for (int i = 0; i < n; i++) {
      a.addToEntry(i, i, 0.5);
    }
    double[] flat = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        flat[i * n + j] = a.getEntry(i, j);
      }
    }
    assertThat(GaussianProcess.cholesky(flat, n)).isTrue();
    RealMatrix inverse = new CholeskyDecomposition(a).getSolver().getInverse();
    double[] out = new double[n * n];
    GaussianProcess.inverseFromCholesky(flat, n, out);
    double[] rhs = new double[n];
    for (int i = 0; i < n; i++) {
      rhs[i] = rng.nextDouble();
    }
    double[] solved = rhs.clone();
    GaussianProcess.solveLower(flat, n, solved);
    GaussianProcess.solveUpper(flat, n, solved);
    double[] expected = inverse.operate(rhs);
    for (int i = 0; i < n; i++) {
      assertThat(solved[i]).isCloseTo(expected[i], within(1e-9));
      for (int j = 0; j < n; j++) {
        assertThat(out[i * n + j]).isCloseTo(inverse.getEntry(i, j), within(1e-9));
      }
    }
    double[] singular = {1, 1, 1, 1};
    assertThat(GaussianProcess.cholesky(singular, 2)).isFalse();
  }
}
