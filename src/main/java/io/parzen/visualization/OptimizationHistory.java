package io.parzen.visualization;

import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The optimisation history of a single-objective study as plot data (Optuna's
 * {@code _OptimizationHistoryInfo}): the objective value of every trial that has one, the best
 * value so far after each COMPLETE trial (drawn as a step line), and the numbers of the trials
 * that were pruned or failed.
 *
 * <p>{@link #points} holds COMPLETE trials and PRUNED trials that reported a value, each with its
 * state, ordered as the trials were given; {@link #bestSoFar} has one step per COMPLETE trial.
 * Only the first objective value of a trial is used, or with {@link Builder#Builder(StudyDirection,
 * int)} the one chosen of a multi-objective study. RUNNING and WAITING trials are skipped; give
 * them again once they have finished.
 *
 * <p>Immutable. Building a history of many trials again and again is wasteful; a live view keeps
 * one {@link Builder} and {@link Builder#append appends} each batch of finished trials, which
 * costs only the size of the batch.
 *
 * <pre>{@code
 * OptimizationHistory history = OptimizationHistory.of(study.trials(), StudyDirection.MINIMIZE);
 * history.bestValue().ifPresent(best -> ...);
 * }</pre>
 */
public record OptimizationHistory(
    StudyDirection direction,
    List<Point> points,
    List<Step> bestSoFar,
    List<Integer> prunedNumbers,
    List<Integer> failedNumbers) {

  /** The value of one trial. */
  public record Point(int number, double value, TrialState state) {}

  /** The best value among COMPLETE trials numbered up to {@code number}. */
  public record Step(int number, double best) {}

  public OptimizationHistory {
    Objects.requireNonNull(direction, "direction");
    points = List.copyOf(points);
    bestSoFar = List.copyOf(bestSoFar);
    prunedNumbers = List.copyOf(prunedNumbers);
    failedNumbers = List.copyOf(failedNumbers);
  }

  /** The history of no trials. */
  public static OptimizationHistory empty(StudyDirection direction) {
    return new OptimizationHistory(direction, List.of(), List.of(), List.of(), List.of());
  }

  /** The history of {@code trials} (finished ones count; others are skipped). */
  public static OptimizationHistory of(Collection<FrozenTrial> trials, StudyDirection direction) {
    return new Builder(direction).append(trials).build();
  }

  /** This history followed by {@code trials}: a new record, copying this one. */
  public OptimizationHistory append(Collection<FrozenTrial> trials) {
    return new Builder(this).append(trials).build();
  }

  /** The best value of a COMPLETE trial, if one has completed. */
  public Optional<Double> bestValue() {
    return bestSoFar.isEmpty() ? Optional.empty() : Optional.of(bestSoFar.get(bestSoFar.size() - 1).best());
  }

  /** How many COMPLETE trials the history holds. */
  public int completeCount() {
    return bestSoFar.size();
  }

  /**
   * Grows a history trial by trial. Not thread-safe: one thread (the FX thread, say) appends.
   * {@link #append} returns what the batch added, so a renderer can add just that to its dataset.
   */
  public static final class Builder {

    private final StudyDirection direction;
    private final int objective;
    private final List<Point> points = new ArrayList<>();
    private final List<Step> bestSoFar = new ArrayList<>();
    private final List<Integer> pruned = new ArrayList<>();
    private final List<Integer> failed = new ArrayList<>();
    private double best = Double.NaN;
    private OptimizationHistory lastAdded;

    public Builder(StudyDirection direction) {
      this(direction, 0);
    }

    /**
     * A history of objective {@code objective} (0 for the first) of a multi-objective study,
     * which {@code direction} is that objective's.
     */
    public Builder(StudyDirection direction, int objective) {
      if (objective < 0) {
        throw new IllegalArgumentException("objective index must be 0 or more, was " + objective);
      }
      this.direction = Objects.requireNonNull(direction, "direction");
      this.objective = objective;
      this.lastAdded = empty(direction);
    }

    /** A builder that continues {@code history}. */
    public Builder(OptimizationHistory history) {
      this(history.direction());
      points.addAll(history.points());
      bestSoFar.addAll(history.bestSoFar());
      pruned.addAll(history.prunedNumbers());
      failed.addAll(history.failedNumbers());
      best = history.bestValue().orElse(Double.NaN);
    }

    public StudyDirection direction() {
      return direction;
    }

    /** Adds the finished trials among {@code trials}; see {@link #lastAdded()} for what they added. */
    public Builder append(Collection<FrozenTrial> trials) {
      List<Point> newPoints = new ArrayList<>();
      List<Step> newSteps = new ArrayList<>();
      List<Integer> newPruned = new ArrayList<>();
      List<Integer> newFailed = new ArrayList<>();
      for (FrozenTrial t : trials) {
        switch (t.state()) {
          case COMPLETE -> {
            if (t.values().size() <= objective) {
              continue;
            }
            double value = t.values().get(objective);
            newPoints.add(new Point(t.number(), value, TrialState.COMPLETE));
            if (Double.isNaN(best) || direction.isBetter(value, best)) {
              best = value;
            }
            newSteps.add(new Step(t.number(), best));
          }
          case PRUNED -> {
            newPruned.add(t.number());
            if (t.values().size() > objective) {
              newPoints.add(new Point(t.number(), t.values().get(objective), TrialState.PRUNED));
            }
          }
          case FAIL -> newFailed.add(t.number());
          default -> { }
        }
      }
      points.addAll(newPoints);
      bestSoFar.addAll(newSteps);
      pruned.addAll(newPruned);
      failed.addAll(newFailed);
      lastAdded = new OptimizationHistory(direction, newPoints, newSteps, newPruned, newFailed);
      return this;
    }

    /** What the last {@link #append} added, as a history of its own (empty before any). */
    public OptimizationHistory lastAdded() {
      return lastAdded;
    }

    /** The best value so far, if a trial has completed. */
    public Optional<Double> bestValue() {
      return Double.isNaN(best) ? Optional.empty() : Optional.of(best);
    }

    /** A snapshot of everything appended so far. */
    public OptimizationHistory build() {
      return new OptimizationHistory(direction, points, bestSoFar, pruned, failed);
    }
  }
}
