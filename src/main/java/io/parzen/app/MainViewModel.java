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
import io.parzen.study.Budget;
import io.parzen.study.OptimizeResult;
import io.parzen.study.Study;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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

  /**
   * A message for the user that needs no answer, such as why a run ended; the window shows it for
   * a while. {@code serial} tells two equal messages apart.
   */
  public record Notice(String title, String message, boolean problem, long serial) {}

  /** The tabs of the right-hand area. */
  public enum Panel { PRIOR_SAMPLES, HISTORY, SLICE, SAMPLES, INTERMEDIATE_VALUES, TRIALS, ANALYSIS }

  private static final List<String> STUDY_FILES = List.of("*.db", "*.sqlite", "*.sqlite3");

  private final StudyDocument document = new StudyDocument();
  private final StudySetupViewModel setup;
  private final SpaceEditorViewModel space;
  private final PreviewViewModel preview;
  private final RunViewModel runs = new RunViewModel();
  private final io.parzen.app.run.BestTrialViewModel bestTrial = new io.parzen.app.run.BestTrialViewModel(runs);
  private final DialogService dialogs;
  private final BackgroundExecutor executor;
  private final StudioPreferences preferences;

  private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
  private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
  private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(this, "canRun");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyBooleanWrapper stoppingNow = new ReadOnlyBooleanWrapper(this, "stopping");
  private final javafx.beans.property.ReadOnlyObjectWrapper<Notice> notice =
      new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "notice");
  private int busyCount;
  private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
  private final ObjectProperty<Panel> selectedPanel = new SimpleObjectProperty<>(this, "selectedPanel",
      Panel.PRIOR_SAMPLES);
  private final AtomicReference<Study> runningStudy = new AtomicReference<>();
  /** The shared study the window follows, or {@code null} when it shows a study file. */
  private final ObjectProperty<SharedStudy> shared = new SimpleObjectProperty<>(this, "shared");
  /** True while a study is being loaded into the panels, so load-time changes are not user choices. */
  private boolean loading;
  /** Stop was pressed: the status says so until the run ends, instead of the live counts. */
  private boolean stopping;
  private final javafx.collections.ObservableList<Path> recentFiles = javafx.collections.FXCollections.observableArrayList();

  public MainViewModel(DialogService dialogs, BackgroundExecutor executor, StudioPreferences preferences) {
    this.dialogs = dialogs;
    this.executor = executor;
    this.preferences = preferences;
    this.setup = new StudySetupViewModel(document, dialogs, executor);
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
    title.bind(Bindings.createStringBinding(this::computeTitle, file, shared, document.dirtyProperty(),
        setup.studyNameProperty()));
    canRun.bind(document.spaceValidProperty().and(setup.validProperty()).and(running.not()).and(busy.not()));
    for (javafx.beans.Observable p : List.of(setup.studyNameProperty(), setup.directionProperty(), setup.moreDirections(),
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
      setup.setDirections(builtin.maximized().stream().map(max -> max ? io.parzen.study.StudyDirection.MAXIMIZE
          : io.parzen.study.StudyDirection.MINIMIZE).toList());
      document.dirtyProperty().set(true);
      status.set("Objective " + name + ": its parameters and " + (builtin.objectives() > 1
          ? builtin.objectives() + " directions" : "direction") + " are set");
    }
  }

  private String computeTitle() {
    String name = shared.get() != null ? shared.get().displayUrl()
        : file.get() == null ? "unsaved" : file.get().getFileName().toString();
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

  /** The best trial so far, shown under the trials table. */
  public io.parzen.app.run.BestTrialViewModel bestTrial() {
    return bestTrial;
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

  /** The one executor for background work (the analysis plots compute there). */
  public BackgroundExecutor executor() {
    return executor;
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

  /** True after Stop until the run has ended: Stop again then fails the running trials. */
  public ReadOnlyBooleanProperty stoppingProperty() {
    return stoppingNow.getReadOnlyProperty();
  }

  /** The latest message for the user, such as why the last run ended; {@code null} before any. */
  public javafx.beans.property.ReadOnlyObjectProperty<Notice> noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** True while a file is read or written in the background. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /**
   * Run is possible while the space and the setup's forms are valid, nothing runs and no file is
   * being read or written.
   */
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
  public CompletableFuture<Boolean> openAtStart() {
    Optional<Path> last = preferences.lastFile().filter(Files::isRegularFile);
    Path target;
    try {
      target = last.isPresent() ? last.get() : StudyFiles.installExample(preferences.exampleFile());
    } catch (IOException e) {
      dialogs.showError("Cannot install the example study", e.getMessage());
      newStudy();
      return CompletableFuture.completedFuture(false);
    }
    return openFile(target).thenApply(opened -> {
      if (!opened) {
        newStudy();
      }
      return opened;
    });
  }

  // ---- file commands
  //
  // Files are read and written on the background executor, never on the FX thread: each command
  // captures what it needs on the FX thread, does the I/O in the background and applies the
  // result back on the FX thread. The futures they return complete on the FX thread; `busy` is
  // true meanwhile (Run waits for it).

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
    leaveShared();
    runs.load(List.of(), io.parzen.study.StudyDirection.MINIMIZE);
    file.set(null);
    document.dirtyProperty().set(false);
    status.set("New study");
  }

  /** Asks for a study file and opens it. */
  public CompletableFuture<Boolean> open() {
    if (!confirmDiscard()) {
      return CompletableFuture.completedFuture(false);
    }
    return dialogs.chooseFileToOpen("Open study file", STUDY_FILES).map(this::openFile)
        .orElse(CompletableFuture.completedFuture(false));
  }

  /**
   * Opens {@code path}; when it holds several studies, asks which. Completes with false (having
   * shown why) when the file cannot be opened; the file is not changed then.
   */
  public CompletableFuture<Boolean> openFile(Path path) {
    // Most files hold one study: it is read right away, the file opened once.
    return inBackground("Opening " + path.getFileName() + "…", () -> StudyFiles.read(path, Optional.empty()))
        .thenCompose(only -> only.isPresent() ? CompletableFuture.completedFuture(show(path, only.get()))
            : inBackground("Opening " + path.getFileName() + "…", () -> StudyFiles.studyNames(path))
                .thenCompose(names -> openOneOf(path, names)))
        .exceptionally(error -> {
          dialogs.showError("Cannot open the study file", messageOf(error));
          status.set("Ready");
          return false;
        });
  }

  private CompletableFuture<Boolean> openOneOf(Path path, List<String> names) {
    if (names.isEmpty()) {
      dialogs.showError("No study in the file", path + " holds no study.");
      return CompletableFuture.completedFuture(false);
    }
    Optional<String> name = dialogs.choose("Open study",
        path.getFileName() + " holds " + names.size() + " studies. Which one?", names);
    if (name.isEmpty()) {
      status.set("Ready");
      return CompletableFuture.completedFuture(false);
    }
    return inBackground("Reading study \"" + name.get() + "\"…", () -> StudyFiles.read(path, name))
        .thenApply(opened -> show(path, opened.orElseThrow()));
  }

  /** Puts a study read from a file or a shared storage in the panels, leaving any shared study followed. */
  private void showStudy(StudyFiles.LoadedStudy study, List<io.parzen.trial.FrozenTrial> trials) {
    loading = true;
    try {
      setup.load(study.name(), study.directions(), study.definition(), study.description());
      space.load(study.definition().space());
    } finally {
      loading = false;
    }
    leaveShared();
    runs.load(trials, study.directions().isEmpty()
        ? List.of(io.parzen.study.StudyDirection.MINIMIZE) : study.directions());
  }

  private boolean show(Path path, StudyFiles.StudyWithTrials opened) {
    StudyFiles.LoadedStudy study = opened.study();
    showStudy(study, opened.trials());
    file.set(path);
    remember(path);
    document.dirtyProperty().set(false);
    status.set("Opened " + path.getFileName() + ": study \"" + study.name() + "\", " + study.trialCount() + " trials");
    return true;
  }

  /** Saves to the current file, asking for one the first time. Completes with whether it saved. */
  public CompletableFuture<Boolean> save() {
    SharedStudy following = shared.get();
    if (following != null) {
      return saveSetup(following.displayUrl(), "to " + following.displayUrl(), (name, directions, definition) ->
          StudyFiles.save(following.storage(), following.displayUrl(), name, directions, definition), () -> { });
    }
    if (file.get() == null) {
      return saveAs();
    }
    Path target = file.get();
    return saveSetup(null, target.getFileName().toString(),
        (name, directions, definition) -> StudyFiles.save(target, name, directions, definition), () -> remember(target));
  }

  /** Writes a study's setup somewhere: a file or a shared storage. */
  private interface SetupWriter {
    void write(String name, List<io.parzen.study.StudyDirection> directions, io.parzen.study.StudyDefinition definition);
  }

  /**
   * Captures the setup on the FX thread, writes it in the background and marks the study saved
   * unless it was edited meanwhile, then runs {@code saved} on the FX thread; {@code where}
   * prefixes error messages, {@code target} names it in the status bar.
   */
  private CompletableFuture<Boolean> saveSetup(String where, String target, SetupWriter writer, Runnable saved) {
    String name = setup.studyNameProperty().get();
    List<io.parzen.study.StudyDirection> directions = setup.directions();
    io.parzen.study.StudyDefinition definition;
    try {
      definition = setup.toDefinition(document.getSpace());
    } catch (RuntimeException e) {
      dialogs.showError("Cannot save the study", e.getMessage());
      return CompletableFuture.completedFuture(false);
    }
    return inBackground("Saving " + target + "…", () -> {
      writer.write(name, directions, definition);
      return true;
    }).thenApply(done -> {
      if (unchangedSince(name, directions, definition)) {
        document.dirtyProperty().set(false);  // an edit made while saving stays unsaved
      }
      saved.run();
      status.set("Saved " + target);
      return true;
    }).exceptionally(error -> {
      dialogs.showError("Cannot save the study", (where == null ? "" : where + ": ") + messageOf(error));
      status.set("Not saved");
      return false;
    });
  }

  private boolean unchangedSince(String name, List<io.parzen.study.StudyDirection> directions,
      io.parzen.study.StudyDefinition definition) {
    try {
      return name.equals(setup.studyNameProperty().get()) && directions.equals(setup.directions())
          && definition.equals(setup.toDefinition(document.getSpace()));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Asks for a file and saves the study there. */
  public CompletableFuture<Boolean> saveAs() {
    Optional<Path> target = dialogs.chooseFileToSave("Save study as", setup.studyNameProperty().get() + ".db",
        STUDY_FILES);
    if (target.isEmpty()) {
      return CompletableFuture.completedFuture(false);
    }
    Path previous = file.get();
    file.set(target.get());
    return save().thenApply(saved -> {
      if (!saved) {
        file.set(previous);
      }
      return saved;
    });
  }

  /** Writes the study with its trials as one JSON document. */
  public CompletableFuture<Boolean> exportJson() {
    String name = setup.studyNameProperty().get();
    return savedFirst().thenCompose(saved -> !saved ? CompletableFuture.completedFuture(false)
        : dialogs.chooseFileToSave("Export study as JSON", name + ".json", List.of("*.json"))
            .map(target -> export(target, storage -> StudyJson.write(storage, storage.studyId(name))))
            .orElse(CompletableFuture.completedFuture(false)));
  }

  /** Writes the trials table as CSV. */
  public CompletableFuture<Boolean> exportCsv() {
    String name = setup.studyNameProperty().get();
    return savedFirst().thenCompose(saved -> !saved ? CompletableFuture.completedFuture(false)
        : dialogs.chooseFileToSave("Export trials as CSV", name + ".csv", List.of("*.csv"))
            .map(target -> export(target, storage -> TrialsCsv.write(storage.trials(storage.studyId(name)), 1)))
            .orElse(CompletableFuture.completedFuture(false)));
  }

  /** Saves a study that has no file yet; the exports read the file. */
  private CompletableFuture<Boolean> savedFirst() {
    return file.get() == null ? save() : CompletableFuture.completedFuture(true);
  }

  private CompletableFuture<Boolean> export(Path target, java.util.function.Function<SqliteStorage, String> content) {
    Path source = file.get();
    return inBackground("Exporting " + target.getFileName() + "…", () -> {
      try (SqliteStorage storage = SqliteStorage.open(source)) {
        Files.writeString(target, content.apply(storage));
        return true;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).thenApply(done -> {
      status.set("Exported " + target.getFileName());
      return true;
    }).exceptionally(error -> {
      dialogs.showError("Cannot export", target + ": " + messageOf(error));
      status.set("Not exported");
      return false;
    });
  }

  // ---- shared studies

  /** A study shown from a shared storage, with the cursor after its trials. */
  private record OpenedShared(StudyFiles.LoadedStudy study, long studyId, io.parzen.storage.TrialDelta trials) {}

  /**
   * Asks for a storage URL ({@code postgresql://…}, {@code sqlite:///…} or a study file that worker
   * processes fill) and follows the chosen study there live.
   */
  public CompletableFuture<Boolean> openShared() {
    if (!confirmDiscard()) {
      return CompletableFuture.completedFuture(false);
    }
    String initial = shared.get() != null ? shared.get().url() : preferences.lastSharedUrl().orElse("postgresql://");
    return dialogs.askText("Open shared study", "Storage URL of the study that workers fill (postgresql://USER:PASSWORD@HOST:5432/DB, "
        + "sqlite:///FILE or a study file):", initial).map(this::openShared)
        .orElse(CompletableFuture.completedFuture(false));
  }

  /**
   * Follows a study in the storage at {@code url}: shows its setup, space and trials, then polls
   * for changes about once a second. Save writes the setup there and Run joins it as one more
   * worker. Completes with false (having said why) when the storage cannot be read.
   */
  public CompletableFuture<Boolean> openShared(String url) {
    AtomicReference<io.parzen.storage.Storage> opened = new AtomicReference<>();
    String shown = SharedStudy.displayUrl(url);
    return inBackground("Connecting to " + shown + "…", () -> {
      opened.set(io.parzen.storage.Storages.open(url));
      return StudyFiles.studyNames(opened.get());
    }).thenCompose(names -> {
      if (names.isEmpty()) {
        throw new io.parzen.storage.StorageException("it holds no study yet (create one with `parzen create --storage URL --from study.json`)");
      }
      Optional<String> name = names.size() == 1 ? Optional.of(names.get(0))
          : dialogs.choose("Open shared study", shown + " holds " + names.size() + " studies. Which one?", names);
      if (name.isEmpty()) {
        closeInBackground(opened.get());
        status.set("Ready");
        return CompletableFuture.completedFuture(false);
      }
      io.parzen.storage.Storage storage = opened.get();
      return inBackground("Reading study \"" + name.get() + "\"…", () -> {
        long id = storage.studyId(name.get());
        return new OpenedShared(StudyFiles.load(storage, name.get()), id,
            storage.trialsChangedSince(id, io.parzen.storage.TrialCursor.START));
      }).thenApply(loaded -> showShared(url, storage, loaded));
    }).exceptionally(error -> {
      closeInBackground(opened.get());
      dialogs.showError("Cannot open the shared study", shown + ": " + messageOf(error));
      status.set("Ready");
      return false;
    });
  }

  private boolean showShared(String url, io.parzen.storage.Storage storage, OpenedShared loaded) {
    StudyFiles.LoadedStudy study = loaded.study();
    showStudy(study, loaded.trials().trials());
    SharedStudy following = new SharedStudy(url, storage, loaded.studyId(), loaded.trials().next(), executor, runs,
        this::sharedChanged);
    file.set(null);
    shared.set(following);
    preferences.setLastSharedUrl(url);
    document.dirtyProperty().set(false);
    following.start();
    selectedPanel.set(Panel.HISTORY);
    status.set("Following " + study.name() + " at " + following.displayUrl() + ": " + runs.summaryProperty().get());
    return true;
  }

  private void sharedChanged() {
    SharedStudy following = shared.get();
    if (following == null || running.get()) {
      return;
    }
    status.set(following.problem().isEmpty()
        ? "Following " + setup.studyNameProperty().get() + " at " + following.displayUrl() + ": "
            + runs.summaryProperty().get()
        : "Lost " + following.displayUrl() + " (" + following.problem() + "); retrying every second");
  }

  /**
   * A comparison of studies for File ▸ Compare Studies…, asking through {@code dialogs}; it starts
   * with the study shown when that is saved in a study file.
   */
  public io.parzen.app.compare.CompareViewModel compareStudies(DialogService dialogs) {
    io.parzen.app.compare.CompareViewModel compare = new io.parzen.app.compare.CompareViewModel(dialogs, executor);
    if (file.get() != null && shared.get() == null && !document.dirtyProperty().get()) {
      compare.addStudies(file.get(), List.of(setup.studyNameProperty().get()));
    }
    return compare;
  }

  /** Whether the window follows a shared study rather than showing a study file. */
  public boolean isShared() {
    return shared.get() != null;
  }

  /** Polls the shared study now instead of waiting for the next second (for tests). */
  void pollShared() {
    if (shared.get() != null) {
      shared.get().poll();
    }
  }

  private void leaveShared() {
    SharedStudy following = shared.get();
    if (following != null) {
      shared.set(null);
      following.close();
    }
  }

  private void closeInBackground(io.parzen.storage.Storage storage) {
    if (storage != null) {
      executor.submit(() -> {
        storage.close();
        return null;
      }, done -> { }, error -> { });
    }
  }

  /**
   * Runs file work on the background executor with {@code what} in the status bar; the returned
   * future completes on the FX thread.
   */
  private <T> CompletableFuture<T> inBackground(String what, java.util.function.Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    busyCount++;
    busy.set(true);
    status.set(what);
    executor.submit(work, value -> {
      busy.set(--busyCount > 0);
      result.complete(value);
    }, error -> {
      busy.set(--busyCount > 0);
      result.completeExceptionally(error);
    });
    return result;
  }

  private static String messageOf(Throwable error) {
    Throwable e = error;
    while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.io.UncheckedIOException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private void remember(Path path) {
    preferences.setLastFile(path);
    recentFiles.setAll(preferences.recentFiles());
  }

  /** Opens a file from the recent list, asking first about unsaved changes. */
  public CompletableFuture<Boolean> openRecent(Path path) {
    return confirmDiscard() ? openFile(path) : CompletableFuture.completedFuture(false);
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
  public CompletableFuture<Boolean> run() {
    if (!canRun.get()) {
      return CompletableFuture.completedFuture(false);
    }
    return save().thenCompose(saved -> saved ? start() : CompletableFuture.completedFuture(false));
  }

  /** A study opened for a run in the background, with its trials so far. */
  private record Started(Study study, io.parzen.storage.Storage storage, List<io.parzen.trial.FrozenTrial> trials) {}

  /**
   * Opens the saved study on the background executor (the storage, the study and its trials so
   * far are read there, not on the FX thread), then runs it; false (having said why) when it cannot.
   */
  private CompletableFuture<Boolean> start() {
    io.parzen.objective.MultiObjective objective;
    try {
      objective = StudySetupViewModel.objective(setup.toDefinition(document.getSpace()));
    } catch (IllegalArgumentException e) {
      dialogs.showError("Cannot run", e.getMessage());
      return CompletableFuture.completedFuture(false);
    }
    io.parzen.sampler.Sampler sampler;
    io.parzen.pruner.Pruner pruner;
    try {
      io.parzen.study.StudyDefinition definition = setup.toDefinition(document.getSpace());
      sampler = Samplers.create(definition.sampler());
      pruner = io.parzen.pruner.Pruners.create(definition.pruner());
    } catch (IllegalArgumentException e) {
      dialogs.showError("Cannot run", e.getMessage());
      return CompletableFuture.completedFuture(false);
    }
    SharedStudy following = shared.get();
    Path target = file.get();
    String name = setup.studyNameProperty().get();
    io.parzen.space.SearchSpace space = document.getSpace();
    Budget budget = setup.budget();
    int workers = Math.max(1, setup.workersProperty().get());
    return inBackground("Starting " + name + "…", () -> {
      io.parzen.storage.Storage storage = following != null ? following.storage() : SqliteStorage.open(target);
      try {
        Study study = Study.builder().name(name).storage(storage).loadIfExists(true)
            .space(space).sampler(sampler).pruner(pruner).build();
        return new Started(study, storage, study.trials());
      } catch (RuntimeException e) {
        if (following == null) {
          storage.close();
        }
        throw e;
      }
    }).thenApply(started -> {
      begin(started, following, objective, budget, workers);
      return true;
    }).exceptionally(error -> {
      dialogs.showError("Cannot run", messageOf(error));
      status.set("Not started");
      return false;
    });
  }

  private void begin(Started started, SharedStudy following, io.parzen.objective.MultiObjective objective,
      Budget budget, int workers) {
    Study study = started.study();
    io.parzen.storage.Storage storage = started.storage();
    runningStudy.set(study);
    stopping = false;
    stoppingNow.set(false);
    running.set(true);
    setup.editableProperty().set(false);
    runs.attach(study, budget, started.trials());
    selectedPanel.set(Panel.HISTORY);
    status.set(runs.summaryProperty().get());
    study.optimizeAsync(objective, budget, workers,
        executor.executor()).whenComplete((result, error) -> Platform.runLater(() -> {
          runs.detach();
          if (following == null) {
            storage.close();
          }
          runningStudy.set(null);
          running.set(false);
          setup.editableProperty().set(true);
          stopping = false;
          stoppingNow.set(false);
          status.set(endText(result, error, runs.finishedInRunProperty().get(), runs.bestValueProperty().get())
              + (error == null && result != null && runs.isMultiObjective()
              ? ", " + runs.paretoSizeProperty().get() + " on the Pareto front" : ""));
          notice.set(endNotice(result, error));
        }));
  }

  /**
   * Asks the running study to start no new trial and lets the running ones finish; pressed again
   * while they finish, stops them now ({@link #stopNow}).
   */
  public void stop() {
    Study study = runningStudy.get();
    if (study == null) {
      return;
    }
    if (stopping) {
      stopNow();
      return;
    }
    study.stop();
    stopping = true;
    stoppingNow.set(true);
    status.set("Stopping: letting running trials finish… (Stop now ends them as FAIL)");
  }

  /**
   * Stops the running study at once: running trials are interrupted (command objectives have their
   * process trees stopped) and end as FAIL, each with the reason; finished trials are kept.
   */
  public void stopNow() {
    Study study = runningStudy.get();
    if (study != null) {
      study.cancel();
      stopping = true;
      stoppingNow.set(true);
      status.set("Stopping now: running trials end as FAIL…");
    }
  }

  private Notice endNotice(OptimizeResult result, Throwable error) {
    long serial = notice.get() == null ? 1 : notice.get().serial() + 1;
    if (error != null || result == null || result.reason() == io.parzen.study.StopReason.ERROR) {
      Throwable cause = error != null ? error : result == null ? null : result.error();
      return new Notice("Run failed", setup.studyNameProperty().get() + ": "
          + (cause == null ? "unknown error" : messageOf(cause)), true, serial);
    }
    io.parzen.trial.FrozenTrial best = runs.bestTrialProperty().get();
    String counts = String.format(Locale.ROOT, "%d trials finished in this run (%d complete, %d pruned, %d failed in the study)",
        runs.finishedInRunProperty().get(), runs.completedProperty().get(), runs.prunedProperty().get(),
        runs.failedProperty().get());
    String bestText = runs.isMultiObjective()
        ? runs.paretoSizeProperty().get() + " trials on the Pareto front."
        : best == null ? "No trial has completed yet."
        : String.format(Locale.ROOT, "Best value %.6g (trial %d).", best.values().get(0), best.number());
    return new Notice("Run ended: " + result.reason().description(), counts + ". " + bestText, false, serial);
  }

  private static String endText(OptimizeResult result, Throwable error, int done, Double best) {
    if (error != null || result == null) {
      return "Run failed: " + (error == null ? "unknown error" : error.getMessage());
    }
    return String.format(Locale.ROOT, "Run ended (%s): %d trials%s", result.reason().description(), done,
        best == null ? "" : String.format(Locale.ROOT, ", best %.6g", best));
  }
}
