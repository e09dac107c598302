package io.parzen.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The regression trees and their functional ANOVA, checked against direct computations. */
class ForestTest {

  /** Column-major random features in [0, 1) (the last {@code oneHot} columns one-hot) and a target. */
  private static double[][] features(int n, int numeric, int oneHot, SplittableRandom rng) {
    double[][] x = new double[numeric + oneHot][n];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < numeric; f++) {
        x[f][i] = rng.nextDouble();
      }
      if (oneHot > 0) {
        x[numeric + rng.nextInt(oneHot)][i] = 1;
      }
    }
    return x;
  }

  private static double[] target(double[][] x, SplittableRandom rng) {
    double[] y = new double[x[0].length];
    for (int i = 0; i < y.length; i++) {
      y[i] = 3 * x[0][i] * x[0][i] + x[1][i] + 2 * x[x.length - 1][i] + 0.1 * rng.nextDouble();
    }
    return y;
  }

  private static int[][] sortedOrder(double[][] x) {
    int[][] order = new int[x.length][];
    for (int f = 0; f < x.length; f++) {
      double[] column = x[f];
      order[f] = java.util.stream.IntStream.range(0, column.length).boxed()
          .sorted(java.util.Comparator.comparingDouble(i -> column[i])).mapToInt(Integer::intValue).toArray();
    }
    return order;
  }

  @Test
  void aFullyGrownTreeOnDistinctPointsReproducesEveryTrainingValue() {
    SplittableRandom rng = new SplittableRandom(1);
    double[][] x = features(300, 3, 0, rng);
    double[] y = target(x, rng);
    int[] weights = new int[y.length];
    Arrays.fill(weights, 1);
    RegressionTree tree = RegressionTree.grow(x, sortedOrder(x), y, weights, 64, 2, 1, new SplittableRandom(2));
    for (int i = 0; i < y.length; i++) {
      double[] point = {x[0][i], x[1][i], x[2][i]};
      assertThat(tree.predict(point)).isEqualTo(y[i]);
    }
    assertThat(tree.nodeCount).isEqualTo(2 * y.length - 1);
  }

  @Test
  void depthAndLeafSizeLimitsAreHonoured() {
    SplittableRandom rng = new SplittableRandom(3);
    double[][] x = features(200, 2, 0, rng);
    double[] y = target(x, rng);
    int[] weights = new int[y.length];
    Arrays.fill(weights, 1);
    RegressionTree stump = RegressionTree.grow(x, sortedOrder(x), y, weights, 1, 2, 1, new SplittableRandom(4));
    assertThat(stump.nodeCount).isEqualTo(3);
    // The root splits on x0, whose effect 3 x0^2 dominates, and the leaves hold the two means.
    assertThat(stump.feature[0]).isZero();
    RegressionTree bushy = RegressionTree.grow(x, sortedOrder(x), y, weights, 64, 2, 20, new SplittableRandom(4));
    int leaves = 0;
    for (int node = 0; node < bushy.nodeCount; node++) {
      leaves += bushy.feature[node] < 0 ? 1 : 0;
    }
    assertThat(leaves).isLessThanOrEqualTo(200 / 20);
  }

  @Test
  void aConstantTargetGivesASingleLeaf() {
    SplittableRandom rng = new SplittableRandom(5);
    double[][] x = features(50, 2, 0, rng);
    double[] y = new double[50];
    Arrays.fill(y, 4.25);
    int[] weights = new int[50];
    Arrays.fill(weights, 1);
    RegressionTree tree = RegressionTree.grow(x, sortedOrder(x), y, weights, 64, 2, 1, new SplittableRandom(6));
    assertThat(tree.nodeCount).isOne();
    assertThat(tree.value[0]).isEqualTo(4.25);
    assertThat(new FunctionalAnova(tree, new double[] {0, 0}, new double[] {1, 1}).variance()).isZero();
  }

  @Test
  void theForestIsReproducibleAndTheSameWhenGrownInParallel() {
    SplittableRandom rng = new SplittableRandom(7);
    double[][] x = features(150, 3, 0, rng);
    double[] y = target(x, rng);
    List<RegressionTree> a = RandomForest.grow(x, y, 16, 64, 2, 1, 42, false);
    List<RegressionTree> b = RandomForest.grow(x, y, 16, 64, 2, 1, 42, true);
    List<RegressionTree> c = RandomForest.grow(x, y, 16, 64, 2, 1, 43, false);
    for (int k = 0; k < a.size(); k++) {
      assertThat(b.get(k).threshold).containsExactly(a.get(k).threshold);
      assertThat(b.get(k).value).containsExactly(a.get(k).value);
    }
    assertThat(c.get(0).threshold).isNotEqualTo(a.get(0).threshold);
  }

  /**
   * The marginal variance from the leaf sweep equals the one from brute force: the prediction at
   * the midpoint of every cell of the grid all thresholds draw, averaged over the other features
   * (Optuna's definition), and equals the pairwise route for the one-hot group.
   */
  @Test
  void marginalVariancesMatchABruteForceEvaluationOnTheThresholdGrid() {
    SplittableRandom rng = new SplittableRandom(11);
    double[][] x = features(40, 2, 3, rng);
    double[] y = target(x, rng);
    double[] low = {0, 0, 0, 0, 0};
    double[] high = {1, 1, 1, 1, 1};
    for (RegressionTree tree : RandomForest.grow(x, y, 6, 64, 2, 1, 99, false)) {
      FunctionalAnova anova = new FunctionalAnova(tree, low, high);
      BruteForce brute = new BruteForce(tree, low, high);
      assertThat(anova.variance()).isCloseTo(brute.marginalVariance(new int[] {0, 1, 2, 3, 4}), within(1e-12));
      for (int[] group : new int[][] {{0}, {1}, {2, 3, 4}, {0, 1}}) {
        double expected = brute.marginalVariance(group);
        assertThat(anova.marginalVarianceOnGrid(group, brute.cells(group)))
            .as("group %s", Arrays.toString(group)).isCloseTo(expected, within(1e-12));
        assertThat(anova.marginalVariancePairwise(group))
            .as("pairwise, group %s", Arrays.toString(group)).isCloseTo(expected, within(1e-12));
      }
    }
  }

  /** Evaluates the tree at the midpoint of every cell of the grid of all its thresholds. */
  private static final class BruteForce {
    private final RegressionTree tree;
    private final double[][] breaks;

    BruteForce(RegressionTree tree, double[] low, double[] high) {
      this.tree = tree;
      breaks = new double[low.length][];
      for (int f = 0; f < low.length; f++) {
        double[] inside = new double[tree.nodeCount];
        int k = 0;
        for (int node = 0; node < tree.nodeCount; node++) {
          if (tree.feature[node] == f) {
            inside[k++] = tree.threshold[node];
          }
        }
        double[] b = new double[k + 2];
        b[0] = low[f];
        System.arraycopy(inside, 0, b, 1, k);
        b[k + 1] = high[f];
        Arrays.sort(b);
        breaks[f] = Arrays.stream(b).distinct().toArray();
      }
    }

    int cells(int[] group) {
      int cells = 1;
      for (int f : group) {
        cells *= breaks[f].length - 1;
      }
      return cells;
    }

    double marginalVariance(int[] group) {
      int d = breaks.length;
      int groupCells = cells(group);
      double[] marginal = new double[groupCells];
      double[] groupWeight = new double[groupCells];
      int[] index = new int[d];
      double[] point = new double[d];
      boolean done = false;
      while (!done) {
        double w = 1;
        for (int f = 0; f < d; f++) {
          point[f] = (breaks[f][index[f]] + breaks[f][index[f] + 1]) / 2;
          w *= (breaks[f][index[f] + 1] - breaks[f][index[f]]) / (breaks[f][breaks[f].length - 1] - breaks[f][0]);
        }
        int cell = 0;
        double gw = 1;
        for (int f : group) {
          cell = cell * (breaks[f].length - 1) + index[f];
          gw *= (breaks[f][index[f] + 1] - breaks[f][index[f]]) / (breaks[f][breaks[f].length - 1] - breaks[f][0]);
        }
        marginal[cell] += w / gw * tree.predict(point);
        groupWeight[cell] = gw;
        done = true;
        for (int f = d - 1; f >= 0; f--) {
          if (++index[f] < breaks[f].length - 1) {
            done = false;
            break;
          }
          index[f] = 0;
        }
      }
      double mean = 0;
      for (int c = 0; c < groupCells; c++) {
        mean += groupWeight[c] * marginal[c];
      }
      double var = 0;
      for (int c = 0; c < groupCells; c++) {
        var += groupWeight[c] * (marginal[c] - mean) * (marginal[c] - mean);
      }
      return var;
    }
  }
}
