package io.parzen.app;

import io.parzen.app.preview.PreviewViewModel;
import io.parzen.app.run.RunViewModel;
import io.parzen.app.setup.StudySetupViewModel;
import io.parzen.app.space.SpaceEditorViewModel;
import io.parzen.objective.Objectives;
import io.parzen.sampler.Samplers;
import io.parzen.storage.SqliteStorage;
import io.parzen.storage.StudyJson;
import io.parzen.storage.TrialsCsv;
import io.parzen.study.OptimizeResult;
import io.parzen.study.Study;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The studio window: the open study file, its setup, search space and preview panels, and the
 * commands of the menu bar and toolbar (New, Open, Save, Run, Stop ...). Files are read and
 * written through {@link StudyFiles}; problems reach the user through the {@link DialogService}
 * and nothing is overwritten on failure.
 */
public final class MainViewModel {

  /** The tabs of the right-hand area. */
  public enum Panel { PRIOR_SAMPLES, HISTORY, SLICE, SAMPLES, INTERMEDIATE_VALUES, TRIALS }

  private static final List<String> STUDY_FILES = List.of("*.db", "*.sqlite", "*.sqlite3");

  private final StudyDocument document = new StudyDocument();
  private final StudySetupViewModel setup = new StudySetupViewModel();
  private final SpaceEditorViewModel space;
  private final PreviewViewModel preview;
  private final RunViewModel runs = new RunViewModel();
  private final DialogService dialogs;
  private final BackgroundExecutor executor;
  private final StudioPreferences preferences;

  private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
  private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
  private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(this, "canRun");
  private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
  private final ObjectProperty<Panel> selectedPanel = new SimpleObjectProperty<>(this, "selectedPanel",
      Panel.PRIOR_SAMPLES);
  private final AtomicReference<Study> runningStudy = new AtomicReference<>();
  /** True while a study is being loaded into the panels, so load-time changes are not user choices. */
  private boolean loading;
  /** Stop was pressed: the status says so until the run ends, instead of the live counts. */
  private boolean stopping;
  private final javafx.collections.ObservableList<Path> recentFiles = javafx.collections.FXCollections.observableArrayList();

  public MainViewModel(DialogService dialogs, BackgroundExecutor executor, StudioPreferences preferences) {
    this.dialogs = dialogs;
    this.executor = executor;
    this.preferences = preferences;
    this.space = new SpaceEditorViewModel(document, dialogs);
    this.preview = new PreviewViewModel(document, executor);
    darkTheme.set(preferences.darkTheme());
    recentFiles.setAll(preferences.recentFiles());
    darkTheme.addListener((obs, old, dark) -> preferences.setDarkTheme(dark));
    runs.summaryProperty().addListener((obs, old, text) -> {
      if (running.get() && !stopping) {
        status.set(text);
      }
    });
    title.bind(Bindings.createStringBinding(this::computeTitle, file, document.dirtyProperty(),
        setup.studyNameProperty()));
    canRun.bind(document.spaceValidProperty().and(running.not()));
    for (javafx.beans.Observable p : List.of(setup.studyNameProperty(), setup.directionProperty(),
        setup.objectiveProperty(), setup.samplerProperty(), setup.seedProperty(), setup.prunerProperty(), setup.trialsProperty(),
        setup.timeoutSecondsProperty(), setup.workersProperty())) {
      p.addListener(obs -> document.dirtyProperty().set(true));
    }
    setup.objectiveProperty().addListener((obs, old, name) -> objectiveChosen(name));
  }

  /**
   * When the user picks another built-in objective whose parameters the current space does not
   * have, the study takes that objective's default space and direction, so Run works at once.
   */
  private void objectiveChosen(String name) {
    if (loading || name == null) {
      return;
    }
    Objectives.Builtin builtin;
    try {
      builtin = Objectives.create(name);
    } catch (IllegalArgumentException e) {
      return;
    }
    if (!document.getSpace().names().containsAll(builtin.space().names())) {
      space.load(builtin.space());
      setup.directionProperty().set(builtin.maximize() ? io.parzen.study.StudyDirection.MAXIMIZE
          : io.parzen.study.StudyDirection.MINIMIZE);
      document.dirtyProperty().set(true);
      status.set("Objective " + name + ": its parameters and direction are set");
    }
  }

  private String computeTitle() {
    String name = file.get() == null ? "unsaved" : file.get().getFileName().toString();
    return "Parzen Studio — " + setup.studyNameProperty().get() + " (" + name + ")"
        + (document.dirtyProperty().get() ? " *" : "");
  }

  // ---- properties

  public StudyDocument document() {
    return document;
  }

  public StudySetupViewModel setup() {
    return setup;
  }

  public SpaceEditorViewModel space() {
    return space;
  }

