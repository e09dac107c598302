package io.parzen.storage;

/** A study with the given name already exists. */
public class DuplicateStudyException extends StorageException {

  public DuplicateStudyException(String message) {
    super(message);
  }

  public DuplicateStudyException(String message, Throwable cause) {
    super(message, cause);
  }
}
