package io.parzen.visualization;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How one parameter is laid out along an axis of a two-parameter plot (Optuna's contour and rank
 * plots' {@code _AxisInfo}): its {@link SlicePlot.Scale}, its categories, and the range shown, the
 * values taken widened by 5% on each side (in log10 for log parameters). A categorical parameter is
 * drawn at the positions 0, 1, ... of its {@link #categories}: the labels the trials took, in the
 * order of the distribution's choices. {@link #low} and {@link #high} are in data units (for a log
 * axis the values themselves, both positive). Immutable.
 */
public record ParamAxis(String parameter, SlicePlot.Scale scale, List<String> categories, double low, double high) {

  /** Optuna's {@code PADDING_RATIO}: the range is widened by this share of its span on each side. */
  public static final double PADDING = 0.05;

  public ParamAxis {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(scale, "scale");
    categories = List.copyOf(categories);
  }

  /** Whether values are drawn on a logarithmic axis. */
  public boolean isLog() {
    return scale == SlicePlot.Scale.LOG;
  }

  public boolean isCategorical() {
    return scale == SlicePlot.Scale.CATEGORICAL;
  }

  /** The axis position of a trial's value {@code external}, or NaN when it cannot be placed. */
  public double position(Object external) {
    if (external == null && !isCategorical()) {
      return Double.NaN;
    }
    if (isCategorical()) {
      int index = categories.indexOf(PreviewDraws.label(external));
      return index < 0 ? Double.NaN : index;
    }
    return external instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** {@code position} in the units the axis is linear in: log10 of it on a log axis. */
  public double toLinear(double position) {
    return isLog() ? Math.log10(position) : position;
  }

  /** The inverse of {@link #toLinear}. */
  public double fromLinear(double linear) {
    return isLog() ? Math.pow(10, linear) : linear;
  }

  /**
   * The axis of {@code parameter} over {@code trials} (those that have it). Its scale is that of
   * the first distribution seen; a parameter that is categorical in any trial is categorical.
   *
   * @throws IllegalArgumentException when no trial has {@code parameter}
   */
  public static ParamAxis of(String parameter, Collection<FrozenTrial> trials) {
    SlicePlot.Scale scale = null;
    CategoricalDistribution declared = null;
    Set<String> seen = new LinkedHashSet<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (FrozenTrial t : trials) {
      Distribution d = t.distributions().get(parameter);
      if (d == null || !t.params().containsKey(parameter)) {
        continue;
      }
      Object value = t.params().get(parameter);
      if (d instanceof CategoricalDistribution c) {
        scale = SlicePlot.Scale.CATEGORICAL;
        declared = declared == null ? c : declared;
        seen.add(PreviewDraws.label(value));
      } else {
        if (scale == null) {
          scale = SlicePlot.scaleOf(d);
        }
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
          min = Math.min(min, n.doubleValue());
          max = Math.max(max, n.doubleValue());
        }
        seen.add(PreviewDraws.label(value));
      }
    }
    if (scale == null) {
      throw new IllegalArgumentException("parameter '" + parameter + "': no trial has it");
    }
    if (scale == SlicePlot.Scale.CATEGORICAL) {
      List<String> categories = new ArrayList<>();
      for (String label : PreviewDraws.labels(declared.choices())) {
        if (seen.contains(label)) {
          categories.add(label);
        }
      }
      seen.stream().filter(l -> !categories.contains(l)).forEach(categories::add);
      double span = categories.size() - 1;
      return new ParamAxis(parameter, scale, categories, -span * PADDING, span + span * PADDING);
    }
    if (scale == SlicePlot.Scale.LOG) {
      double lo = Math.log10(min);
      double hi = Math.log10(max);
      double pad = (hi - lo) * PADDING;
      return new ParamAxis(parameter, scale, List.of(), Math.pow(10, lo - pad), Math.pow(10, hi + pad));
    }
    double pad = (max - min) * PADDING;
    return new ParamAxis(parameter, scale, List.of(), min - pad, max + pad);
  }

  /** How many distinct values the trials took (Optuna draws no contour over fewer than 2). */
  static int distinctValues(String parameter, Collection<FrozenTrial> trials) {
    Set<String> seen = new LinkedHashSet<>();
    for (FrozenTrial t : trials) {
      if (t.params().containsKey(parameter) && t.distributions().containsKey(parameter)) {
        seen.add(PreviewDraws.label(t.params().get(parameter)));
      }
    }
    return seen.size();
  }

  /**
   * The trials these plots show, as Optuna's {@code _filter_nonfinite}: COMPLETE ones whose first
   * value is finite, in the order given.
   */
  static List<FrozenTrial> usable(Collection<FrozenTrial> trials) {
    List<FrozenTrial> usable = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE && !t.values().isEmpty() && Double.isFinite(t.values().get(0))) {
        usable.add(t);
      }
    }
    return usable;
  }

  /** Every parameter of {@code trials} that has a distribution, in the order first seen. */
  static List<String> parameters(Collection<FrozenTrial> trials) {
    Set<String> names = new LinkedHashSet<>();
    for (FrozenTrial t : trials) {
      for (String name : t.params().keySet()) {
        if (t.distributions().containsKey(name)) {
          names.add(name);
        }
      }
    }
    return List.copyOf(names);
  }
}
