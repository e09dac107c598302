package io.parzen.storage;

import io.parzen.space.Distribution;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A {@link Storage} over Optuna's RDB schema with plain JDBC: the SQL shared by the SQLite study
 * file and PostgreSQL. Subclasses supply connections, transactions and time stamps. Every write of
 * a trial runs in one transaction; reads of several tables run in one read transaction, so a
 * reader never sees half a trial.
 */
abstract class RdbStorage implements Storage {

  /** Work done with a connection inside a transaction. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  protected final Clock clock;
  private final Map<String, Distribution> distributionCache = new ConcurrentHashMap<>();

  protected RdbStorage(Clock clock) {
    this.clock = clock;
  }

  /** Runs {@code work} in a write transaction, committed at the end, rolled back on failure. */
  protected abstract <T> T write(SqlWork<T> work);

  /** Runs {@code work} in a read-only transaction (one consistent snapshot). */
  protected abstract <T> T read(SqlWork<T> work);

  /** Serialises trial creation in {@code studyId} across processes, inside a write transaction. */
  protected abstract void lockStudy(Connection c, long studyId) throws SQLException;

  protected abstract void setTime(PreparedStatement ps, int index, Instant time) throws SQLException;

  protected abstract Instant getTime(ResultSet rs, String column) throws SQLException;

  /** {@code time} as it reads back from the database (stored times keep microseconds). */
  protected Instant readBack(Instant time) {
    return time.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  /**
   * A clause appended to the query that checks a trial is unfinished before writing to it, to lock
   * the trial's row for the rest of the write transaction (so that no write lands on a trial another
   * transaction has just finished). Empty where write transactions are serialised anyway.
   */
  protected String trialRowLock() {
    return "";
  }

  // ---- studies

  @Override
  public long createStudy(String name, List<StudyDirection> directions) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a study needs a name");
    }
    if (directions.isEmpty()) {
      throw new IllegalArgumentException("a study needs at least one direction");
    }
    return write(c -> {
      if (findStudyId(c, name).isPresent()) {
        throw new DuplicateStudyException("a study named \"" + name + "\" already exists");
      }
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO studies (study_name) VALUES (?) RETURNING study_id")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO study_directions (direction, study_id, objective) VALUES (?, ?, ?)")) {
        for (int i = 0; i < directions.size(); i++) {
          ps.setString(1, directions.get(i).name());
          ps.setLong(2, id);
          ps.setInt(3, i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return id;
    });
  }

  @Override
  public void deleteStudy(long studyId) {
    write(c -> {
      requireStudy(c, studyId);
      String trialsOf = "(SELECT trial_id FROM trials WHERE study_id = ?)";
      for (String table : List.of("trial_params", "trial_values", "trial_intermediate_values",
          "trial_user_attributes", "trial_system_attributes", "trial_heartbeats")) {
        update(c, "DELETE FROM " + table + " WHERE trial_id IN " + trialsOf, studyId);
      }
      for (String table : List.of("trials", "study_directions", "study_user_attributes", "study_system_attributes",
          "studies")) {
        update(c, "DELETE FROM " + table + " WHERE study_id = ?", studyId);
      }
      return null;
    });
  }

  @Override
  public Optional<Long> findStudyId(String name) {
    return read(c -> findStudyId(c, name));
  }

