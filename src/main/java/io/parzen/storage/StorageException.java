package io.parzen.storage;

/** A storage operation failed: a file or database error, or a broken study. */
public class StorageException extends RuntimeException {

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
