package io.parzen.visualization;

import java.util.ArrayList;
import java.util.List;

/**
 * Traces contour lines through a {@link ContourPlot.Grid} by marching squares: each square of four
 * neighbouring cell centres that a level separates gets one segment (two at a saddle, split as the
 * square's mean value says), its ends interpolated linearly along the square's edges. Ends are in
 * data units of the axes (log axes: the grid is even in log10, so are the interpolated ends).
 */
final class Isolines {

  private Isolines() {}

  static List<ContourPlot.Isoline> trace(ContourPlot.Grid grid, ParamAxis xAxis, ParamAxis yAxis, double[] levels) {
    int n = grid.size();
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = xAxis.toLinear(ContourPlot.Grid.centerOf(xAxis, i, n));
      ys[i] = yAxis.toLinear(ContourPlot.Grid.centerOf(yAxis, i, n));
    }
    List<ContourPlot.Isoline> lines = new ArrayList<>();
    for (double level : levels) {
      List<ContourPlot.Segment> segments = new ArrayList<>();
      for (int j = 0; j + 1 < n; j++) {
        for (int i = 0; i + 1 < n; i++) {
          square(grid, i, j, level, xs, ys, xAxis, yAxis, segments);
        }
      }
      lines.add(new ContourPlot.Isoline(level, segments));
    }
    return lines;
  }

  private static void square(ContourPlot.Grid grid, int i, int j, double level, double[] xs, double[] ys,
      ParamAxis xAxis, ParamAxis yAxis, List<ContourPlot.Segment> out) {
    // Corners counter-clockwise from the bottom left: a (i, j), b (i+1, j), c (i+1, j+1), d (i, j+1).
    double a = grid.z(i, j);
    double b = grid.z(i + 1, j);
    double c = grid.z(i + 1, j + 1);
    double d = grid.z(i, j + 1);
    int index = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
    if (index == 0 || index == 15) {
      return;
    }
    // Crossings on the edges: bottom (a-b), right (b-c), top (d-c), left (a-d).
    double[] bottom = {xs[i] + (xs[i + 1] - xs[i]) * t(a, b, level), ys[j]};
    double[] right = {xs[i + 1], ys[j] + (ys[j + 1] - ys[j]) * t(b, c, level)};
    double[] top = {xs[i] + (xs[i + 1] - xs[i]) * t(d, c, level), ys[j + 1]};
    double[] left = {xs[i], ys[j] + (ys[j + 1] - ys[j]) * t(a, d, level)};
    boolean centreAbove = (a + b + c + d) / 4 > level;
    switch (index) {
      case 1, 14 -> add(out, left, bottom, xAxis, yAxis);
      case 2, 13 -> add(out, bottom, right, xAxis, yAxis);
      case 3, 12 -> add(out, left, right, xAxis, yAxis);
      case 4, 11 -> add(out, right, top, xAxis, yAxis);
      case 6, 9 -> add(out, bottom, top, xAxis, yAxis);
      case 7, 8 -> add(out, left, top, xAxis, yAxis);
      case 5 -> {  // a and c above: a saddle
        if (centreAbove) {
          add(out, left, top, xAxis, yAxis);
          add(out, bottom, right, xAxis, yAxis);
        } else {
          add(out, left, bottom, xAxis, yAxis);
          add(out, right, top, xAxis, yAxis);
        }
      }
      case 10 -> {  // b and d above
        if (centreAbove) {
          add(out, left, bottom, xAxis, yAxis);
          add(out, right, top, xAxis, yAxis);
        } else {
          add(out, left, top, xAxis, yAxis);
          add(out, bottom, right, xAxis, yAxis);
        }
      }
      default -> throw new IllegalStateException("marching squares case " + index);
    }
  }

  /** Where between corner values {@code from} and {@code to} the level lies, in [0, 1]. */
  private static double t(double from, double to, double level) {
    return to == from ? 0.5 : Math.max(0, Math.min(1, (level - from) / (to - from)));
  }

  private static void add(List<ContourPlot.Segment> out, double[] p, double[] q, ParamAxis xAxis, ParamAxis yAxis) {
    out.add(new ContourPlot.Segment(xAxis.fromLinear(p[0]), yAxis.fromLinear(p[1]), xAxis.fromLinear(q[0]),
        yAxis.fromLinear(q[1])));
  }
}
