package io.parzen.visualization;

import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parallel coordinate plot data (Optuna's {@code plot_parallel_coordinate}): one vertical axis
 * for the objective and one per parameter, and one line per COMPLETE trial with a finite value
 * crossing each axis at that trial's value.
 *
 * <p>Every axis is normalised to [0, 1] over the values the trials took, as Optuna does: linear
 * for floats and ints, in log10 for log parameters, categories evenly spaced in the order of the
 * distribution's choices (a single value sits at 0.5). A trial whose conditional parameter is
 * inactive has no position on that axis ({@link Line#isActive} false): its line runs straight from
 * the previous axis it has a value on to the next one, leaving that axis untouched, and a brush on
 * that axis filters it out. (Optuna 4 instead draws such trials at an extra "missing" tick below the
 * axis; older Optuna left those trials out altogether.)
 *
 * <p>Lines are listed worst first, so that drawn in order the best trials end on top, and are
 * coloured by objective value with the Blues scale, the best darkest (Optuna reverses the scale
 * when minimising). Parameters are in the order first seen. Immutable.
 */
public record ParallelCoordinates(List<Dimension> dimensions, List<Line> lines, StudyDirection direction,
    double minValue, double maxValue) {

  /** A labelled tick on a dimension's axis, at a normalised position in [0, 1]. */
  public record Tick(double position, String label) {}

  /**
   * One vertical axis: the objective (index 0) or a parameter, its scale, its categories, the range
   * mapped onto [0, 1] ({@code low} and {@code high} in the axis's linear units, log10 for log
   * axes) and labelled ticks.
   */
  public record Dimension(String label, SlicePlot.Scale scale, List<String> categories, double low, double high,
      List<Tick> ticks) {
    public Dimension {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(scale, "scale");
      categories = List.copyOf(categories);
      ticks = List.copyOf(ticks);
    }

    /** The normalised position of {@code linear} (log10 of the value on a log axis). */
    double normalise(double linear) {
      return high > low ? (linear - low) / (high - low) : 0.5;
    }

    /**
     * The value at normalised position {@code position} in data units, for a readout of a brush;
     * a category's index on categorical axes.
     */
    public double valueAt(double position) {
      double linear = low + position * (high - low);
      return scale == SlicePlot.Scale.LOG ? Math.pow(10, linear) : linear;
    }
  }

  /** One trial's line: its number, objective value and normalised position on each dimension. */
  public static final class Line {
    private final int number;
    private final double value;
    private final double[] positions;

    Line(int number, double value, double[] positions) {
      this.number = number;
      this.value = value;
      this.positions = positions;
    }

    public int number() {
      return number;
    }

    public double value() {
      return value;
    }

    /** The position on dimension {@code d} in [0, 1], or NaN when the parameter was inactive. */
    public double position(int d) {
      return positions[d];
    }

    /** Whether the trial has a value on dimension {@code d}. */
    public boolean isActive(int d) {
      return !Double.isNaN(positions[d]);
    }

    @Override
    public String toString() {
      return "Line[number=" + number + ", value=" + value + ", positions=" + Arrays.toString(positions) + "]";
    }
  }

  /** A brushed range of one axis, normalised: both ends in [0, 1], {@code low <= high}. */
  public record Brush(double low, double high) {
    public Brush {
      if (!(low <= high) || low < 0 || high > 1) {
        throw new IllegalArgumentException("brush: needs 0 <= low <= high <= 1, got [" + low + ", " + high + "]");
      }
    }

    /** The brush spanning {@code a} and {@code b} in either order, clamped to [0, 1]. */
    public static Brush between(double a, double b) {
      double lo = Math.max(0, Math.min(1, Math.min(a, b)));
      double hi = Math.max(0, Math.min(1, Math.max(a, b)));
      return new Brush(lo, hi);
    }

    boolean contains(double position) {
      return position >= low && position <= high;
    }
  }

  public ParallelCoordinates {
    dimensions = List.copyOf(dimensions);
    lines = List.copyOf(lines);
    Objects.requireNonNull(direction, "direction");
  }

  /** The plot of the COMPLETE trials with a finite value among {@code trials}, objective {@code label}led. */
  public static ParallelCoordinates of(Collection<FrozenTrial> trials, StudyDirection direction, String label) {
    return of(trials, direction, label, false);
  }

  /**
   * As {@link #of(Collection, StudyDirection, String)}, the objective's axis logarithmic when
   * {@code logObjective} and every value is positive (linear otherwise).
   */
  public static ParallelCoordinates of(Collection<FrozenTrial> trials, StudyDirection direction, String label,
      boolean logObjective) {
    List<FrozenTrial> usable = ParamAxis.usable(trials);
    List<String> parameters = ParamAxis.parameters(usable);
    List<Dimension> dimensions = new ArrayList<>();
    double[] values = usable.stream().mapToDouble(t -> t.values().get(0)).toArray();
    double min = Arrays.stream(values).min().orElse(0);
    double max = Arrays.stream(values).max().orElse(0);
    boolean log = logObjective && min > 0;
    dimensions.add(log ? numeric(label, SlicePlot.Scale.LOG, Math.log10(min), Math.log10(max))
        : numeric(label, SlicePlot.Scale.LINEAR, min, max));
    List<ParamAxis> axes = new ArrayList<>();
    for (String p : parameters) {
      ParamAxis axis = ParamAxis.of(p, usable);
      axes.add(axis);
      dimensions.add(dimensionOf(axis, usable));
    }
    List<Line> lines = new ArrayList<>();
    for (int k = 0; k < usable.size(); k++) {
      FrozenTrial t = usable.get(k);
      double[] positions = new double[dimensions.size()];
      positions[0] = dimensions.get(0).normalise(log ? Math.log10(values[k]) : values[k]);
      for (int d = 1; d < dimensions.size(); d++) {
        ParamAxis axis = axes.get(d - 1);
        Object external = t.params().get(axis.parameter());
        double position = t.params().containsKey(axis.parameter()) ? axis.position(external) : Double.NaN;
        positions[d] = Double.isNaN(position) ? Double.NaN : dimensions.get(d).normalise(axis.toLinear(position));
      }
      lines.add(new Line(t.number(), values[k], positions));
    }
    Comparator<Line> worstFirst = Comparator.comparingDouble(Line::value);
    lines.sort(direction == StudyDirection.MINIMIZE ? worstFirst.reversed() : worstFirst);
    return new ParallelCoordinates(dimensions, lines, direction, min, max);
  }

  /** Where {@code value} lies on the colour scale, in [0, 1]: 1 (darkest) for the best. */
  public double colorFraction(double value) {
    if (!(maxValue > minValue)) {
      return 1;
    }
    double f = Math.max(0, Math.min(1, (value - minValue) / (maxValue - minValue)));
    return direction == StudyDirection.MINIMIZE ? 1 - f : f;
  }

  /** The Blues colour ({@code 0xRRGGBB}) of a line with objective {@code value}. */
  public int colorOf(double value) {
    return ColorScale.blues(colorFraction(value));
  }

  /**
   * Which lines (indices into {@link #lines}) pass every brush: a line passes a brush on dimension
   * {@code d} when it is active there and its position is inside. No brushes pass every line.
   */
  public BitSet passing(Map<Integer, Brush> brushes) {
    BitSet pass = new BitSet(lines.size());
    pass.set(0, lines.size());
    for (Map.Entry<Integer, Brush> e : brushes.entrySet()) {
      int d = e.getKey();
      if (d < 0 || d >= dimensions.size()) {
        throw new IllegalArgumentException("brush: no dimension " + d + " among " + dimensions.size());
      }
      for (int k = pass.nextSetBit(0); k >= 0; k = pass.nextSetBit(k + 1)) {
        if (!e.getValue().contains(lines.get(k).position(d))) {
          pass.clear(k);
        }
      }
    }
    return pass;
  }

  private static Dimension dimensionOf(ParamAxis axis, List<FrozenTrial> trials) {
    if (axis.isCategorical()) {
      List<String> categories = axis.categories();
      List<Tick> ticks = new ArrayList<>();
      double span = Math.max(1, categories.size() - 1);
      for (int i = 0; i < categories.size(); i++) {
        ticks.add(new Tick(categories.size() == 1 ? 0.5 : i / span, categories.get(i)));
      }
      return new Dimension(axis.parameter(), axis.scale(), categories, 0, categories.size() - 1, ticks);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (FrozenTrial t : trials) {
      double position = t.params().containsKey(axis.parameter()) ? axis.position(t.params().get(axis.parameter()))
          : Double.NaN;
      if (!Double.isNaN(position)) {
        min = Math.min(min, axis.toLinear(position));
        max = Math.max(max, axis.toLinear(position));
      }
    }
    return numeric(axis.parameter(), axis.scale(), min, max);
  }

  /** A numeric axis over [min, max] (log10 units for LOG) with Optuna's ticks. */
  private static Dimension numeric(String label, SlicePlot.Scale scale, double min, double max) {
    List<Tick> ticks = new ArrayList<>();
    Dimension plain = new Dimension(label, scale, List.of(), min, max, List.of());
    if (scale == SlicePlot.Scale.LOG) {
      // Every power of ten inside, and both ends (Optuna's tickvals).
      List<Double> at = new ArrayList<>();
      at.add(min);
      for (double e = Math.ceil(min); e <= Math.floor(max); e++) {
        if (e != min && e != max) {
          at.add(e);
        }
      }
      if (max != min) {
        at.add(max);
      }
      at.forEach(v -> ticks.add(new Tick(plain.normalise(v), RankPlot.general(round3(Math.pow(10, v))))));
    } else if (scale == SlicePlot.Scale.INTEGER && max > min) {
      // Whole numbers only: each one when they are few, else about five evenly spread.
      long step = Math.max(1, (long) Math.ceil((max - min) / 4));
      for (long v = (long) min; v <= max; v += step) {
        ticks.add(new Tick(plain.normalise(v), String.valueOf(v)));
      }
      if ((long) max != (long) min + ((long) (max - min) / step) * step) {
        ticks.add(new Tick(1, String.valueOf((long) max)));
      }
    } else if (max > min) {
      for (int i = 0; i <= 4; i++) {
        ticks.add(new Tick(i / 4.0, RankPlot.general(round3(min + (max - min) * i / 4))));
      }
    } else {
      ticks.add(new Tick(0.5, RankPlot.general(round3(min))));
    }
    return new Dimension(label, scale, List.of(), min, max, ticks);
  }

  /** {@code v} to three significant digits, as Optuna's {@code f"{v:.3g}"} tick labels. */
  private static double round3(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue();
  }
}
