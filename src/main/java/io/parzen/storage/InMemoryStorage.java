package io.parzen.storage;

import io.parzen.space.Distribution;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
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

/**
 * A {@link Storage} in this process's memory: fast, thread-safe, gone when the process ends. The
 * default storage of a study that is not saved to a file. Every operation holds one lock; trials
 * are kept as immutable snapshots replaced on each write, so reads hand them out without copying.
 */
public final class InMemoryStorage implements Storage {

  private final Clock clock;
  private final Map<Long, StudyRecord> studies = new LinkedHashMap<>();
  private final Map<Long, FrozenTrial> trialsById = new HashMap<>();
  private final Map<Long, Long> studyOfTrial = new HashMap<>();
  private long nextStudyId = 1;
  private long nextTrialId = 1;

  public InMemoryStorage() {
    this(Clock.systemUTC());
  }

  /** A storage that stamps trial start and completion times from {@code clock}. */
  public InMemoryStorage(Clock clock) {
    this.clock = clock;
  }

  private static final class StudyRecord {
    final long id;
    final String name;
    final List<StudyDirection> directions;
    final Map<String, Object> userAttrs = new LinkedHashMap<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();
    final List<Long> trialIds = new ArrayList<>();

    StudyRecord(long id, String name, List<StudyDirection> directions) {
      this.id = id;
      this.name = name;
      this.directions = List.copyOf(directions);
    }
  }

