package io.parzen.multi;

import java.util.Arrays;
import java.util.Comparator;

/**
 * NSGA-II's crowding distance as Optuna defines it: per objective, the gap between a point's two
 * neighbours in that objective divided by the objective's finite range, summed over objectives.
 * The smallest and largest points of an objective get an infinite distance (their outer neighbour
 * is at minus or plus infinity); an objective in which all points are equal adds nothing; a gap
 * between two equal infinities counts as zero.
 *
 * <p>Ties are broken as Optuna's {@code _calc_crowding_distance} does: the points are re-sorted
 * stably objective after objective, each sort starting from the previous one's order.
 */
public final class CrowdingDistance {

  private CrowdingDistance() {}

  /** The crowding distance of each of {@code points} (minimised or not: only order and gaps matter). */
  public static double[] of(double[][] points) {
    return compute(points).distance;
  }

  /**
   * The indices of {@code points} from most to least isolated, as Optuna's
   * {@code _crowding_distance_sort} orders a population: a stable sort by distance, reversed.
   */
  public static int[] sortDescending(double[][] points) {
    Result r = compute(points);
    Integer[] order = new Integer[points.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = r.lastOrder[i];
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> r.distance[i]));
    int[] descending = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      descending[i] = order[order.length - 1 - i];
    }
    return descending;
  }

  private record Result(double[] distance, int[] lastOrder) {}

  private static Result compute(double[][] points) {
    int n = points.length;
    double[] distance = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (n > 0) {
      Pareto.checkDimensions(points);
      for (int m = 0; m < points[0].length; m++) {
        int objective = m;
        Arrays.sort(order, Comparator.comparingDouble(i -> points[i][objective]));
        double first = points[order[0]][m];
        double last = points[order[n - 1]][m];
        if (first == last) {
          continue;
        }
        double min = Double.NaN;
        double max = Double.NaN;
        for (int k = 0; k < n; k++) {
          double v = points[order[k]][m];
          if (Double.isNaN(min) && v != Double.NEGATIVE_INFINITY) {
            min = v;
          }
          double w = points[order[n - 1 - k]][m];
          if (Double.isNaN(max) && w != Double.POSITIVE_INFINITY) {
            max = w;
          }
        }
        double width = max - min;
        if (!(width > 0)) {
          width = 1.0;  // no finite range, or only one finite value
        }
        for (int k = 0; k < n; k++) {
          double below = k == 0 ? Double.NEGATIVE_INFINITY : points[order[k - 1]][m];
          double above = k == n - 1 ? Double.POSITIVE_INFINITY : points[order[k + 1]][m];
          double gap = below == above ? 0.0 : above - below;
          distance[order[k]] += gap / width;
        }
      }
    }
    int[] lastOrder = new int[n];
    for (int i = 0; i < n; i++) {
      lastOrder[i] = order[i];
    }
    return new Result(distance, lastOrder);
  }
}
