package io.parzen.storage;

import java.util.List;

/**
 * Optuna's RDB schema (tables, columns and enum names of {@code optuna/storages/_rdb/models.py})
 * at the two alembic heads in use: {@code v3.0.0.d} (Optuna 3.0 and 3.1) and {@code v3.2.0.a}
 * (Optuna 3.2 to 4.x, which only adds an index on {@code trials.study_id}).
 */
public enum RdbSchema {
  V3_0_0_D("v3.0.0.d", "3.1.0"),
  V3_2_0_A("v3.2.0.a", "3.2.0");

  /** The schema new study files get. */
  public static final RdbSchema CURRENT = V3_2_0_A;

  /** {@code version_info.schema_version}, unchanged since Optuna 2. */
  public static final int SCHEMA_VERSION = 12;

  /** Alembic revisions older than the ones we read, oldest first. */
  static final List<String> OLDER = List.of("v0.9.0.a", "v1.2.0.a", "v1.3.0.a", "v2.4.0.a", "v2.6.0.a",
      "v3.0.0.a", "v3.0.0.b", "v3.0.0.c");

  private final String alembicVersion;
  private final String optunaVersion;

  RdbSchema(String alembicVersion, String optunaVersion) {
    this.alembicVersion = alembicVersion;
    this.optunaVersion = optunaVersion;
  }

  public String alembicVersion() {
    return alembicVersion;
  }

  /** The Optuna release this schema is recorded as set up by. */
  String optunaVersion() {
    return optunaVersion;
  }

  /** The schema with this alembic revision, or {@code null}. */
  public static RdbSchema byAlembicVersion(String version) {
    for (RdbSchema s : values()) {
      if (s.alembicVersion.equals(version)) {
        return s;
      }
    }
    return null;
  }

