package io.parzen.multi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact hypervolume of a set of points to be minimised: the volume of the union of the boxes
 * spanned by each point and the reference point. A point that is not strictly better than the
 * reference point in every objective spans no box and adds nothing.
 *
 * <p>Two objectives take an {@code O(n log n)} sweep, three a sweep over the third objective that
 * keeps the two-dimensional front in a sorted map ({@code O(n log n)}), and more objectives the
 * slicing of HSO (Hypervolume by Slicing Objectives: sweep the last objective, take the
 * hypervolume of each slab's cross-section one dimension lower), which is exact but exponential
 * in the number of objectives; it is meant for the tens to hundreds of points of a study's front.
 *
 * <p>Optuna's default reference point ({@link #referencePoint}) is what its TPE sampler uses for
 * hypervolume contributions and subset selection, and what the studio takes for a hypervolume
 * history when the user gives none.
 */
public final class Hypervolume {

  /** Optuna's {@code EPS}: a reference coordinate that would be 0 becomes this. */
  public static final double EPS = 1e-12;

  private Hypervolume() {}

  /**
   * The hypervolume dominated by {@code points} and bounded by {@code reference}.
   *
   * @throws IllegalArgumentException when the points and the reference differ in length, or a
   *     value is NaN
   */
  public static double of(double[][] points, double[] reference) {
    if (points.length == 0) {
      return 0;
    }
    Pareto.checkDimensions(points);
    if (points[0].length != reference.length) {
      throw new IllegalArgumentException("points have " + points[0].length + " objectives, the reference point "
          + reference.length);
    }
    for (double r : reference) {
      if (Double.isNaN(r)) {
        throw new IllegalArgumentException("reference point " + Arrays.toString(reference) + " has a NaN");
      }
    }
    double[][] inside = strictlyInside(points, reference);
    return volume(inside, reference);
  }

  /**
   * Optuna's default reference point for {@code points} (minimised): the worst value of each
   * objective, moved outwards by 10% of its magnitude ({@code max(1.1 w, 0.9 w)}), and {@link
   * #EPS} where that is 0.
   */
  public static double[] referencePoint(double[][] points) {
    if (points.length == 0) {
      throw new IllegalArgumentException("a reference point needs at least one point");
    }
    Pareto.checkDimensions(points);
    double[] worst = points[0].clone();
    for (double[] p : points) {
      for (int i = 0; i < worst.length; i++) {
        worst[i] = Math.max(worst[i], p[i]);
      }
    }
    for (int i = 0; i < worst.length; i++) {
      double r = Math.max(1.1 * worst[i], 0.9 * worst[i]);
      worst[i] = r == 0 ? EPS : r;
    }
    return worst;
  }

  /**
   * Each point's exclusive contribution: the hypervolume lost when it alone is removed (0 for a
   * dominated point or one of two equal points).
   */
  public static double[] contributions(double[][] points, double[] reference) {
    double total = of(points, reference);
    double[] contribution = new double[points.length];
    double[][] others = new double[Math.max(0, points.length - 1)][];
    for (int i = 0; i < points.length; i++) {
      for (int j = 0, k = 0; j < points.length; j++) {
        if (j != i) {
          others[k++] = points[j];
        }
      }
      contribution[i] = Math.max(0, total - of(others, reference));
    }
    return contribution;
  }

  /**
   * Greedy hypervolume subset selection (Optuna's {@code _solve_hssp}): {@code k} indices of
   * {@code points}, each step taking the point that adds the most hypervolume to those taken so
   * far (the first of equals), in the order taken.
   */
  public static int[] greedySubset(double[][] points, int k, double[] reference) {
    if (k < 0 || k > points.length) {
      throw new IllegalArgumentException("subset size " + k + " must be between 0 and " + points.length);
    }
    int[] chosen = new int[k];
    boolean[] taken = new boolean[points.length];
    List<double[]> selected = new ArrayList<>();
    double selectedVolume = 0;
    for (int step = 0; step < k; step++) {
      int best = -1;
      double bestGain = Double.NEGATIVE_INFINITY;
      double bestVolume = 0;
      for (int i = 0; i < points.length; i++) {
        if (taken[i]) {
          continue;
        }
        selected.add(points[i]);
        double v = of(selected.toArray(new double[0][]), reference);
        selected.remove(selected.size() - 1);
        double gain = v - selectedVolume;
        if (gain > bestGain) {
          best = i;
          bestGain = gain;
          bestVolume = v;
        }
      }
      taken[best] = true;
      chosen[step] = best;
      selected.add(points[best]);
      selectedVolume = bestVolume;
    }
    return chosen;
  }

  private static double[][] strictlyInside(double[][] points, double[] reference) {
    List<double[]> inside = new ArrayList<>(points.length);
    for (double[] p : points) {
      boolean in = true;
      for (int i = 0; i < p.length && in; i++) {
        in = p[i] < reference[i];
      }
      if (in) {
        inside.add(p);
      }
    }
    return inside.toArray(new double[0][]);
  }

  /** The hypervolume of points all strictly inside the reference box. */
  private static double volume(double[][] points, double[] reference) {
    int n = points.length;
    if (n == 0) {
      return 0;
    }
    int m = reference.length;
    if (n == 1) {
      double v = 1;
      for (int i = 0; i < m; i++) {
        v *= reference[i] - points[0][i];
      }
      return v;
    }
    switch (m) {
      case 1: {
        double min = Double.POSITIVE_INFINITY;
        for (double[] p : points) {
          min = Math.min(min, p[0]);
        }
        return reference[0] - min;
      }
      case 2:
        return volume2d(points, reference[0], reference[1]);
      case 3:
        return volume3d(points, reference);
      default:
        return slice(points, reference);
    }
  }

  /** Sorted by f0, each point adds the strip between its f1 and the lowest f1 before it. */
  private static double volume2d(double[][] points, double r0, double r1) {
    double[][] sorted = points.clone();
    Arrays.sort(sorted, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
    double volume = 0;
    double ceiling = r1;
    for (double[] p : sorted) {
      if (p[1] < ceiling) {
        volume += (r0 - p[0]) * (ceiling - p[1]);
        ceiling = p[1];
      }
    }
    return volume;
  }

  /**
   * Sweeps f2 upwards; a sorted map holds the two-dimensional front of the points seen so far (f0
   * to f1, f1 falling as f0 rises) and its area, updated as each point joins it.
   */
  private static double volume3d(double[][] points, double[] reference) {
    double[][] sorted = points.clone();
    Arrays.sort(sorted, Comparator.comparingDouble(p -> p[2]));
    double r0 = reference[0];
    double r1 = reference[1];
    TreeMap<Double, Double> front = new TreeMap<>();
    double area = 0;
    double volume = 0;
    for (int i = 0; i < sorted.length; i++) {
      double[] p = sorted[i];
      if (i > 0) {
        volume += area * (p[2] - sorted[i - 1][2]);
      }
      double x = p[0];
      double y = p[1];
      Map.Entry<Double, Double> left = front.floorEntry(x);
      if (left != null && left.getValue() <= y) {
        continue;  // dominated in (f0, f1) by a point already in
      }
      // The points p dominates in (f0, f1): f0 >= x and f1 >= y; remove them and their area.
      double bound = left == null ? r1 : left.getValue();  // the f1 ceiling p's area starts under
      Map.Entry<Double, Double> e = front.ceilingEntry(x);
      double lastY = bound;
      double cursor = x;
      while (e != null && e.getValue() >= y) {
        // Between cursor and e's f0 the front's height was lastY (measured from r1 down).
        area += (e.getKey() - cursor) * (lastY - y);
        cursor = e.getKey();
        lastY = e.getValue();
        front.remove(e.getKey());
        e = front.ceilingEntry(x);
      }
      double end = e == null ? r0 : e.getKey();
      area += (end - cursor) * (lastY - y);
      front.put(x, y);
    }
    volume += area * (reference[2] - sorted[sorted.length - 1][2]);
    return volume;
  }

  /**
   * HSO: sorted by the last objective, the slab between consecutive values of it has as its cross
   * section the hypervolume, one dimension lower, of the points at or below it.
   */
  private static double slice(double[][] points, double[] reference) {
    int m = reference.length;
    double[][] sorted = points.clone();
    Arrays.sort(sorted, Comparator.comparingDouble(p -> p[m - 1]));
    double[] lower = Arrays.copyOf(reference, m - 1);
    List<double[]> section = new ArrayList<>();
    double volume = 0;
    for (int i = 0; i < sorted.length; i++) {
      double[] projected = Arrays.copyOf(sorted[i], m - 1);
      addNonDominated(section, projected);
      double top = i + 1 < sorted.length ? sorted[i + 1][m - 1] : reference[m - 1];
      double height = top - sorted[i][m - 1];
      if (height > 0) {
        volume += height * volume(section.toArray(new double[0][]), lower);
      }
    }
    return volume;
  }

  /** Adds {@code p} to the mutually non-dominated {@code set} unless a member is at least as good. */
  private static void addNonDominated(List<double[]> set, double[] p) {
    for (double[] q : set) {
      if (weaklyDominates(q, p)) {
        return;
      }
    }
    set.removeIf(q -> weaklyDominates(p, q));
    set.add(p);
  }

  private static boolean weaklyDominates(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] > b[i]) {
        return false;
      }
    }
    return true;
  }
}
