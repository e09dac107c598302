package io.parzen.storage;

import io.parzen.space.Distribution;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where studies and their trials live: in memory, in a SQLite study file, or in PostgreSQL shared
 * by many machines (Optuna's {@code BaseStorage}).
 *
 * <p><b>Contract.</b> Every implementation is thread-safe, and the persistent ones are also safe
 * across processes. Trial numbers within a study are assigned atomically and without gaps (0, 1,
 * 2 ...); {@link #createTrial} with a trial limit never lets a study exceed it, however many
 * workers race. Every method returning trials returns immutable {@link FrozenTrial} snapshots. A
 * finished trial is never changed again: writing to it throws {@link TrialFinishedException}.
 * Parameter values are passed in Optuna's internal representation (see {@link Distribution}).
 * Attribute values are JSON-compatible: String, Number, Boolean, List, Map or {@code null}.
 *
 * <p>Unknown study ids throw {@link NoSuchStudyException}; unknown trial ids throw
 * {@link NoSuchTrialException}; other failures throw {@link StorageException}.
 */
public interface Storage extends AutoCloseable {

  /** No limit on the number of trials in {@link #createTrial}. */
  long UNLIMITED = Long.MAX_VALUE;

  // ---- studies

  /** Creates a study; throws {@link DuplicateStudyException} when the name is taken. */
  long createStudy(String name, List<StudyDirection> directions);

  void deleteStudy(long studyId);

  /** The id of the study named {@code name}, if there is one. */
  Optional<Long> findStudyId(String name);

  /** The id of the study named {@code name}; throws {@link NoSuchStudyException} otherwise. */
  default long studyId(String name) {
    return findStudyId(name).orElseThrow(() -> new NoSuchStudyException("no study named \"" + name + "\""));
  }

  String studyName(long studyId);

  List<StudyDirection> directions(long studyId);

  /** All studies, in creation order. */
  List<StudySummary> studies();

  void setStudyUserAttr(long studyId, String key, Object value);

  void setStudySystemAttr(long studyId, String key, Object value);

  Map<String, Object> studyUserAttrs(long studyId);

  Map<String, Object> studySystemAttrs(long studyId);

  // ---- trials

  /**
   * Creates a trial with the next number, RUNNING (start time now) or WAITING (enqueued, no start
   * time), holding {@code systemAttrs}. Returns empty, creating nothing, when the study already
   * holds {@code maxTrials} trials in any state; the check and the creation are one atomic step.
   */
  Optional<FrozenTrial> createTrial(
      long studyId, TrialState state, Map<String, Object> systemAttrs, long maxTrials);

  /**
   * Starts the next trial of a worker that sends heartbeats: claims the lowest-numbered WAITING
   * trial, or else creates a RUNNING one (empty when the study already holds {@code maxTrials}),
   * and records its first heartbeat in the same atomic step. A worker killed at any moment then
   * leaves no RUNNING trial without a heartbeat, which {@link #failStaleTrials} could never find.
   * This default does it in separate steps; storages shared between processes do it in one.
   */
  default Optional<FrozenTrial> startTrialWithHeartbeat(long studyId, long maxTrials) {
    Optional<FrozenTrial> trial = claimWaitingTrial(studyId)
        .or(() -> createTrial(studyId, TrialState.RUNNING, Map.of(), maxTrials));
    trial.ifPresent(t -> recordHeartbeat(t.id()));
    return trial;
  }

  /** Creates a RUNNING trial with no limit. */
  default FrozenTrial createTrial(long studyId) {
    return createTrial(studyId, TrialState.RUNNING, Map.of(), UNLIMITED).orElseThrow();
  }

  /**
   * Adds a trial exactly as {@code template} describes it (state, values, params with their
   * distributions, intermediate values, attributes, start and completion times), numbered next in
   * the study; {@code template}'s id and number are ignored. This is how studies are imported and
   * how finished trials are added by hand (Optuna's {@code add_trial}).
   */
  FrozenTrial addTrial(long studyId, FrozenTrial template);

  /**
   * Atomically moves the lowest-numbered WAITING trial to RUNNING (start time now) and returns it;
   * empty when none waits. Two callers never get the same trial.
   */
  Optional<FrozenTrial> claimWaitingTrial(long studyId);

  /**
   * Records a parameter of a running trial. Setting a name again with the same distribution
   * overwrites its value; with a different distribution it throws {@link IllegalArgumentException}.
   */
  void setTrialParam(long trialId, String name, double internalValue, Distribution distribution);

  /** Records an intermediate value; a step already reported is overwritten. */
  void setTrialIntermediateValue(long trialId, int step, double value);

  void setTrialUserAttr(long trialId, String key, Object value);

  void setTrialSystemAttr(long trialId, String key, Object value);

  /**
   * Ends a running trial with a finished state (COMPLETE, PRUNED or FAIL) and its values, setting
   * its completion time, and returns the finished trial. Throws {@link TrialFinishedException} if
   * it had already finished, so two workers can never both finish one trial.
   */
  FrozenTrial finishTrial(long trialId, TrialState state, List<Double> values);

  FrozenTrial trial(long trialId);

  /** Every trial of the study, ordered by number. */
  List<FrozenTrial> trials(long studyId);

  /** The study's trials in one of {@code states}, ordered by number. */
  default List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
    return trials(studyId).stream().filter(t -> states.contains(t.state())).toList();
  }

  /** How many of the study's trials are in one of {@code states}. */
  default int trialCount(long studyId, Set<TrialState> states) {
    return trials(studyId, states).size();
  }

  /** How many trials the study holds in any state. */
  default int trialCount(long studyId) {
    return trialCount(studyId, EnumSet.allOf(TrialState.class));
  }

  /**
   * What changed since {@code cursor}: every trial numbered at or after the cursor's next number,
   * and every trial the cursor still holds as open (it was unfinished, or not yet visible, when the
   * cursor was made), whether or not it changed. Live views poll this about once a second instead
   * of reloading the study; {@link TrialCursor#START} returns everything.
   */
  TrialDelta trialsChangedSince(long studyId, TrialCursor cursor);

  // ---- heartbeats of workers in other processes

  /**
   * Records that the worker running {@code trialId} is alive. Workers call this every few seconds
   * while a trial runs, so that a crashed worker's trials can be recognised. Storages shared only
   * within one process may ignore it (the default).
   */
  default void recordHeartbeat(long trialId) {}

  /**
   * Marks FAIL every RUNNING trial of the study whose last heartbeat is older than
   * {@code gracePeriod} (its worker is gone), with a {@code fail_reason} saying so, and returns
   * them as finished. Trials that never sent a heartbeat are left alone. The default finds none.
   */
  default List<FrozenTrial> failStaleTrials(long studyId, java.time.Duration gracePeriod) {
    return List.of();
  }

  /** Releases connections and files. The default does nothing. */
  @Override
  default void close() {}
}