  /** SQLite DDL, statement by statement, as SQLAlchemy emits it for Optuna's models. */
  List<String> sqliteDdl() {
    String keyed = "%s (\n"
        + "\t%s_attribute_id INTEGER NOT NULL, \n"
        + "\t%s_id INTEGER, \n"
        + "\t\"key\" VARCHAR(512), \n"
        + "\tvalue_json TEXT, \n"
        + "\tPRIMARY KEY (%s_attribute_id), \n"
        + "\tUNIQUE (%s_id, \"key\"), \n"
        + "\tFOREIGN KEY(%s_id) REFERENCES %s (%s_id)\n)";
    List<String> ddl = new java.util.ArrayList<>(List.of(
        "CREATE TABLE studies (\n\tstudy_id INTEGER NOT NULL, \n\tstudy_name VARCHAR(512) NOT NULL, \n"
            + "\tPRIMARY KEY (study_id)\n)",
        "CREATE UNIQUE INDEX ix_studies_study_name ON studies (study_name)",
        "CREATE TABLE version_info (\n\tversion_info_id INTEGER NOT NULL, \n\tschema_version INTEGER, \n"
            + "\tlibrary_version VARCHAR(256), \n\tPRIMARY KEY (version_info_id), \n"
            + "\tCHECK (version_info_id=1)\n)",
        "CREATE TABLE study_directions (\n\tstudy_direction_id INTEGER NOT NULL, \n"
            + "\tdirection VARCHAR(8) NOT NULL, \n\tstudy_id INTEGER NOT NULL, \n\tobjective INTEGER NOT NULL, \n"
            + "\tPRIMARY KEY (study_direction_id), \n\tUNIQUE (study_id, objective), \n"
            + "\tFOREIGN KEY(study_id) REFERENCES studies (study_id)\n)",
        "CREATE TABLE " + String.format(keyed, "study_user_attributes", "study_user", "study", "study_user",
            "study", "study", "studies", "study"),
        "CREATE TABLE " + String.format(keyed, "study_system_attributes", "study_system", "study", "study_system",
            "study", "study", "studies", "study"),
        "CREATE TABLE trials (\n\ttrial_id INTEGER NOT NULL, \n\tnumber INTEGER, \n\tstudy_id INTEGER, \n"
            + "\tstate VARCHAR(8) NOT NULL, \n\tdatetime_start DATETIME, \n\tdatetime_complete DATETIME, \n"
            + "\tPRIMARY KEY (trial_id), \n\tFOREIGN KEY(study_id) REFERENCES studies (study_id)\n)",
        "CREATE TABLE " + String.format(keyed, "trial_user_attributes", "trial_user", "trial", "trial_user",
            "trial", "trial", "trials", "trial"),
        "CREATE TABLE " + String.format(keyed, "trial_system_attributes", "trial_system", "trial", "trial_system",
            "trial", "trial", "trials", "trial"),
        "CREATE TABLE trial_params (\n\tparam_id INTEGER NOT NULL, \n\ttrial_id INTEGER, \n"
            + "\tparam_name VARCHAR(512), \n\tparam_value FLOAT, \n\tdistribution_json TEXT, \n"
            + "\tPRIMARY KEY (param_id), \n\tUNIQUE (trial_id, param_name), \n"
            + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n)",
        "CREATE TABLE trial_values (\n\ttrial_value_id INTEGER NOT NULL, \n\ttrial_id INTEGER NOT NULL, \n"
            + "\tobjective INTEGER NOT NULL, \n\tvalue FLOAT, \n\tvalue_type VARCHAR(7) NOT NULL, \n"
            + "\tPRIMARY KEY (trial_value_id), \n\tUNIQUE (trial_id, objective), \n"
            + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n)",
        "CREATE TABLE trial_intermediate_values (\n\ttrial_intermediate_value_id INTEGER NOT NULL, \n"
            + "\ttrial_id INTEGER NOT NULL, \n\tstep INTEGER NOT NULL, \n\tintermediate_value FLOAT, \n"
            + "\tintermediate_value_type VARCHAR(7) NOT NULL, \n\tPRIMARY KEY (trial_intermediate_value_id), \n"
            + "\tUNIQUE (trial_id, step), \n\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n)",
        "CREATE TABLE trial_heartbeats (\n\ttrial_heartbeat_id INTEGER NOT NULL, \n\ttrial_id INTEGER NOT NULL, \n"
            + "\theartbeat DATETIME NOT NULL, \n\tPRIMARY KEY (trial_heartbeat_id), \n\tUNIQUE (trial_id), \n"
            + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n)",
        "CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n"
            + "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)"));
    if (this == V3_2_0_A) {
      ddl.add("CREATE INDEX ix_trials_study_id ON trials (study_id)");
    }
    return ddl;
  }

  /**
   * PostgreSQL DDL, statement by statement, as SQLAlchemy emits it for Optuna's models: native enum
   * types, {@code SERIAL} keys, {@code FLOAT(53)} (double precision) values and
   * {@code TIMESTAMP WITHOUT TIME ZONE} times; then alembic's {@code alembic_version} table.
   */
  List<String> postgresDdl() {
    String keyed = "%s (\n"
        + "\t%s_attribute_id SERIAL NOT NULL, \n"
        + "\t%s_id INTEGER, \n"
        + "\tkey VARCHAR(512), \n"
        + "\tvalue_json TEXT, \n"
        + "\tPRIMARY KEY (%s_attribute_id), \n"
        + "\tUNIQUE (%s_id, key), \n"
        + "\tFOREIGN KEY(%s_id) REFERENCES %s (%s_id)\n)";
    List<String> ddl = new java.util.ArrayList<>(List.of(
        "CREATE TYPE studydirection AS ENUM ('NOT_SET', 'MINIMIZE', 'MAXIMIZE')",
        "CREATE TYPE trialstate AS ENUM ('RUNNING', 'COMPLETE', 'PRUNED', 'FAIL', 'WAITING')",
        "CREATE TYPE trialvaluetype AS ENUM ('FINITE', 'INF_POS', 'INF_NEG')",
        "CREATE TYPE trialintermediatevaluetype AS ENUM ('FINITE', 'INF_POS', 'INF_NEG', 'NAN')",
        "CREATE TABLE studies (\n\tstudy_id SERIAL NOT NULL, \n\tstudy_name VARCHAR(512) NOT NULL, \n"
            + "\tPRIMARY KEY (study_id)\n)",
        "CREATE UNIQUE INDEX ix_studies_study_name ON studies (study_name)",
        "CREATE TABLE version_info (\n\tversion_info_id INTEGER NOT NULL, \n\tschema_version INTEGER, \n"
            + "\tlibrary_version VARCHAR(256), \n\tPRIMARY KEY (version_info_id), \n"
            + "\tCHECK (version_info_id=1)\n)",
        "CREATE TABLE study_directions (\n\tstudy_direction_id SERIAL NOT NULL, \n"
            + "\tdirection studydirection NOT NULL, \n\tstudy_id INTEGER NOT NULL, \n"
            + "\tobjective INTEGER NOT NULL, \n\tPRIMARY KEY (study_direction_id), \n"
            + "\tUNIQUE (study_id, objective), \n\tFOREIGN KEY(study_id) REFERENCES studies (study_id)\n)",
        "CREATE TABLE " + String.format(keyed, "study_user_attributes", "study_user", "study", "study_user",
            "study", "study", "studies", "study"),
        "CREATE TABLE " + String.format(keyed, "study_system_attributes", "study_system", "study", "study_system",
            "study", "study", "studies", "study"),
        "CREATE TABLE trials (\n\ttrial_id SERIAL NOT NULL, \n\tnumber INTEGER, \n\tstudy_id INTEGER, \n"
            + "\tstate trialstate NOT NULL, \n\tdatetime_start TIMESTAMP WITHOUT TIME ZONE, \n"
            + "\tdatetime_complete TIMESTAMP WITHOUT TIME ZONE, \n\tPRIMARY KEY (trial_id), \n"
            + "\tFOREIGN KEY(study_id) REFERENCES studies (study_id)\n)",
        "CREATE TABLE " + String.format(keyed, "trial_user_attributes", "trial_user", "trial", "trial_user",
            "trial", "trial", "trials", "trial"),
        "CREATE TABLE " + String.format(keyed, "trial_system_attributes", "trial_system", "trial", "trial_system",
            "trial", "trial", "trials", "trial"),
        "CREATE TABLE trial_params (\n\tparam_id SERIAL NOT NULL, \n\ttrial_id INTEGER, \n"
            + "\tparam_name VARCHAR(512), \n\tparam_value FLOAT(53), \n\tdistribution_json TEXT, \n"
            + "\tPRIMARY KEY (param_id), \n\tUNIQUE (trial_id, param_name), \n"
            + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n)",
        "CREATE TABLE trial_values (\n\ttrial_value_id SERIAL NOT NULL, \n\ttrial_id INTEGER NOT NULL, \n"
            + "\tobjective INTEGER NOT NULL, \n\tvalue FLOAT(53), \n\tvalue_type trialvaluetype NOT NULL, \n"
            + "\tPRIMARY KEY (trial_value_id), \n\tUNIQUE (trial_id, objective), \n"
            + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n)",
        "CREATE TABLE trial_intermediate_values (\n\ttrial_intermediate_value_id SERIAL NOT NULL, \n"
            + "\ttrial_id INTEGER NOT NULL, \n\tstep INTEGER NOT NULL, \n\tintermediate_value FLOAT(53), \n"
            + "\tintermediate_value_type trialintermediatevaluetype NOT NULL, \n"
            + "\tPRIMARY KEY (trial_intermediate_value_id), \n\tUNIQUE (trial_id, step), \n"
            + "\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n)",
        "CREATE TABLE trial_heartbeats (\n\ttrial_heartbeat_id SERIAL NOT NULL, \n\ttrial_id INTEGER NOT NULL, \n"
            + "\theartbeat TIMESTAMP WITHOUT TIME ZONE NOT NULL, \n\tPRIMARY KEY (trial_heartbeat_id), \n"
            + "\tUNIQUE (trial_id), \n\tFOREIGN KEY(trial_id) REFERENCES trials (trial_id)\n)",
        "CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n"
            + "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)"));
    if (this == V3_2_0_A) {
      ddl.add("CREATE INDEX ix_trials_study_id ON trials (study_id)");
    }
    return ddl;
  }

  /** The tables every Optuna study file has. */
  static final List<String> TABLES = List.of("studies", "version_info", "study_directions",
      "study_user_attributes", "study_system_attributes", "trials", "trial_user_attributes",
      "trial_system_attributes", "trial_params", "trial_values", "trial_intermediate_values",
      "trial_heartbeats", "alembic_version");
}
