package io.parzen.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * A study file: a SQLite database in Optuna's RDB schema, readable by
 * {@code optuna.load_study(storage="sqlite:///file.db")} and optuna-dashboard, holding one or more
 * studies.
 *
 * <p>Opening checks the file before writing anything: a file that is not SQLite, lacks Optuna's
 * tables, or has an alembic revision this program does not read raises
 * {@link StudyFileException} and the file is left byte for byte as it was. An existing file keeps
 * its schema revision; new files get {@link RdbSchema#CURRENT} unless another is asked for.
 *
 * <p>The file is switched to WAL mode, so readers (the studio) never block writers. Writes from
 * this process go through one connection, one transaction per trial update, taken with
 * {@code BEGIN IMMEDIATE} so that several processes sharing the file serialise cleanly; reads use a
 * small pool of read-only connections. Thread-safe, and safe across processes.
 */
public final class SqliteStorage extends RdbStorage {

  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int READERS = 4;
  /** SQLAlchemy's DATETIME text format for SQLite, in local time as Optuna writes it. */
  private static final DateTimeFormatter WRITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter READ_TIME = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter();

  private final Path file;
  private final RdbSchema schema;
  private final ZoneId zone;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final Connection writer;
  private final Deque<Connection> readers = new ArrayDeque<>();
  private final Set<Connection> allReaders = new HashSet<>();
  private boolean closed;

  private SqliteStorage(Path file, RdbSchema schema, Clock clock, Connection writer) {
    super(clock);
    this.file = file;
    this.schema = schema;
    this.zone = ZoneId.systemDefault();
    this.writer = writer;
  }

  /** Opens (or creates, with the current schema) the study file at {@code file}. */
  public static SqliteStorage open(Path file) {
    return open(file, RdbSchema.CURRENT, Clock.systemUTC());
  }

  /**
   * Opens the study file at {@code file}; a new file gets {@code newFileSchema}, an existing one
   * keeps its own. Trial times come from {@code clock}.
   */
  public static SqliteStorage open(Path file, RdbSchema newFileSchema, Clock clock) {
    Path path = file.toAbsolutePath();
    RdbSchema schema = inspect(path);
    boolean create = schema == null;
    Connection writer = connect(path, false);
    try {
      try (Statement st = writer.createStatement()) {
        st.execute("PRAGMA busy_timeout = 60000");
        st.execute("PRAGMA synchronous = NORMAL");
      }
      useWal(writer);
      if (create && !createSchema(writer, newFileSchema)) {
        schema = inspect(path);  // Another process created it first.
      } else if (create) {
        schema = newFileSchema;
      }
      return new SqliteStorage(path, schema, clock, writer);
    } catch (SQLException e) {
      closeQuietly(writer);
      throw new StudyFileException(path, "cannot open the study file: " + e.getMessage(), e);
    }
  }

  /**
   * Switches the file to WAL mode. The switch needs a moment without other connections, so it is
   * retried while several processes open a new file at once; a file already in WAL mode is left be.
   */
  private static void useWal(Connection c) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
        if (rs.next() && "wal".equalsIgnoreCase(rs.getString(1))) {
          return;
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA journal_mode = WAL");
        return;
      } catch (SQLException e) {
        if (attempt >= 200 || !String.valueOf(e.getMessage()).contains("SQLITE_BUSY")) {
          throw e;
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while opening the study file", e);
      }
    }
  }

  /** The file this storage reads and writes. */
  public Path file() {
    return file;
  }

  /** The Optuna schema revision of the file. */
  public RdbSchema schema() {
    return schema;
  }

  /**
   * Checks an existing file without changing it. Returns its schema, or {@code null} when the file
   * is new (absent or empty) and needs one.
   */
  private static RdbSchema inspect(Path path) {
    try {
      if (!Files.exists(path) || Files.size(path) == 0) {
        return null;
      }
      byte[] head = new byte[MAGIC.length];
      int n;
      try (InputStream in = Files.newInputStream(path)) {
        n = in.readNBytes(head, 0, head.length);
      }
      if (n < MAGIC.length || !java.util.Arrays.equals(head, MAGIC)) {
        throw new StudyFileException(path, "not a study file: it is not a SQLite database");
      }
    } catch (IOException e) {
      throw new StudyFileException(path, "cannot read the file: " + e.getMessage(), e);
    }
    Path wal = Path.of(path + "-wal");
    Path shm = Path.of(path + "-shm");
    boolean hadSideFiles = Files.exists(wal) || Files.exists(shm);
    boolean refused = true;
    Connection c = connect(path, true);
    try {
      Set<String> tables = new HashSet<>();
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      if (tables.isEmpty()) {
        refused = false;
        return null;  // An empty database (perhaps one another process is just creating) is new.
      }
      for (String table : RdbSchema.TABLES) {
        if (!tables.contains(table)) {
          throw new StudyFileException(path, "not a study file: the SQLite database has no \"" + table
              + "\" table of Optuna's schema");
        }
      }
      String version = null;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT version_num FROM alembic_version")) {
        if (rs.next()) {
          version = rs.getString(1);
        }
      }
      if (version == null) {
        throw new StudyFileException(path, "the study file has Optuna's tables but no alembic revision");
      }
      RdbSchema schema = RdbSchema.byAlembicVersion(version);
      if (schema == null) {
        if (RdbSchema.OLDER.contains(version)) {
          throw new StudyFileException(path, "the study file has Optuna's old schema revision " + version
              + "; upgrade it with: optuna storage upgrade --storage sqlite:///" + path);
        }
        throw new StudyFileException(path, "the study file has schema revision " + version
            + ", which this version of Parzen Studio does not know (it reads v3.0.0.d and v3.2.0.a); "
            + "it was probably written by a newer Optuna");
      }
      refused = false;
      return schema;
    } catch (SQLException e) {
      throw new StudyFileException(path, "not a readable SQLite database: " + e.getMessage(), e);
    } finally {
      closeQuietly(c);
      if (refused && !hadSideFiles) {
        removeEmptySideFiles(wal, shm);
      }
    }
  }

  /**
   * A read-only look at a WAL database leaves an empty -wal and a -shm file behind, which a refused
   * file must not get; they hold nothing when the WAL is empty. Only refused files are tidied: a
   * study file's side files may belong to another process using it.
   */
  private static void removeEmptySideFiles(Path wal, Path shm) {
    try {
      if (Files.exists(wal) && Files.size(wal) == 0) {
        Files.deleteIfExists(wal);
        Files.deleteIfExists(shm);
      }
    } catch (IOException ignored) {
      // Left behind: harmless to SQLite, which recreates or ignores them.
    }
  }

  /**
   * Creates Optuna's tables in a new file under the write lock; returns false, creating nothing,
   * when another process created them first.
   */
  private static boolean createSchema(Connection c, RdbSchema schema) throws SQLException {
    execute(c, "BEGIN IMMEDIATE");
    try (Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'studies'")) {
        if (rs.next()) {
          execute(c, "COMMIT");
          return false;
        }
      }
      for (String ddl : schema.sqliteDdl()) {
        st.execute(ddl);
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (1, ?, ?)")) {
        ps.setInt(1, RdbSchema.SCHEMA_VERSION);
        ps.setString(2, schema.optunaVersion());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO alembic_version (version_num) VALUES (?)")) {
        ps.setString(1, schema.alembicVersion());
        ps.executeUpdate();
      }
      execute(c, "COMMIT");
      return true;
    } catch (SQLException e) {
      rollback(c);
      throw e;
    }
  }

  /**
   * A connection in auto-commit mode: transactions are begun by hand ({@code BEGIN IMMEDIATE} to
   * write, {@code BEGIN} to read), because the driver's own transactions begin eagerly and an idle
   * connection would hold the write lock.
   */
  private static Connection connect(Path path, boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(readOnly);
    config.setBusyTimeout(60_000);
    if (readOnly) {
      config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
    }
    Properties properties = config.toProperties();
    try {
      return DriverManager.getConnection("jdbc:sqlite:" + path, properties);
    } catch (SQLException e) {
      throw new StudyFileException(path, "cannot open the file: " + e.getMessage(), e);
    }
  }

  @Override
  protected <T> T write(SqlWork<T> work) {
    writeLock.lock();
    try {
      ensureOpen();
      try {
        execute(writer, "BEGIN IMMEDIATE");
        T result = work.run(writer);
        execute(writer, "COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(writer);
        if (e instanceof RuntimeException r) {
          throw r;
        }
        throw new StorageException(file + ": " + e.getMessage(), e);
      }
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  protected <T> T read(SqlWork<T> work) {
    Connection c = borrowReader();
    try {
      execute(c, "BEGIN");
      T result = work.run(c);
      execute(c, "COMMIT");
      return result;
    } catch (SQLException e) {
      rollback(c);
      throw new StorageException(file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      rollback(c);
      throw e;
    } finally {
      returnReader(c);
    }
  }

  private synchronized Connection borrowReader() {
    ensureOpen();
    Connection c = readers.pollFirst();
    if (c != null) {
      return c;
    }
    // A read-write connection used only for reading: read-only connections to a WAL database can
    // keep serving an old snapshot of the wal-index.
    c = connect(file, false);
    allReaders.add(c);
    return c;
  }

  private synchronized void returnReader(Connection c) {
    if (closed || readers.size() >= READERS) {
      allReaders.remove(c);
      closeQuietly(c);
    } else {
      readers.addFirst(c);
    }
  }

  private synchronized void ensureOpen() {
    if (closed) {
      throw new StorageException(file + ": the storage is closed");
    }
  }

  @Override
  protected void lockStudy(Connection c, long studyId) {
    // BEGIN IMMEDIATE already holds the database's write lock for the whole transaction.
  }

  @Override
  protected void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
    if (time == null) {
      ps.setNull(index, java.sql.Types.VARCHAR);
    } else {
      ps.setString(index, LocalDateTime.ofInstant(time, zone).format(WRITE_TIME));
    }
  }

  @Override
  protected Instant getTime(ResultSet rs, String column) throws SQLException {
    String text = rs.getString(column);
    if (text == null) {
      return null;
    }
    LocalDateTime time = parseTime(text);
    return (time != null ? time : LocalDateTime.parse(text.replace('T', ' '), READ_TIME)).atZone(zone).toInstant();
  }

  /**
   * Reads the usual "yyyy-MM-dd HH:mm:ss[.ffffff]" directly, about ten times faster than the
   * formatter (opening a study reads two per trial); {@code null} for anything else.
   */
  static LocalDateTime parseTime(String text) {
    int n = text.length();
    if (n < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || (text.charAt(10) != ' ' && text.charAt(10) != 'T')
        || text.charAt(13) != ':' || text.charAt(16) != ':' || (n > 19 && (text.charAt(19) != '.' || n == 20 || n > 29))) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int fraction = n > 19 ? digits(text, 20, n) : 0;
    if ((year | month | day | hour | minute | second | fraction) < 0 || month < 1 || month > 12 || day < 1
        || day > 31 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    for (int i = n; i < 29; i++) {
      fraction *= 10;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, fraction);
    } catch (java.time.DateTimeException e) {
      return null;  // as February 30th: the formatter says what is wrong
    }
  }

  /** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        allReaders.forEach(SqliteStorage::closeQuietly);
        allReaders.clear();
        readers.clear();
      }
      closeQuietly(writer);
    } finally {
      writeLock.unlock();
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static void rollback(Connection c) {
    try {
      execute(c, "ROLLBACK");
    } catch (SQLException ignored) {
      // No transaction was open, or the connection is unusable and the next use reports it.
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Nothing more to release.
    }
  }

  @Override
  public String toString() {
    return "SqliteStorage[" + file + ", " + schema.alembicVersion() + "]";
  }
}
