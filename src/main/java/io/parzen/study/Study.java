package io.parzen.study;

import io.parzen.objective.MultiObjective;
import io.parzen.objective.Objective;
import io.parzen.pruner.NopPruner;
import io.parzen.pruner.Pruner;
import io.parzen.sampler.RandomSampler;
import io.parzen.sampler.Sampler;
import io.parzen.space.SearchSpace;
import io.parzen.storage.DuplicateStudyException;
import io.parzen.storage.InMemoryStorage;
import io.parzen.storage.Storage;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.Trial;
import io.parzen.trial.TrialPruned;
import io.parzen.trial.TrialState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hyperparameter optimisation study: its trials live in a {@link Storage}, new trials get their
 * parameters from a {@link Sampler}, and running trials may be cut short by a {@link Pruner}
 * (Optuna's {@code Study}).
 *
 * <pre>{@code
 * Study study = Study.builder().name("quadratic").direction(StudyDirection.MINIMIZE).build();
 * study.optimize(trial -> {
 *   double x = trial.suggestFloat("x", -10, 10);
 *   return (x - 2) * (x - 2);
 * }, Budget.trials(100));
 * System.out.println(study.bestValue() + " at " + study.bestParams());
 * }</pre>
 *
 * <p>Thread-safe. {@link #optimize} runs trials on parallel workers; {@link #ask()} and
 * {@link #tell} let callers run trials themselves. Listeners receive immutable snapshots.
 */
public final class Study {

  private static final Logger LOG = LoggerFactory.getLogger(Study.class);
  private static final AtomicInteger WORKER_THREADS = new AtomicInteger();
  /** Sends the heartbeats of every running study in this process; cheap, so one thread serves all. */
  private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "parzen-heartbeat");
    t.setDaemon(true);
    return t;
  });

  private final Storage storage;
  private final long id;
  private final String name;
  private final List<StudyDirection> directions;
  private final Sampler sampler;
  private final Pruner pruner;
  private final SearchSpace space;
  private final Clock clock;
  private final Duration heartbeatInterval;
  private final Duration gracePeriod;
  private final List<StudyListener> listeners = new CopyOnWriteArrayList<>();
  private final Set<Run> runs = ConcurrentHashMap.newKeySet();

  private Study(Builder b, long id, List<StudyDirection> directions, SearchSpace space) {
    this.storage = b.storage;
    this.id = id;
    this.name = b.name;
    this.directions = List.copyOf(directions);
    this.sampler = b.sampler;
    this.pruner = b.pruner;
    this.space = space;
    this.clock = b.clock;
    this.heartbeatInterval = b.heartbeatInterval;
    this.gracePeriod = b.gracePeriod;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A new in-memory study with a generated name, the random sampler and no pruner. */
  public static Study create(StudyDirection direction) {
    return builder().direction(direction).build();
  }

  // ---- properties

  public String name() {
    return name;
  }

  /** The study's id in its storage. */
  public long id() {
    return id;
  }

  public Storage storage() {
    return storage;
  }

  public Sampler sampler() {
    return sampler;
  }

  public Pruner pruner() {
    return pruner;
  }

  /** The declared search space; empty for define-by-run studies. */
  public SearchSpace space() {
    return space;
  }

  public List<StudyDirection> directions() {
    return directions;
  }

  /** The direction of a single-objective study. */
  public StudyDirection direction() {
    if (directions.size() != 1) {
      throw new IllegalStateException("study \"" + name + "\" has " + directions.size() + " objectives; use directions()");
    }
    return directions.get(0);
  }

  public boolean isMultiObjective() {
    return directions.size() > 1;
  }

  // ---- trials

  /** Every trial, ordered by number. */
  public List<FrozenTrial> trials() {
    return storage.trials(id);
  }

  /** The trials in one of {@code states}, ordered by number. */
  public List<FrozenTrial> trials(Set<TrialState> states) {
    return storage.trials(id, states);
  }

  /** The best COMPLETE trial of a single-objective study (the earliest among equals), if any. */
  public Optional<FrozenTrial> findBestTrial() {
    StudyDirection direction = direction();
    FrozenTrial best = null;
    for (FrozenTrial t : storage.trials(id, EnumSet.of(TrialState.COMPLETE))) {
      if (t.hasValues(1) && (best == null || direction.isBetter(t.value(), best.value()))) {
        best = t;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The best COMPLETE trial; throws {@link IllegalStateException} when none has completed. */
  public FrozenTrial bestTrial() {
    return findBestTrial().orElseThrow(
        () -> new IllegalStateException("study \"" + name + "\" has no completed trials yet"));
  }

  public double bestValue() {
    return bestTrial().value();
  }

  public Map<String, Object> bestParams() {
    return bestTrial().params();
  }

  /**
   * The COMPLETE trials no other COMPLETE trial dominates (the Pareto front), ordered by number;
   * for a single-objective study, every trial sharing the best value.
   */
  public List<FrozenTrial> bestTrials() {
    List<FrozenTrial> complete = storage.trials(id, EnumSet.of(TrialState.COMPLETE)).stream()
        .filter(t -> t.hasValues(directions.size()))
        .toList();
    List<FrozenTrial> front = new ArrayList<>();
    for (FrozenTrial t : complete) {
      if (complete.stream().noneMatch(other -> dominates(other, t))) {
        front.add(t);
      }
    }
    return front;
  }

  /** Whether {@code a} is at least as good as {@code b} in every objective and better in one. */
  public boolean dominates(FrozenTrial a, FrozenTrial b) {
    boolean better = false;
    for (int i = 0; i < directions.size(); i++) {
      double va = a.values().get(i);
      double vb = b.values().get(i);
      if (directions.get(i).isBetter(vb, va)) {
        return false;
      }
      better |= directions.get(i).isBetter(va, vb);
    }
    return better;
  }

  // ---- listeners

  public void addListener(StudyListener listener) {
    listeners.add(listener);
  }

  public void removeListener(StudyListener listener) {
    listeners.remove(listener);
  }

  // ---- ask and tell

  /**
   * Starts a trial and returns it for the caller to evaluate and {@link #tell}: the oldest
   * enqueued trial if one waits, else a new one.
   */
  public Trial ask() {
    return startTrial(Storage.UNLIMITED, false).orElseThrow();
  }

  /** Finishes {@code trial} as COMPLETE with its objective value(s). */
  public FrozenTrial tell(Trial trial, double... values) {
    return tell(trial, TrialState.COMPLETE, values);
  }

  /**
   * Finishes {@code trial} in {@code state}. A COMPLETE trial needs one value per direction; a NaN
   * or a wrong count turns it into FAIL with a message saying so. A PRUNED trial takes its last
   * intermediate value as its value.
   */
  public FrozenTrial tell(Trial trial, TrialState state, double... values) {
    if (!(trial instanceof StudyTrial live) || live.study() != this) {
      throw new IllegalArgumentException("trial " + trial.number() + " does not belong to study \"" + name + "\"");
    }
    return finish(live, state, values, null);
  }

  /** Finishes the running trial numbered {@code number} (for trials asked by another process). */
  public FrozenTrial tell(int number, TrialState state, double... values) {
    List<FrozenTrial> all = storage.trials(id);
    if (number < 0 || number >= all.size()) {
      throw new IllegalArgumentException("study \"" + name + "\" has no trial " + number);
    }
    FrozenTrial t = all.get(number);
    return finish(t.id(), state, values, null, t.intermediateValues().isEmpty() ? null
        : t.intermediateValues().lastEntry().getValue());
  }

  /** Finishes {@code trial} as FAIL with {@code reason}. */
  public FrozenTrial fail(Trial trial, String reason) {
    if (!(trial instanceof StudyTrial live) || live.study() != this) {
      throw new IllegalArgumentException("trial " + trial.number() + " does not belong to study \"" + name + "\"");
    }
    return finish(live, TrialState.FAIL, null, reason);
  }

  /**
   * Adds a WAITING trial whose parameters are fixed to {@code params}; workers evaluate enqueued
   * trials before sampling new ones. Values of declared parameters are checked at once.
   */
  public void enqueue(Map<String, ?> params) {
    Map<String, Object> fixed = new LinkedHashMap<>();
    params.forEach((k, v) -> {
      space.parameter(k).ifPresent(p -> {
        try {
          p.distribution().checkedInternal(v);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("enqueued \"" + k + "\": " + e.getMessage(), e);
        }
      });
      fixed.put(k, v);
    });
    storage.createTrial(id, TrialState.WAITING, Map.of(StudyTrial.FIXED_PARAMS, fixed), Storage.UNLIMITED);
  }

  // ---- optimize

  /** Runs {@code objective} on one worker until the budget is used up. */
  public OptimizeResult optimize(Objective objective, Budget budget) {
    return optimize(objective, budget, 1);
  }

  /** Runs {@code objective} on {@code workers} parallel workers until the budget is used up. */
  public OptimizeResult optimize(Objective objective, Budget budget, int workers) {
    return optimizeMulti(objective.asMulti(), budget, workers);
  }

  /** Runs a multi-objective function on {@code workers} parallel workers. */
  public OptimizeResult optimizeMulti(MultiObjective objective, Budget budget, int workers) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), workerThreads());
    try {
      return optimizeAsync(objective, budget, workers, pool).join();
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Starts {@code workers} workers on {@code executor} and returns at once; the future completes
   * when all have ended. This is what the studio uses to run studies in the background.
   */
  public CompletableFuture<OptimizeResult> optimizeAsync(
      MultiObjective objective, Budget budget, int workers, Executor executor) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers (" + workers + ") must be >= 1");
    }
    failStaleTrials();
    Run run = new Run(budget, clock.instant());
    runs.add(run);
    ScheduledFuture<?> beats = HEARTBEATS.scheduleAtFixedRate(() -> beat(run),
        heartbeatInterval.toMillis(), heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
    CompletableFuture<?>[] futures = new CompletableFuture<?>[workers];
    for (int i = 0; i < workers; i++) {
      futures[i] = CompletableFuture.runAsync(() -> work(run, objective), executor);
    }
    return CompletableFuture.allOf(futures).handle((ignored, thrown) -> {
      beats.cancel(false);
      runs.remove(run);
      return run.result(clock.instant());
    });
  }

  /**
   * Asks every running {@link #optimize} call to start no new trial; running trials finish
   * normally. Returns at once.
   */
  public void stop() {
    runs.forEach(Run::stop);
  }

  /**
   * Stops every running {@link #optimize} call and interrupts the objectives still running; those
   * trials end as FAIL ("cancelled"). Returns at once.
   */
  public void cancel() {
    runs.forEach(Run::cancel);
  }

  /**
   * Marks FAIL the RUNNING trials whose worker (another process) stopped sending heartbeats more
   * than the grace period ago, and returns them. Called when an optimize call starts and with
   * every heartbeat; the studio calls it when it opens a study.
   */
  public List<FrozenTrial> failStaleTrials() {
    List<FrozenTrial> failed = storage.failStaleTrials(id, gracePeriod);
    for (FrozenTrial t : failed) {
      LOG.warn("trial {} of study \"{}\" failed: {}", t.number(), name, t.failReason().orElse(""));
      for (StudyListener l : listeners) {
        try {
          l.trialFinished(this, t);
        } catch (RuntimeException e) {
          LOG.warn("study listener failed on trial {} end", t.number(), e);
        }
      }
    }
    return failed;
  }

  private void beat(Run run) {
    try {
      for (long trialId : run.running) {
        storage.recordHeartbeat(trialId);
      }
      failStaleTrials();
    } catch (RuntimeException e) {
      LOG.warn("heartbeat of study \"{}\" failed", name, e);
    }
  }

  /** Whether an {@link #optimize} call is in progress. */
  public boolean isOptimizing() {
    return !runs.isEmpty();
  }

  private void work(Run run, MultiObjective objective) {
    try {
      while (run.mayStartTrial(clock.instant())) {
        Optional<StudyTrial> trial = startTrial(run.studyLimit(), true);
        if (trial.isEmpty()) {
          run.budgetReached();
          return;
        }
        long trialId = trial.get().id();
        run.running.add(trialId);
        try {
          evaluate(run, trial.get(), objective);
        } finally {
          run.running.remove(trialId);
        }
        run.completed.incrementAndGet();
      }
    } catch (RuntimeException | Error e) {
      run.fail(e);
      throw e;
    }
  }

  /**
   * Claims a waiting trial or creates one. A trial of {@link #optimize}'s workers gets its first
   * heartbeat with it (a worker killed right after leaves a trial that fails on resume); one from
   * {@link #ask} gets none, as whoever tells its result may be another process, much later.
   */
  private Optional<StudyTrial> startTrial(long studyLimit, boolean heartbeat) {
    Optional<FrozenTrial> base = heartbeat ? storage.startTrialWithHeartbeat(id, studyLimit)
        : storage.claimWaitingTrial(id).or(() -> storage.createTrial(id, TrialState.RUNNING, Map.of(), studyLimit));
    if (base.isEmpty()) {
      return Optional.empty();
    }
    StudyTrial trial = new StudyTrial(this, base.get());
    try {
      trial.startSampling();
    } catch (RuntimeException e) {
      finish(trial, TrialState.FAIL, null, "sampler failed: " + e);
      throw e;
    }
    FrozenTrial snapshot = trial.snapshot();
    for (StudyListener l : listeners) {
      try {
        l.trialStarted(this, snapshot);
      } catch (RuntimeException e) {
        LOG.warn("study listener failed on trial {} start", snapshot.number(), e);
      }
    }
    return Optional.of(trial);
  }

  private void evaluate(Run run, StudyTrial trial, MultiObjective objective) {
    double[] values;
    run.enter(Thread.currentThread());
    try {
      values = objective.evaluate(trial);
    } catch (TrialPruned e) {
      finish(trial, TrialState.PRUNED, null, null);
      return;
    } catch (InterruptedException e) {
      finish(trial, TrialState.FAIL, null, run.cancelled ? "cancelled" : "interrupted");
      return;
    } catch (Exception | StackOverflowError | AssertionError | LinkageError e) {
      String reason = run.cancelled ? "cancelled (" + e + ")" : e.toString();
      LOG.warn("trial {} failed: {}", trial.number(), reason, e);
      finish(trial, TrialState.FAIL, null, reason);
      return;
    } finally {
      run.leave(Thread.currentThread());
      Thread.interrupted();  // An interrupt meant for this trial must not leak into the next one.
    }
    if (values == null || values.length == 0) {
      finish(trial, TrialState.FAIL, null, "the objective returned no value");
    } else {
      finish(trial, TrialState.COMPLETE, values, null);
    }
  }

  private FrozenTrial finish(StudyTrial trial, TrialState state, double[] values, String failReason) {
    return finish(trial.id(), state, values, failReason, trial.lastIntermediateValue());
  }

  private FrozenTrial finish(long trialId, TrialState state, double[] values, String failReason, Double lastIntermediate) {
    if (!state.isFinished()) {
      throw new IllegalArgumentException("a trial is told COMPLETE, PRUNED or FAIL, not " + state);
    }
    List<Double> stored = List.of();
    if (state == TrialState.COMPLETE) {
      String problem = checkValues(values);
      if (problem == null) {
        stored = Arrays.stream(values).boxed().toList();
      } else {
        state = TrialState.FAIL;
        failReason = problem;
      }
    } else if (state == TrialState.PRUNED && lastIntermediate != null && !lastIntermediate.isNaN()
        && !isMultiObjective()) {
      stored = List.of(lastIntermediate);
    }
    if (state == TrialState.FAIL) {
      storage.setTrialSystemAttr(trialId, FrozenTrial.FAIL_REASON, failReason == null ? "failed" : failReason);
    }
    FrozenTrial done = storage.finishTrial(trialId, state, stored);
    sampler.afterTrial(this, done, state, stored);
    for (StudyListener l : listeners) {
      try {
        l.trialFinished(this, done);
      } catch (RuntimeException e) {
        LOG.warn("study listener failed on trial {} end", done.number(), e);
      }
    }
    return done;
  }

  private String checkValues(double[] values) {
    if (values == null || values.length == 0) {
      return "the objective returned no value";
    }
    if (values.length != directions.size()) {
      return "the objective returned " + values.length + " values for " + directions.size() + " objectives";
    }
    for (double v : values) {
      if (Double.isNaN(v)) {
        return "the objective returned NaN";
      }
    }
    return null;
  }

  private static ThreadFactory workerThreads() {
    return r -> {
      Thread t = new Thread(r, "parzen-worker-" + WORKER_THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public String toString() {
    return "Study[" + name + ", " + directions + ", " + sampler.describe() + "]";
  }

  /** One {@link #optimize} call: its budget, counters and stop flags, shared by its workers. */
  private static final class Run {
    final Budget budget;
    final Instant started;
    final Instant deadline;
    final AtomicInteger remaining;
    final AtomicInteger completed = new AtomicInteger();
    final Set<Thread> evaluating = ConcurrentHashMap.newKeySet();
    final Set<Long> running = ConcurrentHashMap.newKeySet();
    final AtomicReference<Throwable> error = new AtomicReference<>();
    volatile boolean stopped;
    volatile boolean cancelled;
    volatile boolean budgetReached;
    volatile boolean timedOut;

    Run(Budget budget, Instant started) {
      this.budget = budget;
      this.started = started;
      this.deadline = budget.timeout() == null ? null : started.plus(budget.timeout());
      this.remaining = budget.trials() == null ? null : new AtomicInteger(budget.trials());
    }

    long studyLimit() {
      return budget.studyTotal() == null ? Storage.UNLIMITED : budget.studyTotal();
    }

    /** Whether a worker may start another trial; reserves it against the trial budget if so. */
    boolean mayStartTrial(Instant now) {
      if (stopped || error.get() != null) {
        return false;
      }
      if (deadline != null && !now.isBefore(deadline)) {
        timedOut = true;
        return false;
      }
      if (remaining != null && remaining.getAndDecrement() <= 0) {
        budgetReached = true;
        return false;
      }
      return true;
    }

    void budgetReached() {
      budgetReached = true;
    }

    void stop() {
      stopped = true;
    }

    void cancel() {
      cancelled = true;
      stopped = true;
      evaluating.forEach(Thread::interrupt);
    }

    void fail(Throwable t) {
      error.compareAndSet(null, t);
    }

    void enter(Thread t) {
      evaluating.add(t);
      if (cancelled) {
        t.interrupt();
      }
    }

    void leave(Thread t) {
      evaluating.remove(t);
    }

    OptimizeResult result(Instant now) {
      StopReason reason;
      if (error.get() != null) {
        reason = StopReason.ERROR;
      } else if (cancelled) {
        reason = StopReason.CANCELLED;
      } else if (stopped) {
        reason = StopReason.STOPPED;
      } else if (timedOut && !budgetReached) {
        reason = StopReason.TIME_LIMIT;
      } else {
        reason = StopReason.BUDGET_REACHED;
      }
      return new OptimizeResult(completed.get(), reason, Duration.between(started, now), error.get());
    }
  }

  /** Configures a new study, or one loaded from its storage by name. */
  public static final class Builder {
    private String name;
    private List<StudyDirection> directions;
    private Sampler sampler;
    private Pruner pruner = new NopPruner();
    private Storage storage;
    private SearchSpace space;
    private Clock clock = Clock.systemUTC();
    private Duration heartbeatInterval = Duration.ofSeconds(10);
    private Duration gracePeriod = Duration.ofSeconds(60);
    private boolean loadIfExists;

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder direction(StudyDirection direction) {
      this.directions = List.of(direction);
      return this;
    }

    public Builder directions(StudyDirection... directions) {
      this.directions = List.of(directions);
      return this;
    }

    public Builder directions(List<StudyDirection> directions) {
      this.directions = List.copyOf(directions);
      return this;
    }

    /** The sampler; the random sampler when not set. */
    public Builder sampler(Sampler sampler) {
      this.sampler = sampler;
      return this;
    }

    public Builder pruner(Pruner pruner) {
      this.pruner = pruner;
      return this;
    }

    /** Where trials are kept; a new {@link InMemoryStorage} when not set. */
    public Builder storage(Storage storage) {
      this.storage = storage;
      return this;
    }

    /** The declared search space, used by {@link Trial#params()} and stored with the study. */
    public Builder space(SearchSpace space) {
      this.space = space;
      return this;
    }

    /** The clock for time limits; the system clock when not set. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * How often running trials send heartbeats to a shared storage (10 s by default), and how old
     * the last heartbeat of a RUNNING trial may be before its worker counts as gone and the trial
     * as FAIL (60 s by default).
     */
    public Builder heartbeat(Duration interval, Duration gracePeriod) {
      if (interval.isNegative() || interval.isZero() || gracePeriod.compareTo(interval) <= 0) {
        throw new IllegalArgumentException("heartbeat interval (" + interval + ") must be positive and shorter "
            + "than the grace period (" + gracePeriod + ")");
      }
      this.heartbeatInterval = interval;
      this.gracePeriod = gracePeriod;
      return this;
    }

    /** Loads the study of the same name from the storage when there is one, instead of failing. */
    public Builder loadIfExists(boolean loadIfExists) {
      this.loadIfExists = loadIfExists;
      return this;
    }

    /**
     * Creates the study in the storage, or loads it ({@link #loadIfExists}). A loaded study keeps
     * its stored directions and space unless new ones are given; given directions must match.
     */
    public Study build() {
      if (storage == null) {
        storage = new InMemoryStorage(clock);
      }
      if (name == null) {
        name = "study-" + UUID.randomUUID();
      }
      if (sampler == null) {
        sampler = new RandomSampler();
      }
      Optional<Long> existing = storage.findStudyId(name);
      if (existing.isPresent() && loadIfExists) {
        long id = existing.get();
        List<StudyDirection> stored = storage.directions(id);
        if (directions != null && !directions.equals(stored)) {
          throw new IllegalArgumentException("study \"" + name + "\" has directions " + stored + ", not " + directions);
        }
        Optional<StudyDefinition> definition = StudyDefinition.load(storage, id);
        SearchSpace loadedSpace = space != null ? space : definition.map(StudyDefinition::space)
            .orElseGet(() -> StudyDefinition.inferSpace(storage.trials(id)));
        if (space != null) {
          definition.orElse(StudyDefinition.of(space)).withSpace(space).save(storage, id);
        }
        return new Study(this, id, stored, loadedSpace);
      }
      List<StudyDirection> dirs = directions == null ? List.of(StudyDirection.MINIMIZE) : directions;
      long id;
      try {
        id = storage.createStudy(name, dirs);
      } catch (DuplicateStudyException e) {
        if (!loadIfExists) {
          throw e;
        }
        return build();  // Another worker created it between our look and our create: load it.
      }
      SearchSpace declared = space == null ? SearchSpace.empty() : space;
      if (!declared.isEmpty()) {
        StudyDefinition.of(declared).save(storage, id);
      }
      return new Study(this, id, dirs, declared);
    }
  }
}
