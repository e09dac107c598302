package io.parzen.app.analysis;

import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.DeferredTrials;
import io.parzen.app.run.RunViewModel;
import io.parzen.space.SearchSpace;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.TimelinePlot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jfree.chart.JFreeChart;

/**
 * The timeline panel (Optuna's {@code plot_timeline}): the {@link TimelinePlot} of a
 * {@link RunViewModel}'s trials, finished and running, rebuilt once per batch; while trials run,
 * their bars grow to the current time once a second. Trials do not record which worker ran them,
 * so there is one row per trial number, as in Optuna. While the panel is hidden nothing is built;
 * showing it catches up. FX thread only.
 */
public final class TimelineViewModel {

  /** How often running bars are extended to the current time. */
  static final javafx.util.Duration GROW = javafx.util.Duration.seconds(1);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  private final RunViewModel runs;
  private final ChartExporter exporter;
  private final Clock clock;
  private final ReadOnlyObjectWrapper<TimelinePlot> plot;
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final DeferredTrials deferred;
  private final Timeline grow;
  private TimelinePlot.Builder builder = new TimelinePlot.Builder();
  private boolean active = true;
  private Instant builtAt;

  public TimelineViewModel(RunViewModel runs, ChartExporter exporter) {
    this(runs, exporter, Clock.systemDefaultZone());
  }

  /** A model that reads the current time from {@code clock}, for tests. */
  TimelineViewModel(RunViewModel runs, ChartExporter exporter, Clock clock) {
    this.runs = runs;
    this.exporter = exporter;
    this.clock = clock;
    plot = new ReadOnlyObjectWrapper<>(this, "plot", builder.build(clock.instant()));
    grow = new Timeline(new KeyFrame(GROW, e -> refresh()));
    grow.setCycleCount(Animation.INDEFINITE);
    deferred = new DeferredTrials(new RunViewModel.TrialsListener() {
      @Override
      public void trialsReset(List<FrozenTrial> finished, SearchSpace space) {
        builder = new TimelinePlot.Builder().add(finished);
        refresh();
      }

      @Override
      public void trialsFinished(List<FrozenTrial> batch) {
        builder.add(batch);
        refresh();
      }

      @Override
      public void trialsStarted(List<FrozenTrial> running) {
        builder.add(running);
        refresh();
      }
    });
    runs.addTrialsListener(deferred);
  }

  /** The timeline as of the last batch or second. */
  public ReadOnlyObjectProperty<TimelinePlot> plotProperty() {
    return plot.getReadOnlyProperty();
  }

  /** "120 trials · 3 running · 1 failed" for the toolbar; empty without trials. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** The trial highlighted in every plot (shared with the table). */
  public ObjectProperty<Integer> selectedTrialProperty() {
    return runs.selectedTrialProperty();
  }

  /** Selects trial {@code number} everywhere (a click on its bar). */
  public void select(int number) {
    runs.selectedTrialProperty().set(number);
  }

  /** The bar at a point of the chart (see {@link TimelinePlot#barAt}). */
  public Optional<TimelinePlot.Bar> barAt(Instant time, double number, Duration timeTolerance,
      double numberTolerance) {
    return plot.get().barAt(time, number, timeTolerance, numberTolerance);
  }

  /**
   * The tooltip of {@code bar}: "Trial 12 · COMPLETE · 1.25 s" then when it ran, in the
   * system's time zone.
   */
  public String describe(TimelinePlot.Bar bar) {
    String duration = RunViewModel.durationText(bar.duration());
    // A running bar that does not reach the time of the last rebuild is a leftover of an old run.
    boolean leftOver = bar.running() && !bar.end().equals(builtAt);
    StringBuilder text = new StringBuilder("Trial ").append(bar.number()).append(" · ").append(bar.state())
        .append(" · ").append(leftOver ? "never finished (left over from an earlier run?)"
            : bar.running() ? duration + " so far" : duration);
    ZoneId zone = clock.getZone();
    text.append('\n').append(TIME.format(bar.start().atZone(zone)));
    if (bar.state() != TrialState.WAITING && !leftOver) {
      text.append(" – ").append(bar.running() ? "now" : TIME.format(bar.end().atZone(zone)));
    }
    return text.toString();
  }

  /** Exports {@code chart}. */
  public void export(JFreeChart chart) {
    exporter.export("timeline", chart == null ? List.of() : List.of(chart), 1);
  }

  /**
   * Whether the panel is shown; the view sets it. While hidden, trials are kept, not drawn, and
   * running bars do not grow.
   */
  public void setActive(boolean active) {
    this.active = active;
    deferred.setActive(active);
    updateGrowth();
  }

  /** Rebuilds the timeline as of now: the FX timer calls it every second while trials run. */
  void refresh() {
    builtAt = clock.instant();
    TimelinePlot p = builder.build(builtAt);
    plot.set(p);
    summary.set(summarize(p));
    updateGrowth();
  }

  private void updateGrowth() {
    if (active && builder.hasUnfinished()) {
      grow.play();
    } else {
      grow.stop();
    }
  }

  private static String summarize(TimelinePlot p) {
    if (p.bars().isEmpty()) {
      return "";
    }
    StringJoiner text = new StringJoiner(" · ");
    text.add(p.bars().size() + (p.bars().size() == 1 ? " trial" : " trials"));
    Map<TrialState, Integer> counts = p.counts();
    for (TrialState s : List.of(TrialState.RUNNING, TrialState.WAITING, TrialState.COMPLETE, TrialState.PRUNED,
        TrialState.FAIL)) {
      Integer n = counts.get(s);
      if (n != null && n < p.bars().size()) {
        text.add(n + " " + (s == TrialState.FAIL ? "failed" : s.name().toLowerCase(java.util.Locale.ROOT)));
      }
    }
    if (p.first() != null) {
      text.add("over " + RunViewModel.durationText(Duration.between(p.first(), p.last())));
    }
    return text.toString();
  }
}
