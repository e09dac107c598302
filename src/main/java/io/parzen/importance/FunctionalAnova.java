package io.parzen.importance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The functional ANOVA of one regression tree (Hutter, Hoos and Leyton-Brown, ICML 2014), as
 * Optuna's {@code _FanovaTree} computes it: the tree's prediction {@code f} is a piecewise constant
 * function on the box {@code [low_f, high_f]} of every feature, under the uniform measure on that
 * box. The total variance is {@code Var f}; the marginal variance of a group of features {@code F}
 * (one column, or the one-hot columns of a categorical parameter) is {@code Var a_F}, where
 * {@code a_F(x_F)} is {@code f} averaged over every other feature.
 *
 * <p>Optuna evaluates {@code a_F} by walking the tree once per cell of the grid the tree's
 * thresholds draw on {@code F}; here every leaf adds its share of {@code a_F} to the cells its box
 * covers, through a difference array (or, for groups of many columns whose grid would be huge,
 * through pairwise overlaps of the distinct leaf boxes), which gives the same numbers in time
 * linear in the leaves.
 */
final class FunctionalAnova {

  /** Grids beyond this many cells take the pairwise route. */
  private static final long MAX_GRID_CELLS = 1L << 22;

  private final int features;
  private final int leaves;
  private final double[] low;
  private final double[] width;
  /** Leaf values minus the tree's mean, so that variances are sums of small squares. */
  private final double[] centred;
  /** Per leaf and feature, {@code leafLow[leaf * features + f]}. */
  private final double[] leafLow;
  private final double[] leafHigh;
  /** Per leaf and feature, the fraction of the feature's range the leaf spans. */
  private final double[] fraction;
  /** Per feature, the sorted distinct thresholds strictly inside its range. */
  private final double[][] splits;
  private final double variance;

  /**
   * @param low lower bound of every feature's range
   * @param high upper bound of every feature's range; each must exceed its lower bound
   */
  FunctionalAnova(RegressionTree tree, double[] low, double[] high) {
    this.features = low.length;
    this.low = low.clone();
    this.width = new double[features];
    for (int f = 0; f < features; f++) {
      width[f] = high[f] - low[f];
      if (!(width[f] > 0)) {
        throw new IllegalArgumentException("feature " + f + " has an empty range [" + low[f] + ", " + high[f] + "]");
      }
    }
    int leafCount = 0;
    for (int node = 0; node < tree.nodeCount; node++) {
      if (tree.feature[node] < 0) {
        leafCount++;
      }
    }
    this.leaves = leafCount;
    leafLow = new double[leaves * features];
    leafHigh = new double[leaves * features];
    fraction = new double[leaves * features];
    double[] values = new double[leaves];
    double[][] splitValues = new double[features][];
    int[] splitCounts = new int[features];
    for (int f = 0; f < features; f++) {
      splitValues[f] = new double[8];
    }

    // Depth-first walk carrying each node's box.
    int[] stack = new int[Math.max(16, tree.nodeCount)];
    double[][] boxLow = new double[tree.nodeCount][];
    double[][] boxHigh = new double[tree.nodeCount][];
    boxLow[0] = low.clone();
    boxHigh[0] = high.clone();
    int top = 0;
    stack[top++] = 0;
    int leaf = 0;
    while (top > 0) {
      int node = stack[--top];
      double[] lo = boxLow[node];
      double[] hi = boxHigh[node];
      boxLow[node] = null;
      boxHigh[node] = null;
      int f = tree.feature[node];
      if (f < 0) {
        values[leaf] = tree.value[node];
        for (int g = 0; g < features; g++) {
          leafLow[leaf * features + g] = lo[g];
          leafHigh[leaf * features + g] = hi[g];
          fraction[leaf * features + g] = (hi[g] - lo[g]) / width[g];
        }
        leaf++;
        continue;
      }
      double t = Math.min(high[f], Math.max(low[f], tree.threshold[node]));
      if (t > low[f] && t < high[f]) {
        if (splitCounts[f] == splitValues[f].length) {
          splitValues[f] = Arrays.copyOf(splitValues[f], splitCounts[f] * 2);
        }
        splitValues[f][splitCounts[f]++] = t;
      }
      double[] leftHigh = hi.clone();
      leftHigh[f] = Math.min(hi[f], t);
      double[] rightLow = lo.clone();
      rightLow[f] = Math.max(lo[f], t);
      boxLow[tree.left[node]] = lo;
      boxHigh[tree.left[node]] = leftHigh;
      boxLow[tree.right[node]] = rightLow;
      boxHigh[tree.right[node]] = hi;
      stack[top++] = tree.right[node];
      stack[top++] = tree.left[node];
    }
    splits = new double[features][];
    for (int f = 0; f < features; f++) {
      splits[f] = Arrays.stream(splitValues[f], 0, splitCounts[f]).sorted().distinct().toArray();
    }

    double mean = 0;
    double[] volume = new double[leaves];
    for (int l = 0; l < leaves; l++) {
      double v = 1;
      for (int g = 0; g < features; g++) {
        v *= fraction[l * features + g];
      }
      volume[l] = v;
      mean += v * values[l];
    }
    centred = new double[leaves];
    double var = 0;
    for (int l = 0; l < leaves; l++) {
      centred[l] = values[l] - mean;
      var += volume[l] * centred[l] * centred[l];
    }
    variance = var;
  }

