package io.parzen.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a storage from a URL, as Optuna users write them: {@code sqlite:///path/to/study.db} (or a
 * plain path to a study file), {@code postgresql://user:password@host:5432/db}, a path to an
 * Optuna journal file ({@code .log} or {@code .jsonl}, opened read-only into memory), or
 * {@code memory:} for a throw-away in-memory storage.
 */
public final class Storages {

  private Storages() {}

  /** {@code url} as it may be shown or logged: any password replaced by {@code ***}. */
  public static String displayUrl(String url) {
    return url.replaceFirst("^([a-zA-Z:]+//[^:/@]+):[^@]*@", "$1:***@")
        .replaceFirst("([?&]password=)[^&]*", "$1***");
  }

  public static Storage open(String url) {
    String trimmed = url.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.equals("memory:") || lower.equals(":memory:")) {
      return new InMemoryStorage();
    }
    if (lower.startsWith("postgresql") || lower.startsWith("jdbc:postgresql:")) {
      return PostgresStorage.open(trimmed);
    }
    if (lower.startsWith("sqlite:///")) {
      return SqliteStorage.open(Path.of(trimmed.substring("sqlite:///".length())));
    }
    if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
      throw new StorageException("unsupported storage URL \"" + trimmed
          + "\" (use sqlite:///FILE, postgresql://USER@HOST/DB, a study file path or memory:)");
    }
    Path path = Path.of(trimmed);
    if ((lower.endsWith(".log") || lower.endsWith(".jsonl")) && Files.isRegularFile(path)) {
      return OptunaJournal.read(path);
    }
    return SqliteStorage.open(path);
  }
}
