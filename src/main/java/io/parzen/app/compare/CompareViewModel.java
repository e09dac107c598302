package io.parzen.app.compare;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.DialogService;
import io.parzen.app.run.ChartExporter;
import io.parzen.storage.SqliteStorage;
import io.parzen.storage.Storage;
import io.parzen.storage.StorageException;
import io.parzen.storage.Storages;
import io.parzen.storage.StudySummary;
import io.parzen.study.StudyDefinition;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.Edf;
import io.parzen.visualization.HistoryOverlay;
import io.parzen.visualization.OptimizationHistory;
import io.parzen.visualization.StudyTrials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jfree.chart.JFreeChart;

/**
 * The Compare Studies window: studies gathered from study files and storage URLs, and their
 * optimisation histories ({@link HistoryOverlay}) and {@link Edf} drawn together, so that samplers
 * run on the same objective can be compared at a glance.
 *
 * <p>Files and databases are read, and the plots computed, on the {@link BackgroundExecutor}; a
 * file that cannot be read is named in one error after the others were added. Studies that
 * optimise in different directions are listed but not drawn: {@link #problemProperty()} says why.
 * Multi-objective studies are compared by their first objective. FX thread only.
 */
public final class CompareViewModel {

  /** Extensions offered by the file chooser. */
  static final List<String> STUDY_FILES = List.of("*.db", "*.sqlite", "*.sqlite3");

  /**
   * One compared study: where it came from, what ran it and its trials. Immutable.
   *
   * @param name the study's name in its storage
   * @param label the name in legends, made unique among the studies compared
   * @param source the file's name or the storage URL without password, as listed
   * @param location the file's full path or the storage URL without password, as errors name it
   * @param sampler the sampler the studio ran it with, or "—" when the study does not say (Optuna's)
   * @param directions the direction of each objective; the first one is compared
   * @param trials every trial, ordered by number
   * @param bestValue the best first value of a COMPLETE trial, or {@code null} when none completed
   * @param colorIndex its colour in the charts ({@link StudyColors})
   */
  public record ComparedStudy(String name, String label, String source, String location, String sampler,
      List<StudyDirection> directions, List<FrozenTrial> trials, Double bestValue, int colorIndex) {

    public ComparedStudy {
      directions = directions.isEmpty() ? List.of(StudyDirection.MINIMIZE) : List.copyOf(directions);
      trials = List.copyOf(trials);
    }

    /** The direction of the objective compared, the first. */
    public StudyDirection direction() {
      return directions.get(0);
    }

    /** The directions in lower case, the compared one first: "minimize" or "minimize, maximize". */
    public String directionsText() {
      return directions.stream().map(d -> d.name().toLowerCase(Locale.ROOT))
          .collect(java.util.stream.Collectors.joining(", "));
    }

    /** How many trials the study has, in any state. */
    public int trialCount() {
      return trials.size();
    }

    /** How many of them are COMPLETE. */
    public int completeCount() {
      return (int) trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
    }

    /** The best value as a short text, "—" when there is none. */
    public String bestText() {
      return bestValue == null ? "—" : String.format(Locale.ROOT, "%.6g", bestValue);
    }

    StudyTrials toPlot() {
      return new StudyTrials(label, direction(), trials);
    }
  }

  /** Where studies are read from: a study file or a storage URL. */
  private record Source(String shown, String location, Supplier<Storage> opener) {}

  /** The studies a source holds, or why it could not be read. */
  private record Listing(Source source, List<StudySummary> studies, String problem) {}

  /** A study read from a source, before it gets its label and colour. */
  private record Read(Source source, String name, String sampler, List<StudyDirection> directions,
      List<FrozenTrial> trials) {

    StudyDirection direction() {
      return directions.isEmpty() ? StudyDirection.MINIMIZE : directions.get(0);
    }
  }

  /** What a round of reading found, and the problems met. */
  private record Loaded(List<Read> studies, List<String> problems) {}

