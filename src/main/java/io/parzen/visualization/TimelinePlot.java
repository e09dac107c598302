package io.parzen.visualization;

import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Timeline plot data (Optuna's {@code _TimelineInfo}): one bar per trial from its start to its
 * completion, coloured by state, at the height of its trial number. As in Optuna, a RUNNING trial's
 * bar reaches {@code now} (unless all running trials look left over from a crash; see
 * {@link Builder#build}), and a trial that never started (WAITING) is a bar of no length at the
 * latest time of the plot. A finished trial without a completion time, or one completed before it
 * started (clocks of different machines), gets a bar of no length at its start; {@link #warnings}
 * names it.
 *
 * <p>Immutable. A live view keeps one {@link Builder}, adds finished and running trials as they
 * arrive and builds the plot again with the current time.
 *
 * @param bars one per trial, by increasing number
 * @param first the earliest start, or {@code null} when there are no bars
 * @param last the latest end, or {@code null} when there are no bars
 * @param warnings trials whose times could not be drawn as they are
 */
public record TimelinePlot(List<Bar> bars, Instant first, Instant last, List<String> warnings) {

  /**
   * One trial's bar.
   *
   * @param start when it started (for a WAITING trial: the latest time of the plot)
   * @param end when it finished; {@code now} for a trial still running
   */
  public record Bar(int number, TrialState state, Instant start, Instant end) {
    public Bar {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }

    /** Whether the bar grows with time: the trial is still running. */
    public boolean running() {
      return state == TrialState.RUNNING;
    }

    /** How long the trial ran (so far, when still running). */
    public Duration duration() {
      return Duration.between(start, end);
    }
  }

  public TimelinePlot {
    bars = List.copyOf(bars);
    warnings = List.copyOf(warnings);
  }

  /** The timeline of {@code trials} (any states) as of {@code now}. */
  public static TimelinePlot of(Collection<FrozenTrial> trials, Instant now) {
    return new Builder().add(trials).build(now);
  }

  /** How many bars each state has; states without bars are absent. */
  public Map<TrialState, Integer> counts() {
    Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
    for (Bar b : bars) {
      counts.merge(b.state(), 1, Integer::sum);
    }
    return counts;
  }

  /** The bar of trial {@code number}, if the plot has that trial. */
  public Optional<Bar> bar(int number) {
    int i = indexOf(number);
    return i < 0 ? Optional.empty() : Optional.of(bars.get(i));
  }

  /**
   * The bar under a point of the plot: among the trials whose number is within
   * {@code numberTolerance} of {@code number} and whose bar, widened by {@code timeTolerance} on
   * both sides, covers {@code time}, the one nearest in number (the lower on a tie). For hovering
   * and clicking, where tolerances of a few pixels make short bars easy to hit.
   */
  public Optional<Bar> barAt(Instant time, double number, Duration timeTolerance, double numberTolerance) {
    int low = (int) Math.ceil(number - numberTolerance);
    int high = (int) Math.floor(number + numberTolerance);
    if (bars.isEmpty() || high < low) {
      return Optional.empty();
    }
    int from = insertionPoint(low);
    Bar best = null;
    for (int i = from; i < bars.size() && bars.get(i).number() <= high; i++) {
      Bar b = bars.get(i);
      boolean covers = !time.isBefore(b.start().minus(timeTolerance)) && !time.isAfter(b.end().plus(timeTolerance));
      if (covers && (best == null || Math.abs(b.number() - number) < Math.abs(best.number() - number))) {
        best = b;
      }
    }
    return Optional.ofNullable(best);
  }

  private int indexOf(int number) {
    int i = insertionPoint(number);
    return i < bars.size() && bars.get(i).number() == number ? i : -1;
  }

  /** The index of the first bar whose number is {@code number} or more. */
  private int insertionPoint(int number) {
    int lo = 0;
    int hi = bars.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (bars.get(mid).number() < number) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Collects trial snapshots as they arrive and builds the timeline at a given time. The latest
   * snapshot of a trial wins, except that a finished trial never goes back to running (a late
   * snapshot). Not thread-safe: one thread adds and builds.
   */
  public static final class Builder {

    /** The shortest time a trial must have been running to be taken for a leftover of a crash. */
    public static final Duration STALE_AFTER_AT_LEAST = Duration.ofMinutes(10);

    private final TreeMap<Integer, FrozenTrial> trials = new TreeMap<>();
    private int finished;

    /** Adds or updates the trials of {@code batch}. */
    public Builder add(Collection<FrozenTrial> batch) {
      for (FrozenTrial t : batch) {
        FrozenTrial old = trials.get(t.number());
        if (old != null && old.state().isFinished()) {
          continue;
        }
        trials.put(t.number(), t);
        if (t.state().isFinished()) {
          finished++;
        }
      }
      return this;
    }

    /** How many trials the timeline has. */
    public int size() {
      return trials.size();
    }

    /** Whether a trial is running (or waiting), so the plot changes with time. */
    public boolean hasUnfinished() {
      return finished < trials.size();
    }

    /**
     * The timeline with running trials drawn up to {@code now}. As in Optuna, running trials that
     * all started more than five times the longest finished trial's duration ago are taken for
     * leftovers of a crashed run: their bars end at the latest completion instead, so that one
     * trial left RUNNING in an old study does not stretch the time axis to today. Unlike Optuna,
     * a trial running for less than {@link #STALE_AFTER_AT_LEAST} is never taken for one, so that
     * in a live run of millisecond trials a slower one still grows.
     */
    public TimelinePlot build(Instant now) {
      Objects.requireNonNull(now, "now");
      Instant latestComplete = null;
      Duration longest = null;
      for (FrozenTrial t : trials.values()) {
        latestComplete = max(latestComplete, t.complete());
        if (t.start() != null && t.complete() != null) {
          Duration d = Duration.between(t.start(), t.complete());
          longest = longest == null || d.compareTo(longest) > 0 ? d : longest;
        }
      }
      boolean fresh = false;
      for (FrozenTrial t : trials.values()) {
        if (t.state() == TrialState.RUNNING) {
          Instant start = t.start() == null ? now : t.start();
          fresh |= longest == null || Duration.between(start, now).compareTo(staleAfter(longest)) < 0;
        }
      }
      Instant runningEnd = fresh || latestComplete == null ? now : latestComplete;
      Instant latest = max(latestComplete, fresh ? now : null);
      for (FrozenTrial t : trials.values()) {
        if (t.state() == TrialState.RUNNING) {
          latest = max(latest, max(runningEnd, t.start()));
        }
      }
      List<Bar> bars = new ArrayList<>(trials.size());
      List<String> warnings = new ArrayList<>();
      Instant first = null;
      Instant last = null;
      for (FrozenTrial t : trials.values()) {
        Instant start = t.start() != null ? t.start() : latest != null ? latest : now;
        Instant end;
        if (t.state() == TrialState.RUNNING) {
          end = max(runningEnd, start);
        } else if (t.state().isFinished()) {
          end = t.complete();
          if (end == null) {
            warnings.add("trial " + t.number() + " is " + t.state() + " but has no completion time");
            end = start;
          } else if (end.isBefore(start)) {
            warnings.add("trial " + t.number() + " completed (" + end + ") before it started (" + start + ")");
            end = start;
          }
        } else {
          end = start;
        }
        bars.add(new Bar(t.number(), t.state(), start, end));
        first = first == null || start.isBefore(first) ? start : first;
        last = max(last, end);
      }
      return new TimelinePlot(bars, first, last, warnings);
    }

    private static Duration staleAfter(Duration longest) {
      Duration five = longest.multipliedBy(5);
      return five.compareTo(STALE_AFTER_AT_LEAST) > 0 ? five : STALE_AFTER_AT_LEAST;
    }

    private static Instant max(Instant a, Instant b) {
      return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
  }
}
