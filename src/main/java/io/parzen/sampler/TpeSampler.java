package io.parzen.sampler;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.Prior;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * The Tree-structured Parzen Estimator (Optuna's {@code TPESampler}).
 *
 * <p>Until {@code nStartupTrials} trials are COMPLETE or PRUNED, parameters are drawn from their
 * priors as the {@link RandomSampler} does. After that, the finished trials are split into the
 * {@code gamma(n)} best ("below") and the rest ("above"): COMPLETE trials ranked by value in the
 * study's direction, then PRUNED trials ranked by their last reported step (later first) and
 * value there. A Parzen estimator {@code l(x)} is fitted to the parameter values of the below
 * trials and {@code g(x)} to those of the above trials; {@code nEiCandidates} values are drawn
 * from {@code l} and the one maximising {@code log l(x) - log g(x)} is chosen.
 *
 * <p>By default every parameter is sampled on its own (Optuna's {@code multivariate=False}).
 * With {@code multivariate}, the parameters that every finished trial has (with the same
 * distribution) are sampled jointly by a {@link MultivariateParzenEstimator}; with {@code group}
 * as well, the space is decomposed into groups of parameters that are always active together
 * (conditional spaces) and each group is sampled jointly. Parameters outside the joint space are
 * sampled univariately. A declared parameter's normal or log-normal prior becomes the prior
 * kernel, and its categorical weights the prior of its categorical estimator.
 *
 * <p>Multi-objective studies (Optuna's MOTPE, as its current {@code TPESampler} does it): the
 * {@code gamma(n)} below trials are the COMPLETE trials of the best non-domination ranks, whole
 * ranks while they fit, the rank that does not fit cut by greedy hypervolume subset selection
 * against Optuna's reference point; PRUNED trials (which have no values) and, with the constant
 * liar, RUNNING ones go above. Each below trial weighs in {@code l(x)} by its share of the below
 * front's hypervolume (its exclusive contribution over the largest, at least {@code 1e-12}; trials
 * off that front {@code 1e-12}); {@code g(x)} keeps the usual weights.
 *
 * <p>Constant liar: RUNNING trials other than the one being sampled join the above group, so
 * parallel workers (threads, processes or machines) steer away from each other's pending points.
 * Unless set explicitly it is automatic, which means on: a lone worker never sees another RUNNING
 * trial, so it samples exactly as without it. Trials left RUNNING by a crashed worker count as bad
 * until the study's heartbeat check fails them.
 *
 * <p>Thread-safe: the study's finished trials are read incrementally into a {@link TrialHistory}
 * (one study at a time; a sampler given another study starts over), each trial's split is taken
 * once at its first suggestion, and the random generator is shared under a lock. A seeded sampler
 * run by one worker gives the same trials every time.
 */
public final class TpeSampler implements Sampler {

  private final Long seed;
  private final int nStartupTrials;
  private final int nEiCandidates;
  private final IntUnaryOperator gamma;
  /** {@code null}: automatic (on, see the class comment). */
  private final Boolean constantLiar;
  private final boolean multivariate;
  private final boolean group;
  private final SearchSpaceTracker spaces = new SearchSpaceTracker();
  /** The groups each trial's relative space was built from, by trial id, until it is sampled. */
  private final Map<Long, List<Map<String, Distribution>>> pendingGroups = new java.util.concurrent.ConcurrentHashMap<>();
  /** The study's finished trials and parameter columns, brought up to date once per trial. */
  private final TrialHistory history = new TrialHistory();
  /** Splits of the trials being sampled, by trial id; {@link #STARTUP} during the startup trials. */
  private final Map<Long, TrialHistory.Split> splits = new java.util.concurrent.ConcurrentHashMap<>();
  /** Per parameter, the last below estimator, reused while the below trials stay the same. */
  private final Map<String, BelowEstimator> belowEstimators = new java.util.concurrent.ConcurrentHashMap<>();
  /** Per parameter, what its above densities remember from one trial to the next. */
  private final Map<String, AboveDensity.Memo> aboveMemos = new java.util.concurrent.ConcurrentHashMap<>();
  private static final TrialHistory.Split STARTUP = new TrialHistory.Split(null, List.of(), new int[0], new int[0], List.of());
  private final ParzenEstimator.Settings settings;
  private final String preset;
  private final RandomSampler random;
  private final SplittableRandom rng;

  /** Optuna's defaults, seeded from the system's entropy. */
  public TpeSampler() {
    this(builder());
  }

  /** Optuna's defaults with a seed ({@code null} for a random one). */
  public TpeSampler(Long seed) {
    this(builder().seed(seed));
  }

  private TpeSampler(Builder b) {
    this.seed = b.seed;
    this.nStartupTrials = b.nStartupTrials;
    this.nEiCandidates = b.nEiCandidates;
    this.gamma = b.gamma;
    this.constantLiar = b.constantLiar;
    this.multivariate = b.multivariate;
    this.group = b.group;
    this.settings = new ParzenEstimator.Settings(b.priorWeight, b.considerMagicClip, b.considerEndpoints, b.weights,
        new NormalizerCache(), new MixtureCache());
    this.preset = b.preset;
    this.random = new RandomSampler(seed);
    // A stream separate from the random sampler's, as Optuna's TPE keeps its own generator.
    this.rng = seed == null ? new SplittableRandom() : new SplittableRandom(seed ^ 0x7e57_5eed_9a3f_1c05L);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Hyperopt's defaults (Optuna's {@code hyperopt_parameters()}), unseeded. */
  public static TpeSampler hyperopt() {
    return builder().hyperoptDefaults().build();
  }

  /** Hyperopt's defaults with a seed. */
  public static TpeSampler hyperopt(long seed) {
    return builder().hyperoptDefaults().seed(seed).build();
  }

  /** Optuna's default gamma: {@code min(ceil(0.1 n), 25)}. */
  public static int defaultGamma(int n) {
    return Math.min((int) Math.ceil(0.1 * n), 25);
  }

  /** Hyperopt's gamma as Optuna writes it: {@code min(ceil(0.25 sqrt(n)), 25)}. */
  public static int hyperoptGamma(int n) {
    return Math.min((int) Math.ceil(0.25 * Math.sqrt(n)), 25);
  }

  /**
   * Optuna's default weights of {@code n} observations, oldest first: all ones below 25, else a
   * linear ramp from {@code 1/n} to 1 over the oldest {@code n - 25} and ones for the newest 25
   * (Hyperopt's linear forgetting of 25).
   */
  public static double[] defaultWeights(int n) {
    return ParzenEstimator.defaultWeights(n);
  }

  /** Whether RUNNING trials join the above group: explicitly set, or automatic (on). */
  boolean constantLiarActive() {
    return constantLiar == null || constantLiar;
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
    if (!multivariate) {
      return Map.of();
    }
    spaces.update(study);
    Map<String, Distribution> space = new java.util.LinkedHashMap<>();
    if (group) {
      List<Map<String, Distribution>> groups = spaces.groups();
      if (pendingGroups.size() > 10_000) {
        pendingGroups.clear();  // Trials asked and never sampled would otherwise pile up.
      }
      pendingGroups.put(trial.id(), groups);
      for (Map<String, Distribution> g : groups) {
        g.forEach((name, d) -> {
          if (!d.isSingle()) {
            space.put(name, d);
          }
        });
      }
    } else {
      spaces.intersection().forEach((name, d) -> {
        if (!d.isSingle()) {
          space.put(name, d);
        }
      });
    }
    return space;
  }

  @Override
  public Map<String, Object> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
    List<Map<String, Distribution>> groups = pendingGroups.remove(trial.id());
    if (searchSpace.isEmpty()) {
      return Map.of();
    }
    JointSplit split;
    if (study.isMultiObjective()) {
      MultiObjectiveSplit mo = multiObjectiveSplit(study, trial);
      split = mo == null ? null : new JointSplit(mo.below(), mo.belowWeights(), mo.above());
    } else {
      TrialHistory.Split single = historySplit(study, trial);
      split = single == null ? null : new JointSplit(single.belowTrials(), null, single.aboveTrials());
    }
    if (split == null) {
      return Map.of();
    }
    if (!group) {
      return sampleJointly(study, split, searchSpace);
    }
    if (groups == null) {
      spaces.update(study);
      groups = spaces.groups();
    }
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    for (Map<String, Distribution> g : groups) {
      Map<String, Distribution> sub = new java.util.LinkedHashMap<>();
      g.forEach((name, d) -> {
        if (!d.isSingle() && d.equals(searchSpace.get(name))) {
          sub.put(name, d);
        }
      });
      params.putAll(sampleJointly(study, split, sub));
    }
    return params;
  }

  /** The below trials (and their weights in {@code l}, or {@code null} for the usual ones) and the above trials. */
  private record JointSplit(List<FrozenTrial> below, double[] belowWeights, List<FrozenTrial> above) {}

  /**
   * One joint TPE draw over {@code space}: multivariate estimators of the below and above trials
   * that have every parameter of the space, candidates from {@code l}, the best by {@code log l -
   * log g}.
   */
  private Map<String, Object> sampleJointly(Study study, JointSplit split, Map<String, Distribution> space) {
    if (space.isEmpty()) {
      return Map.of();
    }
    int d = space.size();
    String[] names = space.keySet().toArray(new String[0]);
    Distribution[] distributions = new Distribution[d];
    Prior[] priors = new Prior[d];
    for (int j = 0; j < d; j++) {
      distributions[j] = space.get(names[j]);
      priors[j] = priorOf(study, names[j], distributions[j]);
    }
    MultivariateParzenEstimator below;
    if (split.belowWeights() == null) {
      below = MultivariateParzenEstimator.of(jointObservations(split.below(), names, distributions), distributions,
          priors, settings);
    } else {
      // Only the below trials that have every parameter count, each with its own weight.
      List<FrozenTrial> having = new ArrayList<>();
      double[] weights = new double[split.below().size()];
      for (int i = 0; i < split.below().size(); i++) {
        FrozenTrial t = split.below().get(i);
        boolean all = true;
        for (int j = 0; j < d && all; j++) {
          all = !Double.isNaN(internalValue(t, names[j], distributions[j]));
        }
        if (all) {
          weights[having.size()] = split.belowWeights()[i];
          having.add(t);
        }
      }
      below = MultivariateParzenEstimator.of(jointObservations(having, names, distributions), distributions, priors,
          weighted(java.util.Arrays.copyOf(weights, having.size())));
    }
    MultivariateParzenEstimator above = MultivariateParzenEstimator.of(
        jointObservations(split.above(), names, distributions), distributions, priors, settings);
    double[][] candidates = new double[nEiCandidates][];
    synchronized (rng) {
      for (int i = 0; i < nEiCandidates; i++) {
        candidates[i] = below.sample(rng);
      }
    }
    double[] best = candidates[0];
    double bestScore = Double.NEGATIVE_INFINITY;
    boolean found = false;
    for (double[] x : candidates) {
      double score = below.logPdf(x) - above.logPdf(x);
      if (!Double.isNaN(score) && (!found || score > bestScore)) {  // the first of equals, like numpy's argmax
        best = x;
        bestScore = score;
        found = true;
      }
    }
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    for (int j = 0; j < d; j++) {
      params.put(names[j], distributions[j].toExternal(best[j]));
    }
    return params;
  }

  private static Prior priorOf(Study study, String name, Distribution distribution) {
    return study.space().parameter(name)
        .filter(p -> p.distribution().equals(distribution))
        .map(Parameter::prior)
        .orElse(Prior.UNIFORM);
  }

  @Override
  public Object sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
    if (study.isMultiObjective()) {
      return sampleIndependentMultiObjective(study, trial, name, distribution);
    }
    TrialHistory.Split split = historySplit(study, trial);
    if (split == null) {
      return random.sampleIndependent(study, trial, name, distribution);
    }
    Prior prior = priorOf(study, name, distribution);
    ParzenEstimator below = belowEstimator(name, split.belowObservations(name, distribution), distribution, prior);
    TrialHistory.Observations aboveObservations = split.aboveObservationsInOrder(name, distribution);
    AboveDensity fastAbove = distribution instanceof FloatDistribution f
        ? aboveMemos.computeIfAbsent(name, key -> new AboveDensity.Memo()).build(aboveObservations, f, prior, settings)
        : null;
    ParzenEstimator above = fastAbove != null ? null : ParzenEstimator.of(aboveObservations.values(),
        aboveObservations.order(), distribution, prior, settings, Double.NaN);

    return distribution.toExternal(bestCandidate(below, fastAbove != null ? fastAbove::logPdf : above::logPdf));
  }

  /** {@code nEiCandidates} draws from {@code below}, and the one maximising {@code log l - log g}. */
  private double bestCandidate(ParzenEstimator below, java.util.function.DoubleUnaryOperator aboveLogPdf) {
    double[] candidates = new double[nEiCandidates];
    synchronized (rng) {
      for (int i = 0; i < nEiCandidates; i++) {
        candidates[i] = below.sample(rng);
      }
    }
    double best = candidates[0];
    double bestScore = Double.NEGATIVE_INFINITY;
    boolean found = false;
    for (double x : candidates) {
      double score = below.logPdf(x) - aboveLogPdf.applyAsDouble(x);
      if (!found || score > bestScore) {  // the first of equals, like numpy's argmax
        if (!Double.isNaN(score)) {
          best = x;
          bestScore = score;
          found = true;
        }
      }
    }
    return best;
  }

  // ---- multi-objective (MOTPE)

  /** A multi-objective trial's split: below trials by number with their weights in {@code l}, above trials by number. */
  record MultiObjectiveSplit(List<FrozenTrial> below, double[] belowWeights, List<FrozenTrial> above) {}

  private static final MultiObjectiveSplit MO_STARTUP = new MultiObjectiveSplit(List.of(), new double[0], List.of());
  /** Splits of the multi-objective trials being sampled, by trial id; {@link #MO_STARTUP} during the startup trials. */
  private final Map<Long, MultiObjectiveSplit> multiObjectiveSplits = new java.util.concurrent.ConcurrentHashMap<>();

  private Object sampleIndependentMultiObjective(Study study, FrozenTrial trial, String name, Distribution distribution) {
    MultiObjectiveSplit split = multiObjectiveSplit(study, trial);
    if (split == null) {
      return random.sampleIndependent(study, trial, name, distribution);
    }
    Prior prior = priorOf(study, name, distribution);
    double[] observations = new double[split.below().size()];
    double[] weights = new double[observations.length];
    int count = 0;
    for (int i = 0; i < observations.length; i++) {
      double v = internalValue(split.below().get(i), name, distribution);
      if (!Double.isNaN(v)) {
        observations[count] = v;
        weights[count++] = split.belowWeights()[i];
      }
    }
    ParzenEstimator below = ParzenEstimator.of(java.util.Arrays.copyOf(observations, count), distribution, prior,
        weighted(java.util.Arrays.copyOf(weights, count)));
    ParzenEstimator above = ParzenEstimator.of(observations(split.above(), name, distribution), distribution, prior,
        settings);
    return distribution.toExternal(bestCandidate(below, above::logPdf));
  }

  /** The settings with {@code weights} for the observations instead of the weights function. */
  private ParzenEstimator.Settings weighted(double[] weights) {
    return new ParzenEstimator.Settings(settings.priorWeight(), settings.considerMagicClip(),
        settings.considerEndpoints(), n -> weights, settings.normalizers(), null);
  }

  /** The multi-objective split for {@code trial}, taken once at its first suggestion; {@code null} during startup. */
  MultiObjectiveSplit multiObjectiveSplit(Study study, FrozenTrial trial) {
    if (multiObjectiveSplits.size() > 10_000) {
      multiObjectiveSplits.clear();  // Trials asked and never told would otherwise pile up.
    }
    MultiObjectiveSplit split = multiObjectiveSplits.computeIfAbsent(trial.id(), id -> {
      history.update(study);
      int n = history.finishedCount();
      if (n < nStartupTrials) {
        return MO_STARTUP;
      }
      List<FrozenTrial> running = constantLiarActive() ? history.runningExcept(trial.number()) : List.of();
      return splitMultiObjective(history.multiObjectiveTrials(), history.prunedTrials(), running, study.directions(),
          gamma.applyAsInt(n));
    });
    return split == MO_STARTUP ? null : split;
  }

  /**
   * Optuna's multi-objective split of {@code complete} trials (by number): whole non-domination
   * ranks go below while they fit in {@code nBelow}, the next rank is cut by greedy hypervolume
   * subset selection; {@code pruned} and {@code running} trials go above. Below trials are weighed
   * by {@link #belowWeights}.
   */
  static MultiObjectiveSplit splitMultiObjective(List<FrozenTrial> complete, List<FrozenTrial> pruned,
      List<FrozenTrial> running, List<StudyDirection> directions, int nBelow) {
    int below = Math.max(0, Math.min(nBelow, complete.size()));
    double[][] values = io.parzen.multi.Pareto.minimizationValues(complete, directions);
    boolean[] isBelow = new boolean[complete.size()];
    if (below > 0) {
      int[] rank = io.parzen.multi.Pareto.ranks(values);
      int maxRank = 0;
      for (int r : rank) {
        maxRank = Math.max(maxRank, r);
      }
      int[] counts = new int[maxRank + 1];
      for (int r : rank) {
        counts[r]++;
      }
      int taken = 0;
      int r = 0;
      while (r <= maxRank && taken + counts[r] <= below) {
        taken += counts[r++];
      }
      for (int i = 0; i < rank.length; i++) {
        isBelow[i] = rank[i] < r;
      }
      if (taken < below) {
        int tieRank = r;
        int[] tied = java.util.stream.IntStream.range(0, rank.length).filter(i -> rank[i] == tieRank).toArray();
        double[][] points = new double[tied.length][];
        for (int k = 0; k < tied.length; k++) {
          points[k] = values[tied[k]];
        }
        double[] reference = io.parzen.multi.Hypervolume.referencePoint(points);
        for (int k : io.parzen.multi.Hypervolume.greedySubset(points, below - taken, reference)) {
          isBelow[tied[k]] = true;
        }
      }
    }
    List<FrozenTrial> belowTrials = new ArrayList<>();
    List<double[]> belowValues = new ArrayList<>();
    List<FrozenTrial> aboveTrials = new ArrayList<>();
    for (int i = 0; i < complete.size(); i++) {
      if (isBelow[i]) {
        belowTrials.add(complete.get(i));
        belowValues.add(values[i]);
      } else {
        aboveTrials.add(complete.get(i));
      }
    }
    aboveTrials.addAll(pruned);
    aboveTrials.addAll(running);
    aboveTrials.sort(Comparator.comparingInt(FrozenTrial::number));
    return new MultiObjectiveSplit(belowTrials, belowWeights(belowValues.toArray(new double[0][])), aboveTrials);
  }

  /**
   * Optuna's weights of below trials (values minimised): each trial on the below group's Pareto
   * front weighs its exclusive hypervolume contribution over the largest one (against Optuna's
   * reference point for the group), at least {@code 1e-12}; trials off the front weigh
   * {@code 1e-12}. One trial, or an infinite hypervolume, gives all ones.
   */
  static double[] belowWeights(double[][] below) {
    double[] weights = new double[below.length];
    java.util.Arrays.fill(weights, 1.0);
    if (below.length <= 1) {
      return weights;
    }
    double[] reference = io.parzen.multi.Hypervolume.referencePoint(below);
    int[] front = io.parzen.multi.Pareto.front(below);
    double[][] points = new double[front.length][];
    for (int k = 0; k < front.length; k++) {
      points[k] = below[front[k]];
    }
    if (!Double.isFinite(io.parzen.multi.Hypervolume.of(points, reference))) {
      return weights;
    }
    double[] contributions = io.parzen.multi.Hypervolume.contributions(points, reference);
    double max = 0;
    for (double c : contributions) {
      max = Math.max(max, c);
    }
    java.util.Arrays.fill(weights, ParzenEstimator.EPS);
    for (int k = 0; k < front.length; k++) {
      weights[front[k]] = Math.max(contributions[k] / Math.max(max, ParzenEstimator.EPS), ParzenEstimator.EPS);
    }
    return weights;
  }

  /**
   * The below estimator of {@code observations}: the one of the previous trial when they are the
   * same (the best {@code gamma(n)} trials change only when a new trial joins them, and their
   * mixture weights and clip depend only on how many they are), else a new one.
   */
  private ParzenEstimator belowEstimator(String name, double[] observations, Distribution distribution, Prior prior) {
    BelowEstimator last = belowEstimators.get(name);
    if (last != null && java.util.Arrays.equals(last.observations(), observations)
        && last.distribution().equals(distribution) && last.prior().equals(prior)) {
      return last.estimator();
    }
    ParzenEstimator estimator = ParzenEstimator.of(observations, distribution, prior, settings);
    belowEstimators.put(name, new BelowEstimator(observations, distribution, prior, estimator));
    return estimator;
  }

  private record BelowEstimator(double[] observations, Distribution distribution, Prior prior,
      ParzenEstimator estimator) {}

  /**
   * The below/above split for {@code trial}, or {@code null} while the study is still in its
   * startup trials. It is the same for every parameter of a trial, so it is computed once per
   * trial (from the study as it was at the trial's first suggestion, read incrementally through
   * {@link TrialHistory}) and dropped when the trial ends.
   */
  List<List<FrozenTrial>> splitFor(Study study, FrozenTrial trial) {
    TrialHistory.Split split = historySplit(study, trial);
    return split == null ? null : List.of(split.belowTrials(), split.aboveTrials());
  }

  private TrialHistory.Split historySplit(Study study, FrozenTrial trial) {
    if (splits.size() > 10_000) {
      splits.clear();  // Trials asked and never told would otherwise pile up.
    }
    TrialHistory.Split split = splits.computeIfAbsent(trial.id(), id -> {
      history.update(study);
      int n = history.finishedCount();
      return n < nStartupTrials ? STARTUP
          : history.split(study.direction(), gamma.applyAsInt(n), constantLiarActive(), trial.number());
    });
    return split == STARTUP ? null : split;
  }

  @Override
  public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
    splits.remove(trial.id());
    multiObjectiveSplits.remove(trial.id());
    pendingGroups.remove(trial.id());
  }

  /**
   * Optuna's {@code _split_trials}: the {@code nBelow} best COMPLETE trials, topped up with the
   * best PRUNED trials when there are too few, go below; the rest, and RUNNING trials (constant
   * liar), go above. Both lists come back ordered by trial number.
   */
  static List<List<FrozenTrial>> split(List<FrozenTrial> trials, StudyDirection direction, int nBelow,
      int currentNumber) {
    double sign = direction == StudyDirection.MAXIMIZE ? -1 : 1;
    List<FrozenTrial> complete = new ArrayList<>();
    List<FrozenTrial> pruned = new ArrayList<>();
    List<FrozenTrial> running = new ArrayList<>();
    for (FrozenTrial t : trials) {
      switch (t.state()) {
        case COMPLETE -> {
          if (t.hasValues(1)) {
            complete.add(t);
          }
        }
        case PRUNED -> pruned.add(t);
        case RUNNING -> {
          if (t.number() != currentNumber) {
            running.add(t);
          }
        }
        default -> { }
      }
    }
    complete.sort(Comparator.comparingDouble(t -> sign * t.value()));  // stable: earlier first among equals
    pruned.sort(Comparator.<FrozenTrial>comparingDouble(t -> prunedKey(t, sign)[0])
        .thenComparingDouble(t -> prunedKey(t, sign)[1]));
    int fromComplete = Math.max(0, Math.min(nBelow, complete.size()));
    int fromPruned = Math.max(0, Math.min(nBelow - fromComplete, pruned.size()));
    List<FrozenTrial> below = new ArrayList<>(complete.subList(0, fromComplete));
    below.addAll(pruned.subList(0, fromPruned));
    List<FrozenTrial> above = new ArrayList<>(complete.subList(fromComplete, complete.size()));
    above.addAll(pruned.subList(fromPruned, pruned.size()));
    above.addAll(running);
    below.sort(Comparator.comparingInt(FrozenTrial::number));
    above.sort(Comparator.comparingInt(FrozenTrial::number));
    return List.of(below, above);
  }

  /** Optuna's pruned-trial score: (-last step, signed value there), NaN as +inf; (1, 0) with no steps. */
  private static double[] prunedKey(FrozenTrial t, double sign) {
    if (t.intermediateValues().isEmpty()) {
      return new double[] {1, 0};
    }
    Map.Entry<Integer, Double> last = t.intermediateValues().lastEntry();
    double v = last.getValue();
    return new double[] {-last.getKey(), Double.isNaN(v) ? Double.POSITIVE_INFINITY : sign * v};
  }

  /**
   * The internal values of parameter {@code name} in {@code trials}, skipping trials without it
   * and values {@code distribution} cannot hold (the range or choices changed between trials).
   */
  static double[] observations(List<FrozenTrial> trials, String name, Distribution distribution) {
    double[] values = new double[trials.size()];
    int count = 0;
    for (FrozenTrial t : trials) {
      double v = internalValue(t, name, distribution);
      if (!Double.isNaN(v)) {
        values[count++] = v;
      }
    }
    return java.util.Arrays.copyOf(values, count);
  }

  /**
   * The internal values of the parameters {@code names} in those {@code trials} that have all of
   * them with values their distributions can hold: {@code [dimension][observation]}.
   */
  static double[][] jointObservations(List<FrozenTrial> trials, String[] names, Distribution[] distributions) {
    int d = names.length;
    double[][] values = new double[d][trials.size()];
    int count = 0;
    for (FrozenTrial t : trials) {
      boolean complete = true;
      for (int j = 0; j < d && complete; j++) {
        double v = internalValue(t, names[j], distributions[j]);
        values[j][count] = v;
        complete = !Double.isNaN(v);
      }
      if (complete) {
        count++;
      }
    }
    for (int j = 0; j < d; j++) {
      values[j] = java.util.Arrays.copyOf(values[j], count);
    }
    return values;
  }

  /** The internal value of {@code name} in {@code t}, or NaN when it lacks it or {@code d} cannot hold it. */
  static double internalValue(FrozenTrial t, String name, Distribution d) {
    Object external = t.params().get(name);
    if (external == null && !t.params().containsKey(name)) {
      return Double.NaN;
    }
    if (d instanceof CategoricalDistribution c) {
      int index = c.indexOf(external);
      return index < 0 ? Double.NaN : index;
    }
    if (!(external instanceof Number number)) {
      return Double.NaN;
    }
    double v = number.doubleValue();
    return inRange(d, v) ? v : Double.NaN;
  }

  private static boolean inRange(Distribution d, double v) {
    if (d instanceof FloatDistribution f) {
      return v >= f.low() && v <= f.high();
    }
    IntDistribution i = (IntDistribution) d;
    return v >= i.low() && v <= i.high();
  }

  @Override
  public String describe() {
    List<String> flags = new ArrayList<>();
    if (preset != null) {
      flags.add(preset);
    }
    if (multivariate) {
      flags.add("multivariate");
    }
    if (group) {
      flags.add("group");
    }
    if (constantLiar != null) {
      flags.add("constant_liar=" + constantLiar);
    }
    String name = flags.isEmpty() ? "TpeSampler" : "TpeSampler" + flags;
    return seed == null ? name : name + "(seed=" + seed + ")";
  }

  /** Options of a {@link TpeSampler}; Optuna's defaults unless set. */
  public static final class Builder {
    private Long seed;
    private int nStartupTrials = 10;
    private int nEiCandidates = 24;
    private IntUnaryOperator gamma = TpeSampler::defaultGamma;
    private IntFunction<double[]> weights = TpeSampler::defaultWeights;
    private double priorWeight = 1.0;
    private boolean considerMagicClip = true;
    private boolean considerEndpoints = false;
    private Boolean constantLiar;
    private boolean multivariate;
    private boolean group;
    private String preset;

    private Builder() {}

    /** Hyperopt's settings: 20 startup trials, gamma {@code 0.25 sqrt(n)} capped at 25. */
    public Builder hyperoptDefaults() {
      nStartupTrials = 20;
      nEiCandidates = 24;
      gamma = TpeSampler::hyperoptGamma;
      weights = TpeSampler::defaultWeights;
      priorWeight = 1.0;
      considerMagicClip = true;
      considerEndpoints = false;
      preset = "hyperopt";
      return this;
    }

    /** The seed; {@code null} (the default) for one from the system's entropy. */
    public Builder seed(Long seed) {
      this.seed = seed;
      return this;
    }

    public Builder seed(long seed) {
      return seed(Long.valueOf(seed));
    }

    /** Trials sampled at random before TPE starts (10). */
    public Builder nStartupTrials(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("nStartupTrials (" + n + ") must be >= 0");
      }
      this.nStartupTrials = n;
      return this;
    }

    /** Candidates drawn from {@code l(x)} per parameter (24). */
    public Builder nEiCandidates(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("nEiCandidates (" + n + ") must be >= 1");
      }
      this.nEiCandidates = n;
      return this;
    }

    /** How many of {@code n} finished trials go below; {@link TpeSampler#defaultGamma} by default. */
    public Builder gamma(IntUnaryOperator gamma) {
      this.gamma = java.util.Objects.requireNonNull(gamma);
      return this;
    }

    /** Weights of {@code n} observations, oldest first; {@link TpeSampler#defaultWeights} by default. */
    public Builder weights(IntFunction<double[]> weights) {
      this.weights = java.util.Objects.requireNonNull(weights);
      return this;
    }

    /** Weight of the prior kernel (1.0). */
    public Builder priorWeight(double priorWeight) {
      if (!(priorWeight >= 0) || !Double.isFinite(priorWeight)) {
        throw new IllegalArgumentException("priorWeight (" + priorWeight + ") must be a finite number >= 0");
      }
      this.priorWeight = priorWeight;
      return this;
    }

    /** Whether kernel widths are kept at least {@code range / min(100, 1 + nKernels)} (true). */
    public Builder considerMagicClip(boolean on) {
      this.considerMagicClip = on;
      return this;
    }

    /** Whether the range's ends count as neighbours of the outermost kernels (false). */
    public Builder considerEndpoints(boolean on) {
      this.considerEndpoints = on;
      return this;
    }

    /**
     * Whether RUNNING trials count as worst (they join the above group), so parallel workers
     * avoid each other's pending points; {@code null} (the default) for automatic, which is on
     * and changes nothing while one worker runs.
     */
    public Builder constantLiar(Boolean on) {
      this.constantLiar = on;
      return this;
    }

    /** Whether the parameters all finished trials share are sampled jointly (false). */
    public Builder multivariate(boolean on) {
      this.multivariate = on;
      return this;
    }

    /**
     * Whether the search space is decomposed into groups of co-active parameters, each sampled
     * jointly (false); needs {@link #multivariate}.
     */
    public Builder group(boolean on) {
      this.group = on;
      return this;
    }

    /** The sampler; refuses {@code group} without {@code multivariate}, as Optuna does. */
    public TpeSampler build() {
      if (group && !multivariate) {
        throw new IllegalArgumentException("group (true) requires multivariate (true)");
      }
      return new TpeSampler(this);
    }
  }
}
