package io.parzen.storage.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Starting the embedded PostgreSQL server of a test class, and small SQL helpers around it. */
final class EmbeddedPg {

  /** Accepted but not checked (the embedded server trusts local connections); must never be shown. */
  static final String PASSWORD = "Sup3r-Secr3t-pw";

  private EmbeddedPg() {}

  /** A new server on a free port, tuned for tests; its output goes to a temporary log file. */
  static EmbeddedPostgres start() {
    try {
      File log = Files.createTempFile("parzen-embedded-pg-", ".log").toFile();
      log.deleteOnExit();
      return EmbeddedPostgres.builder()
          .setServerConfig("fsync", "off")
          .setServerConfig("full_page_writes", "off")
          .setPGStartupWait(Duration.ofSeconds(60))
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates an empty database. */
  static void createDatabase(EmbeddedPostgres pg, String name) {
    admin(pg, "CREATE DATABASE " + name);
  }

  /** Drops a database, ending any connection to it. */
  static void dropDatabase(EmbeddedPostgres pg, String name) {
    admin(pg, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void admin(EmbeddedPostgres pg, String sql) {
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** SQLAlchemy's (Optuna's) URL of a database, with {@link #PASSWORD}. */
  static String url(EmbeddedPostgres pg, String database) {
    return "postgresql://postgres:" + PASSWORD + "@localhost:" + pg.getPort() + "/" + database;
  }

  /** A plain JDBC connection to a database, as the superuser. */
  static Connection connect(EmbeddedPostgres pg, String database) throws SQLException {
    return pg.getDatabase("postgres", database).getConnection();
  }

  /** Runs statements in a database. */
  static void sql(EmbeddedPostgres pg, String database, String... statements) {
    try (Connection c = connect(pg, database); Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The rows of a query, each as a list of strings. */
  static List<List<String>> query(EmbeddedPostgres pg, String database, String sql) {
    try (Connection c = connect(pg, database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<List<String>> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Everything a database holds in its public schema: tables, columns, indexes, constraints, types,
   * sequences and every row of every table, to check that something changed nothing.
   */
  static TreeMap<String, List<List<String>>> snapshot(EmbeddedPostgres pg, String database) {
    TreeMap<String, List<List<String>>> all = new TreeMap<>();
    all.put("columns", query(pg, database, "SELECT table_name, column_name, data_type, udt_name, is_nullable, "
        + "column_default FROM information_schema.columns WHERE table_schema = 'public' "
        + "ORDER BY table_name, ordinal_position"));
    all.put("indexes", query(pg, database,
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname"));
    all.put("constraints", query(pg, database, "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        + "WHERE connamespace = 'public'::regnamespace ORDER BY conname"));
    all.put("types", query(pg, database, "SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e "
        + "ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder"));
    all.put("relations", query(pg, database, "SELECT relname, relkind FROM pg_class "
        + "WHERE relnamespace = 'public'::regnamespace ORDER BY relname"));
    for (List<String> table : query(pg, database,
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
      all.put("rows of " + table.get(0), query(pg, database, "SELECT * FROM " + table.get(0) + " ORDER BY 1"));
    }
    return all;
  }
}