  private static Optional<Long> findStudyId(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT study_id FROM studies WHERE study_name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  @Override
  public String studyName(long studyId) {
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT study_name FROM studies WHERE study_id = ?")) {
        ps.setLong(1, studyId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw noStudy(studyId);
          }
          return rs.getString(1);
        }
      }
    });
  }

  @Override
  public List<StudyDirection> directions(long studyId) {
    return read(c -> {
      requireStudy(c, studyId);
      return directions(c, studyId);
    });
  }

  private static List<StudyDirection> directions(Connection c, long studyId) throws SQLException {
    List<StudyDirection> directions = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT direction FROM study_directions WHERE study_id = ? ORDER BY objective")) {
      ps.setLong(1, studyId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String d = rs.getString(1);
          // Optuna's NOT_SET only appears in studies created before their direction was set.
          directions.add("MAXIMIZE".equals(d) ? StudyDirection.MAXIMIZE : StudyDirection.MINIMIZE);
        }
      }
    }
    return directions;
  }

  @Override
  public List<StudySummary> studies() {
    return read(c -> {
      Map<Long, Integer> counts = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT study_id, COUNT(*) FROM trials GROUP BY study_id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getLong(1), rs.getInt(2));
        }
      }
      List<StudySummary> summaries = new ArrayList<>();
      List<long[]> ids = new ArrayList<>();
      List<String> names = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT study_id, study_name FROM studies ORDER BY study_id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(new long[] {rs.getLong(1)});
          names.add(rs.getString(2));
        }
      }
      for (int i = 0; i < ids.size(); i++) {
        long id = ids.get(i)[0];
        summaries.add(new StudySummary(id, names.get(i), directions(c, id), counts.getOrDefault(id, 0)));
      }
      return summaries;
    });
  }

  @Override
  public void setStudyUserAttr(long studyId, String key, Object value) {
    setStudyAttr("study_user_attributes", studyId, key, value);
  }

  @Override
  public void setStudySystemAttr(long studyId, String key, Object value) {
    setStudyAttr("study_system_attributes", studyId, key, value);
  }

  private void setStudyAttr(String table, long studyId, String key, Object value) {
    String json = OptunaJson.valueToJson(value);
    write(c -> {
      requireStudy(c, studyId);
      upsertAttr(c, table, "study_id", studyId, key, json);
      return null;
    });
  }

  @Override
  public Map<String, Object> studyUserAttrs(long studyId) {
    return studyAttrs("study_user_attributes", studyId);
  }

  @Override
  public Map<String, Object> studySystemAttrs(long studyId) {
    return studyAttrs("study_system_attributes", studyId);
  }

  private Map<String, Object> studyAttrs(String table, long studyId) {
    return read(c -> {
      requireStudy(c, studyId);
      Map<String, Object> attrs = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT \"key\", value_json FROM " + table + " WHERE study_id = ? ORDER BY " + table.replace("attributes", "attribute_id"))) {
        ps.setLong(1, studyId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            attrs.put(rs.getString(1), OptunaJson.valueFromJson(rs.getString(2)));
          }
        }
      }
      return attrs;
    });
  }

  // ---- trials

  @Override
  public Optional<FrozenTrial> createTrial(
      long studyId, TrialState state, Map<String, Object> systemAttrs, long maxTrials) {
    if (state != TrialState.RUNNING && state != TrialState.WAITING) {
      throw new IllegalArgumentException("a new trial is RUNNING or WAITING, not " + state);
    }
    Map<String, String> attrJson = new LinkedHashMap<>();
    systemAttrs.forEach((k, v) -> attrJson.put(k, OptunaJson.valueToJson(v)));
    return write(c -> {
      requireStudy(c, studyId);
      lockStudy(c, studyId);
      return insertNewTrial(c, studyId, state, systemAttrs, attrJson, maxTrials);
    });
  }

  private Optional<FrozenTrial> insertNewTrial(Connection c, long studyId, TrialState state,
      Map<String, Object> systemAttrs, Map<String, String> attrJson, long maxTrials) throws SQLException {
    int number = countTrials(c, studyId);
    if (number >= maxTrials) {
      return Optional.empty();
    }
    Instant start = state == TrialState.RUNNING ? clock.instant() : null;
    long id = insertTrial(c, studyId, number, state, start, null);
    for (Map.Entry<String, String> e : attrJson.entrySet()) {
      upsertAttr(c, "trial_system_attributes", "trial_id", id, e.getKey(), e.getValue());
    }
    // Everything about the new trial is known: no need to read it back.
    return Optional.of(new FrozenTrial(id, number, state, List.of(), start == null ? null : readBack(start), null,
        Map.of(), Map.of(), Map.of(), systemAttrs, new TreeMap<>()));
  }

  @Override
  public Optional<FrozenTrial> startTrialWithHeartbeat(long studyId, long maxTrials) {
    record Started(Optional<FrozenTrial> created, Long claimed) {}
    Started started = write(c -> {
      requireStudy(c, studyId);
      lockStudy(c, studyId);
      Long claimed = claimWaiting(c, studyId);
      Optional<FrozenTrial> created = claimed != null ? Optional.empty()
          : insertNewTrial(c, studyId, TrialState.RUNNING, Map.of(), Map.of(), maxTrials);
      Long id = claimed != null ? claimed : created.map(FrozenTrial::id).orElse(null);
      if (id != null) {
        upsertHeartbeat(c, id);
      }
      return new Started(created, claimed);
    });
    return started.claimed() != null ? Optional.of(trial(started.claimed())) : started.created();
  }

  @Override
  public FrozenTrial addTrial(long studyId, FrozenTrial template) {
    long id = write(c -> {
      requireStudy(c, studyId);
      lockStudy(c, studyId);
      int number = countTrials(c, studyId);
      long trialId = insertTrial(c, studyId, number, template.state(), template.start(), template.complete());
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_params (trial_id, param_name, param_value, "
          + "distribution_json) VALUES (?, ?, ?, ?)")) {
        for (Map.Entry<String, Distribution> e : template.distributions().entrySet()) {
          ps.setLong(1, trialId);
          ps.setString(2, e.getKey());
          ps.setDouble(3, e.getValue().toInternal(template.params().get(e.getKey())));
          ps.setString(4, OptunaJson.distributionToJson(e.getValue()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      insertValues(c, trialId, template.values());
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_intermediate_values (trial_id, step, "
          + "intermediate_value, intermediate_value_type) VALUES (?, ?, ?, ?)")) {
        for (Map.Entry<Integer, Double> e : template.intermediateValues().entrySet()) {
          double v = e.getValue();
          ps.setLong(1, trialId);
          ps.setInt(2, e.getKey());
          setValue(ps, 3, v);
          ps.setString(4, Double.isNaN(v) ? "NAN" : valueType(v));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      for (Map.Entry<String, Object> e : template.userAttrs().entrySet()) {
        upsertAttr(c, "trial_user_attributes", "trial_id", trialId, e.getKey(), OptunaJson.valueToJson(e.getValue()));
      }
      for (Map.Entry<String, Object> e : template.systemAttrs().entrySet()) {
        upsertAttr(c, "trial_system_attributes", "trial_id", trialId, e.getKey(), OptunaJson.valueToJson(e.getValue()));
      }
      return trialId;
    });
    return trial(id);
  }

  @Override
  public Optional<FrozenTrial> claimWaitingTrial(long studyId) {
    boolean anyWaiting = read(c -> {
      requireStudy(c, studyId);
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 1 FROM trials WHERE study_id = ? AND state = 'WAITING' LIMIT 1")) {
        ps.setLong(1, studyId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
    if (!anyWaiting) {
      return Optional.empty();  // A read is much cheaper than a write transaction that finds nothing.
    }
    Optional<Long> claimed = write(c -> {
      requireStudy(c, studyId);
      lockStudy(c, studyId);
      return Optional.ofNullable(claimWaiting(c, studyId));
    });
    return claimed.map(this::trial);
  }

  /** Moves the study's lowest-numbered WAITING trial to RUNNING; its id, or null when none waits. */
  private Long claimWaiting(Connection c, long studyId) throws SQLException {
    Long id = null;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT trial_id FROM trials WHERE study_id = ? AND state = 'WAITING' ORDER BY number LIMIT 1")) {
      ps.setLong(1, studyId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          id = rs.getLong(1);
        }
      }
    }
    if (id == null) {
      return null;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE trials SET state = 'RUNNING', datetime_start = ? WHERE trial_id = ? AND state = 'WAITING'")) {
      setTime(ps, 1, clock.instant());
      ps.setLong(2, id);
      return ps.executeUpdate() == 1 ? id : null;
    }
  }

  @Override
  public void setTrialParam(long trialId, String name, double internalValue, Distribution distribution) {
    String json = OptunaJson.distributionToJson(distribution);
    write(c -> {
      int number = requireUnfinished(c, trialId);
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT distribution_json FROM trial_params WHERE trial_id = ? AND param_name = ?")) {
        ps.setLong(1, trialId);
        ps.setString(2, name);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            Distribution existing = distribution(rs.getString(1));
            if (!existing.equals(distribution)) {
              throw new IllegalArgumentException("parameter \"" + name + "\" of trial " + number
                  + " was suggested from " + existing.describe() + ", not " + distribution.describe());
            }
          }
        }
      }
      if (!distribution.containsInternal(internalValue)) {
        throw new IllegalArgumentException("parameter \"" + name + "\": value " + internalValue
            + " is outside " + distribution.describe());
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_params (trial_id, param_name, param_value, "
          + "distribution_json) VALUES (?, ?, ?, ?) ON CONFLICT (trial_id, param_name) DO UPDATE SET "
          + "param_value = excluded.param_value")) {
        ps.setLong(1, trialId);
        ps.setString(2, name);
        ps.setDouble(3, internalValue);
        ps.setString(4, json);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void setTrialIntermediateValue(long trialId, int step, double value) {
    write(c -> {
      requireUnfinished(c, trialId);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_intermediate_values (trial_id, step, "
          + "intermediate_value, intermediate_value_type) VALUES (?, ?, ?, ?) ON CONFLICT (trial_id, step) "
          + "DO UPDATE SET intermediate_value = excluded.intermediate_value, "
          + "intermediate_value_type = excluded.intermediate_value_type")) {
        ps.setLong(1, trialId);
        ps.setInt(2, step);
        setValue(ps, 3, value);
        ps.setString(4, Double.isNaN(value) ? "NAN" : valueType(value));
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void setTrialUserAttr(long trialId, String key, Object value) {
    setTrialAttr("trial_user_attributes", trialId, key, value);
  }

  @Override
  public void setTrialSystemAttr(long trialId, String key, Object value) {
    setTrialAttr("trial_system_attributes", trialId, key, value);
  }

  private void setTrialAttr(String table, long trialId, String key, Object value) {
    String json = OptunaJson.valueToJson(value);
    write(c -> {
      requireUnfinished(c, trialId);
      upsertAttr(c, table, "trial_id", trialId, key, json);
      return null;
    });
  }

  @Override
  public FrozenTrial finishTrial(long trialId, TrialState state, List<Double> values) {
    if (!state.isFinished()) {
      throw new IllegalArgumentException("finishTrial needs COMPLETE, PRUNED or FAIL, not " + state);
    }
    write(c -> {
      requireUnfinished(c, trialId);
      Instant now = clock.instant();
      try (PreparedStatement ps = c.prepareStatement("UPDATE trials SET state = ?, datetime_complete = ?, "
          + "datetime_start = COALESCE(datetime_start, ?) WHERE trial_id = ? AND state IN ('RUNNING', 'WAITING')")) {
        ps.setString(1, state.name());
        setTime(ps, 2, now);
        setTime(ps, 3, now);
        ps.setLong(4, trialId);
        if (ps.executeUpdate() != 1) {
          throw new TrialFinishedException("trial " + trialId + " has already finished");
        }
      }
      insertValues(c, trialId, values);
      update(c, "DELETE FROM trial_heartbeats WHERE trial_id = ?", trialId);
      return null;
    });
    return trial(trialId);
  }

  @Override
  public FrozenTrial trial(long trialId) {
    return read(c -> {
      List<FrozenTrial> found = loadTrials(c, "t.trial_id = ?", List.of(trialId));
      if (found.isEmpty()) {
        throw new NoSuchTrialException("no trial with id " + trialId);
      }
      return found.get(0);
    });
  }

  @Override
  public List<FrozenTrial> trials(long studyId) {
    return read(c -> {
      requireStudy(c, studyId);
      return loadTrials(c, "t.study_id = ?", List.of(studyId));
    });
  }

  @Override
  public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
    if (states.isEmpty()) {
      return List.of();
    }
    String in = states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    return read(c -> {
      requireStudy(c, studyId);
      return loadTrials(c, "t.study_id = ? AND t.state IN (" + in + ")", List.of(studyId));
    });
  }

  @Override
  public int trialCount(long studyId, Set<TrialState> states) {
    if (states.isEmpty()) {
      return 0;
    }
    String in = states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    return read(c -> {
      requireStudy(c, studyId);
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT COUNT(*) FROM trials WHERE study_id = ? AND state IN (" + in + ")")) {
        ps.setLong(1, studyId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }

  @Override
  public TrialDelta trialsChangedSince(long studyId, TrialCursor cursor) {
    List<Object> args = new ArrayList<>();
    args.add(studyId);
    args.add(cursor.nextNumber());
    StringBuilder where = new StringBuilder("t.study_id = ? AND (t.number >= ?");
    List<Integer> open = cursor.openNumbers().stream().filter(n -> n < cursor.nextNumber()).sorted().toList();
    if (!open.isEmpty()) {
      where.append(" OR t.number IN (").append(open.stream().map(n -> "?").collect(Collectors.joining(", ")))
          .append(")");
      args.addAll(open);
    }
    where.append(")");
    List<FrozenTrial> changed = read(c -> {
      requireStudy(c, studyId);
      return loadTrials(c, where.toString(), args);
    });
    return new TrialDelta(changed, cursor.advance(changed));
  }

  // ---- heartbeats

  @Override
  public void recordHeartbeat(long trialId) {
    write(c -> {
      upsertHeartbeat(c, trialId);
      return null;
    });
  }

  /** Sets the heartbeat of trial {@code trialId} to now, when it is RUNNING. */
  private void upsertHeartbeat(Connection c, long trialId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_heartbeats (trial_id, heartbeat) "
        + "SELECT trial_id, ? FROM trials WHERE trial_id = ? AND state = 'RUNNING' "
        + "ON CONFLICT (trial_id) DO UPDATE SET heartbeat = excluded.heartbeat")) {
      setTime(ps, 1, clock.instant());
      ps.setLong(2, trialId);
      ps.executeUpdate();
    }
  }

  @Override
  public List<FrozenTrial> failStaleTrials(long studyId, java.time.Duration gracePeriod) {
    Instant now = clock.instant();
    List<Long> failed = write(c -> {
      requireStudy(c, studyId);
      List<Long> stale = new ArrayList<>();
      List<Instant> lastBeats = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT t.trial_id, h.heartbeat FROM trials t "
          + "JOIN trial_heartbeats h ON h.trial_id = t.trial_id "
          + "WHERE t.study_id = ? AND t.state = 'RUNNING' AND h.heartbeat < ? ORDER BY t.number")) {
        ps.setLong(1, studyId);
        setTime(ps, 2, now.minus(gracePeriod));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            stale.add(rs.getLong(1));
            lastBeats.add(getTime(rs, "heartbeat"));
          }
        }
      }
      List<Long> failedIds = new ArrayList<>();
      for (int i = 0; i < stale.size(); i++) {
        long id = stale.get(i);
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE trials SET state = 'FAIL', datetime_complete = ? WHERE trial_id = ? AND state = 'RUNNING'")) {
          setTime(ps, 1, now);
          ps.setLong(2, id);
          if (ps.executeUpdate() != 1) {
            continue;  // Its worker finished it after all.
          }
        }
        upsertAttr(c, "trial_system_attributes", "trial_id", id, FrozenTrial.FAIL_REASON,
            OptunaJson.valueToJson("its worker stopped sending heartbeats (last at " + lastBeats.get(i) + ")"));
        update(c, "DELETE FROM trial_heartbeats WHERE trial_id = ?", id);
        failedIds.add(id);
      }
      return failedIds;
    });
    List<FrozenTrial> trials = new ArrayList<>();
    for (long id : failed) {
      trials.add(trial(id));
    }
    return trials;
  }

  // ---- loading trials

  /** Loads the trials matching {@code where} (on table alias {@code t}), ordered by number. */
  private List<FrozenTrial> loadTrials(Connection c, String where, List<?> args) throws SQLException {
    Map<Long, TrialRow> rows = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT t.trial_id, t.number, t.state, t.datetime_start, "
        + "t.datetime_complete FROM trials t WHERE " + where + " ORDER BY t.number")) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          TrialRow row = new TrialRow(rs.getLong(1), rs.getInt(2), TrialState.valueOf(rs.getString(3)),
              getTime(rs, "datetime_start"), getTime(rs, "datetime_complete"));
          rows.put(row.id, row);
        }
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    String join = " x JOIN trials t ON x.trial_id = t.trial_id WHERE " + where;
    if (rows.size() < KEYED_PARAMS_FROM || !loadKeyedParams(c, join, args, rows)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT x.trial_id, x.param_name, x.param_value, "
          + "x.distribution_json FROM trial_params" + join + " ORDER BY x.param_id")) {
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            TrialRow row = rows.get(rs.getLong(1));
            Distribution d = distribution(rs.getString(4));
            String name = rs.getString(2);
            row.params.put(name, d.toExternal(rs.getDouble(3)));
            row.distributions.put(name, d);
          }
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT x.trial_id, x.value, x.value_type FROM trial_values"
        + join + " ORDER BY x.trial_id, x.objective")) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.get(rs.getLong(1)).values.add(readValue(rs, 2, rs.getString(3)));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT x.trial_id, x.step, x.intermediate_value, "
        + "x.intermediate_value_type FROM trial_intermediate_values" + join)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.get(rs.getLong(1)).intermediate.put(rs.getInt(2), readValue(rs, 3, rs.getString(4)));
        }
      }
    }
    for (String kind : List.of("user", "system")) {
      try (PreparedStatement ps = c.prepareStatement("SELECT x.trial_id, x.\"key\", x.value_json FROM trial_"
          + kind + "_attributes" + join + " ORDER BY x.trial_" + kind + "_attribute_id")) {
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            TrialRow row = rows.get(rs.getLong(1));
            (kind.equals("user") ? row.userAttrs : row.systemAttrs)
                .put(rs.getString(2), OptunaJson.valueFromJson(rs.getString(3)));
          }
        }
      }
    }
    List<FrozenTrial> trials = new ArrayList<>(rows.size());
    for (TrialRow r : rows.values()) {
      trials.add(new FrozenTrial(r.id, r.number, r.state, r.values, r.start, r.complete, r.params,
          r.distributions, r.userAttrs, r.systemAttrs, r.intermediate));
    }
    return trials;
  }

  /** From how many trials {@link #loadKeyedParams} is worth its extra query. */
  private static final int KEYED_PARAMS_FROM = 500;
  /** Up to how many distinct (name, distribution) pairs {@link #loadKeyedParams} is used. */
  private static final int MAX_PARAM_KEYS = 64;

  /**
   * Reads the parameters of many trials without their names and distributions on every row: the
   * database lists the few distinct (name, distribution) pairs first, then numbers them in the
   * rows, so a row is three numbers instead of two strings and a number. Opening a study of
   * 10,000 trials with 10 parameters reads 100,000 such rows. Returns false, having read
   * nothing, when a study has too many distinct pairs for that to pay (a space that changes from
   * trial to trial).
   */
  private boolean loadKeyedParams(Connection c, String join, List<?> args, Map<Long, TrialRow> rows)
      throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> jsons = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT x.param_name, x.distribution_json FROM trial_params"
        + join)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (names.size() == MAX_PARAM_KEYS) {
            return false;
          }
          names.add(rs.getString(1));
          jsons.add(rs.getString(2));
        }
      }
    }
    Distribution[] distributions = new Distribution[names.size()];
    StringBuilder key = new StringBuilder("CASE");
    for (int k = 0; k < names.size(); k++) {
      distributions[k] = distribution(jsons.get(k));
      key.append(" WHEN x.param_name = ? AND x.distribution_json = ? THEN ").append(k);
    }
    key.append(" ELSE -1 END");
    try (PreparedStatement ps = c.prepareStatement("SELECT x.trial_id, x.param_value, " + key + " FROM trial_params"
        + join + " ORDER BY x.param_id")) {
      for (int k = 0; k < names.size(); k++) {
        ps.setString(2 * k + 1, names.get(k));
        ps.setString(2 * k + 2, jsons.get(k));
      }
      bind(ps, 2 * names.size(), args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int k = rs.getInt(3);
          if (k < 0) {
            // A row no pair matches (a NULL name, say): read them all the plain way instead.
            rows.values().forEach(row -> {
              row.params.clear();
              row.distributions.clear();
            });
            return false;
          }
          TrialRow row = rows.get(rs.getLong(1));
          row.params.put(names.get(k), distributions[k].toExternal(rs.getDouble(2)));
          row.distributions.put(names.get(k), distributions[k]);
        }
      }
    }
    return true;
  }

  private static final class TrialRow {
    final long id;
    final int number;
    final TrialState state;
    final Instant start;
    final Instant complete;
    final List<Double> values = new ArrayList<>();
    final Map<String, Object> params = new LinkedHashMap<>();
    final Map<String, Distribution> distributions = new LinkedHashMap<>();
    final Map<String, Object> userAttrs = new LinkedHashMap<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();
    final TreeMap<Integer, Double> intermediate = new TreeMap<>();

    TrialRow(long id, int number, TrialState state, Instant start, Instant complete) {
      this.id = id;
      this.number = number;
      this.state = state;
      this.start = start;
      this.complete = complete;
    }
  }

  // ---- helpers

  private static int countTrials(Connection c, long studyId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM trials WHERE study_id = ?")) {
      ps.setLong(1, studyId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private long insertTrial(Connection c, long studyId, int number, TrialState state, Instant start, Instant complete)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO trials (number, study_id, state, datetime_start, "
        + "datetime_complete) VALUES (?, ?, ?, ?, ?) RETURNING trial_id")) {
      ps.setInt(1, number);
      ps.setLong(2, studyId);
      ps.setString(3, state.name());
      setTime(ps, 4, start);
      setTime(ps, 5, complete);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void insertValues(Connection c, long trialId, List<Double> values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO trial_values (trial_id, objective, value, value_type) VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < values.size(); i++) {
        double v = values.get(i);
        ps.setLong(1, trialId);
        ps.setInt(2, i);
        setValue(ps, 3, v);
        ps.setString(4, valueType(v));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private Distribution distribution(String json) {
    return distributionCache.computeIfAbsent(json, OptunaJson::distributionFromJson);
  }

  private static void bind(PreparedStatement ps, List<?> args) throws SQLException {
    bind(ps, 0, args);
  }

  /** Binds {@code args} to the parameters after the first {@code offset}. */
  private static void bind(PreparedStatement ps, int offset, List<?> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      int index = offset + i + 1;
      if (a instanceof Long l) {
        ps.setLong(index, l);
      } else if (a instanceof Integer n) {
        ps.setInt(index, n);
      } else {
        ps.setObject(index, a);
      }
    }
  }

  private static void update(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  private static void upsertAttr(Connection c, String table, String owner, long ownerId, String key, String json)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + owner + ", \"key\", value_json) "
        + "VALUES (?, ?, ?) ON CONFLICT (" + owner + ", \"key\") DO UPDATE SET value_json = excluded.value_json")) {
      ps.setLong(1, ownerId);
      ps.setString(2, key);
      ps.setString(3, json);
      ps.executeUpdate();
    }
  }

  private static void setValue(PreparedStatement ps, int index, double v) throws SQLException {
    if (Double.isFinite(v)) {
      ps.setDouble(index, v);
    } else {
      ps.setNull(index, Types.DOUBLE);
    }
  }

  /** Optuna's {@code TrialValueType}: FINITE, INF_POS or INF_NEG. */
  private static String valueType(double v) {
    return v == Double.POSITIVE_INFINITY ? "INF_POS" : v == Double.NEGATIVE_INFINITY ? "INF_NEG" : "FINITE";
  }

  private static double readValue(ResultSet rs, int column, String type) throws SQLException {
    switch (type) {
      case "INF_POS":
        return Double.POSITIVE_INFINITY;
      case "INF_NEG":
        return Double.NEGATIVE_INFINITY;
      case "NAN":
        return Double.NaN;
      default:
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
  }

  private static void requireStudy(Connection c, long studyId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM studies WHERE study_id = ?")) {
      ps.setLong(1, studyId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw noStudy(studyId);
        }
      }
    }
  }

  /** Checks the trial exists and has not finished; returns its number. */
  private int requireUnfinished(Connection c, long trialId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT number, state FROM trials WHERE trial_id = ?" + trialRowLock())) {
      ps.setLong(1, trialId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NoSuchTrialException("no trial with id " + trialId);
        }
        TrialState state = TrialState.valueOf(rs.getString(2));
        if (state.isFinished()) {
          throw new TrialFinishedException("trial " + rs.getInt(1) + " has already finished (" + state + ")");
        }
        return rs.getInt(1);
      }
    }
  }

  private static NoSuchStudyException noStudy(long studyId) {
    return new NoSuchStudyException("no study with id " + studyId);
  }
}
