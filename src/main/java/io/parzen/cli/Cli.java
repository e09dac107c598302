package io.parzen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.parzen.storage.NoSuchStudyException;
import io.parzen.storage.Storage;
import io.parzen.storage.StorageException;
import io.parzen.storage.Storages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What the commands share: opening storages, reading input files, formatting numbers. */
final class Cli {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Cli() {}

  /**
   * Opens the storage at {@code url}. With {@code mustExist}, a study file that does not exist is
   * an error instead of being created (reading commands must not leave empty files behind).
   */
  static Storage open(String url, boolean mustExist) {
    Optional<Path> file = localFile(url);
    if (mustExist && file.isPresent() && !Files.exists(file.get())) {
      throw new CliException(ExitCodes.STORAGE, file.get() + ": no such study file");
    }
    try {
      return Storages.open(url);
    } catch (StorageException e) {
      throw storageError(url, e);
    }
  }

  /** The study file a storage URL names, if it names one (not PostgreSQL, not memory). */
  static Optional<Path> localFile(String url) {
    String trimmed = url.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.equals("memory:") || lower.equals(":memory:") || lower.startsWith("postgresql")
        || lower.startsWith("jdbc:")) {
      return Optional.empty();
    }
    if (lower.startsWith("sqlite:///")) {
      return Optional.of(Path.of(trimmed.substring("sqlite:///".length())));
    }
    if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(trimmed));
  }

  /** A storage failure as the CLI reports it: exit 4 for a missing study, 3 otherwise, naming the storage. */
  static CliException storageError(String url, StorageException e) {
    if (e instanceof NoSuchStudyException) {
      return new CliException(ExitCodes.NO_SUCH_STUDY, e.getMessage() + " in " + url, e);
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    String where = localFile(url).map(Path::toString).orElse(url);
    if (!message.contains(where) && !message.contains(url)) {
      message = where + ": " + message;
    }
    return new CliException(ExitCodes.STORAGE, message, e);
  }

  /** The id of study {@code name}; exit 4 when there is none. */
  static long studyId(Storage storage, String url, String name) {
    return storage.findStudyId(name).orElseThrow(() -> new CliException(ExitCodes.NO_SUCH_STUDY,
        "no study named \"" + name + "\" in " + url));
  }

  /** The text of an input file; exit 3 naming the file when it cannot be read. */
  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.STORAGE, file + ": no such file", e);
    } catch (IOException e) {
      throw new CliException(ExitCodes.STORAGE, file + ": cannot read the file: " + e.getMessage(), e);
    }
  }

  /** Writes an output file; exit 3 naming the file when it cannot be written. */
  static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(ExitCodes.STORAGE, file + ": cannot write the file: " + e, e);
    }
  }

  /** A value for people: six significant digits. */
  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
        .replaceFirst("\\.$", "");
  }

  /** A parameter value for people. */
  static String value(Object v) {
    return v instanceof Double d ? number(d) : String.valueOf(v);
  }

  static String json(Object tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
