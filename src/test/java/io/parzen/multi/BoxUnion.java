package io.parzen.multi;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * A brute-force hypervolume for tests: the grid the points' and the reference point's
 * coordinates cut space into, summing the cells some point's box covers. Exact, and slow.
 */
final class BoxUnion {

  private BoxUnion() {}

  static double volume(double[][] points, double[] reference) {
    int m = reference.length;
    double[][] cuts = new double[m][];
    for (int i = 0; i < m; i++) {
      TreeSet<Double> values = new TreeSet<>();
      values.add(reference[i]);
      for (double[] p : points) {
        if (p[i] < reference[i]) {
          values.add(p[i]);
        }
      }
      cuts[i] = values.stream().mapToDouble(Double::doubleValue).toArray();
    }
    int[] index = new int[m];
    double volume = 0;
    while (true) {
      boolean cell = true;
      double size = 1;
      double[] corner = new double[m];
      for (int i = 0; i < m; i++) {
        if (index[i] + 1 >= cuts[i].length) {
          cell = false;
          break;
        }
        corner[i] = cuts[i][index[i]];
        size *= cuts[i][index[i] + 1] - cuts[i][index[i]];
      }
      if (cell) {
        for (double[] p : points) {
          boolean covers = true;
          for (int i = 0; i < m && covers; i++) {
            covers = p[i] <= corner[i] && p[i] < reference[i];
          }
          if (covers) {
            volume += size;
            break;
          }
        }
      }
      int d = 0;
      while (d < m && ++index[d] >= Math.max(1, cuts[d].length - 1)) {
        index[d] = 0;
        d++;
      }
      if (d == m) {
        return volume;
      }
    }
  }

  static double[][] copy(double[][] points) {
    return Arrays.stream(points).map(double[]::clone).toArray(double[][]::new);
  }
}
