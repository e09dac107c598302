package io.parzen.app.run;

import io.parzen.objective.CommandObjective;
import io.parzen.trial.FrozenTrial;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

/**
 * The trial selected in the table, as the "Selected trial" pane shows it: its state, value or
 * failure, and what its program printed (the bounded tails of standard output and standard error
 * a command objective keeps with each trial). Follows the selection, and the selected trial while
 * it runs and finishes.
 */
public final class TrialDetailViewModel {

  private final RunViewModel runs;
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyStringWrapper stdout = new ReadOnlyStringWrapper(this, "stdout", "");
  private final ReadOnlyStringWrapper stderr = new ReadOnlyStringWrapper(this, "stderr", "");

  public TrialDetailViewModel(RunViewModel runs) {
    this.runs = runs;
    runs.selectedTrialProperty().addListener((obs, old, number) -> refresh());
    runs.rows().addListener((ListChangeListener<TrialRow>) change -> {
      Integer selected = runs.selectedTrialProperty().get();
      while (selected != null && change.next()) {
        if (change.getAddedSubList().stream().anyMatch(row -> row.number() == selected)) {
          refresh();
          return;
        }
      }
    });
    refresh();
  }

  /** "Trial 12 · FAIL", or a hint to select a trial. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** The value, the failure message or the exit status, and the duration. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** The end of what the trial's program wrote to standard output; empty for built-in objectives. */
  public ReadOnlyStringProperty stdoutProperty() {
    return stdout.getReadOnlyProperty();
  }

  /** The end of what the trial's program wrote to standard error. */
  public ReadOnlyStringProperty stderrProperty() {
    return stderr.getReadOnlyProperty();
  }

  private void refresh() {
    Integer number = runs.selectedTrialProperty().get();
    FrozenTrial trial = number == null ? null : runs.trial(number);
    if (trial == null) {
      title.set("Select a trial to see its details and output");
      summary.set("");
      stdout.set("");
      stderr.set("");
      return;
    }
    title.set("Trial " + trial.number() + " · " + trial.state());
    StringBuilder text = new StringBuilder();
    if (!trial.values().isEmpty()) {
      text.append(String.format(Locale.ROOT, "value %.6g", trial.values().get(0)));
    }
    trial.failReason().ifPresent(reason -> text.append(text.length() > 0 ? " · " : "").append(reason));
    Object exit = trial.userAttrs().get(CommandObjective.EXIT_STATUS_ATTR);
    if (exit != null) {
      text.append(text.length() > 0 ? " · " : "").append("exit status ").append(exit);
    }
    trial.duration().ifPresent(d -> text.append(text.length() > 0 ? " · " : "")
        .append(String.format(Locale.ROOT, "%.3g s", d.toNanos() / 1e9)));
    summary.set(text.toString());
    Object out = trial.userAttrs().get(CommandObjective.STDOUT_ATTR);
    Object err = trial.userAttrs().get(CommandObjective.STDERR_ATTR);
    boolean command = out != null || err != null || exit != null;
    stdout.set(out != null ? out.toString() : command ? "" : "(a built-in objective prints nothing)");
    stderr.set(err != null ? err.toString() : "");
  }
}