  @Override
  public synchronized long createStudy(String name, List<StudyDirection> directions) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a study needs a name");
    }
    if (directions.isEmpty()) {
      throw new IllegalArgumentException("a study needs at least one direction");
    }
    if (findStudyId(name).isPresent()) {
      throw new DuplicateStudyException("a study named \"" + name + "\" already exists");
    }
    long id = nextStudyId++;
    studies.put(id, new StudyRecord(id, name, directions));
    return id;
  }

  @Override
  public synchronized void deleteStudy(long studyId) {
    StudyRecord study = study(studyId);
    for (long trialId : study.trialIds) {
      trialsById.remove(trialId);
      studyOfTrial.remove(trialId);
    }
    studies.remove(studyId);
  }

  @Override
  public synchronized Optional<Long> findStudyId(String name) {
    return studies.values().stream().filter(s -> s.name.equals(name)).map(s -> s.id).findFirst();
  }

  @Override
  public synchronized String studyName(long studyId) {
    return study(studyId).name;
  }

  @Override
  public synchronized List<StudyDirection> directions(long studyId) {
    return study(studyId).directions;
  }

  @Override
  public synchronized List<StudySummary> studies() {
    return studies.values().stream()
        .map(s -> new StudySummary(s.id, s.name, s.directions, s.trialIds.size()))
        .toList();
  }

  @Override
  public synchronized void setStudyUserAttr(long studyId, String key, Object value) {
    study(studyId).userAttrs.put(key, frozenCopy(value));
  }

  @Override
  public synchronized void setStudySystemAttr(long studyId, String key, Object value) {
    study(studyId).systemAttrs.put(key, frozenCopy(value));
  }

  @Override
  public synchronized Map<String, Object> studyUserAttrs(long studyId) {
    return new LinkedHashMap<>(study(studyId).userAttrs);
  }

  @Override
  public synchronized Map<String, Object> studySystemAttrs(long studyId) {
    return new LinkedHashMap<>(study(studyId).systemAttrs);
  }

  /**
   * An unmodifiable deep copy of a JSON-like attribute value, so that a caller changing its list
   * or map afterwards changes nothing stored, as with the file and database storages.
   */
  private static Object frozenCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, frozenCopy(v)));
      return java.util.Collections.unmodifiableMap(copy);
    }
    if (value instanceof java.util.Collection<?> list) {
      return java.util.Collections.unmodifiableList(list.stream().map(InMemoryStorage::frozenCopy).toList());
    }
    return value;
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized Optional<FrozenTrial> createTrial(
      long studyId, TrialState state, Map<String, Object> systemAttrs, long maxTrials) {
    if (state != TrialState.RUNNING && state != TrialState.WAITING) {
      throw new IllegalArgumentException("a new trial is RUNNING or WAITING, not " + state);
    }
    StudyRecord study = study(studyId);
    if (study.trialIds.size() >= maxTrials) {
      return Optional.empty();
    }
    long id = nextTrialId++;
    FrozenTrial trial = new FrozenTrial(
        id, study.trialIds.size(), state, List.of(),
        state == TrialState.RUNNING ? clock.instant() : null, null,
        Map.of(), Map.of(), Map.of(), (Map<String, Object>) frozenCopy(systemAttrs), new TreeMap<>());
    study.trialIds.add(id);
    trialsById.put(id, trial);
    studyOfTrial.put(id, studyId);
    return Optional.of(trial);
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized FrozenTrial addTrial(long studyId, FrozenTrial template) {
    StudyRecord study = study(studyId);
    long id = nextTrialId++;
    FrozenTrial trial = new FrozenTrial(id, study.trialIds.size(), template.state(), template.values(),
        template.start(), template.complete(), template.params(), template.distributions(),
        (Map<String, Object>) frozenCopy(template.userAttrs()), (Map<String, Object>) frozenCopy(template.systemAttrs()),
        template.intermediateValues());
    study.trialIds.add(id);
    trialsById.put(id, trial);
    studyOfTrial.put(id, studyId);
    return trial;
  }

  @Override
  public synchronized Optional<FrozenTrial> claimWaitingTrial(long studyId) {
    for (long id : study(studyId).trialIds) {
      FrozenTrial t = trialsById.get(id);
      if (t.state() == TrialState.WAITING) {
        FrozenTrial running = copy(t, TrialState.RUNNING, t.values(), clock.instant(), null,
            t.params(), t.distributions(), t.userAttrs(), t.systemAttrs(), t.intermediateValues());
        trialsById.put(id, running);
        return Optional.of(running);
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void setTrialParam(long trialId, String name, double internalValue, Distribution distribution) {
    FrozenTrial t = unfinished(trialId);
    Distribution existing = t.distributions().get(name);
    if (existing != null && !existing.equals(distribution)) {
      throw new IllegalArgumentException("parameter \"" + name + "\" of trial " + t.number()
          + " was suggested from " + existing.describe() + ", not " + distribution.describe());
    }
    if (!distribution.containsInternal(internalValue)) {
      throw new IllegalArgumentException("parameter \"" + name + "\": value " + internalValue
          + " is outside " + distribution.describe());
    }
    Map<String, Object> params = new LinkedHashMap<>(t.params());
    params.put(name, distribution.toExternal(internalValue));
    Map<String, Distribution> distributions = new LinkedHashMap<>(t.distributions());
    distributions.put(name, distribution);
    replace(t, params, distributions, t.userAttrs(), t.systemAttrs(), t.intermediateValues());
  }

  @Override
  public synchronized void setTrialIntermediateValue(long trialId, int step, double value) {
    FrozenTrial t = unfinished(trialId);
    TreeMap<Integer, Double> values = new TreeMap<>(t.intermediateValues());
    values.put(step, value);
    replace(t, t.params(), t.distributions(), t.userAttrs(), t.systemAttrs(), values);
  }

  @Override
  public synchronized void setTrialUserAttr(long trialId, String key, Object value) {
    FrozenTrial t = unfinished(trialId);
    Map<String, Object> attrs = new LinkedHashMap<>(t.userAttrs());
    attrs.put(key, frozenCopy(value));
    replace(t, t.params(), t.distributions(), attrs, t.systemAttrs(), t.intermediateValues());
  }

  @Override
  public synchronized void setTrialSystemAttr(long trialId, String key, Object value) {
    FrozenTrial t = unfinished(trialId);
    Map<String, Object> attrs = new LinkedHashMap<>(t.systemAttrs());
    attrs.put(key, frozenCopy(value));
    replace(t, t.params(), t.distributions(), t.userAttrs(), attrs, t.intermediateValues());
  }

  @Override
  public synchronized FrozenTrial finishTrial(long trialId, TrialState state, List<Double> values) {
    if (!state.isFinished()) {
      throw new IllegalArgumentException("finishTrial needs COMPLETE, PRUNED or FAIL, not " + state);
    }
    FrozenTrial t = unfinished(trialId);
    FrozenTrial done = copy(t, state, values, t.start() == null ? clock.instant() : t.start(), clock.instant(),
        t.params(), t.distributions(), t.userAttrs(), t.systemAttrs(), t.intermediateValues());
    trialsById.put(trialId, done);
    return done;
  }

  @Override
  public synchronized FrozenTrial trial(long trialId) {
    return existing(trialId);
  }

  @Override
  public synchronized List<FrozenTrial> trials(long studyId) {
    return study(studyId).trialIds.stream().map(trialsById::get).toList();
  }

  @Override
  public synchronized int trialCount(long studyId, Set<TrialState> states) {
    int n = 0;
    for (long id : study(studyId).trialIds) {
      if (states.contains(trialsById.get(id).state())) {
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized TrialDelta trialsChangedSince(long studyId, TrialCursor cursor) {
    List<Long> ids = study(studyId).trialIds;
    List<FrozenTrial> changed = new ArrayList<>();
    for (int number : new java.util.TreeSet<>(cursor.openNumbers())) {
      if (number < cursor.nextNumber() && number < ids.size()) {
        changed.add(trialsById.get(ids.get(number)));
      }
    }
    for (int number = cursor.nextNumber(); number < ids.size(); number++) {
      changed.add(trialsById.get(ids.get(number)));
    }
    return new TrialDelta(changed, cursor.advance(changed));
  }

  private StudyRecord study(long studyId) {
    StudyRecord study = studies.get(studyId);
    if (study == null) {
      throw new NoSuchStudyException("no study with id " + studyId);
    }
    return study;
  }

  private FrozenTrial existing(long trialId) {
    FrozenTrial t = trialsById.get(trialId);
    if (t == null) {
      throw new NoSuchTrialException("no trial with id " + trialId);
    }
    return t;
  }

  private FrozenTrial unfinished(long trialId) {
    FrozenTrial t = existing(trialId);
    if (t.state().isFinished()) {
      throw new TrialFinishedException("trial " + t.number() + " has already finished (" + t.state() + ")");
    }
    return t;
  }

  private void replace(FrozenTrial t, Map<String, Object> params, Map<String, Distribution> distributions,
      Map<String, Object> userAttrs, Map<String, Object> systemAttrs, java.util.NavigableMap<Integer, Double> iv) {
    trialsById.put(t.id(), copy(t, t.state(), t.values(), t.start(), t.complete(),
        params, distributions, userAttrs, systemAttrs, iv));
  }

  private static FrozenTrial copy(FrozenTrial t, TrialState state, List<Double> values, Instant start,
      Instant complete, Map<String, Object> params, Map<String, Distribution> distributions,
      Map<String, Object> userAttrs, Map<String, Object> systemAttrs, java.util.NavigableMap<Integer, Double> iv) {
    return new FrozenTrial(t.id(), t.number(), state, values, start, complete, params, distributions,
        userAttrs, systemAttrs, iv);
  }
}
