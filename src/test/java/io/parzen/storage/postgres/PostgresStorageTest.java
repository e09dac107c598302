package io.parzen.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.parzen.space.FloatDistribution;
import io.parzen.storage.DuplicateStudyException;
import io.parzen.storage.PostgresStorage;
import io.parzen.storage.RdbSchema;
import io.parzen.storage.Storage;
import io.parzen.storage.StorageContractTest;
import io.parzen.storage.StorageException;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The storage contract for {@link PostgresStorage} on an embedded PostgreSQL server (one per test
 * class, a fresh database per storage), plus what only the PostgreSQL storage does: Optuna's schema
 * on PostgreSQL, checking existing databases, sharing one database, and never showing the password.
 */
class PostgresStorageTest extends StorageContractTest {

  private static EmbeddedPostgres pg;
  private static final AtomicInteger DATABASES = new AtomicInteger();
  /** Databases made by earlier tests, dropped once those tests are over. */
  private static final Set<String> EARLIER = ConcurrentHashMap.newKeySet();

  /** The databases made by this test (a new instance runs each test). */
  private final List<String> mine = Collections.synchronizedList(new ArrayList<>());
  private String lastDatabase;

  @BeforeAll
  static void startServer() {
    pg = EmbeddedPg.start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (pg != null) {
      pg.close();
    }
  }

  @Override
  protected Storage createStorage(Clock clock) {
    return PostgresStorage.open(EmbeddedPg.url(pg, newDatabase()), clock);
  }

  /** A new, empty database; earlier tests' databases, whose storages are closed, are dropped first. */
  private String newDatabase() {
    for (String old : List.copyOf(EARLIER)) {
      if (!mine.contains(old)) {
        EmbeddedPg.dropDatabase(pg, old);
        EARLIER.remove(old);
      }
    }
    String name = "t_" + DATABASES.incrementAndGet();
    EmbeddedPg.createDatabase(pg, name);
    mine.add(name);
    EARLIER.add(name);
    lastDatabase = name;
    return name;
  }

  private String currentDatabase() {
    return lastDatabase;
  }

  // ---------------------------------------------------------------------------- sharing a database