  private final DialogService dialogs;
  private final BackgroundExecutor executor;
  private final ChartExporter exporter;
  private final ObservableList<ComparedStudy> studies = FXCollections.observableArrayList();
  private final ObservableList<ComparedStudy> readOnlyStudies = FXCollections.unmodifiableObservableList(studies);
  private final ReadOnlyObjectWrapper<HistoryOverlay> history = new ReadOnlyObjectWrapper<>(this, "history",
      HistoryOverlay.of(List.of()));
  private final ReadOnlyObjectWrapper<Edf> edf = new ReadOnlyObjectWrapper<>(this, "edf", Edf.of(List.of()));
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale");
  private int busyCount;
  /** Counts plot computations, so that only the latest one is shown. */
  private long plotGeneration;

  public CompareViewModel(DialogService dialogs, BackgroundExecutor executor) {
    this.dialogs = dialogs;
    this.executor = executor;
    this.exporter = new ChartExporter(dialogs);
    updatePlots();
  }

  // ---- properties

  /** The studies compared, in the order added (read-only; see {@link #remove}). */
  public ObservableList<ComparedStudy> studies() {
    return readOnlyStudies;
  }

  /** The histories of the studies, empty while they cannot be overlaid ({@link #problemProperty()}). */
  public ReadOnlyObjectProperty<HistoryOverlay> historyProperty() {
    return history.getReadOnlyProperty();
  }

  /** The EDF of the studies, empty while they cannot be compared ({@link #problemProperty()}). */
  public ReadOnlyObjectProperty<Edf> edfProperty() {
    return edf.getReadOnlyProperty();
  }

  /** Why the studies are not drawn (they optimise in different directions), or empty. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** One line on what the window is doing or holds. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** True while files or databases are being read. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Whether objective values are on a logarithmic axis (History's values, the EDF's x). */
  public BooleanProperty logScaleProperty() {
    return logScale;
  }

  // ---- commands

  /** Asks for study files (several at once) and adds their studies; completes with how many were added. */
  public CompletableFuture<Integer> addFiles() {
    List<Path> files = dialogs.chooseFilesToOpen("Add studies to compare", STUDY_FILES);
    return files.isEmpty() ? CompletableFuture.completedFuture(0) : addFiles(files);
  }

  /**
   * Adds the studies of {@code files}: a file holding one study adds it, a file holding several
   * asks which. Completes on the FX thread with how many studies were added; files that cannot be
   * read are named in one error, the others are added all the same.
   */
  public CompletableFuture<Integer> addFiles(List<Path> files) {
    return add(files.stream().map(CompareViewModel::fileSource).toList(), null);
  }

  /** Adds the studies named {@code names} of {@code file}, asking nothing. */
  public CompletableFuture<Integer> addStudies(Path file, List<String> names) {
    return add(List.of(fileSource(file)), List.copyOf(names));
  }

  /** Asks for a storage URL and adds studies from it. */
  public CompletableFuture<Integer> addStorage() {
    return dialogs.askText("Add studies from a storage", "Storage URL (postgresql://USER:PASSWORD@HOST:5432/DB, "
        + "sqlite:///FILE, an Optuna journal file or a study file):", "postgresql://")
        .map(this::addStorage).orElse(CompletableFuture.completedFuture(0));
  }

  /** Adds studies from the storage at {@code url} ({@link Storages#open}), asking which when it holds several. */
  public CompletableFuture<Integer> addStorage(String url) {
    String shown = Storages.displayUrl(url.trim());
    return add(List.of(new Source(shown, shown, () -> openUrl(url.trim()))), null);
  }

