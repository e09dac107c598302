package io.parzen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoragesTest {

  @TempDir
  Path dir;

  @Test
  void sqliteUrlsAndPlainPathsOpenStudyFiles() throws Exception {
    Path file = dir.resolve("a.db");
    try (Storage s = Storages.open("sqlite:///" + file)) {
      assertThat(s).isInstanceOf(SqliteStorage.class);
      s.createStudy("x", java.util.List.of(io.parzen.study.StudyDirection.MINIMIZE));
    }
    try (Storage s = Storages.open(file.toString())) {
      assertThat(s.findStudyId("x")).isPresent();
    }
  }

  @Test
  void journalFilesOpenIntoMemory() throws Exception {
    Path journal = dir.resolve("optuna.log");
    Files.copy(Path.of("src/test/resources/journal/optuna-3.1.log"), journal);
    try (Storage s = Storages.open(journal.toString())) {
      assertThat(s).isInstanceOf(InMemoryStorage.class);
      assertThat(s.findStudyId("journal-min")).isPresent();
    }
  }

  @Test
  void memoryUrlsGiveAFreshInMemoryStorage() {
    assertThat(Storages.open("memory:")).isInstanceOf(InMemoryStorage.class);
  }

  @Test
  void unknownSchemesAreRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> Storages.open("redis://localhost:6379"))
        .hasMessage("unsupported storage URL \"redis://localhost:6379\" (use sqlite:///FILE, "
            + "postgresql://USER@HOST/DB, a study file path or memory:)");
  }
}
