package io.parzen.storage;

/** No study with the given name or id. */
public class NoSuchStudyException extends StorageException {

  public NoSuchStudyException(String message) {
    super(message);
  }

  public NoSuchStudyException(String message, Throwable cause) {
    super(message, cause);
  }
}
