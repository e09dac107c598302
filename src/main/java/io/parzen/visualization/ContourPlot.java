package io.parzen.visualization;

import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Contour plot data (Optuna's {@code plot_contour} for one pair of parameters): the objective
 * interpolated over the plane of parameters {@link #x} and {@link #y}, with the COMPLETE trials
 * that have both drawn as {@link #points} on it.
 *
 * <p>The plane, from each axis's {@link ParamAxis#low} to {@link ParamAxis#high} (log10-spaced for
 * log parameters, category positions for categorical ones), is cut into a {@link Grid} of
 * {@value #GRID_SIZE} × {@value #GRID_SIZE} cells. Each trial's value is put in the cell it falls
 * in (the best value when several fall in one cell); the other cells are filled as Optuna's
 * matplotlib backend and Plotly's {@code connectgaps} do: each unknown cell is the mean of its
 * four neighbours (fewer at the edges, i.e. a zero-derivative boundary), which is the discrete
 * Laplace equation with the trials' cells held fixed. Optuna solves it with scipy's sparse direct
 * solver; here it is solved by conjugate gradients to a relative residual of 1e-8, started from
 * the same problem solved at half the resolution, so the surface is the same harmonic interpolant
 * (to 1e-7 against Optuna's on a test grid). Contour lines at {@value #LEVELS} evenly spaced
 * levels are traced through the grid as matplotlib draws them in Optuna's backend.
 *
 * <p>Colours follow Optuna's: the Blues scale with the best values darkest (reversed for
 * minimisation), from {@link #minValue} to {@link #maxValue}. Immutable.
 */
public record ContourPlot(ParamAxis x, ParamAxis y, Grid grid, List<Point> points, StudyDirection direction,
    double minValue, double maxValue, List<Isoline> isolines) {

  /** Cells per side of the interpolation grid (Optuna's {@code CONTOUR_POINT_NUM}). */
  public static final int GRID_SIZE = 100;

  /** Contour lines drawn over the colours, as matplotlib's 15 levels in Optuna's backend. */
  public static final int LEVELS = 15;

  /** One trial on the plane: its number, its positions on both axes and its objective value. */
  public record Point(int number, double x, double y, double value) {}

  /** A straight piece of a contour line, its ends in data units (positions on the axes). */
  public record Segment(double x1, double y1, double x2, double y2) {}

  /** Where the interpolated objective crosses {@code level}, as segments. */
  public record Isoline(double level, List<Segment> segments) {
    public Isoline {
      segments = List.copyOf(segments);
    }
  }

  public ContourPlot {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(direction, "direction");
    points = List.copyOf(points);
    isolines = List.copyOf(isolines);
  }

  /**
   * The contour of the objective over {@code xParameter} and {@code yParameter} for the COMPLETE
   * trials with a finite value among {@code trials}. The grid is empty (nothing to colour) when the
   * trials took fewer than two distinct values of either parameter, when the two are the same
   * parameter, or when no trial has both, as Optuna then draws no contour either.
   *
   * @throws IllegalArgumentException when no such trial has {@code xParameter} or {@code yParameter}
   */
  public static ContourPlot of(Collection<FrozenTrial> trials, String xParameter, String yParameter,
      StudyDirection direction) {
    return of(trials, xParameter, yParameter, direction, GRID_SIZE);
  }

  /** As {@link #of(Collection, String, String, StudyDirection)} on a {@code size} × {@code size} grid. */
  public static ContourPlot of(Collection<FrozenTrial> trials, String xParameter, String yParameter,
      StudyDirection direction, int size) {
    if (size < 2) {
      throw new IllegalArgumentException("size: the grid needs at least 2 cells per side, got " + size);
    }
    List<FrozenTrial> usable = ParamAxis.usable(trials);
    ParamAxis xAxis = ParamAxis.of(xParameter, usable);
    ParamAxis yAxis = ParamAxis.of(yParameter, usable);
    List<Point> points = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (FrozenTrial t : usable) {
      if (!t.params().containsKey(xParameter) || !t.params().containsKey(yParameter)) {
        continue;
      }
      double px = xAxis.position(t.params().get(xParameter));
      double py = yAxis.position(t.params().get(yParameter));
      if (Double.isNaN(px) || Double.isNaN(py)) {
        continue;
      }
      double value = t.values().get(0);
      points.add(new Point(t.number(), px, py, value));
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    boolean contour = !xParameter.equals(yParameter) && !points.isEmpty()
        && ParamAxis.distinctValues(xParameter, usable) >= 2 && ParamAxis.distinctValues(yParameter, usable) >= 2;
    Grid grid = contour ? Grid.interpolate(xAxis, yAxis, points, direction, size) : Grid.EMPTY;
    if (points.isEmpty()) {
      min = 0;
      max = 0;
    }
    List<Isoline> isolines = grid.isEmpty() ? List.of() : Isolines.trace(grid, xAxis, yAxis, levels(min, max));
    return new ContourPlot(xAxis, yAxis, grid, points, direction, min, max, isolines);
  }

  /** {@link #LEVELS} levels evenly spaced strictly between {@code min} and {@code max}. */
  static double[] levels(double min, double max) {
    if (!(max > min)) {
      return new double[0];
    }
    double[] levels = new double[LEVELS];
    for (int k = 0; k < LEVELS; k++) {
      levels[k] = min + (max - min) * (k + 1) / (LEVELS + 1);
    }
    return levels;
  }

  /**
   * Where {@code value} lies on the colour scale, in [0, 1]: 1 (darkest) for the best value shown,
   * 0 for the worst; 1 when all values are equal.
   */
  public double colorFraction(double value) {
    if (!(maxValue > minValue)) {
      return 1;
    }
    double f = Math.max(0, Math.min(1, (value - minValue) / (maxValue - minValue)));
    return direction == StudyDirection.MINIMIZE ? 1 - f : f;
  }

  /** The Blues colour ({@code 0xRRGGBB}) of {@code value}: the best darkest, as Optuna's. */
  public int colorOf(double value) {
    return ColorScale.blues(colorFraction(value));
  }

  /**
   * The interpolated objective on a square grid of cells spanning both axes' ranges; cell
   * {@code (i, j)} is column {@code i} from the x axis's low end, row {@code j} from the y axis's.
   * Cells are evenly spaced in each axis's linear units (log10 for log axes). Immutable.
   */
  public static final class Grid {

    static final Grid EMPTY = new Grid(0, new double[0], new boolean[0]);

    private final int size;
    private final double[] z;
    private final boolean[] known;

    private Grid(int size, double[] z, boolean[] known) {
      this.size = size;
      this.z = z;
      this.known = known;
    }

    /** Cells per side; 0 when there is no contour. */
    public int size() {
      return size;
    }

    public boolean isEmpty() {
      return size == 0;
    }

    /** The objective in cell column {@code i}, row {@code j}. */
    public double z(int i, int j) {
      return z[j * size + i];
    }

    /** Whether cell {@code (i, j)} holds a trial's value rather than an interpolated one. */
    public boolean isKnown(int i, int j) {
      return known[j * size + i];
    }

    /** The cell column or row of {@code position} on {@code axis}, clamped to the grid. */
    public static int cellOf(ParamAxis axis, double position, int size) {
      double lo = axis.toLinear(axis.low());
      double hi = axis.toLinear(axis.high());
      if (!(hi > lo)) {
        return size / 2;
      }
      int cell = (int) Math.floor((axis.toLinear(position) - lo) / (hi - lo) * size);
      return Math.max(0, Math.min(size - 1, cell));
    }

    /** The centre of cell column or row {@code index} on {@code axis}, in data units. */
    public static double centerOf(ParamAxis axis, int index, int size) {
      double lo = axis.toLinear(axis.low());
      double hi = axis.toLinear(axis.high());
      return axis.fromLinear(lo + (hi - lo) * (index + 0.5) / size);
    }

    /** A grid of the given values (row-major, {@code size} × {@code size}), all known: for tests. */
    static Grid of(int size, double[] z) {
      boolean[] known = new boolean[z.length];
      java.util.Arrays.fill(known, true);
      return new Grid(size, z.clone(), known);
    }

    static Grid interpolate(ParamAxis xAxis, ParamAxis yAxis, List<Point> points, StudyDirection direction,
        int size) {
      double[] z = new double[size * size];
      boolean[] known = new boolean[size * size];
      for (Point p : points) {
        int cell = cellOf(yAxis, p.y(), size) * size + cellOf(xAxis, p.x(), size);
        if (!known[cell] || direction.isBetter(p.value(), z[cell])) {
          z[cell] = p.value();
          known[cell] = true;
        }
      }
      HarmonicFill.solve(z, known, size);
      return new Grid(size, z, known);
    }
  }
}