  /** The variance of the tree's prediction over the whole box. */
  double variance() {
    return variance;
  }

  /** The variance of the marginal of the features {@code group} (distinct column indices). */
  double marginalVariance(int[] group) {
    long cells = 1;
    for (int f : group) {
      cells = Math.multiplyExact(cells, splits[f].length + 1L);
      if (cells > MAX_GRID_CELLS) {
        return marginalVariancePairwise(group);
      }
    }
    if (group.length > 1 && cells * (group.length + 1) > (long) leaves * leaves * group.length) {
      return marginalVariancePairwise(group);
    }
    return marginalVarianceOnGrid(group, (int) cells);
  }

  /** The share of the marginal that a leaf carries: its value times its volume outside the group. */
  private double share(int leaf, int[] group) {
    double s = centred[leaf];
    outer:
    for (int g = 0; g < features; g++) {
      for (int f : group) {
        if (f == g) {
          continue outer;
        }
      }
      s *= fraction[leaf * features + g];
    }
    return s;
  }

  /** The breakpoints of feature {@code f}: its bounds with its thresholds in between. */
  private double[] breakpoints(int f) {
    double[] b = new double[splits[f].length + 2];
    b[0] = low[f];
    System.arraycopy(splits[f], 0, b, 1, splits[f].length);
    b[b.length - 1] = low[f] + width[f];
    return b;
  }

  /** Index of a leaf bound among the breakpoints (every bound is one of them). */
  private static int index(double[] breakpoints, double bound) {
    int i = Arrays.binarySearch(breakpoints, bound);
    if (i < 0) {
      throw new IllegalStateException("leaf bound " + bound + " is not a threshold of the tree");
    }
    return i;
  }

