package io.parzen.visualization;

import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Empirical distribution function plot data (Optuna's {@code _EDFInfo} behind
 * {@code plot_edf}): for each study, the fraction of its COMPLETE trials whose objective value is
 * at most x, on one grid of {@value #POINTS} evenly spaced x from the lowest to the highest value
 * of all the studies. A study whose line rises earlier found good values more often; comparing the
 * lines of two samplers or two search spaces on the same objective shows which one spends its
 * trials better.
 *
 * <p>As in Optuna, only COMPLETE trials with a finite value count, and the direction does not
 * matter (the fraction is always of values at most x). A study without such a trial keeps its
 * line, with {@code count} 0 and every fraction NaN (Optuna's 0 / 0). When no study has one, the
 * grid and the lines are empty.
 *
 * <p>Immutable.
 *
 * <pre>{@code
 * Edf edf = Edf.of(List.of(new StudyTrials("tpe", MINIMIZE, tpe.trials()),
 *     new StudyTrials("random", MINIMIZE, random.trials())));
 * double atMedian = edf.lines().get(0).y().get(Edf.POINTS / 2);
 * }</pre>
 *
 * @param x the grid, ascending ({@value #POINTS} values, all equal when every value is)
 * @param lines one line per study, in the order the studies were given
 */
public record Edf(List<Double> x, List<Line> lines) {

  /** How many x the grid holds, as Optuna's {@code NUM_SAMPLES_X_AXIS}. */
  public static final int POINTS = 100;

  /**
   * One study's step function on the grid.
   *
   * @param study the study's name
   * @param count how many values the fractions are of
   * @param y for each grid x, the fraction of the values at most x (non-decreasing, 0 to 1)
   */
  public record Line(String study, int count, List<Double> y) {
    public Line {
      Objects.requireNonNull(study, "study");
      y = List.copyOf(y);
    }
  }

  public Edf {
    x = List.copyOf(x);
    lines = List.copyOf(lines);
  }

  /** The EDF of the first objective of every study in {@code studies}. */
  public static Edf of(List<StudyTrials> studies) {
    return of(studies, 0);
  }

  /** The EDF of objective {@code objective} (0 for the first) of every study in {@code studies}. */
  public static Edf of(List<StudyTrials> studies, int objective) {
    if (objective < 0) {
      throw new IllegalArgumentException("objective (" + objective + ") must be >= 0");
    }
    List<String> names = new ArrayList<>();
    List<double[]> sorted = new ArrayList<>();
    for (StudyTrials s : studies) {
      double[] values = finiteValues(s.trials(), objective);
      Arrays.sort(values);
      names.add(s.name());
      sorted.add(values);
    }
    return fromSorted(names, sorted);
  }

  /** The EDF of the ascending {@code sorted} values of the studies called {@code names}. */
  private static Edf fromSorted(List<String> names, List<double[]> sorted) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (double[] values : sorted) {
      if (values.length > 0) {
        low = Math.min(low, values[0]);
        high = Math.max(high, values[values.length - 1]);
      }
    }
    if (low > high) {
      return new Edf(List.of(), List.of());
    }
    double[] grid = linspace(low, high, POINTS);
    List<Double> x = new ArrayList<>(POINTS);
    for (double g : grid) {
      x.add(g);
    }
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      double[] values = sorted.get(i);
      List<Double> y = new ArrayList<>(POINTS);
      for (double g : grid) {
        y.add(values.length == 0 ? Double.NaN : (double) countAtMost(values, g) / values.length);
      }
      lines.add(new Line(names.get(i), values.length, y));
    }
    return new Edf(x, lines);
  }

  /** The EDF of one study's first objective, named {@code name}. */
  public static Edf of(String name, Collection<FrozenTrial> trials) {
    return of(List.of(new StudyTrials(name, io.parzen.study.StudyDirection.MINIMIZE, List.copyOf(trials))));
  }

  /** Whether there is nothing to draw: no study has a COMPLETE trial with a finite value. */
  public boolean isEmpty() {
    return x.isEmpty();
  }

  /** The line of the study named {@code study}; throws when there is none. */
  public Line line(String study) {
    return lines.stream().filter(l -> l.study().equals(study)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no EDF line for study \"" + study + "\""));
  }

  /**
   * Grows the EDF of one study batch by batch: the values are kept sorted, so a batch costs a merge
   * and {@link #build} a binary search per grid point, not a sort of every value. Not thread-safe.
   */
  public static final class Builder {

    private final String name;
    private double[] sorted = new double[0];

    /** An empty EDF of the study called {@code name}. */
    public Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Adds the COMPLETE trials with a finite first value among {@code trials}; others are skipped. */
    public Builder append(Collection<FrozenTrial> trials) {
      double[] batch = finiteValues(List.copyOf(trials), 0);
      if (batch.length == 0) {
        return this;
      }
      Arrays.sort(batch);
      double[] merged = new double[sorted.length + batch.length];
      int i = 0;
      int j = 0;
      int k = 0;
      while (i < sorted.length && j < batch.length) {
        merged[k++] = sorted[i] <= batch[j] ? sorted[i++] : batch[j++];
      }
      while (i < sorted.length) {
        merged[k++] = sorted[i++];
      }
      while (j < batch.length) {
        merged[k++] = batch[j++];
      }
      sorted = merged;
      return this;
    }

    /** How many values the function is of. */
    public int count() {
      return sorted.length;
    }

    /** The EDF of everything appended so far (as {@link Edf#of(String, Collection)} of those trials). */
    public Edf build() {
      return fromSorted(List.of(name), List.of(sorted));
    }
  }

  private static double[] finiteValues(List<FrozenTrial> trials, int objective) {
    double[] values = new double[trials.size()];
    int n = 0;
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE && t.values().size() > objective) {
        double v = t.values().get(objective);
        if (Double.isFinite(v)) {
          values[n++] = v;
        }
      }
    }
    return Arrays.copyOf(values, n);
  }

  /** numpy's {@code linspace}: {@code n} values from {@code low} to exactly {@code high}. */
  private static double[] linspace(double low, double high, int n) {
    double[] grid = new double[n];
    double step = (high - low) / (n - 1);
    for (int i = 0; i < n; i++) {
      grid[i] = low + i * step;
    }
    grid[n - 1] = high;
    return grid;
  }

  /** How many of the ascending {@code values} are at most {@code x}. */
  private static int countAtMost(double[] values, double x) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
