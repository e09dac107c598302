package io.parzen.sampler;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.storage.Storage;
import io.parzen.storage.TrialCursor;
import io.parzen.storage.TrialDelta;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TPE's view of a study, kept up to date as trials finish instead of reread for every trial: the
 * finished trials (read once each through {@link Storage#trialsChangedSince}), their order by
 * number, and per parameter a column of values, so that splitting the trials and collecting a
 * parameter's observations are passes over primitive arrays.
 *
 * <p>Trials are stored in the order they were read ("arrival"); columns are indexed by arrival and
 * only ever appended to, so a {@link Split} taken at one moment stays valid while later trials
 * arrive. Follows one study at a time; given another study it starts over. Thread-safe.
 */
final class TrialHistory {

  private Storage storage;
  private long studyId;
  /** Bumped whenever the history starts over, so that memos indexed by arrival know they are stale. */
  private int generation;
  private TrialCursor cursor = TrialCursor.START;
  /** COMPLETE trials with one value and PRUNED trials, by arrival. */
  private final List<FrozenTrial> arrivals = new ArrayList<>();
  /** Arrival indices in order of trial number. */
  private int[] byNumber = new int[64];
  /** COMPLETE trials with more than one value (multi-objective studies), by arrival. */
  private final List<FrozenTrial> multiValued = new ArrayList<>();
  /** COMPLETE and PRUNED trials, with or without values: TPE's {@code n}. */
  private int finishedCount;
  /** RUNNING trials at the last update, by number. */
  private List<FrozenTrial> running = List.of();
  /** Numeric parameter columns by name, built on first use. */
  private final Map<String, Column> columns = new HashMap<>();

  /**
   * One parameter's values by arrival (NaN where a trial lacks it or it is not a number) and the
   * arrivals that have a value, sorted by (value, trial number), kept sorted as trials arrive.
   */
  private static final class Column {
    double[] values;
    int[] sorted;
    int sortedCount;
  }

  /** Reads what changed in {@code study} since the last call. */
  synchronized void update(Study study) {
    if (storage != study.storage() || studyId != study.id()) {
      storage = study.storage();
      studyId = study.id();
      cursor = TrialCursor.START;
      generation++;
      arrivals.clear();
      multiValued.clear();
      finishedCount = 0;
      running = List.of();
      columns.clear();
    }
    TrialDelta delta = storage.trialsChangedSince(studyId, cursor);
    List<FrozenTrial> nowRunning = new ArrayList<>();
    for (FrozenTrial t : delta.trials()) {
      switch (t.state()) {
        case COMPLETE, PRUNED -> {
          finishedCount++;
          if (t.state() == TrialState.PRUNED || t.hasValues(1)) {
            add(t);
          } else if (t.values().size() > 1) {
            multiValued.add(t);
          }
        }
        case RUNNING -> nowRunning.add(t);
        default -> { }
      }
    }
    running = nowRunning;
    cursor = delta.next();
  }

  private void add(FrozenTrial t) {
    int arrival = arrivals.size();
    arrivals.add(t);
    if (byNumber.length == arrival) {
      byNumber = Arrays.copyOf(byNumber, 2 * arrival);
    }
    int position = arrival;  // trials mostly finish in number order: search back from the end
    while (position > 0 && arrivals.get(byNumber[position - 1]).number() > t.number()) {
      position--;
    }
    System.arraycopy(byNumber, position, byNumber, position + 1, arrival - position);
    byNumber[position] = arrival;
    for (Map.Entry<String, Column> e : columns.entrySet()) {
      Column column = e.getValue();
      if (column.values.length == arrival) {
        column.values = Arrays.copyOf(column.values, 2 * arrival);
      }
      double v = numeric(t, e.getKey());
      column.values[arrival] = v;
      if (!Double.isNaN(v)) {
        insertSorted(column, arrival, v, t.number());
      }
    }
  }

  private void insertSorted(Column column, int arrival, double v, int number) {
    int lo = 0;
    int hi = column.sortedCount;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int other = column.sorted[mid];
      int c = Double.compare(column.values[other], v);
      if (c < 0 || c == 0 && arrivals.get(other).number() < number) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (column.sorted.length == column.sortedCount) {
      column.sorted = Arrays.copyOf(column.sorted, Math.max(64, 2 * column.sortedCount));
    }
    System.arraycopy(column.sorted, lo, column.sorted, lo + 1, column.sortedCount - lo);
    column.sorted[lo] = arrival;
    column.sortedCount++;
  }

  private static double numeric(FrozenTrial t, String name) {
    return t.params().get(name) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** The COMPLETE trials with more than one value, by number. */
  synchronized List<FrozenTrial> multiObjectiveTrials() {
    List<FrozenTrial> trials = new ArrayList<>(multiValued);
    trials.sort(java.util.Comparator.comparingInt(FrozenTrial::number));
    return trials;
  }

  /** The PRUNED trials, by number. */
  synchronized List<FrozenTrial> prunedTrials() {
    List<FrozenTrial> pruned = new ArrayList<>();
    for (int i = 0; i < arrivals.size(); i++) {
      FrozenTrial t = arrivals.get(byNumber[i]);
      if (t.state() == TrialState.PRUNED) {
        pruned.add(t);
      }
    }
    return pruned;
  }

  /** The RUNNING trials at the last update other than {@code currentNumber}, by number. */
  synchronized List<FrozenTrial> runningExcept(int currentNumber) {
    List<FrozenTrial> others = new ArrayList<>();
    for (FrozenTrial t : running) {
      if (t.number() != currentNumber) {
        others.add(t);
      }
    }
    others.sort(java.util.Comparator.comparingInt(FrozenTrial::number));
    return others;
  }

  /** Which run of arrivals the history holds: it changes when the history starts over. */
  synchronized int generation() {
    return generation;
  }

  /** How many trials are COMPLETE or PRUNED. */
  synchronized int finishedCount() {
    return finishedCount;
  }

  /**
   * Optuna's split (see {@link TpeSampler#split}) of the finished trials and, with the constant
   * liar, the RUNNING ones other than {@code currentNumber}.
   */
  synchronized Split split(StudyDirection direction, int nBelow, boolean withRunning, int currentNumber) {
    int count = arrivals.size();
    double sign = direction == StudyDirection.MAXIMIZE ? -1 : 1;
    // The nBelow best COMPLETE trials by (value, number), kept sorted in a small array.
    int[] best = new int[Math.max(0, nBelow)];
    int found = 0;
    List<Integer> pruned = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int arrival = byNumber[i];
      FrozenTrial t = arrivals.get(arrival);
      if (t.state() != TrialState.COMPLETE) {
        pruned.add(arrival);
        continue;
      }
      if (best.length == 0) {
        continue;
      }
      double key = sign * t.value();
      if (found == best.length && !(key < sign * arrivals.get(best[found - 1]).value())) {
        continue;  // no better than the worst kept (ties keep the earlier number)
      }
      int p = found == best.length ? found - 1 : found;
      while (p > 0 && key < sign * arrivals.get(best[p - 1]).value()) {
        best[p] = best[p - 1];
        p--;
      }
      best[p] = arrival;
      if (found < best.length) {
        found++;
      }
    }
    List<Integer> below = new ArrayList<>();
    for (int i = 0; i < found; i++) {
      below.add(best[i]);
    }
    if (found < nBelow && !pruned.isEmpty()) {
      List<FrozenTrial> prunedTrials = new ArrayList<>();
      for (int arrival : pruned) {
        prunedTrials.add(arrivals.get(arrival));
      }
      List<FrozenTrial> prunedBelow = TpeSampler.split(prunedTrials, direction, nBelow - found, -1).get(0);
      for (FrozenTrial t : prunedBelow) {
        below.add(arrivals.indexOf(t));
      }
    }
    boolean[] isBelow = new boolean[count];
    for (int arrival : below) {
      isBelow[arrival] = true;
    }
    int[] belowArrivals = new int[below.size()];
    int[] aboveArrivals = new int[count - below.size()];
    int b = 0;
    int a = 0;
    for (int i = 0; i < count; i++) {
      int arrival = byNumber[i];
      if (isBelow[arrival]) {
        belowArrivals[b++] = arrival;
      } else {
        aboveArrivals[a++] = arrival;
      }
    }
    List<FrozenTrial> others = new ArrayList<>();
    if (withRunning) {
      for (FrozenTrial t : running) {
        if (t.number() != currentNumber) {
          others.add(t);
        }
      }
    }
    return new Split(this, List.copyOf(arrivals.subList(0, count)), belowArrivals, aboveArrivals, others);
  }

  /** The values of {@code name} by arrival, built on first use; valid for every arrival before the split was taken. */
  private synchronized double[] column(String name) {
    return columnOf(name).values;
  }

  private Column columnOf(String name) {
    Column column = columns.get(name);
    if (column == null) {
      int count = arrivals.size();
      column = new Column();
      column.values = new double[Math.max(64, Integer.highestOneBit(Math.max(1, count)) * 2)];
      for (int i = 0; i < count; i++) {
        column.values[i] = numeric(arrivals.get(i), name);
      }
      // Arrivals with a value in number order, then a stable sort by value: (value, number) order.
      int[] withValue = new int[count];
      double[] keys = new double[count];
      int m = 0;
      for (int i = 0; i < count; i++) {
        int arrival = byNumber[i];
        if (!Double.isNaN(column.values[arrival])) {
          withValue[m] = arrival;
          keys[m++] = column.values[arrival];
        }
      }
      int[] order = ParzenEstimator.Numerical.sortedOrder(Arrays.copyOf(keys, m));
      column.sorted = new int[Math.max(64, column.values.length)];
      for (int i = 0; i < m; i++) {
        column.sorted[i] = withValue[order[i]];
      }
      column.sortedCount = m;
      columns.put(name, column);
    }
    return column;
  }

  /**
   * The ascending order of {@code observations}, given for each arrival its index among them (or
   * -1): a walk over the column's sorted arrivals, skipping those not in the split.
   */
  private synchronized int[] sortedIndices(String name, int[] indexOfArrival, int size) {
    Column column = columnOf(name);
    int[] order = new int[size];
    int j = 0;
    for (int i = 0; i < column.sortedCount && j < size; i++) {
      int arrival = column.sorted[i];
      if (arrival < indexOfArrival.length && indexOfArrival[arrival] >= 0) {
        order[j++] = indexOfArrival[arrival];
      }
    }
    return j == size ? order : null;
  }

  /**
   * Observations in number order and, when known, their indices in ascending order of value, the
   * arrival of each observation, and the {@link #generation} the arrivals belong to.
   */
  record Observations(double[] values, int[] order, int[] arrivals, int[] indexOfArrival, int generation) {

    Observations(double[] values, int[] order) {
      this(values, order, null, null, -1);
    }
  }

  /**
   * One trial's below/above split, fixed when it was taken: trials by arrival, the below and above
   * ones as arrival indices in number order, and the RUNNING trials that join the above group.
   */
  static final class Split {
    private final TrialHistory history;
    private final List<FrozenTrial> trials;
    private final int[] below;
    private final int[] above;
    private final List<FrozenTrial> running;
    private final int generation;
    private int[] aboveIndex;

    Split(TrialHistory history, List<FrozenTrial> trials, int[] below, int[] above, List<FrozenTrial> running) {
      this.history = history;
      this.generation = history == null ? -1 : history.generation;
      this.trials = trials;
      this.below = below;
      this.above = above;
      this.running = running;
    }

    /** The below trials, by number. */
    List<FrozenTrial> belowTrials() {
      return view(below, List.of());
    }

    /** The above trials and the running ones, by number. */
    List<FrozenTrial> aboveTrials() {
      return view(above, running);
    }

    private List<FrozenTrial> view(int[] arrivalsInOrder, List<FrozenTrial> extra) {
      if (extra.isEmpty()) {
        return new AbstractList<>() {
          @Override
          public FrozenTrial get(int i) {
            return trials.get(arrivalsInOrder[i]);
          }

          @Override
          public int size() {
            return arrivalsInOrder.length;
          }
        };
      }
      List<FrozenTrial> all = new ArrayList<>(arrivalsInOrder.length + extra.size());
      for (int arrival : arrivalsInOrder) {
        all.add(trials.get(arrival));
      }
      all.addAll(extra);
      all.sort(java.util.Comparator.comparingInt(FrozenTrial::number));
      return all;
    }

    /** The internal values of {@code name} in the below trials (by number), as {@link TpeSampler#observations}. */
    double[] belowObservations(String name, Distribution d) {
      return observations(below, List.of(), name, d);
    }

    /** The internal values of {@code name} in the above and running trials (by number). */
    double[] aboveObservations(String name, Distribution d) {
      return observations(above, running, name, d);
    }

    /**
     * The above observations of a numerical parameter and their indices in ascending order of
     * value ({@code null} when there is no cheap way to know it: categorical, running trials).
     */
    Observations aboveObservationsInOrder(String name, Distribution d) {
      if (d instanceof CategoricalDistribution || !running.isEmpty()) {
        return new Observations(aboveObservations(name, d), null);
      }
      double low = d instanceof io.parzen.space.FloatDistribution f ? f.low() : ((io.parzen.space.IntDistribution) d).low();
      double high = d instanceof io.parzen.space.FloatDistribution f ? f.high() : ((io.parzen.space.IntDistribution) d).high();
      double[] column = history.column(name);
      double[] values = new double[above.length];
      int[] arrivalOf = new int[above.length];
      int count = 0;
      for (int arrival : above) {
        double v = column[arrival];
        if (v >= low && v <= high) {
          arrivalOf[count] = arrival;
          values[count++] = v;
        }
      }
      int[] indexOfArrival;
      if (count == above.length) {
        indexOfArrival = aboveIndexOfArrival();  // every above trial has the parameter: shared by all of them
      } else {
        indexOfArrival = new int[trials.size()];
        Arrays.fill(indexOfArrival, -1);
        for (int i = 0; i < count; i++) {
          indexOfArrival[arrivalOf[i]] = i;
        }
      }
      double[] observed = count == values.length ? values : Arrays.copyOf(values, count);
      return new Observations(observed, history.sortedIndices(name, indexOfArrival, count), arrivalOf, indexOfArrival,
          generation);
    }

    /** For each arrival, its index among the above trials (by number), or -1; computed once per split. */
    private synchronized int[] aboveIndexOfArrival() {
      if (aboveIndex == null) {
        int[] index = new int[trials.size()];
        Arrays.fill(index, -1);
        for (int i = 0; i < above.length; i++) {
          index[above[i]] = i;
        }
        aboveIndex = index;
      }
      return aboveIndex;
    }

    private double[] observations(int[] arrivalsInOrder, List<FrozenTrial> extra, String name, Distribution d) {
      if (d instanceof CategoricalDistribution || !extra.isEmpty()) {
        return TpeSampler.observations(view(arrivalsInOrder, extra), name, d);
      }
      double low = d instanceof io.parzen.space.FloatDistribution f ? f.low() : ((io.parzen.space.IntDistribution) d).low();
      double high = d instanceof io.parzen.space.FloatDistribution f ? f.high() : ((io.parzen.space.IntDistribution) d).high();
      double[] column = history.column(name);
      double[] values = new double[arrivalsInOrder.length];
      int count = 0;
      for (int arrival : arrivalsInOrder) {
        double v = column[arrival];
        if (v >= low && v <= high) {  // false for NaN: the trial lacks the parameter
          values[count++] = v;
        }
      }
      return count == values.length ? values : Arrays.copyOf(values, count);
    }
  }
}
