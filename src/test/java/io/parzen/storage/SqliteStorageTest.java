package io.parzen.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract for the SQLite study file. */
class SqliteStorageTest extends StorageContractTest {

  @TempDir
  Path dir;

  private final AtomicInteger files = new AtomicInteger();

  @Override
  protected Storage createStorage(Clock clock) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SqliteStorage.open(dir.resolve("study-" + files.incrementAndGet() + ".db"), RdbSchema.CURRENT, clock);
  }
}
