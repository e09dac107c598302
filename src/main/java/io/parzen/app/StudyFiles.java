package io.parzen.app;

import io.parzen.objective.Objectives;
import io.parzen.space.SearchSpace;
import io.parzen.storage.SqliteStorage;
import io.parzen.storage.Storage;
import io.parzen.storage.StorageException;
import io.parzen.storage.StudyJson;
import io.parzen.storage.StudySummary;
import io.parzen.study.StudyDefinition;
import io.parzen.study.StudyDirection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes the studio's study files (SQLite, Optuna's schema). Every call opens the file,
 * does its work and closes it, so the studio never holds a file another process wants.
 */
public final class StudyFiles {

  /** A study as the studio shows it. */
  public record LoadedStudy(String name, List<StudyDirection> directions, StudyDefinition definition,
      int trialCount, String description) {}

  private StudyFiles() {}

  /** The names of the studies in {@code file}. */
  public static List<String> studyNames(Path file) {
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      return studyNames(storage);
    }
  }

  /** The names of the studies in {@code storage} (a shared database, say). */
  public static List<String> studyNames(Storage storage) {
    return storage.studies().stream().map(StudySummary::name).toList();
  }

  /** The study named {@code name}; a study without a definition gets one inferred from its trials. */
  public static LoadedStudy load(Path file, String name) {
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      return load(storage, name);
    }
  }

  /** The study named {@code name} in {@code storage}, as {@link #load(Path, String)} reads it. */
  public static LoadedStudy load(Storage storage, String name) {
    long id = storage.studyId(name);
    StudyDefinition definition = StudyDefinition.load(storage, id)
        .orElseGet(() -> StudyDefinition.of(StudyDefinition.inferSpace(storage.trials(id))));
    Object description = storage.studyUserAttrs(id).get("description");
    return new LoadedStudy(name, storage.directions(id), definition, storage.trialCount(id),
        description == null ? "" : description.toString());
  }

  /** A study as {@link #load(Path, String)} reads it, with every trial, ordered by number. */
  public record StudyWithTrials(LoadedStudy study, List<io.parzen.trial.FrozenTrial> trials) {}

  /**
   * Study {@code name} in {@code file} and its trials, read with the file opened once; with
   * {@code name} empty, the file's only study, or empty when it holds none or several (see
   * {@link #studyNames(Path)}).
   */
  public static java.util.Optional<StudyWithTrials> read(Path file, java.util.Optional<String> name) {
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      String study;
      if (name.isPresent()) {
        study = name.get();
      } else {
        List<String> names = studyNames(storage);
        if (names.size() != 1) {
          return java.util.Optional.empty();
        }
        study = names.get(0);
      }
      LoadedStudy loaded = load(storage, study);
      return java.util.Optional.of(new StudyWithTrials(loaded, storage.trials(storage.studyId(study))));
    }
  }

  /** Every trial of study {@code name} in {@code file}, ordered by number. */
  public static List<io.parzen.trial.FrozenTrial> trials(Path file, String name) {
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      return storage.trials(storage.studyId(name));
    }
  }

  /**
   * Saves the definition of study {@code name} in {@code file}, creating the file or the study as
   * needed. Directions of a study that already has trials cannot change.
   */
  public static void save(Path file, String name, List<StudyDirection> directions, StudyDefinition definition) {
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      save(storage, file.toString(), name, directions, definition);
    }
  }

  /**
   * Saves the definition of study {@code name} in {@code storage} (called {@code where} in
   * messages), creating the study as needed, as {@link #save(Path, String, List, StudyDefinition)}.
   */
  public static void save(Storage storage, String where, String name, List<StudyDirection> directions,
      StudyDefinition definition) {
    long id = storage.findStudyId(name).orElse(-1L);
    if (id >= 0 && !storage.directions(id).equals(directions)) {
      if (storage.trialCount(id) > 0) {
        throw new StorageException(where + ": study \"" + name + "\" already has trials with directions "
            + storage.directions(id) + "; save it under another name to change them");
      }
      storage.deleteStudy(id);
      id = -1;
    }
    if (id < 0) {
      id = storage.createStudy(name, directions);
    }
    definition.save(storage, id);
  }

  /**
   * The example study for a first launch: {@code resources/examples/branin.json} imported into
   * {@code file} (created when missing).
   */
  public static Path installExample(Path file) throws IOException {
    if (Files.exists(file)) {
      return file;
    }
    Files.createDirectories(file.getParent());
    String json;
    try (InputStream in = StudyFiles.class.getResourceAsStream("/examples/branin.json")) {
      if (in == null) {
        throw new IOException("the example study is missing from the application");
      }
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      StudyJson.read(json, storage, null);
    }
    return file;
  }

  /** The default space of a built-in objective, or an empty space for unknown names. */
  public static SearchSpace objectiveSpace(String objective) {
    try {
      return Objectives.create(objective).space();
    } catch (IllegalArgumentException e) {
      return SearchSpace.empty();
    }
  }
}
