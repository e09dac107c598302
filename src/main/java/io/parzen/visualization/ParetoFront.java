package io.parzen.visualization;

import io.parzen.multi.Pareto;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The COMPLETE trials of a multi-objective study in objective space, as plot data (Optuna's
 * {@code _ParetoFrontInfo}): those on the Pareto front, ordered by their first objective so a
 * renderer can join them into a line in two dimensions, and the others, ordered by number. Each
 * point carries its non-domination rank (0 on the front) for colouring. Trials without one value
 * per direction are left out. Immutable.
 */
public record ParetoFront(List<StudyDirection> directions, List<Point> front, List<Point> dominated) {

  /** One trial: its number, values in study units, and non-domination rank. */
  public record Point(int number, List<Double> values, int rank) {
    public Point {
      values = List.copyOf(values);
    }
  }

  public ParetoFront {
    directions = List.copyOf(directions);
    front = List.copyOf(front);
    dominated = List.copyOf(dominated);
  }

  /** The front and the rest of {@code trials}' COMPLETE trials. */
  public static ParetoFront of(Collection<FrozenTrial> trials, List<StudyDirection> directions) {
    List<FrozenTrial> complete = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE && t.hasValues(directions.size())) {
        complete.add(t);
      }
    }
    complete.sort(Comparator.comparingInt(FrozenTrial::number));
    int[] rank = Pareto.ranks(Pareto.minimizationValues(complete, directions));
    List<Point> front = new ArrayList<>();
    List<Point> dominated = new ArrayList<>();
    for (int i = 0; i < rank.length; i++) {
      Point p = new Point(complete.get(i).number(), complete.get(i).values(), rank[i]);
      (rank[i] == 0 ? front : dominated).add(p);
    }
    front.sort(Comparator.<Point>comparingDouble(p -> p.values().get(0)).thenComparingInt(Point::number));
    return new ParetoFront(directions, front, dominated);
  }
}
