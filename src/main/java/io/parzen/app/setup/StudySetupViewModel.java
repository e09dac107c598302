package io.parzen.app.setup;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.DialogService;
import io.parzen.app.StudyDocument;
import io.parzen.objective.CommandObjective;
import io.parzen.objective.MultiObjective;
import io.parzen.objective.Objectives;
import io.parzen.pruner.PrunerOptions;
import io.parzen.pruner.Pruners;
import io.parzen.sampler.SamplerOptions;
import io.parzen.sampler.Samplers;
import io.parzen.space.SearchSpace;
import io.parzen.study.Budget;
import io.parzen.study.StudyDefinition;
import io.parzen.study.StudyDirection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The study setup form: name, direction, objective (a built-in one, or {@code command} with its
 * own form), sampler and pruner each with an options form built from their descriptions
 * ({@link SamplerOptions}, {@link PrunerOptions}), budget and workers. Turns itself into a
 * {@link StudyDefinition} and back; edits of the option forms mark the document unsaved.
 */
public final class StudySetupViewModel {

  private final StringProperty studyName = new SimpleStringProperty(this, "studyName", "study");
  private final ObjectProperty<StudyDirection> direction =
      new SimpleObjectProperty<>(this, "direction", StudyDirection.MINIMIZE);
  /** The directions of the second, third, … objectives of a multi-objective study. */
  private final ObservableList<StudyDirection> moreDirections = FXCollections.observableArrayList();
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
  private final OptionsViewModel samplerOptions;
  private final OptionsViewModel prunerOptions;
  private final CommandObjectiveViewModel command;
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

  /**
   * @param document the open study: its space (for the command's placeholders and test runs) and
   *     its unsaved marker
   * @param dialogs for the command's Browse… button
   * @param executor runs the command's test runs
   */
  public StudySetupViewModel(StudyDocument document, DialogService dialogs, BackgroundExecutor executor) {
    objectives.addAll(Objectives.names());
    objectives.addAll(Objectives.multiObjectiveNames());
    objectives.add(CommandObjective.COMPONENT_NAME);
    Runnable edited = () -> document.dirtyProperty().set(true);
    samplerOptions = new OptionsViewModel("sampler", sampler, SamplerOptions::of, Samplers::create, Set.of("seed"),
        edited);
    samplerOptions.sharedField("seed", SamplerOptions.SEED).textProperty().bindBidirectional(seed);
    prunerOptions = new OptionsViewModel("pruner", pruner, PrunerOptions::of, Pruners::create, Set.of(), edited);
    command = new CommandObjectiveViewModel(document.spaceProperty(), dialogs, executor, this::seedValue, edited);
    valid.bind(samplerOptions.validProperty().and(prunerOptions.validProperty())
        .and(objective.isNotEqualTo(CommandObjective.COMPONENT_NAME).or(command.validProperty())));
  }

  /** The sampler's options form (its seed included). */
  public OptionsViewModel samplerOptions() {
    return samplerOptions;
  }

  /** The pruner's options form. */
  public OptionsViewModel prunerOptions() {
    return prunerOptions;
  }

  /** The command objective's form, shown while the objective is {@code command}. */
  public CommandObjectiveViewModel command() {
    return command;
  }

  /** Whether the sampler, pruner and (when chosen) command forms are all valid: Run needs it. */
  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }

  public StringProperty studyNameProperty() {
    return studyName;
  }

  public ObjectProperty<StudyDirection> directionProperty() {
    return direction;
  }

  /**
   * The directions of the objectives after the first: empty for a single-objective study. The
   * objective must return one value per direction ({@code {"values": [...]}} from a command).
   */
  public ObservableList<StudyDirection> moreDirections() {
    return moreDirections;
  }

  /** Every objective's direction, the first one's first. */
  public List<StudyDirection> directions() {
    List<StudyDirection> all = new java.util.ArrayList<>();
    all.add(direction.get());
    all.addAll(moreDirections);
    return List.copyOf(all);
  }

  /** Sets every objective's direction; {@code directions} must hold at least one. */
  public void setDirections(List<StudyDirection> directions) {
    if (directions.isEmpty()) {
      throw new IllegalArgumentException("a study needs at least one direction");
    }
    direction.set(directions.get(0));
    if (!moreDirections.equals(directions.subList(1, directions.size()))) {
      moreDirections.setAll(directions.subList(1, directions.size()));
    }
  }

  /** Adds an objective (minimised) to the study. */
  public void addObjective() {
    moreDirections.add(StudyDirection.MINIMIZE);
  }

  /** Removes the objective at {@code index} (1 for the second); the first cannot be removed. */
  public void removeObjective(int index) {
    if (index < 1 || index > moreDirections.size()) {
      throw new IllegalArgumentException("no objective " + (index + 1) + " to remove (the study has "
          + (moreDirections.size() + 1) + ")");
    }
    moreDirections.remove(index - 1);
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
    setDirections(directions.isEmpty() ? List.of(StudyDirection.MINIMIZE) : directions);
    if (definition.objective() != null) {
      if (!objectives.contains(definition.objective().name())) {
        objectives.add(definition.objective().name());
      }
      objective.set(definition.objective().name());
    }
    StudyDefinition.Component s = definition.sampler() == null
        ? new StudyDefinition.Component("tpe", Map.of()) : definition.sampler();
    samplerOptions.load(s.name(), s.options());
    sampler.set(s.name());
    StudyDefinition.Component p = definition.pruner() == null
        ? new StudyDefinition.Component("nop", Map.of()) : definition.pruner();
    prunerOptions.load(p.name(), p.options());
    pruner.set(p.name());
    boolean isCommand = definition.objective() != null
        && definition.objective().name().equals(CommandObjective.COMPONENT_NAME);
    command.load(isCommand ? definition.objective().options() : Map.of());
    if (definition.budget() != null) {
      trials.set(definition.budget().trials() == null ? 0 : definition.budget().trials());
      timeoutSeconds.set(definition.budget().timeout() == null ? 0 : (int) definition.budget().timeout().toSeconds());
    }
    workers.set(definition.workers());
    description.set(text == null ? "" : text);
  }

  /**
   * The definition of the study as set up here, with {@code space}: options that differ from their
   * defaults, and values that are wrong as typed (so saving loses nothing; Run is disabled then).
   */
  public StudyDefinition toDefinition(SearchSpace space) {
    boolean isCommand = CommandObjective.COMPONENT_NAME.equals(objective.get());
    return new StudyDefinition(space, new StudyDefinition.Component(sampler.get(), samplerOptions.toOptions()),
        new StudyDefinition.Component(pruner.get(), prunerOptions.toOptions()),
        new StudyDefinition.Component(objective.get(), isCommand ? command.toOptions() : Map.of()), budget(),
        Math.max(1, workers.get()));
  }

  /**
   * The objective {@code definition} names, as the command line builds it: a {@link CommandObjective}
   * from the component's options, or a built-in objective by name.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static MultiObjective objective(StudyDefinition definition) {
    StudyDefinition.Component component = definition.objective();
    if (component == null) {
      throw new IllegalArgumentException("the study names no objective");
    }
    if (component.name().equals(CommandObjective.COMPONENT_NAME)) {
      return new CommandObjective(CommandObjective.Config.fromOptions(component.options()));
    }
    return Objectives.create(component.name()).objective();
  }
}
