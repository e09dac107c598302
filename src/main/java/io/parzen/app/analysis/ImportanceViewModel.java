package io.parzen.app.analysis;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.DeferredTrials;
import io.parzen.app.run.RunViewModel;
import io.parzen.importance.ParamImportances.Method;
import io.parzen.space.SearchSpace;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.visualization.ImportancePlot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.jfree.chart.JFreeChart;

/**
 * The parameter importance panel: the {@link ImportancePlot} of a {@link RunViewModel}'s trials by
 * the chosen evaluator (fANOVA or PED-ANOVA), recomputed while a run goes.
 *
 * <p>Importances are computed on the {@link BackgroundExecutor}, never on the FX thread, and
 * throttled: a computation starts only when completed trials arrived since the last one (or the
 * evaluator changed), at most one is in flight, and one starts at most every
 * {@link #MIN_INTERVAL} or every three times as long as the last one took, whichever is longer,
 * so a big study does not keep a core busy. A result computed for trials or an evaluator that
 * were replaced meanwhile is dropped. While the panel is hidden nothing is computed; showing it
 * catches up. FX thread only.
 */
public final class ImportanceViewModel {

  /** Shortest time between the starts of two computations. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(2);
  /** fANOVA's seed: the same trials always give the same bars. */
  static final long SEED = 0;
  private static final javafx.util.Duration POLL = javafx.util.Duration.millis(200);

