package io.parzen.app.run;

import io.parzen.trial.FrozenTrial;
import io.parzen.trial.ParamsSnippet;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The best trial so far, as the "Best trial" panel shows it: its number and value, when it ran,
 * its parameters, and its parameters as text to copy (JSON, a Python dict, Java). Follows the
 * {@link RunViewModel}'s best trial, so it updates live during a run.
 */
public final class BestTrialViewModel {

  /** One parameter of the best trial. */
  public record Param(String name, String value) {}

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
      .withZone(java.time.ZoneId.systemDefault());

  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
  private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
  private final ObservableList<Param> params = FXCollections.observableArrayList();
  private FrozenTrial trial;

  public BestTrialViewModel(RunViewModel runs) {
    runs.bestTrialProperty().addListener((obs, old, best) -> show(best));
    show(runs.bestTrialProperty().get());
  }

  /** "Trial 17: value 0.397887", or a line saying there is none yet. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** When the best trial ran and how long it took. */
  public ReadOnlyStringProperty detailsProperty() {
    return details.getReadOnlyProperty();
  }

  /** What the last copy did, such as "Copied as Python dict". */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Whether there is a best trial to show and copy. */
  public ReadOnlyBooleanProperty availableProperty() {
    return available.getReadOnlyProperty();
  }

  /** The best trial's parameters in the order the trial suggested them. */
  public ObservableList<Param> params() {
    return params;
  }

  /** The best trial's parameters as {@code kind}, or {@code ""} when there is no best trial. */
  public String snippet(ParamsSnippet kind) {
    return trial == null ? "" : kind.format(trial.params());
  }

  /** Records that the view put {@link #snippet} on the clipboard. */
  public void copied(ParamsSnippet kind) {
    status.set(trial == null ? "" : "Copied the parameters of trial " + trial.number() + " as " + kind.label());
  }

  private void show(FrozenTrial best) {
    trial = best;
    status.set("");
    available.set(best != null);
    if (best == null) {
      title.set("No completed trial yet");
      details.set("");
      params.clear();
      return;
    }
    title.set(String.format(Locale.ROOT, "Trial %d: value %.6g", best.number(), best.values().get(0)));
    StringBuilder text = new StringBuilder();
    if (best.start() != null) {
      text.append("Started ").append(TIME.format(best.start()));
    }
    best.duration().ifPresent(d -> text.append(text.length() > 0 ? ", " : "").append("took ")
        .append(String.format(Locale.ROOT, "%.3g s", d.toNanos() / 1e9)));
    details.set(text.toString());
    params.setAll(best.params().entrySet().stream()
        .map(e -> new Param(e.getKey(), e.getValue() == null ? "None" : e.getValue().toString())).toList());
  }
}