  @Test
  void aSecondStorageOnTheSameDatabaseSeesTheFirstOnesStudyAndTrials() {
    String db = currentDatabase();
    long id = storage.createStudy("shared", List.of(StudyDirection.MAXIMIZE));
    storage.setStudyUserAttr(id, "owner", "first");
    FrozenTrial first = storage.createTrial(id);

    try (PostgresStorage same = PostgresStorage.open(EmbeddedPg.url(pg, db), clock)) {
      assertThat(same.findStudyId("shared")).contains(id);
      assertThat(same.directions(id)).containsExactly(StudyDirection.MAXIMIZE);
      assertThat(same.studyUserAttrs(id)).containsEntry("owner", "first");
      assertThat(same.trials(id)).extracting(FrozenTrial::id).containsExactly(first.id());

      FrozenTrial next = same.createTrial(id);
      assertThat(next.number()).isEqualTo(1);
      same.finishTrial(next.id(), TrialState.COMPLETE, List.of(3.5));
    }
    assertThat(storage.trials(id)).extracting(FrozenTrial::number, FrozenTrial::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, TrialState.RUNNING),
            org.assertj.core.groups.Tuple.tuple(1, TrialState.COMPLETE));
  }

  @Test
  @Timeout(60)
  void storagesRacingToCreateOneStudyNameLetExactlyOneWin() throws Exception {
    String url = EmbeddedPg.url(pg, currentDatabase());
    int racers = 6;
    List<PostgresStorage> storages = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      for (int i = 0; i < racers; i++) {
        storages.add(PostgresStorage.open(url, clock));
      }
      for (int round = 0; round < 10; round++) {
        String name = "race-" + round;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (PostgresStorage s : storages) {
          results.add(pool.submit(() -> {
            go.await();
            try {
              s.createStudy(name, List.of(StudyDirection.MINIMIZE));
              return "created";
            } catch (DuplicateStudyException e) {
              return "duplicate";
            }
          }));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
          outcomes.add(f.get(30, TimeUnit.SECONDS));
        }
        assertThat(outcomes).as("round %d", round).containsOnlyOnce("created")
            .containsOnly("created", "duplicate");
      }
      assertThat(storage.studies()).hasSize(10);
    } finally {
      pool.shutdownNow();
      storages.forEach(PostgresStorage::close);
    }
  }

  @Test
  @Timeout(60)
  void workersOpeningOneEmptyDatabaseAtOnceCreateTheSchemaOnce() throws Exception {
    String db = newDatabase();
    int workers = 6;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<PostgresStorage> opened = Collections.synchronizedList(new ArrayList<>());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<RdbSchema>> results = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        results.add(pool.submit(() -> {
          go.await();
          PostgresStorage s = PostgresStorage.open(EmbeddedPg.url(pg, db), clock);
          opened.add(s);
          return s.schema();
        }));
      }
      go.countDown();
      for (Future<RdbSchema> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(RdbSchema.CURRENT);
      }
    } finally {
      pool.shutdownNow();
      opened.forEach(PostgresStorage::close);
    }
    assertThat(EmbeddedPg.query(pg, db, "SELECT version_num FROM alembic_version"))
        .containsExactly(List.of("v3.2.0.a"));
  }

  // ---------------------------------------------------------------------------- Optuna's schema

  @Test
  void aNewDatabaseGetsOptunasSchemaAsSqlalchemyCreatesItOnPostgres() {
    String db = currentDatabase();
    TreeMap<String, List<List<String>>> s = EmbeddedPg.snapshot(pg, db);

    assertThat(s.get("types")).containsExactly(
        List.of("studydirection", "NOT_SET"), List.of("studydirection", "MINIMIZE"),
        List.of("studydirection", "MAXIMIZE"),
        List.of("trialintermediatevaluetype", "FINITE"), List.of("trialintermediatevaluetype", "INF_POS"),
        List.of("trialintermediatevaluetype", "INF_NEG"), List.of("trialintermediatevaluetype", "NAN"),
        List.of("trialstate", "RUNNING"), List.of("trialstate", "COMPLETE"), List.of("trialstate", "PRUNED"),
        List.of("trialstate", "FAIL"), List.of("trialstate", "WAITING"),
        List.of("trialvaluetype", "FINITE"), List.of("trialvaluetype", "INF_POS"),
        List.of("trialvaluetype", "INF_NEG"));
    assertThat(EmbeddedPg.query(pg, db,
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"))
        .extracting(r -> r.get(0)).containsExactlyInAnyOrder("alembic_version", "studies", "study_directions",
            "study_system_attributes", "study_user_attributes", "trial_heartbeats", "trial_intermediate_values",
            "trial_params", "trial_system_attributes", "trial_user_attributes", "trial_values", "trials",
            "version_info");
    // table, column, data_type, udt_name, nullable, default
    List<List<String>> columns = s.get("columns");
    assertThat(columns).contains(
        List.of("studies", "study_id", "integer", "int4", "NO", "nextval('studies_study_id_seq'::regclass)"),
        Arrays.asList("trials", "state", "USER-DEFINED", "trialstate", "NO", null),
        Arrays.asList("study_directions", "direction", "USER-DEFINED", "studydirection", "NO", null),
        Arrays.asList("trial_values", "value_type", "USER-DEFINED", "trialvaluetype", "NO", null),
        Arrays.asList("trial_intermediate_values", "intermediate_value_type", "USER-DEFINED",
            "trialintermediatevaluetype", "NO", null));
    assertThat(row(columns, "trials", "datetime_start")).containsExactly(
        "trials", "datetime_start", "timestamp without time zone", "timestamp", "YES", null);
    assertThat(row(columns, "trial_heartbeats", "heartbeat")).containsExactly(
        "trial_heartbeats", "heartbeat", "timestamp without time zone", "timestamp", "NO", null);
    assertThat(row(columns, "trial_params", "param_value")).containsExactly(
        "trial_params", "param_value", "double precision", "float8", "YES", null);
    assertThat(row(columns, "trial_values", "value").get(2)).isEqualTo("double precision");
    assertThat(row(columns, "trial_intermediate_values", "intermediate_value").get(2)).isEqualTo("double precision");
    assertThat(row(columns, "study_user_attributes", "key")).containsExactly(
        "study_user_attributes", "key", "character varying", "varchar", "YES", null);
    assertThat(row(columns, "version_info", "version_info_id").get(5)).isNull();  // not SERIAL
    assertThat(columns.stream().filter(r -> r.get(5) != null && r.get(5).startsWith("nextval")).count())
        .isEqualTo(11);  // the primary key of every table but version_info and alembic_version

    assertThat(s.get("indexes")).extracting(r -> r.get(1)).contains(
        "CREATE UNIQUE INDEX ix_studies_study_name ON public.studies USING btree (study_name)",
        "CREATE INDEX ix_trials_study_id ON public.trials USING btree (study_id)",
        "CREATE UNIQUE INDEX trial_params_trial_id_param_name_key ON public.trial_params USING btree (trial_id, param_name)",
        "CREATE UNIQUE INDEX alembic_version_pkc ON public.alembic_version USING btree (version_num)");
    assertThat(s.get("constraints")).extracting(r -> r.get(1)).contains(
        "CHECK ((version_info_id = 1))", "UNIQUE (study_id, objective)", "UNIQUE (trial_id, key)",
        "UNIQUE (trial_id, step)", "UNIQUE (trial_id)", "FOREIGN KEY (study_id) REFERENCES studies(study_id)");
    assertThat(EmbeddedPg.query(pg, db, "SELECT version_info_id, schema_version, library_version FROM version_info"))
        .containsExactly(List.of("1", "12", "3.2.0"));
    assertThat(EmbeddedPg.query(pg, db, "SELECT version_num FROM alembic_version"))
        .containsExactly(List.of("v3.2.0.a"));
  }

  private static List<String> row(List<List<String>> columns, String table, String column) {
    return columns.stream().filter(r -> r.get(0).equals(table) && r.get(1).equals(column)).findFirst()
        .orElseThrow(() -> new AssertionError("no column " + table + "." + column));
  }

  @Test
  void aDatabaseOfTheOlderRevisionKeepsIt() {
    String db = newDatabase();
    String url = EmbeddedPg.url(pg, db);
    try (PostgresStorage old = PostgresStorage.open(url, RdbSchema.V3_0_0_D, clock)) {
      assertThat(old.schema()).isEqualTo(RdbSchema.V3_0_0_D);
      old.createStudy("old", List.of(StudyDirection.MINIMIZE));
    }
    try (PostgresStorage reopened = PostgresStorage.open(url, clock)) {
      assertThat(reopened.schema()).isEqualTo(RdbSchema.V3_0_0_D);
      assertThat(reopened.findStudyId("old")).isPresent();
    }
    assertThat(EmbeddedPg.query(pg, db, "SELECT version_num FROM alembic_version"))
        .containsExactly(List.of("v3.0.0.d"));
    assertThat(EmbeddedPg.query(pg, db, "SELECT library_version FROM version_info"))
        .containsExactly(List.of("3.1.0"));
    assertThat(EmbeddedPg.query(pg, db, "SELECT indexname FROM pg_indexes WHERE indexname = 'ix_trials_study_id'"))
        .isEmpty();
  }

  @Test
  void enumsAndTimesAreStoredAsOptunaStoresThem() throws Exception {
    long id = storage.createStudy("raw", List.of(StudyDirection.MAXIMIZE));
    FrozenTrial t = storage.createTrial(id);
    storage.setTrialParam(t.id(), "x", 0.25, FloatDistribution.uniform(0, 1));
    storage.setTrialIntermediateValue(t.id(), 0, Double.NaN);
    storage.setTrialIntermediateValue(t.id(), 1, Double.NEGATIVE_INFINITY);
    clock.advance(java.time.Duration.ofSeconds(5));
    storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(Double.POSITIVE_INFINITY));

    try (Connection c = EmbeddedPg.connect(pg, currentDatabase());
        PreparedStatement ps = c.prepareStatement("SELECT t.state::text, t.datetime_start, t.datetime_complete, "
            + "v.value, v.value_type::text, d.direction::text FROM trials t JOIN trial_values v USING (trial_id) "
            + "JOIN study_directions d USING (study_id)");
        ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("COMPLETE");
      ZoneId zone = ZoneId.systemDefault();
      assertThat(rs.getObject(2, LocalDateTime.class)).isEqualTo(LocalDateTime.ofInstant(T0, zone));
      assertThat(rs.getObject(3, LocalDateTime.class)).isEqualTo(LocalDateTime.ofInstant(T0.plusSeconds(5), zone));
      assertThat(rs.getObject(4)).isNull();
      assertThat(rs.getString(5)).isEqualTo("INF_POS");
      assertThat(rs.getString(6)).isEqualTo("MAXIMIZE");
    }
    assertThat(EmbeddedPg.query(pg, currentDatabase(), "SELECT step, intermediate_value, "
        + "intermediate_value_type::text FROM trial_intermediate_values ORDER BY step"))
        .containsExactly(Arrays.asList("0", null, "NAN"), Arrays.asList("1", null, "INF_NEG"));
    assertThat(EmbeddedPg.query(pg, currentDatabase(), "SELECT param_value, distribution_json FROM trial_params"))
        .containsExactly(List.of("0.25",
            "{\"name\":\"FloatDistribution\",\"attributes\":{\"step\":null,\"low\":0.0,\"high\":1.0,\"log\":false}}"));
  }

  // ---------------------------------------------------------------------------- existing databases

  @Test
  void aDatabaseWithUnrelatedTablesIsRefusedAndLeftAsItWas() {
    String db = newDatabase();
    EmbeddedPg.sql(pg, db, "CREATE TABLE users (id SERIAL PRIMARY KEY, name TEXT)",
        "INSERT INTO users (name) VALUES ('ada'), ('grace')");
    TreeMap<String, List<List<String>>> before = EmbeddedPg.snapshot(pg, db);

    Throwable thrown = catchThrowable(() -> PostgresStorage.open(EmbeddedPg.url(pg, db), clock));

    assertThat(thrown).isInstanceOf(StorageException.class)
        .hasMessageContaining("postgresql://postgres:***@localhost:" + pg.getPort() + "/" + db)
        .hasMessageContaining("not an Optuna storage")
        .hasMessageContaining("\"studies\"");
    assertNoPassword(thrown);
    assertThat(EmbeddedPg.snapshot(pg, db)).isEqualTo(before);
  }

  @Test
  void aDatabaseMissingOneOfOptunasTablesIsRefusedAndLeftAsItWas() {
    String db = newDatabase();
    String url = EmbeddedPg.url(pg, db);
    PostgresStorage.open(url, clock).close();
    EmbeddedPg.sql(pg, db, "DROP TABLE trial_heartbeats");
    TreeMap<String, List<List<String>>> before = EmbeddedPg.snapshot(pg, db);

    assertThatThrownBy(() -> PostgresStorage.open(url, clock)).isInstanceOf(StorageException.class)
        .hasMessageContaining("\"trial_heartbeats\"").hasMessageNotContaining(EmbeddedPg.PASSWORD);
    assertThat(EmbeddedPg.snapshot(pg, db)).isEqualTo(before);
  }

  @Test
  void aDatabaseWithAnUnknownAlembicRevisionIsRefusedAndLeftAsItWas() {
    String db = newDatabase();
    String url = EmbeddedPg.url(pg, db);
    try (PostgresStorage s = PostgresStorage.open(url, clock)) {
      long id = s.createStudy("kept", List.of(StudyDirection.MINIMIZE));
      s.createTrial(id);
    }
    EmbeddedPg.sql(pg, db, "UPDATE alembic_version SET version_num = 'v9.9.9.z'");
    TreeMap<String, List<List<String>>> before = EmbeddedPg.snapshot(pg, db);

    Throwable thrown = catchThrowable(() -> PostgresStorage.open(url, clock));

    assertThat(thrown).isInstanceOf(StorageException.class)
        .hasMessageContaining("v9.9.9.z")
        .hasMessageContaining("does not know")
        .hasMessageContaining("postgresql://postgres:***@localhost:" + pg.getPort() + "/" + db);
    assertNoPassword(thrown);
    assertThat(EmbeddedPg.snapshot(pg, db)).isEqualTo(before);
  }

  @Test
  void aDatabaseOfAnOldRevisionIsRefusedWithTheUpgradeCommand() {
    String db = newDatabase();
    String url = EmbeddedPg.url(pg, db);
    PostgresStorage.open(url, clock).close();
    EmbeddedPg.sql(pg, db, "UPDATE alembic_version SET version_num = 'v3.0.0.c'");
    TreeMap<String, List<List<String>>> before = EmbeddedPg.snapshot(pg, db);

    Throwable thrown = catchThrowable(() -> PostgresStorage.open(url, clock));

    assertThat(thrown).isInstanceOf(StorageException.class)
        .hasMessageContaining("v3.0.0.c")
        .hasMessageContaining("optuna storage upgrade --storage postgresql://postgres:***@localhost:");
    assertNoPassword(thrown);
    assertThat(EmbeddedPg.snapshot(pg, db)).isEqualTo(before);
  }

  // ---------------------------------------------------------------------------- URLs and the password

  @Test
  void thePasswordIsNeverShown() {
    String db = currentDatabase();
    String port = Integer.toString(pg.getPort());
    assertThat(storage.toString())
        .isEqualTo("PostgresStorage[postgresql://postgres:***@localhost:" + port + "/" + db + ", v3.2.0.a]");
    assertThat(((PostgresStorage) storage).url()).doesNotContain(EmbeddedPg.PASSWORD);

    try (PostgresStorage jdbc = PostgresStorage.open("jdbc:postgresql://localhost:" + port + "/" + db
        + "?user=postgres&password=" + EmbeddedPg.PASSWORD, clock)) {
      assertThat(jdbc.toString()).doesNotContain(EmbeddedPg.PASSWORD).contains("password=***");
    }
    // A database that does not exist, a port nobody listens on, a malformed URL.
    for (String url : List.of(
        EmbeddedPg.url(pg, "no_such_database"),
        "postgresql+psycopg2://postgres:" + EmbeddedPg.PASSWORD + "@127.0.0.1:1/" + db,
        "jdbc:postgresql://localhost:" + port + "/no_such_database?password=" + EmbeddedPg.PASSWORD
            + "&user=postgres",
        "postgresql://postgres:" + EmbeddedPg.PASSWORD + "@localhost:notaport/" + db,
        "mysql://postgres:" + EmbeddedPg.PASSWORD + "@localhost/" + db,
        "postgresql://postgres:" + EmbeddedPg.PASSWORD + "@x@localhost:" + port + "/" + db,
        "jdbc:postgresql://postgres:" + EmbeddedPg.PASSWORD + "@localhost:" + port + "/" + db)) {
      Throwable thrown = catchThrowable(() -> PostgresStorage.open(url, clock).close());
      assertThat(thrown).as(url).isNotNull();
      assertNoPassword(thrown);
    }
  }

  private static void assertNoPassword(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(EmbeddedPg.PASSWORD);
      assertThat(t.toString()).doesNotContain(EmbeddedPg.PASSWORD);
    }
  }

  @Test
  void sqlalchemyUrlsWithADriverAndPercentEncodedCredentialsOpen() {
    String db = currentDatabase();
    String url = "postgresql+psycopg2://postgres:p%40ss%3Aw%2Fo+rd@localhost:" + pg.getPort() + "/" + db
        + "?application_name=parzen-test&sslmode=disable";
    try (PostgresStorage s = PostgresStorage.open(url, clock)) {
      assertThat(s.url()).isEqualTo("postgresql+psycopg2://postgres:***@localhost:" + pg.getPort() + "/" + db
          + "?ApplicationName=parzen-test&sslmode=disable");
      s.createStudy("via-psycopg2-url", List.of(StudyDirection.MINIMIZE));
      assertThat(EmbeddedPg.query(pg, db, "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
          + "'parzen-test'").get(0).get(0)).isNotEqualTo("0");
    }
    assertThat(storage.findStudyId("via-psycopg2-url")).isPresent();
  }

  // ---------------------------------------------------------------------------- connections

  @Test
  @Timeout(60)
  void manyThreadsShareAtMostEightConnections() throws Exception {
    String db = currentDatabase();
    long id = storage.createStudy("busy", List.of(StudyDirection.MINIMIZE));
    ExecutorService pool = Executors.newFixedThreadPool(24);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        work.add(pool.submit(() -> {
          for (int k = 0; k < 10; k++) {
            FrozenTrial t = storage.createTrial(id);
            storage.finishTrial(t.id(), TrialState.COMPLETE, List.of((double) k));
            storage.trials(id);
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get(50, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(storage.trials(id)).hasSize(240);
    int connections = Integer.parseInt(EmbeddedPg.query(pg, db,
        "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + db + "' AND application_name = 'parzen-studio'")
        .get(0).get(0));
    assertThat(connections).isBetween(1, 8);
  }

  @Test
  void aStorageCarriesOnAfterItsConnectionsAreKilled() {
    String db = currentDatabase();
    long id = storage.createStudy("resilient", List.of(StudyDirection.MINIMIZE));
    storage.createTrial(id);

    List<List<String>> killed = EmbeddedPg.query(pg, "postgres", "SELECT pg_terminate_backend(pid) "
        + "FROM pg_stat_activity WHERE datname = '" + db + "' AND application_name = 'parzen-studio'");
    assertThat(killed).isNotEmpty();

    assertThat(storage.trials(id)).hasSize(1);
    assertThat(storage.createTrial(id).number()).isEqualTo(1);
  }

  @Test
  void aClosedStorageRefusesWork() {
    long id = storage.createStudy("closing", List.of(StudyDirection.MINIMIZE));
    storage.close();
    assertThatThrownBy(() -> storage.trials(id)).isInstanceOf(StorageException.class)
        .hasMessageContaining("closed");
  }
}