  /**
   * Opens the storage at {@code url}; a study file that does not exist is refused rather than
   * created, as {@link Storages#open} would for a mistyped path.
   */
  private static Storage openUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    Path file = lower.startsWith("sqlite:///") ? Path.of(url.substring("sqlite:///".length()))
        : lower.contains("://") || lower.startsWith("jdbc:") || lower.equals("memory:") || lower.equals(":memory:")
            ? null : Path.of(url);
    if (file != null && !Files.isRegularFile(file)) {
      throw new StorageException("no such file");
    }
    return Storages.open(url);  // an existing file may be an Optuna journal, which Storages reads
  }

  /** Stops comparing {@code study}. */
  public void remove(ComparedStudy study) {
    if (studies.remove(study)) {
      updatePlots();
      status.set(countText() + " (removed \"" + study.label() + "\")");
    }
  }

  /** Exports {@code chart} (the tab shown) as PNG or SVG, suggesting {@code name}. */
  public void export(String name, JFreeChart chart) {
    if (studies.isEmpty() || !problem.get().isEmpty()) {
      dialogs.showError("Nothing to export", studies.isEmpty() ? "Add studies to compare first."
          : problem.get());
      return;
    }
    exporter.export(name, List.of(chart), 1);
  }

  // ---- reading

  private static Source fileSource(Path file) {
    Path absolute = file.toAbsolutePath();
    return new Source(String.valueOf(absolute.getFileName()), absolute.toString(), () -> openFile(absolute));
  }

  /** Opens an existing study file; a missing or empty file is refused rather than created. */
  private static Storage openFile(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new StorageException("no such file");
      }
      if (Files.size(file) == 0) {
        throw new StorageException("the file is empty, not a study file");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SqliteStorage.open(file);
  }

  /**
   * Lists the studies of {@code sources} in the background, asks which to add where a source holds
   * several (unless {@code names} says), reads them in the background and adds them.
   */
  private CompletableFuture<Integer> add(List<Source> sources, List<String> names) {
    return inBackground("Reading " + (sources.size() == 1 ? sources.get(0).shown() : sources.size() + " sources") + "…",
        () -> sources.stream().map(CompareViewModel::list).toList())
        .thenCompose(listings -> {
          List<String> problems = new ArrayList<>();
          List<Source> chosenSources = new ArrayList<>();
          List<List<String>> chosenNames = new ArrayList<>();
          for (Listing listing : listings) {
            if (listing.problem() != null) {
              problems.add(listing.source().location() + ": " + listing.problem());
              continue;
            }
            List<String> chosen = names != null ? names : choose(listing);
            if (!chosen.isEmpty()) {
              chosenSources.add(listing.source());
              chosenNames.add(chosen);
            }
          }
          if (chosenSources.isEmpty()) {
            return CompletableFuture.completedFuture(new Loaded(List.of(), problems));
          }
          return inBackground("Reading " + chosenNames.stream().mapToInt(List::size).sum() + " studies…", () -> {
            List<Read> read = new ArrayList<>();
            for (int i = 0; i < chosenSources.size(); i++) {
              read(chosenSources.get(i), chosenNames.get(i), read, problems);
            }
            return new Loaded(read, problems);
          });
        })
        .thenApply(this::show)
        .exceptionally(error -> {
          dialogs.showError("Cannot add studies", messageOf(error));
          status.set(countText());
          return 0;
        });
  }

  private static Listing list(Source source) {
    try (Storage storage = source.opener().get()) {
      List<StudySummary> found = storage.studies();
      return found.isEmpty() ? new Listing(source, List.of(), "holds no study") : new Listing(source, found, null);
    } catch (RuntimeException e) {
      return new Listing(source, List.of(), messageOf(e));
    }
  }

  /** The studies of {@code listing} the user wants: the only one, or those ticked. */
  private List<String> choose(Listing listing) {
    List<StudySummary> found = listing.studies();
    if (found.size() == 1) {
      return List.of(found.get(0).name());
    }
    List<String> options = found.stream().map(s -> String.format(Locale.ROOT, "%s  (%d trials, %s)", s.name(),
        s.trialCount(), s.directions().stream().map(d -> d.name().toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.joining(", ")))).toList();
    List<String> ticked = dialogs.chooseSeveral("Add studies to compare", listing.source().shown() + " holds "
        + found.size() + " studies. Which ones should be compared?", options);
    return ticked.stream().filter(options::contains).map(o -> found.get(options.indexOf(o)).name()).toList();
  }

  private static void read(Source source, List<String> names, List<Read> into, List<String> problems) {
    try (Storage storage = source.opener().get()) {
      for (String name : names) {
        try {
          long id = storage.studyId(name);
          List<StudyDirection> directions = storage.directions(id);
          String sampler = StudyDefinition.load(storage, id).map(StudyDefinition::sampler)
              .map(StudyDefinition.Component::name).orElse("—");
          into.add(new Read(source, name, sampler, directions,
              storage.trials(id)));
        } catch (RuntimeException e) {
          problems.add(source.location() + ": study \"" + name + "\": " + messageOf(e));
        }
      }
    } catch (RuntimeException e) {
      problems.add(source.location() + ": " + messageOf(e));
    }
  }

  /** Adds what was read (skipping studies already compared) and names the problems; returns how many were added. */
  private int show(Loaded loaded) {
    int added = 0;
    for (Read read : loaded.studies()) {
      if (studies.stream().anyMatch(s -> s.location().equals(read.source().location()) && s.name().equals(read.name()))) {
        continue;
      }
      Double best = OptimizationHistory.of(read.trials(), read.direction()).bestValue().orElse(null);
      studies.add(new ComparedStudy(read.name(), label(read), read.source().shown(), read.source().location(),
          read.sampler(), read.directions(), read.trials(), best, freeColor()));
      added++;
    }
    if (added > 0) {
      updatePlots();
    }
    status.set(countText() + (added > 0 ? " (added " + added + ")" : ""));
    if (!loaded.problems().isEmpty()) {
      dialogs.showError(loaded.problems().size() == 1 ? "Cannot add a study" : "Cannot add some studies",
          String.join("\n", loaded.problems()));
    }
    return added;
  }

  /** The study's name, or with its source (and a number) when another study compared has the same. */
  private String label(Read read) {
    Set<String> taken = new HashSet<>();
    studies.forEach(s -> taken.add(s.label()));
    String label = read.name();
    if (!taken.contains(label)) {
      return label;
    }
    label = read.name() + " (" + read.source().shown() + ")";
    for (int n = 2; taken.contains(label); n++) {
      label = read.name() + " (" + read.source().shown() + " #" + n + ")";
    }
    return label;
  }

  /** The lowest colour no compared study has, so removing and adding keeps the others' colours. */
  private int freeColor() {
    Set<Integer> used = new HashSet<>();
    studies.forEach(s -> used.add(s.colorIndex()));
    int index = 0;
    while (used.contains(index) && index < StudyColors.COUNT) {
      index++;
    }
    return index < StudyColors.COUNT ? index : studies.size();
  }

  /** The plot data of the studies compared, computed together. */
  private record Plots(HistoryOverlay history, Edf edf) {}

  /**
   * Recomputes the plots of the studies now compared in the background (three studies of 10,000
   * trials take some 40 ms); when several computations overlap, the latest one wins.
   */
  private void updatePlots() {
    List<StudyTrials> plotted = studies.stream().map(ComparedStudy::toPlot).toList();
    String conflict = HistoryOverlay.directionConflict(plotted).orElse("");
    problem.set(conflict);
    long mine = ++plotGeneration;
    if (plotted.isEmpty() || !conflict.isEmpty()) {
      history.set(HistoryOverlay.of(List.of()));
      edf.set(Edf.of(List.of()));
      return;
    }
    busy.set(++busyCount > 0);
    executor.submit(() -> new Plots(HistoryOverlay.of(plotted), Edf.of(plotted)), plots -> {
      busy.set(--busyCount > 0);
      if (mine == plotGeneration) {
        history.set(plots.history());
        edf.set(plots.edf());
      }
    }, error -> {
      busy.set(--busyCount > 0);
      dialogs.showError("Cannot draw the studies", messageOf(error));
    });
  }

  private String countText() {
    return studies.isEmpty() ? "No studies" : studies.size() == 1 ? "1 study" : studies.size() + " studies";
  }

  private <T> CompletableFuture<T> inBackground(String what, Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    busy.set(++busyCount > 0);
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
    while ((e instanceof java.util.concurrent.CompletionException || e instanceof UncheckedIOException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
