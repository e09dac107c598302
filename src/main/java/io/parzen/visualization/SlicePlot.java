package io.parzen.visualization;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slice plot data (Optuna's {@code _SlicePlotInfo}): for every parameter, the objective value of
 * each COMPLETE trial against the value it took for that parameter. Trials are coloured by number
 * with {@link ColorScale#blues}, from {@link #firstNumber} (light) to {@link #lastNumber} (dark).
 *
 * <p>Each {@link Slice} says how to draw its x axis: {@link Scale#LOG} for log distributions,
 * {@link Scale#INTEGER} for integers, {@link Scale#CATEGORICAL} with {@link Slice#categories} for
 * choices (a point's x is then the index of its label in {@code categories}, labels in the order
 * of the distribution's choices, then of first appearance). Only the first objective value is
 * used; trials without that parameter (conditional ones) are absent from its slice.
 *
 * <p>Immutable. A live view keeps one {@link Builder} and appends each batch of finished trials.
 */
public record SlicePlot(List<Slice> slices, int firstNumber, int lastNumber) {

  /** How a parameter's values are laid out on the x axis. */
  public enum Scale { LINEAR, LOG, INTEGER, CATEGORICAL }

  /** One trial in one slice: its number, its parameter value {@code x} and its objective value. */
  public record Point(int number, double x, double value) {}

  /** The points of one parameter, in the order the trials were given. */
  public record Slice(String parameter, Scale scale, List<String> categories, List<Point> points) {
    public Slice {
      Objects.requireNonNull(parameter, "parameter");
      Objects.requireNonNull(scale, "scale");
      categories = List.copyOf(categories);
      points = List.copyOf(points);
    }
  }

  public SlicePlot {
    slices = List.copyOf(slices);
  }

  /** The slice plot of the COMPLETE trials among {@code trials}. */
  public static SlicePlot of(Collection<FrozenTrial> trials) {
    return new Builder().append(trials).build();
  }

  /** The slice of {@code parameter}, if any trial had it. */
  public Optional<Slice> slice(String parameter) {
    return slices.stream().filter(s -> s.parameter().equals(parameter)).findFirst();
  }

  /** The Blues colour ({@code 0xRRGGBB}) of trial {@code number} among the trials shown. */
  public int colorOf(int number) {
    return ColorScale.blues(ColorScale.trialFraction(number, firstNumber, lastNumber));
  }

  /** The scale a parameter with distribution {@code d} is drawn on. */
  public static Scale scaleOf(Distribution d) {
    if (d instanceof CategoricalDistribution) {
      return Scale.CATEGORICAL;
    }
    if (d instanceof FloatDistribution f) {
      return f.log() ? Scale.LOG : Scale.LINEAR;
    }
    IntDistribution i = (IntDistribution) d;
    return i.log() ? Scale.LOG : Scale.INTEGER;
  }

  /**
   * Grows a slice plot batch by batch. Not thread-safe: one thread appends. {@link #append}
   * records what the batch added ({@link #lastAdded}), so a renderer adds only that.
   */
  public static final class Builder {

    private final Map<String, SliceBuilder> slices = new LinkedHashMap<>();
    private int first = Integer.MAX_VALUE;
    private int last = Integer.MIN_VALUE;
    private SlicePlot lastAdded = new SlicePlot(List.of(), 0, 0);

    /** Adds the COMPLETE trials with a value among {@code trials}; others are skipped. */
    public Builder append(Collection<FrozenTrial> trials) {
      Map<String, SliceBuilder> added = new LinkedHashMap<>();
      for (FrozenTrial t : trials) {
        if (t.state() != TrialState.COMPLETE || t.values().isEmpty()) {
          continue;
        }
        first = Math.min(first, t.number());
        last = Math.max(last, t.number());
        double value = t.values().get(0);
        for (Map.Entry<String, Object> e : t.params().entrySet()) {
          Distribution d = t.distributions().get(e.getKey());
          if (d == null || e.getValue() == null) {
            continue;
          }
          SliceBuilder all = slices.computeIfAbsent(e.getKey(), name -> new SliceBuilder(name, d));
          Point p = all.add(t.number(), d, e.getValue(), value);
          if (p == null) {
            continue;  // The parameter changed from numeric to categorical; its first kind is kept.
          }
          added.computeIfAbsent(e.getKey(), name -> new SliceBuilder(name, all.scale)).points.add(p);
        }
      }
      List<Slice> batch = new ArrayList<>();
      added.forEach((name, b) -> batch.add(new Slice(name, b.scale, slices.get(name).categories, b.points)));
      lastAdded = new SlicePlot(batch, firstNumber(), lastNumber());
      return this;
    }

    /** What the last {@link #append} added: only its points, with every slice's categories so far. */
    public SlicePlot lastAdded() {
      return lastAdded;
    }

    /** The lowest trial number appended, 0 before any. */
    public int firstNumber() {
      return first == Integer.MAX_VALUE ? 0 : first;
    }

    /** The highest trial number appended, 0 before any. */
    public int lastNumber() {
      return last == Integer.MIN_VALUE ? 0 : last;
    }

    /** A snapshot of everything appended so far. */
    public SlicePlot build() {
      List<Slice> all = new ArrayList<>();
      slices.forEach((name, b) -> all.add(new Slice(name, b.scale, b.categories, b.points)));
      return new SlicePlot(all, firstNumber(), lastNumber());
    }
  }

  private static final class SliceBuilder {
    final String name;
    final Scale scale;
    final List<String> categories = new ArrayList<>();
    final List<Point> points = new ArrayList<>();

    SliceBuilder(String name, Scale scale) {
      this.name = name;
      this.scale = scale;
    }

    SliceBuilder(String name, Distribution d) {
      this(name, scaleOf(d));
      if (d instanceof CategoricalDistribution c) {
        categories.addAll(PreviewDraws.labels(c.choices()));
      }
    }

    Point add(int number, Distribution d, Object external, double value) {
      double x;
      if (scale == Scale.CATEGORICAL) {
        String label = PreviewDraws.label(external);
        int index = categories.indexOf(label);
        if (index < 0) {
          categories.add(label);
          index = categories.size() - 1;
        }
        x = index;
      } else {
        if (d instanceof CategoricalDistribution) {
          return null;
        }
        x = d.toInternal(external);
      }
      Point p = new Point(number, x, value);
      points.add(p);
      return p;
    }
  }
}