  double marginalVarianceOnGrid(int[] group, int cells) {
    int k = group.length;
    double[][] breakpoints = new double[k][];
    int[] sizes = new int[k];
    int[] strides = new int[k];
    int stride = 1;
    for (int c = k - 1; c >= 0; c--) {
      breakpoints[c] = breakpoints(group[c]);
      sizes[c] = breakpoints[c].length - 1;
      strides[c] = stride;
      stride *= sizes[c];
    }
    double[] grid = new double[cells];
    int[] from = new int[k];
    int[] to = new int[k];
    for (int l = 0; l < leaves; l++) {
      double share = share(l, group);
      if (share == 0) {
        continue;
      }
      for (int c = 0; c < k; c++) {
        int f = group[c];
        from[c] = index(breakpoints[c], leafLow[l * features + f]);
        to[c] = index(breakpoints[c], leafHigh[l * features + f]);
      }
      addCorners(grid, share, from, to, sizes, strides, 0, 0);
    }
    // Prefix sums along each axis turn the corner marks into the marginal on every cell.
    for (int c = 0; c < k; c++) {
      int s = strides[c];
      int span = s * sizes[c];
      for (int base = 0; base < cells; base += span) {
        for (int offset = 0; offset < s; offset++) {
          int start = base + offset;
          for (int i = 1; i < sizes[c]; i++) {
            grid[start + i * s] += grid[start + (i - 1) * s];
          }
        }
      }
    }
    double[][] cellFraction = new double[k][];
    for (int c = 0; c < k; c++) {
      cellFraction[c] = new double[sizes[c]];
      for (int i = 0; i < sizes[c]; i++) {
        cellFraction[c][i] = (breakpoints[c][i + 1] - breakpoints[c][i]) / width[group[c]];
      }
    }
    double mean = 0;
    double square = 0;
    for (int cell = 0; cell < cells; cell++) {
      double w = 1;
      for (int c = 0; c < k; c++) {
        w *= cellFraction[c][cell / strides[c] % sizes[c]];
      }
      mean += w * grid[cell];
      square += w * grid[cell] * grid[cell];
    }
    return Math.max(0, square - mean * mean);
  }

  /** Adds {@code +-share} at the corners of the box {@code [from, to)} of a k-d difference array. */
  private static void addCorners(double[] grid, double share, int[] from, int[] to, int[] sizes, int[] strides,
      int axis, int offset) {
    if (axis == from.length) {
      grid[offset] += share;
      return;
    }
    addCorners(grid, share, from, to, sizes, strides, axis + 1, offset + from[axis] * strides[axis]);
    if (to[axis] < sizes[axis]) {
      addCorners(grid, -share, from, to, sizes, strides, axis + 1, offset + to[axis] * strides[axis]);
    }
  }

  /**
   * The same variance from pairwise overlaps of the leaves' boxes within the group: with
   * {@code a = sum_L s_L 1[box_L]}, {@code E[a^2] = sum_{L,M} s_L s_M |box_L & box_M|}.
   */
  double marginalVariancePairwise(int[] group) {
    int k = group.length;
    Map<Box, double[]> distinct = new HashMap<>();
    for (int l = 0; l < leaves; l++) {
      double share = share(l, group);
      if (share == 0) {
        continue;
      }
      double[] lo = new double[k];
      double[] hi = new double[k];
      for (int c = 0; c < k; c++) {
        lo[c] = leafLow[l * features + group[c]];
        hi[c] = leafHigh[l * features + group[c]];
      }
      distinct.computeIfAbsent(new Box(lo, hi), b -> new double[1])[0] += share;
    }
    Box[] boxes = distinct.keySet().toArray(Box[]::new);
    double[] shares = new double[boxes.length];
    for (int i = 0; i < boxes.length; i++) {
      shares[i] = distinct.get(boxes[i])[0];
    }
    double mean = 0;
    double square = 0;
    for (int i = 0; i < boxes.length; i++) {
      mean += shares[i] * overlap(boxes[i], boxes[i], group);
      for (int j = i; j < boxes.length; j++) {
        double o = overlap(boxes[i], boxes[j], group);
        if (o > 0) {
          square += (i == j ? 1 : 2) * shares[i] * shares[j] * o;
        }
      }
    }
    return Math.max(0, square - mean * mean);
  }

  private double overlap(Box a, Box b, int[] group) {
    double o = 1;
    for (int c = 0; c < group.length; c++) {
      double side = Math.min(a.high[c], b.high[c]) - Math.max(a.low[c], b.low[c]);
      if (side <= 0) {
        return 0;
      }
      o *= side / width[group[c]];
    }
    return o;
  }

  private record Box(double[] low, double[] high) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }
  }
}
