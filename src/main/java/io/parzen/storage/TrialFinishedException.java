package io.parzen.storage;

/** A write to a trial that has already finished. */
public class TrialFinishedException extends StorageException {

  public TrialFinishedException(String message) {
    super(message);
  }

  public TrialFinishedException(String message, Throwable cause) {
    super(message, cause);
  }
}
