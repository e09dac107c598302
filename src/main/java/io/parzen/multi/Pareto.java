package io.parzen.multi;

import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.util.Arrays;
import java.util.List;

/**
 * Pareto dominance and Deb's fast non-dominated sorting over objective vectors to be minimised.
 *
 * <p>A vector {@code a} dominates {@code b} when it is no worse in every objective and better in
 * one; equal vectors dominate neither. Rank 0 is the Pareto front, rank 1 the front of what is
 * left once rank 0 is removed, and so on (Optuna's non-domination rank).
 */
public final class Pareto {

  private Pareto() {}

  /** Whether {@code a} dominates {@code b} (both minimised, same length). */
  public static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > b[i]) {
        return false;
      }
      better |= a[i] < b[i];
    }
    return better;
  }

  /**
   * The objective values of {@code trials} as vectors to minimise: maximised objectives negated.
   *
   * @throws IllegalArgumentException naming the first trial without one value per direction
   */
  public static double[][] minimizationValues(List<FrozenTrial> trials, List<StudyDirection> directions) {
    double[][] points = new double[trials.size()][];
    for (int t = 0; t < points.length; t++) {
      FrozenTrial trial = trials.get(t);
      if (!trial.hasValues(directions.size())) {
        throw new IllegalArgumentException("trial " + trial.number() + " has " + trial.values().size()
            + " values, not one per direction (" + directions.size() + ")");
      }
      double[] p = new double[directions.size()];
      for (int i = 0; i < p.length; i++) {
        double v = trial.values().get(i);
        p[i] = directions.get(i) == StudyDirection.MAXIMIZE ? -v : v;
      }
      points[t] = p;
    }
    return points;
  }

  /**
   * The non-domination rank of each point (0 for the Pareto front), by Deb's fast non-dominated
   * sort: {@code O(m n^2)} comparisons for {@code n} points of {@code m} objectives. Two objectives
   * take an {@code O(n log n)} sweep per front instead.
   */
  public static int[] ranks(double[][] points) {
    int n = points.length;
    int[] rank = new int[n];
    if (n == 0) {
      return rank;
    }
    checkDimensions(points);
    if (points[0].length == 2) {
      return ranks2d(points);
    }
    int[] dominatedBy = new int[n];
    int[][] dominating = new int[n][];
    int[] dominatingCount = new int[n];
    for (int p = 0; p < n; p++) {
      dominating[p] = new int[4];
    }
    for (int p = 0; p < n; p++) {
      for (int q = p + 1; q < n; q++) {
        if (dominates(points[p], points[q])) {
          dominating[p] = append(dominating[p], dominatingCount[p]++, q);
          dominatedBy[q]++;
        } else if (dominates(points[q], points[p])) {
          dominating[q] = append(dominating[q], dominatingCount[q]++, p);
          dominatedBy[p]++;
        }
      }
    }
    int[] front = new int[n];
    int size = 0;
    for (int p = 0; p < n; p++) {
      if (dominatedBy[p] == 0) {
        front[size++] = p;
      }
    }
    int[] next = new int[n];
    for (int r = 0; size > 0; r++) {
      int nextSize = 0;
      for (int i = 0; i < size; i++) {
        int p = front[i];
        rank[p] = r;
        for (int k = 0; k < dominatingCount[p]; k++) {
          int q = dominating[p][k];
          if (--dominatedBy[q] == 0) {
            next[nextSize++] = q;
          }
        }
      }
      int[] swap = front;
      front = next;
      next = swap;
      size = nextSize;
    }
    return rank;
  }

  /**
   * Two objectives: with the points sorted by (f0, f1), each front is peeled in one pass. The
   * front's last point has the smallest f1 on it so far, so a later point is dominated by some
   * point of the front exactly when it is dominated by that one.
   */
  private static int[] ranks2d(double[][] points) {
    int n = points.length;
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> {
      int c = Double.compare(points[a][0], points[b][0]);
      return c != 0 ? c : Double.compare(points[a][1], points[b][1]);
    });
    int[] rank = new int[n];
    Arrays.fill(rank, -1);
    int[] left = new int[n];
    for (int i = 0; i < n; i++) {
      left[i] = boxed[i];
    }
    int remaining = n;
    int[] keep = new int[n];
    for (int r = 0; remaining > 0; r++) {
      int kept = 0;
      int last = -1;  // the last point put on this front
      for (int i = 0; i < remaining; i++) {
        int p = left[i];
        if (last < 0 || !dominates(points[last], points[p])) {
          rank[p] = r;
          last = p;
        } else {
          keep[kept++] = p;
        }
      }
      System.arraycopy(keep, 0, left, 0, kept);
      remaining = kept;
    }
    return rank;
  }

  /** Indices of the points of rank 0, ascending. */
  public static int[] front(double[][] points) {
    int[] rank = ranks(points);
    return java.util.stream.IntStream.range(0, rank.length).filter(i -> rank[i] == 0).toArray();
  }

  private static int[] append(int[] array, int size, int value) {
    int[] a = size == array.length ? Arrays.copyOf(array, 2 * size) : array;
    a[size] = value;
    return a;
  }

  static void checkDimensions(double[][] points) {
    int m = points[0].length;
    for (double[] p : points) {
      if (p.length != m) {
        throw new IllegalArgumentException("points have " + m + " and " + p.length + " objectives");
      }
      for (double v : p) {
        if (Double.isNaN(v)) {
          throw new IllegalArgumentException("objective value NaN in " + Arrays.toString(p));
        }
      }
    }
  }
}
