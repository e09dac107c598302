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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tree-structured Parzen Estimator (Optuna's univariate {@code TPESampler}).
 *
 * <p>Until {@code nStartupTrials} trials are COMPLETE or PRUNED, parameters are drawn from their
 * priors as the {@link RandomSampler} does. After that, for each parameter, the finished trials
 * are split into the {@code gamma(n)} best ("below") and the rest ("above"): COMPLETE trials
 * ranked by value in the study's direction, then PRUNED trials ranked by their last reported
 * step (later first) and value there. A Parzen estimator {@code l(x)} is fitted to the parameter's
 * values in the below trials and {@code g(x)} to those in the above trials; {@code nEiCandidates}
 * values are drawn from {@code l} and the one maximising {@code log l(x) - log g(x)} is chosen.
 *
 * <p>Every parameter is sampled independently (Optuna's default {@code multivariate=False});
 * the multivariate and grouped variants are not implemented. A declared parameter's normal or
 * log-normal prior becomes the prior kernel, and its categorical weights the prior of its
 * categorical estimator. Multi-objective studies are sampled at random (with a warning).
 *
 * <p>Thread-safe: observations are read from the study on every call and the random generator is
 * shared under a lock. A seeded sampler run by one worker gives the same trials every time.
 */
public final class TpeSampler implements Sampler {

  private static final Logger LOG = LoggerFactory.getLogger(TpeSampler.class);
  private static final EnumSet<TrialState> FINISHED = EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED);
  private static final EnumSet<TrialState> FINISHED_OR_RUNNING =
      EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.RUNNING);

  private final Long seed;
  private final int nStartupTrials;
  private final int nEiCandidates;
  private final IntUnaryOperator gamma;
  private final boolean constantLiar;
  /** Splits of the trials being sampled, by trial id; empty ({@link #STARTUP}) during the startup trials. */
  private final Map<Long, List<List<FrozenTrial>>> splits = new java.util.concurrent.ConcurrentHashMap<>();
  private static final List<List<FrozenTrial>> STARTUP = List.of();
  private final ParzenEstimator.Settings settings;
  private final String preset;
  private final RandomSampler random;
  private final SplittableRandom rng;
  private final AtomicBoolean warnedMultiObjective = new AtomicBoolean();

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
    this.settings = new ParzenEstimator.Settings(b.priorWeight, b.considerMagicClip, b.considerEndpoints, b.weights);
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

  @Override
  public Object sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
    if (study.isMultiObjective()) {
      if (warnedMultiObjective.compareAndSet(false, true)) {
        LOG.warn("TpeSampler does not support multi-objective studies yet; sampling at random");
      }
      return random.sampleIndependent(study, trial, name, distribution);
    }
    List<List<FrozenTrial>> split = splitFor(study, trial);
    if (split == null) {
      return random.sampleIndependent(study, trial, name, distribution);
    }
    Prior prior = study.space().parameter(name)
        .filter(p -> p.distribution().equals(distribution))
        .map(Parameter::prior)
        .orElse(Prior.UNIFORM);
    ParzenEstimator below = ParzenEstimator.of(observations(split.get(0), name, distribution), distribution, prior, settings);
    ParzenEstimator above = ParzenEstimator.of(observations(split.get(1), name, distribution), distribution, prior, settings);

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
      double score = below.logPdf(x) - above.logPdf(x);
      if (!found || score > bestScore) {  // the first of equals, like numpy's argmax
        if (!Double.isNaN(score)) {
          best = x;
          bestScore = score;
          found = true;
        }
      }
    }
    return distribution.toExternal(best);
  }

  /**
   * The below/above split for {@code trial}, or {@code null} while the study is still in its
   * startup trials. It is the same for every parameter of a trial, so it is computed once per
   * trial (from the study as it was at the trial's first suggestion) and dropped when the trial
   * ends.
   */
  private List<List<FrozenTrial>> splitFor(Study study, FrozenTrial trial) {
    if (splits.size() > 10_000) {
      splits.clear();  // Trials asked and never told would otherwise pile up.
    }
    List<List<FrozenTrial>> split = splits.computeIfAbsent(trial.id(), id -> {
      List<FrozenTrial> trials = study.trials(constantLiar ? FINISHED_OR_RUNNING : FINISHED);
      int n = 0;
      for (FrozenTrial t : trials) {
        if (t.state() != TrialState.RUNNING) {
          n++;
        }
      }
      return n < nStartupTrials ? STARTUP : split(trials, study.direction(), gamma.applyAsInt(n), trial.number());
    });
    return split.isEmpty() ? null : split;
  }

  @Override
  public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
    splits.remove(trial.id());
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
      if (!t.params().containsKey(name)) {
        continue;
      }
      Object external = t.params().get(name);
      double v;
      if (distribution instanceof CategoricalDistribution c) {
        v = c.indexOf(external);
        if (v < 0) {
          continue;
        }
      } else {
        if (!(external instanceof Number number)) {
          continue;
        }
        v = number.doubleValue();
        if (!inRange(distribution, v)) {
          continue;
        }
      }
      values[count++] = v;
    }
    return java.util.Arrays.copyOf(values, count);
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
    String name = preset == null ? "TpeSampler" : "TpeSampler[" + preset + "]";
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
    private boolean constantLiar = false;
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
     * avoid each other's pending points (false).
     */
    public Builder constantLiar(boolean on) {
      this.constantLiar = on;
      return this;
    }

    public TpeSampler build() {
      return new TpeSampler(this);
    }
  }
}
