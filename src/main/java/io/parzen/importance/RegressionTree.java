package io.parzen.importance;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fully grown least-squares regression tree, grown the way scikit-learn's
 * {@code DecisionTreeRegressor} grows the trees of a {@code RandomForestRegressor}: every feature is
 * tried at every node (scikit-learn's default {@code max_features=1.0} for regression), in a random
 * order that only breaks ties; the split is the one that most reduces the weighted squared error,
 * at the midpoint between two neighbouring distinct values; a node becomes a leaf when it is pure,
 * holds fewer than {@code minSamplesSplit} distinct samples, reaches {@code maxDepth}, or no feature
 * varies in it. Sample weights are the bootstrap counts.
 *
 * <p>Nodes are kept in primitive arrays; node 0 is the root, {@code feature[node] < 0} marks a
 * leaf. Immutable once grown.
 */
final class RegressionTree {

  final int[] feature;
  final double[] threshold;
  final int[] left;
  final int[] right;
  /** Weighted mean of the samples in the node; the prediction of a leaf. */
  final double[] value;
  final int nodeCount;

  private RegressionTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, int nodeCount) {
    this.feature = feature;
    this.threshold = threshold;
    this.left = left;
    this.right = right;
    this.value = value;
    this.nodeCount = nodeCount;
  }

  /** The prediction for the point {@code x} (one value per feature). */
  double predict(double[] x) {
    int node = 0;
    while (feature[node] >= 0) {
      node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
    }
    return value[node];
  }

  /**
   * Grows a tree on the samples with a positive {@code weights} entry.
   *
   * @param x column-major features: {@code x[f][i]} is feature {@code f} of sample {@code i}
   * @param order for each feature, every sample index sorted by that feature (shared, not changed)
   * @param weights how many times each sample counts (0 = left out)
   */
  static RegressionTree grow(double[][] x, int[][] order, double[] y, int[] weights, int maxDepth,
      int minSamplesSplit, int minSamplesLeaf, SplittableRandom rng) {
    return new Builder(x, order, y, weights, maxDepth, minSamplesSplit, minSamplesLeaf, rng).build();
  }

  private static final class Builder {
    private final int maxDepth;
    private final int minSamplesSplit;
    private final int minSamplesLeaf;
    private final SplittableRandom rng;
    private final int features;
    /**
     * Per feature, the in-bag samples sorted by it within each node, with their feature value,
     * target and weight alongside so that scans read memory in order; each node owns the same
     * range in every row.
     */
    private final int[][] samples;
    private final double[][] sortedX;
    private final double[][] sortedY;
    private final double[][] sortedW;
    private final int[] buffer;
    private final double[] bufferX;
    private final double[] bufferY;
    private final double[] bufferW;
    private final boolean[] goesLeft;
    private final int[] featureOrder;

    private int[] feature = new int[64];
    private double[] threshold = new double[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private double[] value = new double[64];
    private int nodeCount;

    Builder(double[][] x, int[][] order, double[] y, int[] weights, int maxDepth, int minSamplesSplit,
        int minSamplesLeaf, SplittableRandom rng) {
      this.maxDepth = maxDepth;
      this.minSamplesSplit = minSamplesSplit;
      this.minSamplesLeaf = minSamplesLeaf;
      this.rng = rng;
      this.features = x.length;
      int inBag = 0;
      for (int w : weights) {
        if (w > 0) {
          inBag++;
        }
      }
      samples = new int[features][inBag];
      sortedX = new double[features][inBag];
      sortedY = new double[features][inBag];
      sortedW = new double[features][inBag];
      for (int f = 0; f < features; f++) {
        int k = 0;
        for (int i : order[f]) {
          if (weights[i] > 0) {
            samples[f][k] = i;
            sortedX[f][k] = x[f][i];
            sortedY[f][k] = y[i];
            sortedW[f][k] = weights[i];
            k++;
          }
        }
      }
      buffer = new int[inBag];
      bufferX = new double[inBag];
      bufferY = new double[inBag];
      bufferW = new double[inBag];
      goesLeft = new boolean[y.length];
      featureOrder = new int[features];
    }

    RegressionTree build() {
      int n = buffer.length;
      // Explicit stack of (node, start, end, depth); children are filled in when they are made.
      int[] stack = new int[4 * 16];
      int top = 0;
      int root = newNode();
      stack[top++] = root;
      stack[top++] = 0;
      stack[top++] = n;
      stack[top++] = 0;
      while (top > 0) {
        int depth = stack[--top];
        int end = stack[--top];
        int start = stack[--top];
        int node = stack[--top];
        int split = split(node, start, end, depth);
        if (split < 0) {
          continue;
        }
        int l = newNode();
        int r = newNode();
        left[node] = l;
        right[node] = r;
        if (top + 8 > stack.length) {
          stack = Arrays.copyOf(stack, stack.length * 2);
        }
        stack[top++] = r;
        stack[top++] = split;
        stack[top++] = end;
        stack[top++] = depth + 1;
        stack[top++] = l;
        stack[top++] = start;
        stack[top++] = split;
        stack[top++] = depth + 1;
      }
      return new RegressionTree(Arrays.copyOf(feature, nodeCount), Arrays.copyOf(threshold, nodeCount),
          Arrays.copyOf(left, nodeCount), Arrays.copyOf(right, nodeCount), Arrays.copyOf(value, nodeCount), nodeCount);
    }

    private int newNode() {
      if (nodeCount == feature.length) {
        int size = nodeCount * 2;
        feature = Arrays.copyOf(feature, size);
        threshold = Arrays.copyOf(threshold, size);
        left = Arrays.copyOf(left, size);
        right = Arrays.copyOf(right, size);
        value = Arrays.copyOf(value, size);
      }
      feature[nodeCount] = -1;
      left[nodeCount] = -1;
      right[nodeCount] = -1;
      return nodeCount++;
    }

    /**
     * Sets the node's value and, unless it stays a leaf, its split; partitions the samples and
     * returns where the right child's range starts, or -1 for a leaf.
     */
    private int split(int node, int start, int end, int depth) {
      double[] ys = sortedY[0];
      double[] ws = sortedW[0];
      double weightSum = 0;
      double ySum = 0;
      double yMin = Double.POSITIVE_INFINITY;
      double yMax = Double.NEGATIVE_INFINITY;
      for (int p = start; p < end; p++) {
        weightSum += ws[p];
        ySum += ws[p] * ys[p];
        yMin = Math.min(yMin, ys[p]);
        yMax = Math.max(yMax, ys[p]);
      }
      double mean = ySum / weightSum;
      value[node] = mean;
      int count = end - start;
      if (depth >= maxDepth || count < minSamplesSplit || count < 2 * minSamplesLeaf || yMin == yMax) {
        return -1;
      }
      // Residuals about the node mean keep the split criterion exact for large offsets.
      double residualSum = 0;
      for (int p = start; p < end; p++) {
        residualSum += ws[p] * (ys[p] - mean);
      }
      for (int f = 0; f < features; f++) {
        featureOrder[f] = f;
      }
      for (int f = features - 1; f > 0; f--) {
        int j = rng.nextInt(f + 1);
        int t = featureOrder[f];
        featureOrder[f] = featureOrder[j];
        featureOrder[j] = t;
      }
      double best = Double.NEGATIVE_INFINITY;
      int bestFeature = -1;
      int bestPos = -1;
      for (int f : featureOrder) {
        double[] xf = sortedX[f];
        double[] yf = sortedY[f];
        double[] wf = sortedW[f];
        if (!(xf[end - 1] > xf[start])) {
          continue;  // Constant in this node.
        }
        double wLeft = 0;
        double sLeft = 0;
        for (int p = start + 1; p < end; p++) {
          wLeft += wf[p - 1];
          sLeft += wf[p - 1] * (yf[p - 1] - mean);
          if (!(xf[p] > xf[p - 1]) || p - start < minSamplesLeaf || end - p < minSamplesLeaf) {
            continue;
          }
          double wRight = weightSum - wLeft;
          double sRight = residualSum - sLeft;
          double proxy = sLeft * sLeft / wLeft + sRight * sRight / wRight;
          if (proxy > best) {
            best = proxy;
            bestFeature = f;
            bestPos = p;
          }
        }
      }
      if (bestFeature < 0) {
        return -1;
      }
      double lo = sortedX[bestFeature][bestPos - 1];
      double hi = sortedX[bestFeature][bestPos];
      double t = lo / 2.0 + hi / 2.0;
      if (t == hi || Double.isInfinite(t)) {
        t = lo;
      }
      feature[node] = bestFeature;
      threshold[node] = t;
      int[] sorted = samples[bestFeature];
      for (int p = start; p < end; p++) {
        goesLeft[sorted[p]] = p < bestPos;
      }
      for (int f = 0; f < features; f++) {
        if (f != bestFeature) {
          partition(f, start, end);
        }
      }
      return bestPos;
    }

    /** Stable partition of feature {@code f}'s rows {@code [start, end)}: samples going left first. */
    private void partition(int f, int start, int end) {
      int[] rows = samples[f];
      double[] xs = sortedX[f];
      double[] ys = sortedY[f];
      double[] ws = sortedW[f];
      int l = start;
      int r = 0;
      for (int p = start; p < end; p++) {
        int i = rows[p];
        if (goesLeft[i]) {
          rows[l] = i;
          xs[l] = xs[p];
          ys[l] = ys[p];
          ws[l] = ws[p];
          l++;
        } else {
          buffer[r] = i;
          bufferX[r] = xs[p];
          bufferY[r] = ys[p];
          bufferW[r] = ws[p];
          r++;
        }
      }
      System.arraycopy(buffer, 0, rows, l, r);
      System.arraycopy(bufferX, 0, xs, l, r);
      System.arraycopy(bufferY, 0, ys, l, r);
      System.arraycopy(bufferW, 0, ws, l, r);
    }
  }
}
