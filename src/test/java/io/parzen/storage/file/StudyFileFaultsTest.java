package io.parzen.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parzen.storage.RdbSchema;
import io.parzen.storage.SqliteStorage;
import io.parzen.storage.StudyFileException;
import io.parzen.study.StudyDirection;
import io.parzen.trial.TrialState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening files that are not study files: each is refused with a {@link StudyFileException} naming
 * the file and the problem, and the file is left byte for byte as it was, with no SQLite side files
 * behind. Empty and missing files become new study files; existing files keep their revision.
 */
class StudyFileFaultsTest {

  private static final String NOT_SQLITE = "not a study file: it is not a SQLite database";
  private static final List<String> SIDE_SUFFIXES = List.of("-wal", "-shm", "-journal");

  @TempDir
  Path dir;

  // ---- files that are refused

  @Test
  void textFileIsRefusedAndLeftUnchanged() throws Exception {
    Path file = caseDir("text").resolve("notes.db");
    Files.writeString(file, "These are my notes about the experiment.\nlearning rate 0.01 looked best.\n",
        StandardCharsets.UTF_8);

    assertRefused(file, NOT_SQLITE);
  }

  @Test
  void pngLikeBinaryIsRefusedAndLeftUnchanged() throws Exception {
    Path file = caseDir("png").resolve("plot.db");
    byte[] png = new byte[2048];
    new Random(7).nextBytes(png);
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    System.arraycopy(signature, 0, png, 0, signature.length);
    Files.write(file, png);

    assertRefused(file, NOT_SQLITE);
  }

  @Test
  void fileShorterThanTheSqliteMagicIsRefusedAndLeftUnchanged() throws Exception {
    Path file = caseDir("short-header").resolve("cut.db");
    Files.write(file, "SQLite for".getBytes(StandardCharsets.US_ASCII));

    assertRefused(file, NOT_SQLITE);
  }

  @Test
  void sqliteFileTruncatedInsideItsHeaderIsRefusedAndLeftUnchanged() throws Exception {
    Path whole = caseDir("source").resolve("whole.db");
    createUnrelatedDatabase(whole, false);
    byte[] bytes = Files.readAllBytes(whole);
    Path file = caseDir("truncated-header").resolve("cut.db");
    // The magic string survives, the 100-byte header and every page do not.
    Files.write(file, Arrays.copyOf(bytes, 64));

    assertRefused(file, "not a readable SQLite database: [SQLITE_CORRUPT] The database disk image is malformed "
        + "(database disk image is malformed)");
  }

  @Test
  void sqliteDatabaseWithUnrelatedTablesIsRefusedAndLeftUnchanged() throws Exception {
    Path file = caseDir("unrelated").resolve("shop.db");
    createUnrelatedDatabase(file, false);

    assertRefused(file, "not a study file: the SQLite database has no \"studies\" table of Optuna's schema");
  }

  @Test
  void sqliteDatabaseWithOnlySomeOfOptunasTablesNamesTheFirstMissingOne() throws Exception {
    Path file = caseDir("partial").resolve("partial.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE studies (study_id INTEGER NOT NULL, study_name VARCHAR(512) NOT NULL, "
          + "PRIMARY KEY (study_id))");
      st.execute("CREATE TABLE trials (trial_id INTEGER NOT NULL, PRIMARY KEY (trial_id))");
    }
    assertNoSideFiles(file);