  public PreviewViewModel preview() {
    return preview;
  }

  /** Where the panels ask the user things (the plots' Export… asks for a file). */
  public DialogService dialogs() {
    return dialogs;
  }

  /** The trials of the open study, live while it runs: the History and Trials tabs. */
  public RunViewModel runs() {
    return runs;
  }

  /** The tab shown in the right-hand area; Run switches to the history. */
  public ObjectProperty<Panel> selectedPanelProperty() {
    return selectedPanel;
  }

  public StudioPreferences preferences() {
    return preferences;
  }

  public ObjectProperty<Path> fileProperty() {
    return file;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public StringProperty statusProperty() {
    return status;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** Run is possible while the space is valid and nothing runs. */
  public ReadOnlyBooleanProperty canRunProperty() {
    return canRun.getReadOnlyProperty();
  }

  public BooleanProperty darkThemeProperty() {
    return darkTheme;
  }

  /** Study files opened or saved last, newest first, for File ▸ Open Recent. */
  public javafx.collections.ObservableList<Path> recentFiles() {
    return recentFiles;
  }

  // ---- start-up

  /** Opens the last study file, or on a first launch the example study. */
  public void openAtStart() {
    Optional<Path> last = preferences.lastFile().filter(Files::isRegularFile);
    try {
      Path target = last.isPresent() ? last.get() : StudyFiles.installExample(preferences.exampleFile());
      if (!openFile(target)) {
        newStudy();
      }
    } catch (IOException e) {
      dialogs.showError("Cannot install the example study", e.getMessage());
      newStudy();
    }
  }

  // ---- file commands

  /** A new, unsaved study on the quadratic objective. */
  public void newStudy() {
    if (!confirmDiscard()) {
      return;
    }
    loading = true;
    try {
      setup.load("study", List.of(io.parzen.study.StudyDirection.MINIMIZE),
          io.parzen.study.StudyDefinition.of(StudyFiles.objectiveSpace("quadratic")), "");
      setup.objectiveProperty().set("quadratic");
      space.load(StudyFiles.objectiveSpace("quadratic"));
    } finally {
      loading = false;
    }
    runs.load(List.of(), io.parzen.study.StudyDirection.MINIMIZE);
    file.set(null);
    document.dirtyProperty().set(false);
    status.set("New study");
  }

  /** Asks for a study file and opens it. */
  public void open() {
    if (!confirmDiscard()) {
      return;
    }
    dialogs.chooseFileToOpen("Open study file", STUDY_FILES).ifPresent(this::openFile);
  }

  /**
   * Opens {@code path}; when it holds several studies, asks which. Returns false (showing why) when
   * the file cannot be opened; the file is not changed then.
   */
  public boolean openFile(Path path) {
    try {
      List<String> names = StudyFiles.studyNames(path);
      if (names.isEmpty()) {
        dialogs.showError("No study in the file", path + " holds no study.");
        return false;
      }
      Optional<String> name = names.size() == 1 ? Optional.of(names.get(0))
          : dialogs.choose("Open study", path.getFileName() + " holds " + names.size() + " studies. Which one?", names);
      if (name.isEmpty()) {
        return false;
      }
      StudyFiles.LoadedStudy study = StudyFiles.load(path, name.get());
      loading = true;
      try {
        setup.load(study.name(), study.directions(), study.definition(), study.description());
        space.load(study.definition().space());
      } finally {
        loading = false;
      }
      runs.load(StudyFiles.trials(path, study.name()), study.directions().isEmpty()
          ? io.parzen.study.StudyDirection.MINIMIZE : study.directions().get(0));
      file.set(path);
      remember(path);
      document.dirtyProperty().set(false);
      status.set("Opened " + path.getFileName() + ": study \"" + study.name() + "\", " + study.trialCount() + " trials");
      return true;
    } catch (RuntimeException e) {
      dialogs.showError("Cannot open the study file", e.getMessage());
      return false;
    }
  }

  /** Saves to the current file, asking for one the first time. Returns whether it saved. */
  public boolean save() {
    if (file.get() == null) {
      return saveAs();
    }
    try {
      StudyFiles.save(file.get(), setup.studyNameProperty().get(), List.of(setup.directionProperty().get()),
          setup.toDefinition(document.getSpace()));
      document.dirtyProperty().set(false);
      remember(file.get());
      status.set("Saved " + file.get().getFileName());
      return true;
    } catch (RuntimeException e) {
      dialogs.showError("Cannot save the study", e.getMessage());
      return false;
    }
  }

  /** Asks for a file and saves the study there. */
  public boolean saveAs() {
    Optional<Path> target = dialogs.chooseFileToSave("Save study as", setup.studyNameProperty().get() + ".db",
        STUDY_FILES);
    if (target.isEmpty()) {
      return false;
    }
    Path previous = file.get();
    file.set(target.get());
    if (!save()) {
      file.set(previous);
      return false;
    }
    return true;
  }

  /** Writes the study with its trials as one JSON document. */
  public void exportJson() {
    if (file.get() == null && !save()) {
      return;
    }
    dialogs.chooseFileToSave("Export study as JSON", setup.studyNameProperty().get() + ".json", List.of("*.json"))
        .ifPresent(target -> export(target, storage -> StudyJson.write(storage,
            storage.studyId(setup.studyNameProperty().get()))));
  }

  /** Writes the trials table as CSV. */
  public void exportCsv() {
    if (file.get() == null && !save()) {
      return;
    }
    dialogs.chooseFileToSave("Export trials as CSV", setup.studyNameProperty().get() + ".csv", List.of("*.csv"))
        .ifPresent(target -> export(target, storage -> TrialsCsv.write(
            storage.trials(storage.studyId(setup.studyNameProperty().get())), 1)));
  }

  private void export(Path target, java.util.function.Function<SqliteStorage, String> content) {
    try (SqliteStorage storage = SqliteStorage.open(file.get())) {
      Files.writeString(target, content.apply(storage));
      status.set("Exported " + target.getFileName());
    } catch (IOException | RuntimeException e) {
      dialogs.showError("Cannot export", target + ": " + e.getMessage());
    }
  }

  private void remember(Path path) {
    preferences.setLastFile(path);
    recentFiles.setAll(preferences.recentFiles());
  }

  /** Opens a file from the recent list, asking first about unsaved changes. */
  public void openRecent(Path path) {
    if (confirmDiscard()) {
      openFile(path);
    }
  }

  /** Closes the study: the window then holds a new, unsaved study. */
  public void close() {
    newStudy();
  }

  /**
   * Whether the window may close: asks about unsaved changes, and about a running study (which is
   * then stopped; its finished trials are already in the file).
   */
  public boolean canClose() {
    if (running.get()) {
      if (!dialogs.confirm("A study is running", "Stop the running study and quit? Trials already finished are "
          + "saved in the study file.")) {
        return false;
      }
      stop();
    }
    return confirmDiscard();
  }

  private boolean confirmDiscard() {
    return !document.dirtyProperty().get()
        || dialogs.confirm("Unsaved changes", "The study has unsaved changes. Discard them?");
  }

  // ---- run

  /** Saves the study, then runs it in the background with its budget and workers. */
  public void run() {
    if (!canRun.get() || !save()) {
      return;
    }
    io.parzen.objective.MultiObjective objective;
    try {
      objective = Objectives.create(setup.objectiveProperty().get()).objective();
    } catch (IllegalArgumentException e) {
      dialogs.showError("Cannot run", e.getMessage());
      return;
    }
    io.parzen.sampler.Sampler sampler;
    io.parzen.pruner.Pruner pruner;
    try {
      io.parzen.study.StudyDefinition definition = setup.toDefinition(document.getSpace());
      sampler = Samplers.create(definition.sampler());
      pruner = io.parzen.pruner.Pruners.create(definition.pruner());
    } catch (IllegalArgumentException e) {
      dialogs.showError("Cannot run", e.getMessage());
      return;
    }
    SqliteStorage storage = SqliteStorage.open(file.get());
    Study study = Study.builder().name(setup.studyNameProperty().get()).storage(storage).loadIfExists(true)
        .space(document.getSpace()).sampler(sampler).pruner(pruner).build();
    runningStudy.set(study);
    stopping = false;
    running.set(true);
    setup.editableProperty().set(false);
    runs.attach(study, setup.budget());
    selectedPanel.set(Panel.HISTORY);
    status.set(runs.summaryProperty().get());
    study.optimizeAsync(objective, setup.budget(), Math.max(1, setup.workersProperty().get()),
        executor.executor()).whenComplete((result, error) -> Platform.runLater(() -> {
          runs.detach();
          storage.close();
          runningStudy.set(null);
          running.set(false);
          setup.editableProperty().set(true);
          status.set(endText(result, error, runs.finishedInRunProperty().get(), runs.bestValueProperty().get()));
        }));
  }

  /** Asks the running study to start no new trial; running ones finish. */
  public void stop() {
    Study study = runningStudy.get();
    if (study != null) {
      study.stop();
      stopping = true;
      status.set("Stopping: letting running trials finish…");
    }
  }

  private static String endText(OptimizeResult result, Throwable error, int done, Double best) {
    if (error != null || result == null) {
      return "Run failed: " + (error == null ? "unknown error" : error.getMessage());
    }
    return String.format(Locale.ROOT, "Run ended (%s): %d trials%s", result.reason().description(), done,
        best == null ? "" : String.format(Locale.ROOT, ", best %.6g", best));
  }
}
