package io.parzen.app.run;

import io.parzen.space.SearchSpace;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.study.StudyListener;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.OptimizationHistory;
import io.parzen.visualization.ParetoFront;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * A study's trials as they run: counters, progress against the budget, the optimisation history
 * and the rows of the trials table.
 *
 * <p>Worker threads only enqueue: the {@link StudyListener} this model adds in {@link #attach}
 * puts each trial snapshot on a concurrent queue. A {@link Timeline} on the FX thread drains the
 * queue every {@value #DRAIN_MILLIS} ms and applies the whole batch at once (one list change, one
 * history append, one counter update), so the window keeps up however fast trials finish.
 *
 * <p>Everything else runs on the FX thread: properties, lists and history listeners are read and
 * written there only.
 */
public final class RunViewModel {

  /** How often queued trials are applied. */
  public static final int DRAIN_MILLIS = 150;

  /** Hears the history grow; called on the FX thread. */
  public interface HistoryListener {

    /** The history was replaced (a study was loaded or attached): draw {@code all} anew. */
    void historyReset(OptimizationHistory all);

    /** A batch of finished trials added {@code added} to the history. */
    void historyAppended(OptimizationHistory added);
  }

  /**
   * Hears finished trials arrive, for plots that compute their own data; called on the FX
   * thread, once per batch.
   */
  public interface TrialsListener {

    /**
     * The trials were replaced (a study was loaded or attached): draw {@code finished} anew.
     *
     * @param space the study's declared space, or {@code null} when unknown (a study opened from a file)
     */
    void trialsReset(List<FrozenTrial> finished, SearchSpace space);

    /** A batch of trials finished (each trial is reported once). */
    void trialsFinished(List<FrozenTrial> batch);

    /**
     * Trials that are running (or waiting) after a reset or a batch, as their latest snapshots,
     * for plots that show unfinished trials too. Called after {@link #trialsReset} or
     * {@link #trialsFinished} of the same batch; a trial may be reported several times, never
     * after it finished. Ignored by default.
     */
    default void trialsStarted(List<FrozenTrial> running) {
    }
  }

  private final ReadOnlyIntegerWrapper completed = new ReadOnlyIntegerWrapper(this, "completed");
  private final ReadOnlyIntegerWrapper pruned = new ReadOnlyIntegerWrapper(this, "pruned");
  private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper(this, "failed");
  private final ReadOnlyIntegerWrapper finishedInRun = new ReadOnlyIntegerWrapper(this, "finishedInRun");
  private final ReadOnlyObjectWrapper<Double> bestValue = new ReadOnlyObjectWrapper<>(this, "bestValue");
  private final ReadOnlyObjectWrapper<FrozenTrial> bestTrial = new ReadOnlyObjectWrapper<>(this, "bestTrial");
  private final ReadOnlyObjectWrapper<Duration> elapsed = new ReadOnlyObjectWrapper<>(this, "elapsed", Duration.ZERO);
  private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper(this, "etaText", "");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "No trials");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
  private final ReadOnlyIntegerWrapper batchCount = new ReadOnlyIntegerWrapper(this, "batchCount");
  private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
  private final ObjectProperty<TrialState> stateFilter = new SimpleObjectProperty<>(this, "stateFilter");
  private final ObjectProperty<Integer> selectedTrial = new SimpleObjectProperty<>(this, "selectedTrial");
  private final ReadOnlyObjectWrapper<List<StudyDirection>> directions =
      new ReadOnlyObjectWrapper<>(this, "directions", List.of(StudyDirection.MINIMIZE));
  private final javafx.beans.property.IntegerProperty historyObjective =
      new javafx.beans.property.SimpleIntegerProperty(this, "historyObjective", 0);
  private final ReadOnlyIntegerWrapper paretoSize = new ReadOnlyIntegerWrapper(this, "paretoSize");

  private final ObservableList<TrialRow> rows = FXCollections.observableArrayList();
  private final ObservableList<TrialRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
  private final FilteredList<TrialRow> filteredRows = new FilteredList<>(readOnlyRows);
  private final ObservableList<String> parameterNames = FXCollections.observableArrayList();
  private final List<HistoryListener> historyListeners = new CopyOnWriteArrayList<>();
  private final List<TrialsListener> trialsListeners = new CopyOnWriteArrayList<>();
  private final List<FrozenTrial> finishedTrials = new ArrayList<>();
  private List<FrozenTrial> lastFinished = List.of();
  private List<FrozenTrial> lastStarted = List.of();
  private SearchSpace space;

  private final Queue<FrozenTrial> queue = new ConcurrentLinkedQueue<>();
  private final Map<Integer, Integer> rowIndex = new HashMap<>();
  /** The latest snapshot of every trial shown, by number: user attributes for the detail pane. */
  private final Map<Integer, FrozenTrial> snapshots = new HashMap<>();
  private final LongSupplier nanoTime;
  private final Timeline timer;
  private final StudyListener listener = new StudyListener() {
    @Override
    public void trialStarted(Study study, FrozenTrial trial) {
      queue.add(trial);
    }

    @Override
    public void trialFinished(Study study, FrozenTrial trial) {
      queue.add(trial);
    }
  };

  private OptimizationHistory.Builder history = new OptimizationHistory.Builder(StudyDirection.MINIMIZE);
  /** The Pareto front of a multi-objective study; null for a single objective. */
  private ParetoFront.Builder pareto;
  private Study study;
  private Budget budget = Budget.unlimited();
  private long startNanos;

  /** A model timed by the system clock. */
  public RunViewModel() {
    this(System::nanoTime);
  }

  /** A model timed by {@code nanoTime} (for tests). */
  public RunViewModel(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    timer = new Timeline(new KeyFrame(javafx.util.Duration.millis(DRAIN_MILLIS), e -> tick()));
    timer.setCycleCount(Animation.INDEFINITE);
    stateFilter.addListener((obs, old, state) -> filteredRows.setPredicate(state == null ? null
        : row -> row.state() == state));
    historyObjective.addListener((obs, old, index) -> {
      int i = index.intValue();
      if (i < 0 || i >= directions.get().size()) {
        historyObjective.set(0);
        return;
      }
      history = new OptimizationHistory.Builder(directions.get().get(i), i).append(finishedTrials);
      historyListeners.forEach(l -> l.historyReset(history()));
    });
  }

  /** The directions of the study shown: one for a single-objective study. */
  public ReadOnlyObjectProperty<List<StudyDirection>> directionsProperty() {
    return directions.getReadOnlyProperty();
  }

  /** Whether the study shown has several objectives. */
  public boolean isMultiObjective() {
    return directions.get().size() > 1;
  }

  /** Which objective (0 for the first) the history shows; only a multi-objective study has others. */
  public javafx.beans.property.IntegerProperty historyObjectiveProperty() {
    return historyObjective;
  }

  /** How many trials are on the Pareto front of a multi-objective study (0 for a single objective). */
  public ReadOnlyIntegerProperty paretoSizeProperty() {
    return paretoSize.getReadOnlyProperty();
  }

  // ---- properties

  /** COMPLETE trials in the study. */
  public ReadOnlyIntegerProperty completedProperty() {
    return completed.getReadOnlyProperty();
  }

  /** PRUNED trials in the study. */
  public ReadOnlyIntegerProperty prunedProperty() {
    return pruned.getReadOnlyProperty();
  }

  /** FAIL trials in the study. */
  public ReadOnlyIntegerProperty failedProperty() {
    return failed.getReadOnlyProperty();
  }

  /** Trials that finished (in any state) since the last {@link #attach}. */
  public ReadOnlyIntegerProperty finishedInRunProperty() {
    return finishedInRun.getReadOnlyProperty();
  }

  /** The best value of a COMPLETE trial, or {@code null} before one completes. */
  public ReadOnlyObjectProperty<Double> bestValueProperty() {
    return bestValue.getReadOnlyProperty();
  }

  /** The latest snapshot of trial {@code number}, or {@code null} when it is not shown. */
  public FrozenTrial trial(int number) {
    return snapshots.get(number);
  }

  /** The COMPLETE trial with the best first value (the lowest number among equals), or {@code null}. */
  public ReadOnlyObjectProperty<FrozenTrial> bestTrialProperty() {
    return bestTrial.getReadOnlyProperty();
  }

  /** Wall time since {@link #attach}, updated with every drain. */
  public ReadOnlyObjectProperty<Duration> elapsedProperty() {
    return elapsed.getReadOnlyProperty();
  }

  /** The estimated time left, e.g. "ETA 12 s"; empty when unknown or not running. */
  public ReadOnlyStringProperty etaTextProperty() {
    return etaText.getReadOnlyProperty();
  }

  /** One line for a status bar: "Running: 12 / 30 trials, best 0.0123" or the counts when idle. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** How much of the budget is used, 0..1; -1 (indeterminate) for an unlimited budget. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** Whether a study is attached. */
  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** How many non-empty batches were applied: far fewer than trials while many finish at once. */
  public ReadOnlyIntegerProperty batchCountProperty() {
    return batchCount.getReadOnlyProperty();
  }

  /** Whether the history is drawn on a logarithmic value axis. */
  public BooleanProperty logScaleProperty() {
    return logScale;
  }

  /** The state the table shows, or {@code null} for every state. */
  public ObjectProperty<TrialState> stateFilterProperty() {
    return stateFilter;
  }

  /**
   * The number of the trial selected in the table or a plot, or {@code null}: every plot
   * highlights it.
   */
  public ObjectProperty<Integer> selectedTrialProperty() {
    return selectedTrial;
  }

  /** The row of trial {@code number}, if the study has that trial. */
  public Optional<TrialRow> row(int number) {
    Integer index = rowIndex.get(number);
    return index == null ? Optional.empty() : Optional.of(rows.get(index));
  }

  /**
   * A few lines on trial {@code number} for a tooltip: "Trial 12 · COMPLETE · 0.0123" then one
   * line per parameter.
   */
  public String describe(int number) {
    Optional<TrialRow> row = row(number);
    if (row.isEmpty()) {
      return "Trial " + number;
    }
    TrialRow r = row.get();
    StringBuilder text = new StringBuilder("Trial ").append(number).append(" · ").append(r.state());
    for (Double v : r.values()) {
      text.append(" · ").append(String.format(Locale.ROOT, "%.6g", v));
    }
    for (String name : parameterNames) {
      Object v = r.params().get(name);
      if (v != null) {
        text.append('\n').append(name).append(" = ")
            .append(v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : v.toString());
      }
    }
    return text.toString();
  }

  /** Every trial, ordered by number (read-only). */
  public ObservableList<TrialRow> rows() {
    return readOnlyRows;
  }

  /** The rows in {@link #stateFilterProperty()}. */
  public ObservableList<TrialRow> filteredRows() {
    return filteredRows;
  }

  /** The names of the parameters seen so far, in the order first seen: one table column each. */
  public ObservableList<String> parameterNames() {
    return parameterNames;
  }

  /** Whether the study shown minimises or maximises its (first) objective. */
  public StudyDirection direction() {
    return directions.get().get(0);
  }

  /** The whole history so far. */
  public OptimizationHistory history() {
    return history.build();
  }

  /** Adds {@code l} and at once resets it with the history so far. */
  public void addHistoryListener(HistoryListener l) {
    historyListeners.add(l);
    l.historyReset(history());
  }

  public void removeHistoryListener(HistoryListener l) {
    historyListeners.remove(l);
  }

  /** Adds {@code l} and at once resets it with the finished trials so far (and tells it the running ones). */
  public void addTrialsListener(TrialsListener l) {
    trialsListeners.add(l);
    l.trialsReset(List.copyOf(finishedTrials), space);
    List<FrozenTrial> running = unfinished();
    if (!running.isEmpty()) {
      l.trialsStarted(running);
    }
  }

  /** The latest snapshots of the trials shown that have not finished, by number. */
  private List<FrozenTrial> unfinished() {
    return snapshots.values().stream().filter(t -> !t.state().isFinished())
        .sorted(java.util.Comparator.comparingInt(FrozenTrial::number)).toList();
  }

  public void removeTrialsListener(TrialsListener l) {
    trialsListeners.remove(l);
  }

  // ---- commands

  /** Shows the trials of a study that is not running (one just opened, say), replacing what was shown. */
  public void load(List<FrozenTrial> trials, StudyDirection direction) {
    load(trials, List.of(direction), null);
  }

  /** As {@link #load(List, StudyDirection)} for a study with one or more {@code directions}. */
  public void load(List<FrozenTrial> trials, List<StudyDirection> directions) {
    load(trials, directions, null);
  }

  private void load(List<FrozenTrial> trials, List<StudyDirection> studyDirections, SearchSpace declaredSpace) {
    if (studyDirections.isEmpty()) {
      throw new IllegalArgumentException("a study has at least one direction");
    }
    queue.clear();
    finishedTrials.clear();
    space = declaredSpace;
    selectedTrial.set(null);
    rows.clear();
    rowIndex.clear();
    snapshots.clear();
    parameterNames.clear();
    completed.set(0);
    pruned.set(0);
    failed.set(0);
    directions.set(List.copyOf(studyDirections));
    pareto = studyDirections.size() > 1 ? new ParetoFront.Builder(studyDirections) : null;
    paretoSize.set(0);
    int objective = historyObjective.get() < studyDirections.size() ? historyObjective.get() : 0;
    history = new OptimizationHistory.Builder(studyDirections.get(objective), objective);
    historyObjective.set(objective);
    bestTrial.set(null);
    if (declaredSpace != null) {
      // One table column per declared parameter from the start, so that the first batch of a run
      // adds rows only (creating ten columns mid-run held the FX thread for ~160 ms).
      parameterNames.setAll(declaredSpace.names());
    }
    apply(trials);
    historyListeners.forEach(l -> l.historyReset(history()));
    List<FrozenTrial> finished = List.copyOf(finishedTrials);
    trialsListeners.forEach(l -> l.trialsReset(finished, space));
    List<FrozenTrial> running = unfinished();
    if (!running.isEmpty()) {
      trialsListeners.forEach(l -> l.trialsStarted(running));
    }
    updateTexts();
  }

  /**
   * Follows {@code study} while it runs with {@code budget}: shows its trials so far, then every
   * trial as it starts and finishes. Call before starting the run, on the FX thread.
   */
  public void attach(Study study, Budget budget) {
    attach(study, budget, study.trials());
  }

  /**
   * As {@link #attach(Study, Budget)}, with the study's trials so far already read off the FX
   * thread. Nothing of this run can finish before the call (the run starts after it); trials that
   * other processes finish meanwhile reach a shared study through its poller.
   */
  public void attach(Study study, Budget budget, List<FrozenTrial> trialsSoFar) {
    detach();
    this.study = study;
    this.budget = budget;
    study.addListener(listener);
    load(trialsSoFar, study.directions(), study.space().isEmpty() ? null : study.space());
    finishedInRun.set(0);
    startNanos = nanoTime.getAsLong();
    elapsed.set(Duration.ZERO);
    progress.set(hasLimit(budget) ? 0 : -1);
    running.set(true);
    updateTexts();
    timer.play();
  }

  /** Stops following the study, after applying what is still queued. Does nothing when none is attached. */
  public void detach() {
    if (study == null) {
      return;
    }
    study.removeListener(listener);
    timer.stop();
    tick();
    study = null;
    running.set(false);
    updateTexts();
  }

  /**
   * Queues trial snapshots that arrived some other way than from an attached study (a poll of a
   * shared study that other processes fill); safe from any thread, applied with the next batch.
   */
  public void enqueue(java.util.Collection<FrozenTrial> trials) {
    queue.addAll(trials);
  }

  /** Applies every queued trial now as one batch; the timer calls this. */
  public void drain() {
    List<FrozenTrial> batch = new ArrayList<>();
    for (FrozenTrial t = queue.poll(); t != null; t = queue.poll()) {
      batch.add(t);
    }
    if (batch.isEmpty()) {
      return;
    }
    apply(batch);
    batchCount.set(batchCount.get() + 1);
    OptimizationHistory added = history.lastAdded();
    historyListeners.forEach(l -> l.historyAppended(added));
    if (!lastFinished.isEmpty()) {
      List<FrozenTrial> finished = lastFinished;
      trialsListeners.forEach(l -> l.trialsFinished(finished));
    }
    if (!lastStarted.isEmpty()) {
      List<FrozenTrial> started = lastStarted;
      trialsListeners.forEach(l -> l.trialsStarted(started));
    }
  }

  private void tick() {
    drain();
    if (running.get()) {
      elapsed.set(Duration.ofNanos(nanoTime.getAsLong() - startNanos));
      updateProgress();
    }
    updateTexts();
  }

  private void apply(List<FrozenTrial> trials) {
    List<TrialRow> added = new ArrayList<>();
    List<FrozenTrial> finished = new ArrayList<>();
    Map<Integer, FrozenTrial> started = new java.util.TreeMap<>();
    LinkedHashSet<String> names = new LinkedHashSet<>(parameterNames);
    int[] counts = {completed.get(), pruned.get(), failed.get()};
    for (FrozenTrial t : trials) {
      TrialRow row = TrialRow.of(t);
      names.addAll(t.params().keySet());
      Integer index = rowIndex.get(t.number());
      TrialRow old = index == null ? null
          : index < rows.size() ? rows.get(index) : added.get(index - rows.size());
      if (old != null && old.state().isFinished()) {
        continue;  // A finished trial never changes; this is a late or repeated snapshot.
      }
      snapshots.put(t.number(), t);
      if (t.state().isFinished()) {
        finished.add(t);
        started.remove(t.number());
        count(counts, t.state());
      } else {
        started.put(t.number(), t);
      }
      if (index == null) {
        rowIndex.put(t.number(), rows.size() + added.size());
        added.add(row);
      } else if (index < rows.size()) {
        rows.set(index, row);
      } else {
        added.set(index - rows.size(), row);
      }
    }
    rows.addAll(added);
    if (names.size() > parameterNames.size()) {
      parameterNames.setAll(names);
    }
    completed.set(counts[0]);
    pruned.set(counts[1]);
    failed.set(counts[2]);
    if (study != null) {
      finishedInRun.set(finishedInRun.get() + finished.size());
    }
    history.append(finished);
    finishedTrials.addAll(finished);
    lastFinished = List.copyOf(finished);
    lastStarted = List.copyOf(started.values());
    if (pareto != null) {
      // Several objectives have no single best value or trial; the front stands for them.
      pareto.append(finished);
      paretoSize.set(pareto.frontSize());
      return;
    }
    bestValue.set(history.bestValue().orElse(null));
    FrozenTrial best = bestTrial.get();
    for (FrozenTrial t : finished) {
      if (t.state() == TrialState.COMPLETE && !t.values().isEmpty() && !Double.isNaN(t.values().get(0))
          && (best == null || better(t, best))) {
        best = t;
      }
    }
    bestTrial.set(best);
  }

  /** The Pareto front so far of a multi-objective study; empty for a single objective. */
  public ParetoFront paretoFront() {
    return pareto == null ? new ParetoFront(directions.get(), List.of(), List.of()) : pareto.build();
  }

  private boolean better(FrozenTrial candidate, FrozenTrial best) {
    double a = candidate.values().get(0);
    double b = best.values().get(0);
    boolean strictly = history.direction() == StudyDirection.MAXIMIZE ? a > b : a < b;
    return strictly || (a == b && candidate.number() < best.number());
  }

  private static void count(int[] counts, TrialState state) {
    switch (state) {
      case COMPLETE -> counts[0]++;
      case PRUNED -> counts[1]++;
      case FAIL -> counts[2]++;
      default -> { }
    }
  }

  private static boolean hasLimit(Budget budget) {
    return budget.trials() != null || budget.timeout() != null || budget.studyTotal() != null;
  }

  private void updateProgress() {
    if (!hasLimit(budget)) {
      progress.set(-1);
      etaText.set("");
      return;
    }
    double fraction = 0;
    double secondsLeft = Double.POSITIVE_INFINITY;
    double seconds = elapsed.get().toNanos() / 1e9;
    int done = finishedInRun.get();
    if (budget.trials() != null) {
      fraction = Math.max(fraction, budget.trials() == 0 ? 1 : done / (double) budget.trials());
      if (done > 0) {
        secondsLeft = Math.min(secondsLeft, seconds / done * Math.max(0, budget.trials() - done));
      }
    }
    if (budget.studyTotal() != null) {
      int total = rows.size();
      fraction = Math.max(fraction, budget.studyTotal() == 0 ? 1 : total / (double) budget.studyTotal());
      if (done > 0) {
        secondsLeft = Math.min(secondsLeft, seconds / done * Math.max(0, budget.studyTotal() - total));
      }
    }
    if (budget.timeout() != null) {
      double limit = budget.timeout().toNanos() / 1e9;
      fraction = Math.max(fraction, limit == 0 ? 1 : seconds / limit);
      secondsLeft = Math.min(secondsLeft, Math.max(0, limit - seconds));
    }
    progress.set(Math.min(1, fraction));
    etaText.set(Double.isInfinite(secondsLeft) ? "" : "ETA " + durationText(Duration.ofMillis(
        Math.round(secondsLeft * 1000))));
  }

  private void updateTexts() {
    String best = pareto != null ? ", " + paretoSize.get() + " on the Pareto front"
        : bestValue.get() == null ? "" : String.format(Locale.ROOT, ", best %.6g", bestValue.get());
    if (running.get()) {
      String of = budget.trials() == null ? "" : " / " + budget.trials();
      summary.set(String.format(Locale.ROOT, "Running: %d%s trials%s · %s elapsed%s", finishedInRun.get(), of, best,
          durationText(elapsed.get()), etaText.get().isEmpty() ? "" : " · " + etaText.get()));
    } else {
      etaText.set("");
      summary.set(String.format(Locale.ROOT, "%d trials: %d complete, %d pruned, %d failed%s", rows.size(),
          completed.get(), pruned.get(), failed.get(), best));
    }
  }

  /** "4.2 s", "3 min 05 s", "1 h 02 min". */
  public static String durationText(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
  }
}