  private final ChartExporter exporter;
  private final BackgroundExecutor executor;
  private final LongSupplier nanoTime;
  private final ObjectProperty<Method> method = new SimpleObjectProperty<>(this, "method", Method.FANOVA);
  private final ReadOnlyObjectWrapper<ImportancePlot> plot = new ReadOnlyObjectWrapper<>(this, "plot");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
      "No completed trials yet: importances are computed from completed trials with a finite value.");
  private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
  private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
  private final ReadOnlyIntegerWrapper computations = new ReadOnlyIntegerWrapper(this, "computations");
  private final List<FrozenTrial> trials = new ArrayList<>();
  private final DeferredTrials deferred;
  private final Timeline poll;

  private StudyDirection direction = StudyDirection.MINIMIZE;
  private int usable;
  /** Completed trials the shown (or computing) plot is based on, and its evaluator. */
  private int usableComputed = -1;
  private Method methodComputed;
  /** Bumped when the trials are replaced: results of older trials are dropped. */
  private int generation;
  private boolean inFlight;
  private boolean active = true;
  private long lastStart;
  /** Whether the next computation may start without waiting out the interval (new trials or evaluator). */
  private boolean urgent = true;
  private long interval = MIN_INTERVAL.toNanos();

  public ImportanceViewModel(RunViewModel runs, ChartExporter exporter, BackgroundExecutor executor) {
    this(runs, exporter, executor, System::nanoTime);
  }

  /** A model timed by {@code nanoTime}, for tests. */
  ImportanceViewModel(RunViewModel runs, ChartExporter exporter, BackgroundExecutor executor, LongSupplier nanoTime) {
    this.exporter = exporter;
    this.executor = executor;
    this.nanoTime = nanoTime;
    poll = new Timeline(new KeyFrame(POLL, e -> tick()));
    poll.setCycleCount(Animation.INDEFINITE);
    method.addListener((obs, old, m) -> {
      if (m == null) {
        method.set(old);
        return;
      }
      urgent = true;  // The user asked: no need to wait.
      tick();
    });
    deferred = new DeferredTrials(new RunViewModel.TrialsListener() {
      @Override
      public void trialsReset(List<FrozenTrial> finished, SearchSpace space) {
        generation++;
        direction = runs.history().direction();
        trials.clear();
        trials.addAll(finished);
        usable = ImportancePlot.usableCount(finished);
        usableComputed = -1;
        plot.set(null);
        note.set("");
        urgent = true;
        tick();
      }

      @Override
      public void trialsFinished(List<FrozenTrial> batch) {
        trials.addAll(batch);
        usable += ImportancePlot.usableCount(batch);
        tick();
      }
    });
    runs.addTrialsListener(deferred);
  }

  /** The evaluator: {@link Method#FANOVA} (Optuna's default) or {@link Method#PED_ANOVA}. */
  public ObjectProperty<Method> methodProperty() {
    return method;
  }

  /** The evaluators to choose from. */
  public List<Method> methods() {
    return List.of(Method.values());
  }

  /** The latest importances, or {@code null} before the first are computed. */
  public ReadOnlyObjectProperty<ImportancePlot> plotProperty() {
    return plot.getReadOnlyProperty();
  }

  /** Why there are no bars, or why they say little; empty when there is nothing to say. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** "fANOVA · computed from 120 trials" and the evaluator's caveats; empty before a result. */
  public ReadOnlyStringProperty noteProperty() {
    return note.getReadOnlyProperty();
  }

  /** Whether a computation is running in the background. */
  public ReadOnlyBooleanProperty computingProperty() {
    return computing.getReadOnlyProperty();
  }

  /** How many computations were started, for tests of the throttle. */
  public ReadOnlyIntegerProperty computationsProperty() {
    return computations.getReadOnlyProperty();
  }

  /** The tooltip of {@code bar}: "lr (float, log): 0.62 ± 0.05". */
  public String describe(ImportancePlot.Bar bar) {
    String spread = Double.isNaN(bar.spread()) ? "" : String.format(Locale.ROOT, " ± %.2f", bar.spread());
    return String.format(Locale.ROOT, "%s (%s): %.3f%s", bar.parameter(), bar.kind().text(), bar.importance(), spread);
  }

  /** Exports {@code chart}. */
  public void export(JFreeChart chart) {
    exporter.export("param-importances", chart == null ? List.of() : List.of(chart), 1);
  }

  /**
   * Whether the panel is shown; the view sets it. While hidden, finished trials are kept and
   * nothing is computed; showing the panel again computes once if trials arrived.
   */
  public void setActive(boolean active) {
    this.active = active;
    deferred.setActive(active);
    tick();
  }

  /**
   * Starts a computation if one is wanted and allowed now; waits for the next poll otherwise. The
   * FX timer calls this every 200 ms while a computation waits.
   */
  void tick() {
    boolean wanted = active && (usable != usableComputed || method.get() != methodComputed);
    if (!wanted) {
      poll.stop();
    } else if (usable < ImportancePlot.MIN_TRIALS) {
      // Nothing to compute (a reset dropped any computation in flight): say so at once.
      poll.stop();
      usableComputed = usable;
      methodComputed = method.get();
      show(ImportancePlot.compute(trials, direction, method.get(), SEED));
    } else if (!inFlight) {
      if (!urgent && nanoTime.getAsLong() - lastStart < interval) {
        poll.play();
      } else {
        poll.stop();
        start();
      }
    }
  }

  private void start() {
    List<FrozenTrial> snapshot = List.copyOf(trials);
    StudyDirection dir = direction;
    Method m = method.get();
    int startedGeneration = generation;
    usableComputed = usable;
    methodComputed = m;
    urgent = false;
    inFlight = true;
    computing.set(true);
    computations.set(computations.get() + 1);
    long started = nanoTime.getAsLong();
    lastStart = started;
    executor.submit(() -> ImportancePlot.compute(snapshot, dir, m, SEED), result -> {
      finish(started);
      if (startedGeneration == generation && m == method.get()) {
        show(result);
      }
      tick();
    }, error -> {
      finish(started);
      if (startedGeneration == generation && m == method.get()) {
        plot.set(null);
        message.set("Importances could not be computed: " + error.getMessage());
        note.set("");
      }
      tick();
    });
  }

  private void finish(long started) {
    inFlight = false;
    computing.set(false);
    long took = nanoTime.getAsLong() - started;
    interval = Math.max(MIN_INTERVAL.toNanos(), 3 * took);
  }

  private void show(ImportancePlot result) {
    plot.set(result);
    message.set(result.message());
    if (result.bars().isEmpty()) {
      note.set("");
      return;
    }
    StringBuilder text = new StringBuilder(ImportancePlot.nameOf(result.method()))
        .append(" · computed from ").append(result.trialsUsed()).append(result.trialsUsed() == 1 ? " trial" : " trials");
    for (String n : result.notes()) {
      text.append('\n').append(n);
    }
    note.set(text.toString());
  }
}
