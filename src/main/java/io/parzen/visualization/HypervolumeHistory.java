package io.parzen.visualization;

import io.parzen.multi.Hypervolume;
import io.parzen.multi.Pareto;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The hypervolume of a multi-objective study's Pareto front after each COMPLETE trial, as plot
 * data (Optuna's {@code _HypervolumeHistoryInfo}): one point per COMPLETE trial with one value per
 * direction, in the order given, holding the hypervolume of the front of the trials up to it.
 *
 * <p>The reference point is in the study's own units and directions (a maximised objective's
 * reference is a lower bound). Optuna's {@code plot_hypervolume_history} needs one from the user;
 * {@link #of(Collection, List)} takes Optuna's default rule ({@link Hypervolume#referencePoint})
 * over all the trials given, so every trial lies inside it. Trials outside the reference point
 * leave the hypervolume as it was.
 *
 * <p>Immutable. A live view with a fixed reference point keeps a {@link Builder} and appends each
 * batch of finished trials.
 */
public record HypervolumeHistory(List<StudyDirection> directions, List<Double> referencePoint, List<Point> points) {

  /** The hypervolume of the front of the trials up to and including trial {@code number}. */
  public record Point(int number, double hypervolume) {}

  public HypervolumeHistory {
    directions = List.copyOf(directions);
    referencePoint = List.copyOf(referencePoint);
    points = List.copyOf(points);
    if (directions.size() != referencePoint.size()) {
      throw new IllegalArgumentException("the reference point has " + referencePoint.size() + " coordinates for "
          + directions.size() + " objectives");
    }
  }

  /** The history of {@code trials} against {@code referencePoint} (study units, one per direction). */
  public static HypervolumeHistory of(Collection<FrozenTrial> trials, List<StudyDirection> directions,
      List<Double> referencePoint) {
    return new Builder(directions, referencePoint).append(trials).build();
  }

  /**
   * The history of {@code trials} against Optuna's default reference point for their COMPLETE
   * values ({@link #defaultReferencePoint}); empty when none has completed.
   */
  public static HypervolumeHistory of(Collection<FrozenTrial> trials, List<StudyDirection> directions) {
    List<Double> reference = defaultReferencePoint(trials, directions);
    if (reference == null) {
      return new HypervolumeHistory(directions, java.util.Collections.nCopies(directions.size(), 0.0), List.of());
    }
    return of(trials, directions, reference);
  }

  /**
   * Optuna's reference point rule ({@link Hypervolume#referencePoint}) over the COMPLETE trials'
   * values, in study units; {@code null} when no trial has completed.
   */
  public static List<Double> defaultReferencePoint(Collection<FrozenTrial> trials, List<StudyDirection> directions) {
    List<FrozenTrial> complete = completed(trials, directions.size());
    if (complete.isEmpty()) {
      return null;
    }
    double[] minimised = Hypervolume.referencePoint(Pareto.minimizationValues(complete, directions));
    List<Double> reference = new ArrayList<>();
    for (int i = 0; i < minimised.length; i++) {
      reference.add(directions.get(i) == StudyDirection.MAXIMIZE ? -minimised[i] : minimised[i]);
    }
    return reference;
  }

  /** The hypervolume after the last trial, 0 with none. */
  public double last() {
    return points.isEmpty() ? 0 : points.get(points.size() - 1).hypervolume();
  }

  private static List<FrozenTrial> completed(Collection<FrozenTrial> trials, int objectives) {
    List<FrozenTrial> complete = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE && t.hasValues(objectives)) {
        complete.add(t);
      }
    }
    return complete;
  }

  /** Builds a history trial by trial against a fixed reference point. Not thread-safe. */
  public static final class Builder {
    private final List<StudyDirection> directions;
    private final List<Double> referencePoint;
    private final double[] reference;
    private final List<double[]> front = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();
    private double hypervolume;

    public Builder(List<StudyDirection> directions, List<Double> referencePoint) {
      this.directions = List.copyOf(directions);
      this.referencePoint = List.copyOf(referencePoint);
      if (directions.size() != referencePoint.size()) {
        throw new IllegalArgumentException("the reference point has " + referencePoint.size() + " coordinates for "
            + directions.size() + " objectives");
      }
      reference = new double[directions.size()];
      for (int i = 0; i < reference.length; i++) {
        double r = Objects.requireNonNull(referencePoint.get(i), "reference point coordinate");
        reference[i] = directions.get(i) == StudyDirection.MAXIMIZE ? -r : r;
      }
    }

    /** Adds the COMPLETE trials among {@code trials}, in the order given. */
    public Builder append(Collection<FrozenTrial> trials) {
      List<FrozenTrial> complete = completed(trials, directions.size());
      double[][] values = Pareto.minimizationValues(complete, directions);
      for (int t = 0; t < values.length; t++) {
        add(values[t]);
        points.add(new Point(complete.get(t).number(), hypervolume));
      }
      return this;
    }

    private void add(double[] p) {
      for (int i = 0; i < p.length; i++) {
        if (!(p[i] < reference[i])) {
          return;
        }
      }
      for (double[] q : front) {
        if (weaklyDominates(q, p)) {
          return;
        }
      }
      // The new point's box less the part the front already covers: the front limited to the box.
      double box = 1;
      for (int i = 0; i < p.length; i++) {
        box *= reference[i] - p[i];
      }
      double[][] limited = new double[front.size()][];
      for (int k = 0; k < limited.length; k++) {
        double[] q = front.get(k);
        double[] l = new double[p.length];
        for (int i = 0; i < p.length; i++) {
          l[i] = Math.max(q[i], p[i]);
        }
        limited[k] = l;
      }
      hypervolume += box - Hypervolume.of(limited, reference);
      front.removeIf(q -> weaklyDominates(p, q));
      front.add(p.clone());
    }

    private static boolean weaklyDominates(double[] a, double[] b) {
      for (int i = 0; i < a.length; i++) {
        if (a[i] > b[i]) {
          return false;
        }
      }
      return true;
    }

    public HypervolumeHistory build() {
      return new HypervolumeHistory(directions, referencePoint, points);
    }

    @Override
    public String toString() {
      return "HypervolumeHistory.Builder[" + Arrays.toString(reference) + ", " + points.size() + " points]";
    }
  }
}
