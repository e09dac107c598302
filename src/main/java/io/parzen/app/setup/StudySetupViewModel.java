package io.parzen.app.setup;

import io.parzen.objective.Objectives;
import io.parzen.pruner.Pruners;
import io.parzen.sampler.Samplers;
import io.parzen.space.SearchSpace;
import io.parzen.study.Budget;
import io.parzen.study.StudyDefinition;
import io.parzen.study.StudyDirection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The study setup form: name, direction, objective, sampler with its options, budget and
 * workers. Turns itself into a {@link StudyDefinition} and back.
 */
public final class StudySetupViewModel {


  private final StringProperty studyName = new SimpleStringProperty(this, "studyName", "study");
  private final ObjectProperty<StudyDirection> direction =
      new SimpleObjectProperty<>(this, "direction", StudyDirection.MINIMIZE);
  private final StringProperty objective = new SimpleStringProperty(this, "objective", "quadratic");
  private final StringProperty sampler = new SimpleStringProperty(this, "sampler", "tpe");
  private final StringProperty seed = new SimpleStringProperty(this, "seed", "");
  private final StringProperty pruner = new SimpleStringProperty(this, "pruner", "nop");
  private final IntegerProperty trials = new SimpleIntegerProperty(this, "trials", 100);
  private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(this, "timeoutSeconds", 0);
  private final IntegerProperty workers = new SimpleIntegerProperty(this, "workers", 1);
  private final StringProperty description = new SimpleStringProperty(this, "description", "");
  private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable", true);
  private final ObservableList<String> objectives = FXCollections.observableArrayList();
  private final ObservableList<String> samplers = FXCollections.observableArrayList(Samplers.NAMES);
  private final ObservableList<String> pruners = FXCollections.observableArrayList(Pruners.NAMES);

  public StudySetupViewModel() {
    objectives.addAll(Objectives.names());
  }

  public StringProperty studyNameProperty() {
    return studyName;
  }

  public ObjectProperty<StudyDirection> directionProperty() {
    return direction;
  }

  public StringProperty objectiveProperty() {
    return objective;
  }

  public StringProperty samplerProperty() {
    return sampler;
  }

  /** The pruner's name, with Optuna's default options ({@code nop} never prunes). */
  public StringProperty prunerProperty() {
    return pruner;
  }

  public ObservableList<String> pruners() {
    return pruners;
  }

  /** The sampler's seed as typed; empty for a random seed. */
  public StringProperty seedProperty() {
    return seed;
  }

  public IntegerProperty trialsProperty() {
    return trials;
  }

  /** The time limit in seconds; 0 for none. */
  public IntegerProperty timeoutSecondsProperty() {
    return timeoutSeconds;
  }

  public IntegerProperty workersProperty() {
    return workers;
  }

  public StringProperty descriptionProperty() {
    return description;
  }

  /** False while a study runs: its setup cannot change then. */
  public BooleanProperty editableProperty() {
    return editable;
  }

  public ObservableList<String> objectives() {
    return objectives;
  }

  public ObservableList<String> samplers() {
    return samplers;
  }

  /** The seed as a number, or {@code null} when empty or not a whole number. */
  public Long seedValue() {
    try {
      return seed.get() == null || seed.get().isBlank() ? null : Long.parseLong(seed.get().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The budget of a run: the trials and, when set, the time limit. */
  public Budget budget() {
    Budget budget = Budget.trials(Math.max(0, trials.get()));
    return timeoutSeconds.get() > 0 ? budget.orTimeout(Duration.ofSeconds(timeoutSeconds.get())) : budget;
  }

  /** Fills the form from a stored study. */
  public void load(String name, List<StudyDirection> directions, StudyDefinition definition, String text) {
    studyName.set(name);
    direction.set(directions.isEmpty() ? StudyDirection.MINIMIZE : directions.get(0));
    if (definition.objective() != null) {
      if (!objectives.contains(definition.objective().name())) {
        objectives.add(definition.objective().name());
      }
      objective.set(definition.objective().name());
    }
    if (definition.sampler() != null) {
      sampler.set(definition.sampler().name());
      Object s = definition.sampler().options().get("seed");
      seed.set(s == null ? "" : s.toString());
    }
    pruner.set(definition.pruner() == null ? "nop" : definition.pruner().name());
    if (definition.budget() != null) {
      trials.set(definition.budget().trials() == null ? 0 : definition.budget().trials());
      timeoutSeconds.set(definition.budget().timeout() == null ? 0 : (int) definition.budget().timeout().toSeconds());
    }
    workers.set(definition.workers());
    description.set(text == null ? "" : text);
  }

  /** The definition of the study as set up here, with {@code space}. */
  public StudyDefinition toDefinition(SearchSpace space) {
    Map<String, Object> options = new LinkedHashMap<>();
    if (seedValue() != null) {
      options.put("seed", seedValue());
    }
    return new StudyDefinition(space, new StudyDefinition.Component(sampler.get(), options),
        new StudyDefinition.Component(pruner.get(), Map.of()),
        new StudyDefinition.Component(objective.get(), Map.of()), budget(), Math.max(1, workers.get()));
  }
}
