package io.parzen.visualization;

import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The Pareto front of a multi-objective study as plot data (Optuna's {@code plot_pareto_front}):
 * the COMPLETE trials no other COMPLETE trial dominates ({@link #best}) and the rest
 * ({@link #dominated}), each with all its objective values. A trial dominates another when it is at
 * least as good in every objective (as each {@link StudyDirection} says) and better in one.
 * Trials with a NaN or with fewer values than directions are left out.
 *
 * <p>Immutable; both lists are ordered by trial number. A live view keeps one {@link Builder} and
 * appends each batch of finished trials: a trial is compared with the front only (the dominated
 * never come back), so a batch costs its size times the front's.
 */
public record ParetoFront(List<StudyDirection> directions, List<Point> best, List<Point> dominated) {

  /** One trial's objective values. */
  public record Point(int number, List<Double> values) {

    public Point {
      values = List.copyOf(values);
    }

    /** Objective {@code i}'s value. */
    public double value(int i) {
      return values.get(i);
    }
  }

  public ParetoFront {
    directions = List.copyOf(directions);
    if (directions.isEmpty()) {
      throw new IllegalArgumentException("a Pareto front needs at least one direction");
    }
    best = List.copyOf(best);
    dominated = List.copyOf(dominated);
  }

  /** The front of {@code trials} under {@code directions}. */
  public static ParetoFront of(Collection<FrozenTrial> trials, List<StudyDirection> directions) {
    return new Builder(directions).append(trials).build();
  }

  /** How many objectives. */
  public int objectives() {
    return directions.size();
  }

  /** Whether {@code a} dominates {@code b} under {@code directions}. */
  public static boolean dominates(List<Double> a, List<Double> b, List<StudyDirection> directions) {
    boolean better = false;
    for (int i = 0; i < directions.size(); i++) {
      double va = a.get(i);
      double vb = b.get(i);
      if (directions.get(i).isBetter(vb, va)) {
        return false;
      }
      better |= directions.get(i).isBetter(va, vb);
    }
    return better;
  }

  /** Grows a front batch by batch. Not thread-safe: one thread appends. */
  public static final class Builder {

    private final List<StudyDirection> directions;
    private final List<Point> best = new ArrayList<>();
    private final List<Point> dominated = new ArrayList<>();

    public Builder(List<StudyDirection> directions) {
      this.directions = List.copyOf(Objects.requireNonNull(directions, "directions"));
      if (this.directions.isEmpty()) {
        throw new IllegalArgumentException("a Pareto front needs at least one direction");
      }
    }

    /** Adds the COMPLETE trials among {@code trials} that have a value for every objective. */
    public Builder append(Collection<FrozenTrial> trials) {
      for (FrozenTrial t : trials) {
        if (t.state() != TrialState.COMPLETE || !t.hasValues(directions.size())
            || t.values().stream().anyMatch(v -> Double.isNaN(v))) {
          continue;
        }
        Point p = new Point(t.number(), t.values().subList(0, directions.size()));
        add(p);
      }
      return this;
    }

    private void add(Point p) {
      for (Point b : best) {
        if (dominates(b.values(), p.values(), directions)) {
          dominated.add(p);
          return;
        }
      }
      for (int i = best.size() - 1; i >= 0; i--) {
        if (dominates(p.values(), best.get(i).values(), directions)) {
          dominated.add(best.remove(i));
        }
      }
      best.add(p);
    }

    /** How many trials are on the front now. */
    public int frontSize() {
      return best.size();
    }

    /** A snapshot, both lists ordered by trial number. */
    public ParetoFront build() {
      Comparator<Point> byNumber = Comparator.comparingInt(Point::number);
      List<Point> b = new ArrayList<>(best);
      b.sort(byNumber);
      List<Point> d = new ArrayList<>(dominated);
      d.sort(byNumber);
      return new ParetoFront(directions, b, d);
    }
  }
}
