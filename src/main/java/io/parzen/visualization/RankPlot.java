package io.parzen.visualization;

import io.parzen.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Rank plot data (Optuna's {@code plot_rank} for one pair of parameters): each COMPLETE trial
 * with a finite value that has both parameters, at its value of {@link #x} against its value of
 * {@link #y}, coloured by the rank of its objective value among all those trials.
 *
 * <p>As in Optuna, ranks count from 0 for the lowest value whatever the direction, tied values
 * share the mean of their ranks, and a trial's colour index is its rank divided by (trials − 1)
 * (0.5 for a single trial), drawn with {@link ColorScale#rdYlBuReversed}: low values blue, high
 * values red. Ranks are taken over every usable trial, also those that lack one of the two
 * parameters (conditional ones), so colours agree between pairs. The colour bar's
 * {@link #colorTicks} mark the minimum, quartiles and maximum of the values, each with its value.
 * Immutable.
 */
public record RankPlot(ParamAxis x, ParamAxis y, List<Point> points, List<Tick> colorTicks) {

  /** One trial: its number, positions on both axes, objective value, rank and colour index. */
  public record Point(int number, double x, double y, double value, double rank, double colorIndex) {

    /** The colour ({@code 0xRRGGBB}) of this trial's rank. */
    public int color() {
      return ColorScale.rdYlBuReversed(colorIndex);
    }
  }

  /** A labelled position on the colour bar, in [0, 1]. */
  public record Tick(double position, String label) {}

  public RankPlot {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    points = List.copyOf(points);
    colorTicks = List.copyOf(colorTicks);
  }

  /**
   * The rank plot of {@code yParameter} against {@code xParameter} (they may be the same one, as on
   * the diagonal of Optuna's matrix).
   *
   * @throws IllegalArgumentException when no usable trial has {@code xParameter} or {@code yParameter}
   */
  public static RankPlot of(Collection<FrozenTrial> trials, String xParameter, String yParameter) {
    List<FrozenTrial> usable = ParamAxis.usable(trials);
    ParamAxis xAxis = ParamAxis.of(xParameter, usable);
    ParamAxis yAxis = ParamAxis.of(yParameter, usable);
    double[] values = usable.stream().mapToDouble(t -> t.values().get(0)).toArray();
    double[] ranks = averagedRanks(values);
    List<Point> points = new ArrayList<>();
    for (int k = 0; k < usable.size(); k++) {
      FrozenTrial t = usable.get(k);
      if (!t.params().containsKey(xParameter) || !t.params().containsKey(yParameter)) {
        continue;
      }
      double px = xAxis.position(t.params().get(xParameter));
      double py = yAxis.position(t.params().get(yParameter));
      if (Double.isNaN(px) || Double.isNaN(py)) {
        continue;
      }
      double colorIndex = usable.size() >= 2 ? ranks[k] / (usable.size() - 1) : 0.5;
      points.add(new Point(t.number(), px, py, values[k], ranks[k], colorIndex));
    }
    return new RankPlot(xAxis, yAxis, points, ticks(values));
  }

  /**
   * The 0-based rank of each value in ascending order; equal values share the mean of the ranks
   * they span (Optuna's {@code _get_order_with_same_order_averaging}).
   */
  static double[] averagedRanks(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] ranks = new double[values.length];
    int start = 0;
    while (start < order.length) {
      int end = start;
      while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
        end++;
      }
      double mean = (start + end) / 2.0;
      for (int k = start; k <= end; k++) {
        ranks[order[k]] = mean;
      }
      start = end + 1;
    }
    return ranks;
  }

  /** {@code value} as Python's {@code f"{value:g}"} writes it: six significant digits, no trailing zeros. */
  static String general(double value) {
    if (value == 0 || !Double.isFinite(value)) {
      return value == 0 ? "0" : String.valueOf(value);
    }
    java.math.BigDecimal rounded = new java.math.BigDecimal(value).round(new java.math.MathContext(6));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      String mantissa = rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString();
      return mantissa + String.format(Locale.ROOT, "e%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
    }
    return rounded.stripTrailingZeros().toPlainString();
  }

  /** Optuna's colour-bar ticks: min., 25%, 50%, 75%, max. with numpy's linear quantiles. */
  static List<Tick> ticks(double[] values) {
    if (values.length == 0) {
      return List.of();
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    String[] names = {"min.", "25%", "50%", "75%", "max."};
    List<Tick> ticks = new ArrayList<>();
    for (int k = 0; k < names.length; k++) {
      double q = k / 4.0;
      double position = q * (sorted.length - 1);
      int lo = (int) Math.floor(position);
      int hi = Math.min(sorted.length - 1, lo + 1);
      double value = sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
      ticks.add(new Tick(q, names[k] + " (" + general(value) + ")"));
    }
    return ticks;
  }
}
