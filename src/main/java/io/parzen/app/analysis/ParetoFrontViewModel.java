package io.parzen.app.analysis;

import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.DeferredTrials;
import io.parzen.app.run.RunViewModel;
import io.parzen.app.run.TrialRow;
import io.parzen.space.SearchSpace;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.visualization.ColorScale;
import io.parzen.visualization.ParetoFront;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jfree.chart.JFreeChart;

/**
 * The Pareto front panel of a multi-objective study: every COMPLETE trial by two chosen
 * objectives, the trials no other dominates (in all objectives, not just the two shown) apart from
 * the rest, and the table of those best trials. Grows batch by batch while a run goes; computes
 * nothing while hidden. FX thread only.
 */
public final class ParetoFrontViewModel {

  private final RunViewModel runs;
  private final ChartExporter exporter;
  private final ReadOnlyObjectWrapper<ParetoFront> front = new ReadOnlyObjectWrapper<>(this, "front");
  private final ObservableList<String> objectiveNames = FXCollections.observableArrayList();
  private final IntegerProperty xObjective = new SimpleIntegerProperty(this, "xObjective", 0);
  private final IntegerProperty yObjective = new SimpleIntegerProperty(this, "yObjective", 1);
  private final IntegerProperty zObjective = new SimpleIntegerProperty(this, "zObjective", 2);
  private final javafx.beans.property.BooleanProperty threeD =
      new javafx.beans.property.SimpleBooleanProperty(this, "threeD", false);
  private final javafx.beans.property.DoubleProperty yaw = new javafx.beans.property.SimpleDoubleProperty(this, "yaw", 35);
  private final javafx.beans.property.DoubleProperty pitch =
      new javafx.beans.property.SimpleDoubleProperty(this, "pitch", 20);
  private final ObservableList<TrialRow> bestRows = FXCollections.observableArrayList();
  private final DeferredTrials deferred;
  private ParetoFront.Builder builder;
  private int firstNumber = Integer.MAX_VALUE;
  private int lastNumber = Integer.MIN_VALUE;

  public ParetoFrontViewModel(RunViewModel runs, ChartExporter exporter) {
    this.runs = runs;
    this.exporter = exporter;
    front.set(new ParetoFront(List.of(StudyDirection.MINIMIZE), List.of(), List.of()));
    deferred = new DeferredTrials(new RunViewModel.TrialsListener() {
      @Override
      public void trialsReset(List<FrozenTrial> finished, SearchSpace space) {
        List<StudyDirection> directions = runs.directionsProperty().get();
        builder = new ParetoFront.Builder(directions);
        firstNumber = Integer.MAX_VALUE;
        lastNumber = Integer.MIN_VALUE;
        fillNames(directions);
        add(finished);
      }

      @Override
      public void trialsFinished(List<FrozenTrial> batch) {
        add(batch);
      }
    });
    runs.addTrialsListener(deferred);
  }

  /** The front so far (all objectives). */
  public ReadOnlyObjectProperty<ParetoFront> frontProperty() {
    return front.getReadOnlyProperty();
  }

  /** Whether the study has two or more objectives, so that it has a front to show. */
  public boolean hasFront() {
    return front.get().objectives() > 1;
  }

  /** "Objective 1 (minimize)", … : the choices of the axes. */
  public ObservableList<String> objectiveNames() {
    return objectiveNames;
  }

  /** The objective on the horizontal axis (0 for the first). */
  public IntegerProperty xObjectiveProperty() {
    return xObjective;
  }

  /** The objective on the vertical axis. */
  public IntegerProperty yObjectiveProperty() {
    return yObjective;
  }

  /** The objective up in the 3D view. */
  public IntegerProperty zObjectiveProperty() {
    return zObjective;
  }

  /**
   * Whether three objectives are drawn in a box that the user turns, rather than two against each
   * other; on by default for a study of three or more objectives.
   */
  public javafx.beans.property.BooleanProperty threeDProperty() {
    return threeD;
  }

  /** Degrees the 3D box is turned about the vertical. */
  public javafx.beans.property.DoubleProperty yawProperty() {
    return yaw;
  }

  /** Degrees the 3D box is tilted towards the viewer, between -90 and 90. */
  public javafx.beans.property.DoubleProperty pitchProperty() {
    return pitch;
  }

  /** Turns the 3D box by a mouse drag of {@code dx}, {@code dy} pixels. */
  public void turn(double dx, double dy) {
    yaw.set((yaw.get() + dx * 0.5) % 360);
    pitch.set(Math.max(-90, Math.min(90, pitch.get() + dy * 0.5)));
  }

  /** The trials on the front with their values and parameters, by number: the best-trials table. */
  public ObservableList<TrialRow> bestRows() {
    return bestRows;
  }

  /** The trial highlighted in every plot (shared with the trials table). */
  public ObjectProperty<Integer> selectedTrialProperty() {
    return runs.selectedTrialProperty();
  }

  /** The parameter names so far, for the best-trials table's columns. */
  public ObservableList<String> parameterNames() {
    return runs.parameterNames();
  }

  /** Tooltip text of trial {@code number}. */
  public String describe(int number) {
    return runs.describe(number);
  }

  /** The colour ({@code 0xRRGGBB}) of a dominated trial: Optuna's Blues by trial number. */
  public int colorOf(int number) {
    return ColorScale.blues(ColorScale.trialFraction(number, firstNumber, lastNumber));
  }

  /** What the panel says instead of a plot, if anything: a single objective, or no trial yet. */
  public Optional<String> emptyText() {
    ParetoFront f = front.get();
    if (f.objectives() < 2) {
      return Optional.of("The Pareto front needs a study with two or more objectives. Add an objective with + next to"
          + " the direction in the study setup; the objective then returns one value per direction.");
    }
    if (f.best().isEmpty()) {
      return Optional.of("No completed trials yet. Each completed trial becomes a point here; those that no other"
          + " trial beats in every objective form the Pareto front.");
    }
    return Optional.empty();
  }

  /** Exports {@code chart}. */
  public void export(JFreeChart chart) {
    exporter.export("pareto-front", List.of(chart), 1);
  }

  /** Whether the panel is shown; the view sets it. While hidden, trials are kept, not plotted. */
  public void setActive(boolean active) {
    deferred.setActive(active);
  }

  private void fillNames(List<StudyDirection> directions) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < directions.size(); i++) {
      names.add("Objective " + (i + 1) + " (" + directions.get(i).name().toLowerCase(Locale.ROOT) + ")");
    }
    if (!names.equals(objectiveNames)) {
      objectiveNames.setAll(names);
      xObjective.set(0);
      yObjective.set(Math.min(1, names.size() - 1));
      zObjective.set(Math.min(2, names.size() - 1));
      threeD.set(names.size() >= 3);
    }
  }

  private void add(List<FrozenTrial> trials) {
    for (FrozenTrial t : trials) {
      firstNumber = Math.min(firstNumber, t.number());
      lastNumber = Math.max(lastNumber, t.number());
    }
    builder.append(trials);
    ParetoFront now = builder.build();
    List<TrialRow> rows = new ArrayList<>();
    for (ParetoFront.Point p : now.best()) {
      runs.row(p.number()).ifPresent(rows::add);
    }
    bestRows.setAll(rows);
    front.set(now);
  }
}
