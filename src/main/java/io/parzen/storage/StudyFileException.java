package io.parzen.storage;

import java.nio.file.Path;

/**
 * A study file that cannot be opened: not SQLite, SQLite without Optuna's schema, or a schema
 * version this program does not know. The file is left as it was.
 */
public final class StudyFileException extends StorageException {

  private final Path file;

  public StudyFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public StudyFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
