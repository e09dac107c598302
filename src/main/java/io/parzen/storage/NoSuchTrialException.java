package io.parzen.storage;

/** No trial with the given id. */
public class NoSuchTrialException extends StorageException {

  public NoSuchTrialException(String message) {
    super(message);
  }

  public NoSuchTrialException(String message, Throwable cause) {
    super(message, cause);
  }
}
