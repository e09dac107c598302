package io.parzen.storage;

import io.parzen.study.StudyDirection;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Studies in a PostgreSQL database in Optuna's RDB schema, shared by many processes and machines:
 * Optuna workers given the same URL ({@code optuna.load_study(storage="postgresql://...")}) and
 * Parzen Studio workers can run one study together.
 *
 * <p><b>URLs.</b> {@link #open(String)} takes SQLAlchemy's (Optuna's) form
 * {@code postgresql://user:password@host:port/dbname}, also with a driver such as
 * {@code postgresql+psycopg2://}, user and password percent-encoded, host defaulting to
 * {@code localhost} and port to 5432; or a JDBC URL {@code jdbc:postgresql://host:port/dbname?user=...&password=...}.
 * The password is never shown: {@link #toString()}, {@link #url()} and every error message name the
 * URL with {@code ***} in its place.
 *
 * <p><b>Opening.</b> A database without tables (in its current schema) gets Optuna's schema, exactly
 * as SQLAlchemy creates it for Optuna's models on PostgreSQL ({@link RdbSchema#CURRENT} unless
 * another is asked for), with {@code version_info} and {@code alembic_version} filled in; workers
 * opening one empty database at once create it only once (a transaction-scoped advisory lock). A
 * database with tables is checked before anything is written: one lacking any of Optuna's tables,
 * or with an alembic revision this program does not read, raises {@link StorageException} and is
 * left as it was. An existing database keeps its schema revision.
 *
 * <p><b>Transactions.</b> Each write is one transaction at READ COMMITTED; creating or claiming a
 * trial first locks the study's row ({@code SELECT ... FOR UPDATE}, as Optuna does), so trial
 * numbers stay gapless and a trial limit holds however many processes race, and every write to a
 * trial first locks the trial's row, so nothing is written to a trial after it has finished.
 * Writes failing on a deadlock or serialisation failure are retried a few times. Each read is one
 * REPEATABLE READ READ ONLY transaction, a consistent snapshot. Times are stored as
 * {@code TIMESTAMP WITHOUT TIME ZONE} in the JVM's default time zone, as Optuna writes them
 * (naive local {@code datetime.now()}).
 *
 * <p><b>Connections.</b> A small pool of its own: at most {@value #POOL_SIZE} connections, opened
 * on demand; a caller waits at most {@value #BORROW_TIMEOUT_SECONDS} s for a free one. A connection
 * that fails is discarded, one idle for a while is checked before use, and a transaction whose
 * connection turns out dead before it began is retried on a new one. Thread-safe, and safe across
 * processes.
 */
public final class PostgresStorage extends RdbStorage {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresStorage.class);

  static final int POOL_SIZE = 8;
  static final int BORROW_TIMEOUT_SECONDS = 30;
  private static final int CONNECT_TIMEOUT_SECONDS = 10;
  /** Idle connections older than this are checked with a round trip before use. */
  private static final long VALIDATE_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final int WRITE_ATTEMPTS = 5;
  /** Key of the advisory lock serialising schema creation in one database. */
  private static final long SCHEMA_LOCK_KEY = 0x7061727a656eL; // "parzen"

  private final Target target;
  private final RdbSchema schema;
  private final ZoneId zone;
  private final Pool pool;

  private PostgresStorage(Target target, Pool pool, RdbSchema schema, Clock clock) {
    super(clock);
    this.target = target;
    this.pool = pool;
    this.schema = schema;
    this.zone = ZoneId.systemDefault();
  }

  /** Opens the database at {@code url}, creating Optuna's current schema in it if it is empty. */
  public static PostgresStorage open(String url) {
    return open(url, RdbSchema.CURRENT, Clock.systemUTC());
  }

  /** Opens the database at {@code url}; trial times come from {@code clock}. */
  public static PostgresStorage open(String url, Clock clock) {
    return open(url, RdbSchema.CURRENT, clock);
  }

  /**
   * Opens the database at {@code url}; an empty database gets {@code newDatabaseSchema}, one with
   * Optuna's schema keeps its own. Trial times come from {@code clock}.
   */
  public static PostgresStorage open(String url, RdbSchema newDatabaseSchema, Clock clock) {
    Target target = Target.parse(url);
    Pool pool = new Pool(target);
    try {
      Lease lease = pool.borrow();
      boolean broken = true;
      try {
        RdbSchema schema = prepareSchema(target, lease.connection, newDatabaseSchema);
        broken = false;
        return new PostgresStorage(target, pool, schema, clock);
      } catch (SQLException e) {
        throw new StorageException(target.display + ": cannot open the database: " + e.getMessage(), e);
      } finally {
        pool.release(lease, broken);
      }
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** The database's URL, with {@code ***} for the password. */
  public String url() {
    return target.display;
  }

  /** The Optuna schema revision of the database. */
  public RdbSchema schema() {
    return schema;
  }

  // ---- schema

  /** Checks the database's schema, creating it when the database is empty; returns it. */
  private static RdbSchema prepareSchema(Target target, Connection c, RdbSchema newDatabaseSchema)
      throws SQLException {
    RdbSchema found = inspect(target, c);
    if (found != null) {
      return found;
    }
    execute(c, "BEGIN ISOLATION LEVEL READ COMMITTED");
    try {
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        ps.setLong(1, SCHEMA_LOCK_KEY);
        ps.executeQuery().close();
      }
      // Another process may have created the schema while this one waited for the lock.
      found = inspect(target, c);
      if (found == null) {
        createSchema(c, newDatabaseSchema);
        found = newDatabaseSchema;
        LOG.debug("created Optuna's schema {} in {}", found.alembicVersion(), target.display);
      }
      execute(c, "COMMIT");
      return found;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c);
      throw e;
    }
  }

  /**
   * Checks the database without changing it. Returns its schema, or {@code null} when its current
   * schema (namespace) holds no tables and needs Optuna's.
   */
  private static RdbSchema inspect(Target target, Connection c) throws SQLException {
    String namespace;
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
      rs.next();
      namespace = rs.getString(1);
    }
    if (namespace == null) {
      throw new StorageException(target.display + ": the database has no schema to create tables in "
          + "(none of its search_path exists)");
    }
    Set<String> tables = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT c.relname FROM pg_catalog.pg_class c "
        + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')")) {
      ps.setString(1, namespace);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    if (tables.isEmpty()) {
      return null;
    }
    List<String> missing = RdbSchema.TABLES.stream().filter(t -> !tables.contains(t)).toList();
    if (!missing.isEmpty()) {
      throw new StorageException(target.display + ": not an Optuna storage: the database (schema \"" + namespace
          + "\") has tables, but not Optuna's " + String.join(", ", missing.stream().map(t -> "\"" + t + "\"").toList())
          + "; use an empty database or one set up by Optuna");
    }
    String version = null;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version_num FROM alembic_version")) {
      if (rs.next()) {
        version = rs.getString(1);
      }
    }
    RdbSchema schema = RdbSchema.byAlembicVersion(version);
    if (schema == null) {
      if (version == null) {
        throw new StorageException(target.display + ": the database has Optuna's tables but no alembic revision "
            + "in alembic_version; it was not set up completely");
      }
      if (RdbSchema.OLDER.contains(version)) {
        throw new StorageException(target.display + ": the database has Optuna's old schema revision " + version
            + "; upgrade it with: optuna storage upgrade --storage " + target.display);
      }
      throw new StorageException(target.display + ": the database has schema revision " + version
          + ", which this version of Parzen Studio does not know (it reads v3.0.0.d and v3.2.0.a); "
          + "it was probably written by a newer Optuna");
    }
    return schema;
  }

  private static void createSchema(Connection c, RdbSchema schema) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String ddl : schema.postgresDdl()) {
        st.execute(ddl);
      }
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
  }

  // ---- transactions

  @Override
  public long createStudy(String name, List<StudyDirection> directions) {
    try {
      return super.createStudy(name, directions);
    } catch (StorageException e) {
      if (e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState())) {
        // Another process created a study of that name after this one looked.
        throw new DuplicateStudyException("a study named \"" + name + "\" already exists");
      }
      throw e;
    }
  }

  @Override
  protected <T> T write(SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction("BEGIN ISOLATION LEVEL READ COMMITTED", work);
      } catch (SQLException e) {
        if (isRetryable(e) && attempt < WRITE_ATTEMPTS) {
          LOG.debug("{}: retrying a write after {}", target.display, e.getMessage());
          pause(attempt);
          continue;
        }
        throw new StorageException(target.display + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  protected <T> T read(SqlWork<T> work) {
    try {
      return transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work);
    } catch (SQLException e) {
      throw new StorageException(target.display + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code work} in one transaction begun with {@code begin}. A connection found dead when
   * beginning (nothing was done yet) is discarded and the transaction begun on another one.
   */
  private <T> T transaction(String begin, SqlWork<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      Lease lease = pool.borrow();
      Connection c = lease.connection;
      boolean broken = true;
      try {
        try {
          execute(c, begin);
        } catch (SQLException e) {
          if (isConnectionError(e) && attempt <= POOL_SIZE) {
            continue; // the finally block discards the connection
          }
          throw e;
        }
        T result;
        try {
          result = work.run(c);
          execute(c, "COMMIT");
        } catch (SQLException | RuntimeException | Error e) {
          broken = !rollbackQuietly(c) || (e instanceof SQLException s && isConnectionError(s));
          throw e;
        }
        broken = false;
        return result;
      } finally {
        pool.release(lease, broken);
      }
    }
  }

  @Override
  protected void lockStudy(Connection c, long studyId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT study_id FROM studies WHERE study_id = ? FOR UPDATE")) {
      ps.setLong(1, studyId);
      ps.executeQuery().close();
    }
  }

  @Override
  protected String trialRowLock() {
    // Conflicts with other writers of the trial, not with the key-share locks of foreign keys.
    return " FOR NO KEY UPDATE";
  }

  @Override
  protected void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
    if (time == null) {
      ps.setNull(index, Types.TIMESTAMP);
    } else {
      ps.setObject(index, LocalDateTime.ofInstant(time, zone));
    }
  }

  @Override
  protected Instant getTime(ResultSet rs, String column) throws SQLException {
    LocalDateTime time = rs.getObject(column, LocalDateTime.class);
    return time == null ? null : time.atZone(zone).toInstant();
  }

  /** Closes the pool's connections; connections in use are closed when their work ends. */
  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "PostgresStorage[" + target.display + ", " + schema.alembicVersion() + "]";
  }

  // ---- helpers

  private static boolean isRetryable(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state);
  }

  /** The connection is gone: a connection exception (class 08) or the server shutting it down. */
  private static boolean isConnectionError(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
        || state.equals("57P03"));
  }

  private void pause(int attempt) {
    try {
      Thread.sleep(1 + ThreadLocalRandom.current().nextLong(10L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException(target.display + ": interrupted while retrying a write", e);
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** Rolls back any open transaction; false when the connection is unusable. */
  private static boolean rollbackQuietly(Connection c) {
    try {
      execute(c, "ROLLBACK");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Nothing more to release.
    }
  }

  // ---- connection pool

  /** A borrowed connection. */
  private static final class Lease {
    final Connection connection;

    Lease(Connection connection) {
      this.connection = connection;
    }
  }

  private static final class Idle {
    final Connection connection;
    final long since;

    Idle(Connection connection, long since) {
      this.connection = connection;
      this.since = since;
    }
  }

  /**
   * At most {@link #POOL_SIZE} connections in auto-commit mode (transactions are begun by hand),
   * opened when needed; a semaphore bounds how many are out, so a borrower waits for a free one.
   */
  private static final class Pool {
    private final Target target;
    private final org.postgresql.Driver driver = new org.postgresql.Driver();
    private final Semaphore permits = new Semaphore(POOL_SIZE, true);
    private final Deque<Idle> idle = new ArrayDeque<>();
    private final Set<Connection> out = new HashSet<>();
    private boolean closed;

    Pool(Target target) {
      this.target = target;
    }

    Lease borrow() {
      try {
        if (!permits.tryAcquire(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          throw new StorageException(target.display + ": no database connection came free within "
              + BORROW_TIMEOUT_SECONDS + " s (all " + POOL_SIZE + " are in use)");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageException(target.display + ": interrupted while waiting for a database connection", e);
      }
      try {
        Connection c = takeIdle();
        if (c == null) {
          c = connect();
        }
        synchronized (this) {
          if (closed) {
            closeQuietly(c);
            throw closedException();
          }
          out.add(c);
        }
        return new Lease(c);
      } catch (RuntimeException e) {
        permits.release();
        throw e;
      }
    }

    /** An idle connection still alive, or {@code null}. */
    private Connection takeIdle() {
      while (true) {
        Idle i;
        synchronized (this) {
          if (closed) {
            throw closedException();
          }
          i = idle.pollFirst();
        }
        if (i == null) {
          return null;
        }
        if (System.nanoTime() - i.since < VALIDATE_AFTER_IDLE_NANOS || isValid(i.connection)) {
          return i.connection;
        }
        closeQuietly(i.connection);
      }
    }

    private static boolean isValid(Connection c) {
      try {
        return c.isValid(5);
      } catch (SQLException e) {
        return false;
      }
    }

    private Connection connect() {
      try {
        Connection c = driver.connect(target.jdbcUrl, target.properties());
        if (c == null) {
          throw new StorageException(target.display + ": the PostgreSQL driver does not accept the URL");
        }
        c.setAutoCommit(true);
        return c;
      } catch (SQLException e) {
        throw new StorageException(target.display + ": cannot connect: " + e.getMessage(), e);
      }
    }

    void release(Lease lease, boolean broken) {
      Connection c = lease.connection;
      boolean keep;
      synchronized (this) {
        out.remove(c);
        keep = !broken && !closed;
        if (keep) {
          idle.addFirst(new Idle(c, System.nanoTime()));
        }
      }
      if (!keep) {
        closeQuietly(c);
      }
      permits.release();
    }

    void close() {
      List<Connection> toClose = new ArrayList<>();
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        idle.forEach(i -> toClose.add(i.connection));
        idle.clear();
      }
      toClose.forEach(PostgresStorage::closeQuietly);
    }

    private StorageException closedException() {
      return new StorageException(target.display + ": the storage is closed");
    }
  }

  // ---- URLs

  /** Where to connect: a JDBC URL without credentials, the connection properties, and the shown URL. */
  static final class Target {
    /** SQLAlchemy's URL pattern ({@code sqlalchemy.engine.url._parse_url}). */
    private static final Pattern SQLALCHEMY = Pattern.compile(
        "(?<scheme>postgres(?:ql)?(?:\\+\\w+)?)://"
            + "(?:(?<user>[^:/]*)(?::(?<password>[^@]*))?@)?"
            + "(?:(?:\\[(?<ipv6>[^/?]+)]|(?<host>[^/:?]+))?(?::(?<port>[^/?]*))?)?"
            + "(?:/(?<database>[^?]*))?"
            + "(?:\\?(?<query>.*))?",
        Pattern.DOTALL);
    /** libpq's query parameters that pgjdbc knows under another name. */
    private static final Map<String, String> LIBPQ_TO_JDBC = Map.of(
        "application_name", "ApplicationName",
        "connect_timeout", "connectTimeout",
        "target_session_attrs", "targetServerType",
        "keepalives", "tcpKeepAlive");

    final String jdbcUrl;
    final String display;
    private final Properties properties;

    private Target(String jdbcUrl, Properties properties, String display) {
      this.jdbcUrl = jdbcUrl;
      this.properties = properties;
      this.display = display;
    }

    /** A copy of the connection properties, password included. */
    Properties properties() {
      Properties p = new Properties();
      p.putAll(properties);
      return p;
    }

    static Target parse(String url) {
      if (url == null || url.isBlank()) {
        throw new IllegalArgumentException("a PostgreSQL URL is needed");
      }
      String trimmed = url.trim();
      if (trimmed.startsWith("jdbc:postgresql:")) {
        return parseJdbc(trimmed);
      }
      Matcher m = SQLALCHEMY.matcher(trimmed);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a PostgreSQL URL: " + redact(trimmed)
            + " (expected postgresql://user:password@host:port/dbname or jdbc:postgresql://host:port/dbname)");
      }
      String user = decode(m.group("user"));
      String password = decode(m.group("password"));
      String host = m.group("ipv6") != null ? "[" + m.group("ipv6") + "]" : m.group("host");
      if (host != null && host.contains("@")) {
        throw new IllegalArgumentException("cannot read the user and password of " + redact(trimmed)
            + ": write an '@' in them as %40");
      }
      if (host == null || host.isEmpty()) {
        host = "localhost";
      }
      String port = m.group("port");
      if (port == null || port.isEmpty()) {
        port = "5432";
      } else if (!port.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("not a port number in " + redact(trimmed) + ": " + port);
      }
      String database = decode(m.group("database"));
      if (database == null || database.isEmpty()) {
        throw new IllegalArgumentException("the URL " + redact(trimmed) + " names no database");
      }
      Map<String, String> query = new LinkedHashMap<>();
      String rawQuery = m.group("query");
      if (rawQuery != null && !rawQuery.isEmpty()) {
        for (String pair : rawQuery.split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          String key = decode(eq < 0 ? pair : pair.substring(0, eq));
          String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
          query.put(LIBPQ_TO_JDBC.getOrDefault(key, key), value);
        }
      }
      Properties p = new Properties();
      query.forEach(p::setProperty);
      if (user != null && !user.isEmpty()) {
        p.setProperty("user", user);
      }
      if (password != null) {
        p.setProperty("password", password);
      }
      String hostPort = host + ":" + port;
      String jdbc = "jdbc:postgresql://" + hostPort + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8)
          .replace("+", "%20");
      StringBuilder shown = new StringBuilder(m.group("scheme")).append("://");
      if (user != null && !user.isEmpty() || password != null) {
        shown.append(user == null ? "" : user);
        if (password != null) {
          shown.append(":***");
        }
        shown.append('@');
      }
      shown.append(hostPort).append('/').append(database);
      appendQuery(shown, query.keySet().stream().filter(k -> !isSecret(k)).toList(), query);
      return new Target(jdbc, withDefaults(p), shown.toString());
    }

    private static Target parseJdbc(String url) {
      String authority = url.substring("jdbc:postgresql:".length()).replaceFirst("^//", "").split("[/?]", 2)[0];
      if (authority.contains("@")) {
        throw new IllegalArgumentException("a JDBC URL takes the user and password as parameters "
            + "(?user=...&password=...), not before the host: " + redact(url));
      }
      Properties parsed = org.postgresql.Driver.parseURL(url, null);
      if (parsed == null) {
        throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + redact(url));
      }
      String[] hosts = parsed.getProperty("PGHOST", "localhost").split(",");
      String[] ports = parsed.getProperty("PGPORT", "5432").split(",");
      List<String> hostPorts = new ArrayList<>();
      for (int i = 0; i < hosts.length; i++) {
        hostPorts.add(hosts[i] + ":" + (i < ports.length ? ports[i] : "5432"));
      }
      String database = parsed.getProperty("PGDBNAME", "");
      if (database.isEmpty()) {
        throw new IllegalArgumentException("the URL " + redact(url) + " names no database");
      }
      Properties p = new Properties();
      Map<String, String> shownQuery = new LinkedHashMap<>();
      for (String key : parsed.stringPropertyNames()) {
        if (!key.equals("PGHOST") && !key.equals("PGPORT") && !key.equals("PGDBNAME")) {
          p.setProperty(key, parsed.getProperty(key));
          shownQuery.put(key, parsed.getProperty(key));
        }
      }
      String hostList = String.join(",", hostPorts);
      String jdbc = "jdbc:postgresql://" + hostList + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8)
          .replace("+", "%20");
      StringBuilder shown = new StringBuilder("jdbc:postgresql://").append(hostList).append('/').append(database);
      List<String> keys = new ArrayList<>(shownQuery.keySet());
      keys.sort((a, b) -> a.equals("user") ? -1 : b.equals("user") ? 1 : a.compareTo(b));
      appendQuery(shown, keys, shownQuery);
      return new Target(jdbc, withDefaults(p), shown.toString());
    }

    private static void appendQuery(StringBuilder shown, List<String> keys, Map<String, String> values) {
      char sep = '?';
      for (String key : keys) {
        shown.append(sep).append(key).append('=').append(isSecret(key) ? "***" : values.get(key));
        sep = '&';
      }
    }

    private static boolean isSecret(String key) {
      String k = key.toLowerCase(java.util.Locale.ROOT);
      return k.contains("password") || k.equals("sslkey");
    }

    private static Properties withDefaults(Properties p) {
      // String parameters are sent untyped, so that the server reads them as enum values.
      p.setProperty("stringtype", "unspecified");
      p.putIfAbsent("ApplicationName", "parzen-studio");
      p.putIfAbsent("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
      return p;
    }

    /** Percent-decodes like Python's {@code unquote}: a '+' stays, a malformed escape is kept as it is. */
    private static String decode(String s) {
      if (s == null) {
        return null;
      }
      try {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return s;
      }
    }

    /** {@code url} with any password replaced by {@code ***}, for messages. */
    static String redact(String url) {
      String shown = url;
      int scheme = shown.indexOf("://");
      int at = shown.lastIndexOf('@');
      if (scheme >= 0 && at > scheme) {
        // Everything between the user's name and the last '@' may be password.
        int colon = shown.indexOf(':', scheme + 3);
        if (colon >= 0 && colon < at) {
          shown = shown.substring(0, colon) + ":***" + shown.substring(at);
        }
      }
      return shown.replaceAll("(?i)([?&;]\\w*password=)[^&;]*", "$1***");
    }
  }
}