    assertRefused(file, "not a study file: the SQLite database has no \"version_info\" table of Optuna's schema");
  }

  @Test
  void studyFileWithNewerUnknownRevisionIsRefusedAndLeftUnchanged() throws Exception {
    Path file = caseDir("newer").resolve("newer.db");
    createOptunaStyleFile(file, "v9.9.9.z");

    assertRefused(file, "the study file has schema revision v9.9.9.z, which this version of Parzen Studio does not "
        + "know (it reads v3.0.0.d and v3.2.0.a); it was probably written by a newer Optuna");
  }

  @Test
  void studyFileWithOlderRevisionIsRefusedWithAnUpgradeHint() throws Exception {
    Path file = caseDir("older").resolve("older.db");
    createOptunaStyleFile(file, "v3.0.0.c");

    assertRefused(file, "the study file has Optuna's old schema revision v3.0.0.c; upgrade it with: "
        + "optuna storage upgrade --storage sqlite:///" + file.toAbsolutePath());
  }

  @Test
  void directoryIsRefusedClearlyAndLeftAlone() throws Exception {
    Path parent = caseDir("directory");
    Path file = Files.createDirectory(parent.resolve("results.db"));

    StudyFileException e = assertThrows(StudyFileException.class, () -> openAndCloseIfOpened(file));

    assertThat(e.getMessage()).isEqualTo(file.toAbsolutePath() + ": cannot read the file: Is a directory");
    assertThat(e.file()).isEqualTo(file.toAbsolutePath());
    assertThat(Files.isDirectory(file)).isTrue();
    assertThat(listing(file)).isEmpty();
    assertThat(listing(parent)).containsExactly("results.db");
  }

  @Test
  void refusalIsRepeatableAndLeavesTheFileUnchangedEachTime() throws Exception {
    Path file = caseDir("twice").resolve("newer.db");
    createOptunaStyleFile(file, "v9.9.9.z");
    FileState before = FileState.of(file);

    for (int i = 0; i < 3; i++) {
      assertThrows(StudyFileException.class, () -> openAndCloseIfOpened(file));
    }

    assertThat(FileState.of(file)).isEqualTo(before);
    assertNoSideFiles(file);
  }

  /**
   * A SQLite database that some other program keeps in WAL mode (many do). Opening it is refused,
   * and the database itself is unchanged, but the read-only inspection leaves {@code -wal} and
   * {@code -shm} files next to it: a read-only SQLite connection cannot remove them on close.
   */
  @Test
  void refusedWalModeDatabaseGetsNoSideFiles() throws Exception {
    Path file = caseDir("wal-unrelated").resolve("app.db");
    createUnrelatedDatabase(file, true);

    assertRefused(file, "not a study file: the SQLite database has no \"studies\" table of Optuna's schema");
  }

  /**
   * Optuna's tables, but no row in {@code alembic_version} (a file whose creation was cut short,
   * or edited by hand): refused like any unknown revision, not with a NullPointerException.
   */
  @Test
  void studyFileWithoutAnAlembicRevisionIsRefusedAndLeftUnchanged() throws Exception {
    Path file = caseDir("no-revision").resolve("norev.db");
    createOptunaStyleFile(file, "v3.2.0.a");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      assertThat(st.executeUpdate("DELETE FROM alembic_version")).isEqualTo(1);
    }
    assertNoSideFiles(file);
    FileState before = FileState.of(file);

    // No message is specified for this case; it must be a StudyFileException about the revision.
    StudyFileException e = assertThrows(StudyFileException.class, () -> openAndCloseIfOpened(file));

    assertThat(e.file()).isEqualTo(file.toAbsolutePath());
    assertThat(e.getMessage()).startsWith(file.toAbsolutePath() + ": ").contains("revision");
    assertThat(FileState.of(file)).isEqualTo(before);
    assertNoSideFiles(file);
  }

  // ---- files that are accepted

  @Test
  void emptyFileBecomesANewStudyFileWithTheCurrentSchema() throws Exception {
    Path file = caseDir("empty").resolve("empty.db");
    Files.createFile(file);

    try (SqliteStorage storage = SqliteStorage.open(file)) {
      assertThat(storage.schema()).isEqualTo(RdbSchema.CURRENT).isEqualTo(RdbSchema.V3_2_0_A);
      assertThat(storage.file()).isEqualTo(file.toAbsolutePath());
      storage.createStudy("fresh", List.of(StudyDirection.MINIMIZE));
    }

    assertCurrentSchemaFile(file);
  }

  @Test
  void missingFileIsCreatedAsANewStudyFileWithTheCurrentSchema() throws Exception {
    Path file = caseDir("missing").resolve("new-study.db");
    assertThat(file).doesNotExist();

    try (SqliteStorage storage = SqliteStorage.open(file)) {
      assertThat(storage.schema()).isEqualTo(RdbSchema.V3_2_0_A);
      storage.createStudy("fresh", List.of(StudyDirection.MAXIMIZE));
    }

    assertThat(file).isRegularFile();
    assertCurrentSchemaFile(file);
  }

  @Test
  void fileCreatedWithOlderSupportedRevisionKeepsItAfterReopeningAndWriting() throws Exception {
    Path file = caseDir("v300d").resolve("old.db");
    try (SqliteStorage storage = SqliteStorage.open(file, RdbSchema.V3_0_0_D, Clock.systemUTC())) {
      assertThat(storage.schema()).isEqualTo(RdbSchema.V3_0_0_D);
      storage.createStudy("first", List.of(StudyDirection.MINIMIZE));
    }
    assertThat(alembicVersions(file)).containsExactly("v3.0.0.d");

    try (SqliteStorage storage = SqliteStorage.open(file)) {
      assertThat(storage.schema()).isEqualTo(RdbSchema.V3_0_0_D);
      long study = storage.createStudy("second", List.of(StudyDirection.MAXIMIZE));
      long trial = storage.createTrial(study).id();
      storage.setTrialUserAttr(trial, "note", "written after reopening");
      storage.finishTrial(trial, TrialState.COMPLETE, List.of(1.5));
    }
    // Also when the caller asks for the current schema for new files explicitly.
    try (SqliteStorage storage = SqliteStorage.open(file, RdbSchema.CURRENT, Clock.systemUTC())) {
      assertThat(storage.schema()).isEqualTo(RdbSchema.V3_0_0_D);
      storage.createTrial(storage.studyId("first"));
    }

    assertThat(alembicVersions(file)).containsExactly("v3.0.0.d");
    assertThat(indexes(file)).doesNotContain("ix_trials_study_id");
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      assertThat(storage.studies()).extracting(s -> s.name()).containsExactly("first", "second");
      assertThat(storage.trials(storage.studyId("second"))).singleElement()
          .satisfies(t -> assertThat(t.values()).containsExactly(1.5));
    }
  }

  /**
   * Several workers (threads here, processes alike) start at once on a study file that does not
   * exist yet: it is created once, with the current schema, and every worker opens it.
   */
  @Test
  void newFileOpenedByFourStoragesAtOnceIsCreatedOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      Path file = caseDir("race-" + round).resolve("fresh.db");
      List<SqliteStorage> opened = new CopyOnWriteArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      CountDownLatch go = new CountDownLatch(1);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          int worker = i;
          futures.add(pool.submit(() -> {
            go.await();
            SqliteStorage storage = SqliteStorage.open(file);
            opened.add(storage);
            storage.createStudy("study-of-worker-" + worker, List.of(StudyDirection.MINIMIZE));
            return null;
          }));
        }
        go.countDown();
        for (Future<?> f : futures) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        opened.forEach(SqliteStorage::close);
        pool.shutdownNow();
      }
      assertThat(opened).hasSize(4).allSatisfy(s -> assertThat(s.schema()).isEqualTo(RdbSchema.CURRENT));
      assertCurrentSchemaFile(file);
      assertThat(query(file, "SELECT COUNT(*) FROM version_info")).containsExactly("1");
      assertThat(query(file, "SELECT study_name FROM studies ORDER BY study_name")).containsExactly(
          "study-of-worker-0", "study-of-worker-1", "study-of-worker-2", "study-of-worker-3");
    }
  }

  @Test
  void unusualFileNamesAreUsedExactlyAsGiven() throws Exception {
    Path folder = caseDir("names");
    List<String> names = List.of("run #1 ?.db", "résumé 100%.db", "a;b=c&mode=ro.db", "file:x.db");
    for (String name : names) {
      Path file = folder.resolve(name);
      try (SqliteStorage storage = SqliteStorage.open(file)) {
        assertThat(storage.file()).isEqualTo(file.toAbsolutePath());
        storage.createStudy(name, List.of(StudyDirection.MINIMIZE));
      }
      try (SqliteStorage storage = SqliteStorage.open(file)) {
        assertThat(storage.studies()).extracting(s -> s.name()).containsExactly(name);
      }
    }
    assertThat(listing(folder)).containsExactlyInAnyOrderElementsOf(names);
  }

  // ---- helpers

  private Path caseDir(String name) throws IOException {
    return Files.createDirectory(dir.resolve(name));
  }

  private static void openAndCloseIfOpened(Path file) {
    SqliteStorage.open(file).close();
  }

  /** Opening {@code file} fails with exactly {@code problem}, and leaves the file and its folder as they were. */
  private static void assertRefused(Path file, String problem) throws Exception {
    assertNoSideFiles(file);
    FileState before = FileState.of(file);
    List<String> folderBefore = listing(file.getParent());

    StudyFileException e = assertThrows(StudyFileException.class, () -> openAndCloseIfOpened(file));

    assertThat(e.getMessage()).isEqualTo(file.toAbsolutePath() + ": " + problem);
    assertThat(e.file()).isEqualTo(file.toAbsolutePath());
    assertThat(FileState.of(file)).as("size and SHA-256 of %s after the refused open", file).isEqualTo(before);
    assertNoSideFiles(file);
    assertThat(listing(file.getParent())).isEqualTo(folderBefore);
  }

  private static void assertNoSideFiles(Path file) {
    for (String suffix : SIDE_SUFFIXES) {
      Path side = file.resolveSibling(file.getFileName() + suffix);
      assertThat(Files.exists(side)).as("side file %s", side).isFalse();
    }
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A small shop database, in rollback-journal mode or, like many applications keep theirs, WAL mode. */
  private static void createUnrelatedDatabase(Path file, boolean wal) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      if (wal) {
        try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("wal");
        }
      }
      st.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
      st.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, total REAL)");
      st.execute("INSERT INTO customers (name) VALUES ('Ada'), ('Grace')");
      st.execute("INSERT INTO orders (customer_id, total) VALUES (1, 12.5), (2, 99.0)");
    }
    assertNoSideFiles(file);
  }

  /**
   * A file with Optuna's tables, a study and a trial, at alembic revision {@code revision}, in
   * rollback-journal mode as Optuna (SQLAlchemy) leaves its files.
   */
  private static void createOptunaStyleFile(Path file, String revision) throws SQLException {
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      long study = storage.createStudy("someone-elses-study", List.of(StudyDirection.MINIMIZE));
      long trial = storage.createTrial(study).id();
      storage.finishTrial(trial, TrialState.COMPLETE, List.of(0.25));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = DELETE")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("delete");
      }
      assertThat(st.executeUpdate("UPDATE alembic_version SET version_num = '" + revision + "'")).isEqualTo(1);
    }
    assertNoSideFiles(file);
  }

  private static void assertCurrentSchemaFile(Path file) throws SQLException {
    assertThat(alembicVersions(file)).containsExactly("v3.2.0.a");
    assertThat(indexes(file)).contains("ix_trials_study_id", "ix_studies_study_name");
    assertThat(tables(file)).contains("studies", "version_info", "study_directions", "study_user_attributes",
        "study_system_attributes", "trials", "trial_user_attributes", "trial_system_attributes", "trial_params",
        "trial_values", "trial_intermediate_values", "trial_heartbeats", "alembic_version");
    assertThat(query(file, "SELECT schema_version FROM version_info")).containsExactly("12");
  }

  private static List<String> alembicVersions(Path file) throws SQLException {
    return query(file, "SELECT version_num FROM alembic_version");
  }

  private static List<String> indexes(Path file) throws SQLException {
    return query(file, "SELECT name FROM sqlite_master WHERE type = 'index'");
  }

  private static List<String> tables(Path file) throws SQLException {
    return query(file, "SELECT name FROM sqlite_master WHERE type = 'table'");
  }

  /** The first column of every row, read with plain JDBC. */
  private static List<String> query(Path file, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  /** Size and SHA-256 of a file. */
  private record FileState(long size, String sha256) {
    static FileState of(Path file) throws IOException {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        return new FileState(Files.size(file), HexFormat.of().formatHex(digest));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
