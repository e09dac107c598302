package io.parzen.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.parzen.space.Distribution;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads Optuna's {@code JournalStorage} file (JSON lines, one operation each) by replaying its
 * operations as Optuna does, into an {@link InMemoryStorage} the studio can show. Operations on
 * unknown studies or finished trials are skipped, as Optuna skips those of other workers; a
 * truncated last line (a writer was interrupted) is ignored.
 */
public final class OptunaJournal {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final TrialState[] STATES = {
      TrialState.RUNNING, TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL, TrialState.WAITING};

  private final Map<Long, StudyLog> studies = new LinkedHashMap<>();
  private final List<TrialLog> trials = new ArrayList<>();
  private final ZoneId zone = ZoneId.systemDefault();
  private long nextStudyId;

  private OptunaJournal() {}

  /** Replays the journal at {@code file} into a new in-memory storage. */
  public static InMemoryStorage read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StudyFileException(file, "cannot read the journal: " + e.getMessage(), e);
    }
    OptunaJournal journal = new OptunaJournal();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode op;
      try {
        op = MAPPER.readTree(line);
      } catch (JsonProcessingException e) {
        if (i == lines.size() - 1) {
          break;
        }
        throw new StudyFileException(file, "line " + (i + 1) + " is not JSON: " + e.getOriginalMessage());
      }
      if (!op.has("op_code")) {
        throw new StudyFileException(file, "line " + (i + 1) + " is not an Optuna journal operation (no op_code)");
      }
      try {
        journal.apply(op);
      } catch (RuntimeException e) {
        throw new StudyFileException(file, "line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return journal.toStorage();
  }

  private void apply(JsonNode op) {
    switch (op.get("op_code").asInt()) {
      case 0 -> {
        String name = op.get("study_name").asText();
        if (studies.values().stream().noneMatch(s -> s.name.equals(name))) {
          List<StudyDirection> directions = new ArrayList<>();
          op.get("directions").forEach(d -> directions.add(d.asInt() == 2 ? StudyDirection.MAXIMIZE
              : StudyDirection.MINIMIZE));
          studies.put(nextStudyId, new StudyLog(name, directions));
        }
        nextStudyId++;
      }
      case 1 -> studies.remove(op.get("study_id").asLong());
      case 2 -> study(op).ifPresent(s -> s.userAttrs.putAll(map(op.get("user_attr"))));
      case 3 -> study(op).ifPresent(s -> s.systemAttrs.putAll(map(op.get("system_attr"))));
      case 4 -> createTrial(op);
      case 5 -> updatable(op).ifPresent(t -> {
        Distribution d = OptunaJson.distributionFromJson(op.get("distribution").asText());
        String name = op.get("param_name").asText();
        t.params.put(name, d.toExternal(op.get("param_value_internal").asDouble()));
        t.distributions.put(name, d);
      });
      case 6 -> updatable(op).ifPresent(t -> {
        TrialState state = STATES[op.get("state").asInt()];
        if (state == TrialState.RUNNING && op.hasNonNull("datetime_start")) {
          t.start = time(op.get("datetime_start"));
        }
        if (state.isFinished() && op.hasNonNull("datetime_complete")) {
          t.complete = time(op.get("datetime_complete"));
        }
        t.state = state;
        if (op.hasNonNull("values")) {
          t.values.clear();
          op.get("values").forEach(v -> t.values.add(v.asDouble()));
        }
      });
      case 7 -> updatable(op).ifPresent(t -> t.intermediate.put(op.get("step").asInt(),
          op.get("intermediate_value").asDouble()));
      case 8 -> updatable(op).ifPresent(t -> t.userAttrs.putAll(map(op.get("user_attr"))));
      case 9 -> updatable(op).ifPresent(t -> t.systemAttrs.putAll(map(op.get("system_attr"))));
      default -> throw new IllegalArgumentException("unknown op_code " + op.get("op_code"));
    }
  }

  private void createTrial(JsonNode op) {
    long studyId = op.get("study_id").asLong();
    if (!studies.containsKey(studyId)) {
      return;  // Like Optuna: a trial of an unknown study takes no trial id.
    }
    TrialLog t = new TrialLog(studyId);
    trials.add(t);
    t.state = op.has("state") ? STATES[op.get("state").asInt()] : TrialState.RUNNING;
    t.start = op.hasNonNull("datetime_start") ? time(op.get("datetime_start")) : null;
    t.complete = op.hasNonNull("datetime_complete") ? time(op.get("datetime_complete")) : null;
    if (op.has("distributions")) {
      op.get("distributions").properties().forEach(e -> {
        Distribution d = OptunaJson.distributionFromJson(e.getValue().asText());
        t.distributions.put(e.getKey(), d);
        t.params.put(e.getKey(), d.toExternal(op.get("params").get(e.getKey()).asDouble()));
      });
    }
    if (op.hasNonNull("values")) {
      op.get("values").forEach(v -> t.values.add(v.asDouble()));
    } else if (op.hasNonNull("value")) {
      t.values.add(op.get("value").asDouble());
    }
    if (op.has("intermediate_values")) {
      op.get("intermediate_values").properties().forEach(e ->
          t.intermediate.put(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
    }
    t.userAttrs.putAll(map(op.get("user_attrs")));
    t.systemAttrs.putAll(map(op.get("system_attrs")));
  }

  private java.util.Optional<StudyLog> study(JsonNode op) {
    return java.util.Optional.ofNullable(studies.get(op.get("study_id").asLong()));
  }

  private java.util.Optional<TrialLog> updatable(JsonNode op) {
    int id = op.get("trial_id").asInt();
    if (id < 0 || id >= trials.size()) {
      return java.util.Optional.empty();
    }
    TrialLog t = trials.get(id);
    return t.state.isFinished() || !studies.containsKey(t.studyId)
        ? java.util.Optional.empty() : java.util.Optional.of(t);
  }

  private Instant time(JsonNode node) {
    return LocalDateTime.parse(node.asText()).atZone(zone).toInstant();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(JsonNode node) {
    return node == null || node.isNull() ? Map.of() : MAPPER.convertValue(node, LinkedHashMap.class);
  }

  private InMemoryStorage toStorage() {
    InMemoryStorage storage = new InMemoryStorage();
    Map<Long, Long> ids = new LinkedHashMap<>();
    studies.forEach((journalId, s) -> {
      long id = storage.createStudy(s.name, s.directions);
      s.userAttrs.forEach((k, v) -> storage.setStudyUserAttr(id, k, v));
      s.systemAttrs.forEach((k, v) -> storage.setStudySystemAttr(id, k, v));
      ids.put(journalId, id);
    });
    for (TrialLog t : trials) {
      Long id = ids.get(t.studyId);
      if (id != null) {
        storage.addTrial(id, new FrozenTrial(0, 0, t.state, t.values, t.start, t.complete, t.params,
            t.distributions, t.userAttrs, t.systemAttrs, t.intermediate));
      }
    }
    return storage;
  }

  private static final class StudyLog {
    final String name;
    final List<StudyDirection> directions;
    final Map<String, Object> userAttrs = new LinkedHashMap<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();

    StudyLog(String name, List<StudyDirection> directions) {
      this.name = name;
      this.directions = directions;
    }
  }

  private static final class TrialLog {
    final long studyId;
    TrialState state = TrialState.RUNNING;
    Instant start;
    Instant complete;
    final List<Double> values = new ArrayList<>();
    final Map<String, Object> params = new LinkedHashMap<>();
    final Map<String, Distribution> distributions = new LinkedHashMap<>();
    final Map<String, Object> userAttrs = new LinkedHashMap<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();
    final TreeMap<Integer, Double> intermediate = new TreeMap<>();

    TrialLog(long studyId) {
      this.studyId = studyId;
    }
  }
}
