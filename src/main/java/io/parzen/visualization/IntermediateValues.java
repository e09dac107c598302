package io.parzen.visualization;

import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Intermediate values plot data (Optuna's {@code plot_intermediate_values}): one curve per
 * finished trial of the {@code (step, value)} pairs it reported, PRUNED ones flagged so they can
 * be drawn apart.
 *
 * <p>A big study would bury the plot under thousands of lines, so only the {@link #cap} trials
 * with the highest numbers (the latest) are kept; {@link #trialsWithValues} says how many trials
 * reported at all, and {@link #isCapped()} whether some were left out. Curves are ordered by trial
 * number. Trials that reported nothing are left out.
 *
 * <p>Immutable. A live view keeps one {@link Builder} and appends each batch of finished trials.
 */
public record IntermediateValues(List<Curve> curves, int trialsWithValues, int cap) {

  /** Curves kept when {@link Builder} is not told otherwise. */
  public static final int DEFAULT_CAP = 200;

  /** One reported value. */
  public record Step(int step, double value) {}

  /** The reported values of one trial, by step, and how it ended. */
  public record Curve(int number, TrialState state, List<Step> steps) {
    public Curve {
      Objects.requireNonNull(state, "state");
      steps = List.copyOf(steps);
    }

    /** Whether the pruner stopped this trial; its last step is where. */
    public boolean pruned() {
      return state == TrialState.PRUNED;
    }

    /** The last reported step. */
    public Step last() {
      return steps.get(steps.size() - 1);
    }
  }

  public IntermediateValues {
    curves = List.copyOf(curves);
    if (cap < 1) {
      throw new IllegalArgumentException("cap (" + cap + ") must be >= 1");
    }
  }

  /** The curves of the finished trials among {@code trials}, the latest {@code cap} of them. */
  public static IntermediateValues of(Collection<FrozenTrial> trials, int cap) {
    return new Builder(cap).append(trials).build();
  }

  /** Whether trials that reported values were left out to stay within the {@link #cap}. */
  public boolean isCapped() {
    return trialsWithValues > curves.size();
  }

  /** The curve of trial {@code number}, or {@code null} when it is not shown. */
  public Curve curve(int number) {
    return curves.stream().filter(c -> c.number() == number).findFirst().orElse(null);
  }

  /**
   * Grows the plot batch by batch, dropping the lowest-numbered curves beyond the cap. Not
   * thread-safe. After each {@link #append}, {@link #lastAdded} and {@link #lastRemoved} say what
   * changed, so a renderer touches only that.
   */
  public static final class Builder {

    private final int cap;
    private final TreeMap<Integer, Curve> curves = new TreeMap<>();
    private int withValues;
    private List<Curve> lastAdded = List.of();
    private List<Integer> lastRemoved = List.of();

    public Builder(int cap) {
      if (cap < 1) {
        throw new IllegalArgumentException("cap (" + cap + ") must be >= 1");
      }
      this.cap = cap;
    }

    /** Adds the finished trials among {@code trials} that reported intermediate values. */
    public Builder append(Collection<FrozenTrial> trials) {
      List<Curve> added = new ArrayList<>();
      List<Integer> removed = new ArrayList<>();
      for (FrozenTrial t : trials) {
        if (!t.state().isFinished() || t.intermediateValues().isEmpty() || curves.containsKey(t.number())) {
          continue;
        }
        withValues++;
        if (curves.size() >= cap && t.number() < curves.firstKey()) {
          continue;  // Older than every curve kept: it would be dropped at once.
        }
        List<Step> steps = new ArrayList<>(t.intermediateValues().size());
        for (Map.Entry<Integer, Double> e : t.intermediateValues().entrySet()) {
          steps.add(new Step(e.getKey(), e.getValue()));
        }
        Curve curve = new Curve(t.number(), t.state(), steps);
        curves.put(t.number(), curve);
        added.add(curve);
        if (curves.size() > cap) {
          Curve dropped = curves.pollFirstEntry().getValue();
          if (!added.remove(dropped)) {
            removed.add(dropped.number());
          }
        }
      }
      lastAdded = List.copyOf(added);
      lastRemoved = List.copyOf(removed);
      return this;
    }

    /** The curves the last {@link #append} added (and kept). */
    public List<Curve> lastAdded() {
      return lastAdded;
    }

    /** Trial numbers of curves shown before the last {@link #append} and dropped by it. */
    public List<Integer> lastRemoved() {
      return lastRemoved;
    }

    public int cap() {
      return cap;
    }

    /** A snapshot of the curves kept. */
    public IntermediateValues build() {
      return new IntermediateValues(new ArrayList<>(curves.values()), withValues, cap);
    }
  }
}
