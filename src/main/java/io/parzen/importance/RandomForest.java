package io.parzen.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A bagged forest of {@link RegressionTree}s, as scikit-learn's {@code RandomForestRegressor}
 * builds it: every tree sees a bootstrap sample (n draws with replacement) of the n samples.
 *
 * <p>Reproducible: the tree with index k is grown from the k-th generator split off one
 * {@link SplittableRandom} seeded with {@code seed}, whatever the order the trees are grown in.
 */
final class RandomForest {

  private RandomForest() {}

  /**
   * Grows {@code trees} trees.
   *
   * @param x column-major features, {@code x[f][i]}
   * @param parallel whether to grow the trees on the common fork-join pool
   */
  static List<RegressionTree> grow(double[][] x, double[] y, int trees, int maxDepth, int minSamplesSplit,
      int minSamplesLeaf, long seed, boolean parallel) {
    int n = y.length;
    int[][] order = new int[x.length][];
    for (int f = 0; f < x.length; f++) {
      double[] column = x[f];
      order[f] = IntStream.range(0, n).boxed()
          .sorted(Comparator.comparingDouble(i -> column[i]))
          .mapToInt(Integer::intValue).toArray();
    }
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] rngs = new SplittableRandom[trees];
    for (int k = 0; k < trees; k++) {
      rngs[k] = root.split();
    }
    IntStream indices = IntStream.range(0, trees);
    if (parallel) {
      indices = indices.parallel();
    }
    RegressionTree[] grown = new RegressionTree[trees];
    indices.forEach(k -> {
      SplittableRandom rng = rngs[k];
      int[] weights = new int[n];
      for (int draw = 0; draw < n; draw++) {
        weights[rng.nextInt(n)]++;
      }
      grown[k] = RegressionTree.grow(x, order, y, weights, maxDepth, minSamplesSplit, minSamplesLeaf, rng);
    });
    return new ArrayList<>(Arrays.asList(grown));
  }
}
