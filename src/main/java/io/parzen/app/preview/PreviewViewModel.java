package io.parzen.app.preview;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.StudyDocument;
import io.parzen.space.SearchSpace;
import io.parzen.visualization.JointPreview;
import io.parzen.visualization.PriorPreview;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sampling preview (Hyperopt's {@code pyll.stochastic.sample} histogram, live): draws the
 * document's search space {@link #sampleCountProperty() N} times and exposes the prior of the
 * selected parameter, and optionally its joint draws with a {@link #secondParameterProperty()
 * second parameter}, as plain {@link PriorPreview} and {@link JointPreview} records.
 *
 * <p>Every change of the space, the selection, N or the seed asks for a new preview. Work runs on
 * the {@link BackgroundExecutor}; at most one computation is in flight, a burst of edits while it
 * runs collapses into one follow-up computation of the latest inputs, and a result whose inputs
 * are no longer current is dropped (and its computation cancelled). Use from the FX thread only.
 */
public final class PreviewViewModel {

  public static final int DEFAULT_SAMPLE_COUNT = 1_000;
  public static final int MIN_SAMPLE_COUNT = 10;
  public static final int MAX_SAMPLE_COUNT = 200_000;

  private final StudyDocument document;
  private final BackgroundExecutor executor;

  private final IntegerProperty sampleCount = new SimpleIntegerProperty(this, "sampleCount", DEFAULT_SAMPLE_COUNT);
  private final StringProperty secondParameter = new SimpleStringProperty(this, "secondParameter");
  private final LongProperty seed = new SimpleLongProperty(this, "seed", 0);
  private final ObservableList<String> parameterNames = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<PriorPreview> prior = new ReadOnlyObjectWrapper<>(this, "prior");
  private final ReadOnlyObjectWrapper<JointPreview> joint = new ReadOnlyObjectWrapper<>(this, "joint");
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
  private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity", "");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

  /** Bumped by every request; a computation whose generation is not current is stale. */
  private final AtomicLong generation = new AtomicLong();
  private boolean computing;
  private boolean pending;

  public PreviewViewModel(StudyDocument document, BackgroundExecutor executor) {
    this.document = Objects.requireNonNull(document);
    this.executor = Objects.requireNonNull(executor);
    document.spaceProperty().addListener((obs, old, space) -> spaceChanged(space));
    document.selectedParameterProperty().addListener((obs, old, name) -> refresh());
    sampleCount.addListener((obs, old, n) -> refresh());
    secondParameter.addListener((obs, old, name) -> refresh());
    seed.addListener((obs, old, s) -> refresh());
    spaceChanged(document.getSpace());
  }

  /** How many times the whole space is drawn, {@value #DEFAULT_SAMPLE_COUNT} unless changed. */
  public IntegerProperty sampleCountProperty() {
    return sampleCount;
  }

  /** A parameter to scatter against the selected one, or {@code null} for none. */
  public StringProperty secondParameterProperty() {
    return secondParameter;
  }

  /** Seed of the draws; the same seed and inputs give the same preview. */
  public LongProperty seedProperty() {
    return seed;
  }

  /** Names of the space's parameters, in declaration order, for choosing the second parameter. */
  public ObservableList<String> parameterNames() {
    return FXCollections.unmodifiableObservableList(parameterNames);
  }

  /** The histogram of the selected parameter, or {@code null} when there is nothing to show. */
  public ReadOnlyObjectProperty<PriorPreview> priorProperty() {
    return prior.getReadOnlyProperty();
  }

  /** Joint draws of the selected and the second parameter, or {@code null}. */
  public ReadOnlyObjectProperty<JointPreview> jointProperty() {
    return joint.getReadOnlyProperty();
  }

  /** Heading such as {@code lr · log-uniform}. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** For a conditional parameter, {@code active in 63% of draws}; empty otherwise. */
  public ReadOnlyStringProperty activityProperty() {
    return activity.getReadOnlyProperty();
  }

  /** One line on the draws, such as {@code 1,000 draws · min 1.2e-05 · max 0.0987}. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** Why there is no chart (no selection, an error), or empty while a preview is shown. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Whether a computation is running. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Draws again with a new seed. */
  public void resample() {
    seed.set(seed.get() + 1);
  }

  /** Asks for a preview of the current inputs; called on every change, callable by hand. */
  public void refresh() {
    long current = generation.incrementAndGet();
    Request request = request();
    if (request == null) {
      show(null);
      return;
    }
    if (computing) {
      pending = true;
      return;
    }
    compute(request, current);
  }

  private void spaceChanged(SearchSpace space) {
    parameterNames.setAll(space.names());
    if (secondParameter.get() != null && !space.names().contains(secondParameter.get())) {
      secondParameter.set(null);
    }
    refresh();
  }

  /** The inputs of a preview, or {@code null} when there is nothing to preview. */
  private Request request() {
    SearchSpace space = document.getSpace();
    String selected = document.selectedParameterProperty().get();
    if (space == null || selected == null || space.parameter(selected).isEmpty()) {
      return null;
    }
    String second = secondParameter.get();
    if (second != null && (second.equals(selected) || space.parameter(second).isEmpty())) {
      second = null;
    }
    int n = Math.max(MIN_SAMPLE_COUNT, Math.min(MAX_SAMPLE_COUNT, sampleCount.get()));
    return new Request(space, selected, second, n, seed.get());
  }

  private void compute(Request request, long requestGeneration) {
    computing = true;
    busy.set(true);
    BooleanSupplier stale = () -> generation.get() != requestGeneration;
    executor.submit(
        () -> request.compute(stale),
        result -> finished(requestGeneration, result, null),
        error -> finished(requestGeneration, null, error));
  }

  private void finished(long requestGeneration, Result result, Throwable error) {
    computing = false;
    if (requestGeneration == generation.get()) {
      if (error == null) {
        show(result);
      } else if (!(error instanceof CancellationException)) {
        show(null);
        message.set("No preview: " + error.getMessage());
      }
    }
    if (pending) {
      pending = false;
      Request next = request();
      if (next != null) {
        compute(next, generation.get());
        return;
      }
    }
    busy.set(computing);
  }

  private void show(Result result) {
    if (result == null) {
      prior.set(null);
      joint.set(null);
      title.set("");
      activity.set("");
      summary.set("");
      SearchSpace space = document.getSpace();
      message.set(space == null || space.isEmpty()
          ? "Add parameters to the search space to preview their priors."
          : "Select a parameter to preview the values its prior draws.");
      return;
    }
    PriorPreview p = result.prior();
    prior.set(p);
    joint.set(result.joint());
    title.set(p.parameterName() + " · " + result.kind());
    activity.set(result.conditional()
        ? String.format(Locale.ROOT, "active in %d%% of draws", Math.round(100 * p.activeFraction()))
        : "");
    summary.set(summaryOf(p));
    message.set(p.activeDraws() == 0 ? "Not active in any of the " + p.draws() + " draws." : "");
  }

  private static String summaryOf(PriorPreview p) {
    String draws = String.format(Locale.ROOT, "%,d draws", p.draws());
    if (p.activeDraws() < p.draws()) {
      draws = String.format(Locale.ROOT, "%,d of %,d draws", p.activeDraws(), p.draws());
    }
    if (p.categorical() || p.activeDraws() == 0) {
      return draws;
    }
    return draws + " · min " + format(p.min()) + " · max " + format(p.max());
  }

  /** A number as a data scientist reads it: 0.0123, 1.5e-05, 512. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e9) {
      return Long.toString((long) value);
    }
    double magnitude = Math.abs(value);
    if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6)) {
      return String.format(Locale.ROOT, "%.3g", value);
    }
    return String.format(Locale.ROOT, "%.4g", value);
  }

  /** A snapshot of the inputs, taken on the FX thread and computed in the background. */
  private record Request(SearchSpace space, String selected, String second, int n, long seed) {
    Result compute(BooleanSupplier stale) {
      PriorPreview prior = PriorPreview.of(space, selected, n, seed, PriorPreview.DEFAULT_BIN_COUNT, stale);
      JointPreview joint = second == null ? null : JointPreview.of(space, selected, second, n, seed, stale);
      var parameter = space.parameter(selected).orElseThrow();
      return new Result(prior, joint, parameter.kind().label(), parameter.isConditional());
    }
  }

  private record Result(PriorPreview prior, JointPreview joint, String kind, boolean conditional) {}
}
