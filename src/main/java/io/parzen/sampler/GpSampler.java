package io.parzen.sampler;

import io.parzen.space.Distribution;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gaussian-process Bayesian optimisation (Optuna 4's {@code GPSampler}): the sampler for
 * expensive objectives, where every trial counts, over spaces of up to about 20 parameters.
 *
 * <p>Until {@code nStartupTrials} trials are COMPLETE, parameters are drawn at random. After
 * that, every trial fits a {@link GaussianProcess} (ARD Matern-5/2 kernel, hyperparameters by
 * maximum a posteriori with Optuna's priors, warm-started from the previous fit) to the COMPLETE
 * trials and suggests the point of the relative search space that maximises the log expected
 * improvement over the best value so far ({@link LogEiSearch}: Sobol candidates, then local
 * searches from the best of them and from the best trial). Objective values are standardised and
 * their sign flipped for minimisation; infinite values are clipped to the finite extremes.
 * PRUNED, FAIL and RUNNING trials play no part (parallel workers may therefore get close
 * suggestions).
 *
 * <p>The relative search space is the intersection of the COMPLETE trials' parameters (those
 * every COMPLETE trial has with the same distribution), without single-valued ones. Log
 * parameters are modelled in log space, ints and stepped floats on their grids, categorical
 * parameters with a Hamming-distance kernel ({@link GpSearchSpace}). Parameters outside it
 * (conditional ones) and multi-objective studies are sampled by a seeded {@link RandomSampler};
 * the first time that happens after the startup trials, a warning names the parameter. The
 * normal, log-normal and weighted priors of a declared space shape the random startup trials
 * only; the GP treats every range as uniform, as Optuna's does.
 *
 * <p>Cost: fitting is cubic in the number of trials, so when more than {@value #MAX_FIT_TRIALS}
 * trials are COMPLETE the GP is fitted to the {@value #MAX_FIT_TRIALS} of them that are the best
 * half by value and the most recent half by number (the best trial is always among them).
 *
 * <p>Thread-safe: relative sampling is serialised. A seeded sampler run by one worker gives the
 * same trials every time.
 */
public final class GpSampler implements Sampler {

  /** Optuna's default number of random trials before the GP takes over. */
  public static final int DEFAULT_STARTUP_TRIALS = 10;
  /** The most COMPLETE trials the GP is fitted to (the best and the most recent, half each). */
  public static final int MAX_FIT_TRIALS = 300;
  /** Optuna's floor for the standard deviation used to standardise values. */
  private static final double STD_FLOOR = 1e-10;
  private static final Logger LOG = LoggerFactory.getLogger(GpSampler.class);

  private final Long seed;
  private final int nStartupTrials;
  private final RandomSampler independent;
  /** Parameters already warned about as sampled independently. */
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  // Guarded by this.
  private final SplittableRandom rng;
  private List<String> fittedNames;
  private GaussianProcess.Hyperparameters fitted;

  /** A sampler with Optuna's defaults, seeded from the system's entropy. */
  public GpSampler() {
    this(null);
  }

  /** A sampler with Optuna's defaults whose draws are fixed by {@code seed} ({@code null}: random). */
  public GpSampler(Long seed) {
    this(seed, DEFAULT_STARTUP_TRIALS);
  }

  /**
   * A sampler.
   *
   * @param seed fixes the draws; {@code null} for a random seed
   * @param nStartupTrials COMPLETE trials sampled at random before the GP starts (at least 0)
   */
  public GpSampler(Long seed, int nStartupTrials) {
    if (nStartupTrials < 0) {
      throw new IllegalArgumentException("GP n_startup_trials (" + nStartupTrials + ") must be >= 0");
    }
    this.seed = seed;
    this.nStartupTrials = nStartupTrials;
    long effective = seed == null ? new SplittableRandom().nextLong() : seed;
    this.rng = new SplittableRandom(effective);
    this.independent = new RandomSampler(effective ^ 0x5DEECE66DL);
  }

  public int nStartupTrials() {
    return nStartupTrials;
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
    return intersection(study.trials(EnumSet.of(TrialState.COMPLETE)));
  }

  /** The parameters every trial of {@code trials} has with the same distribution, single-valued ones left out, by name. */
  static Map<String, Distribution> intersection(List<FrozenTrial> trials) {
    Map<String, Distribution> result = new TreeMap<>();
    if (trials.isEmpty()) {
      return result;
    }
    Map<String, Distribution> common = new HashMap<>(trials.get(0).distributions());
    for (FrozenTrial t : trials.subList(1, trials.size())) {
      common.entrySet().removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
    }
    common.forEach((name, d) -> {
      if (!d.isSingle()) {
        result.put(name, d);
      }
    });
    return result;
  }

  /** Refuses multi-objective studies before their first trial is sampled. */
  @Override
  public void beforeTrial(Study study, FrozenTrial trial) {
    CmaEsSampler.refuseMultiObjective(study, "GpSampler");
  }

  @Override
  public synchronized Map<String, Object> sampleRelative(
      Study study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
    if (searchSpace.isEmpty()) {
      return Map.of();
    }
    List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
    if (complete.size() < nStartupTrials) {
      return Map.of();
    }
    GpSearchSpace space = new GpSearchSpace(new TreeMap<>(searchSpace));
    List<FrozenTrial> observed = new ArrayList<>();
    for (FrozenTrial t : complete) {
      if (t.hasValues(1) && covers(t, searchSpace)) {
        observed.add(t);
      }
    }
    if (observed.isEmpty()) {
      return Map.of();
    }
    observed = fitSet(observed, study.direction());

    int n = observed.size();
    int d = space.dimension();
    double[] x = new double[n * d];
    double[] y = new double[n];
    double sign = study.direction() == StudyDirection.MAXIMIZE ? 1 : -1;
    for (int i = 0; i < n; i++) {
      FrozenTrial t = observed.get(i);
      for (int c = 0; c < d; c++) {
        x[i * d + c] = space.normalize(c, t.internalParam(space.names().get(c)));
      }
      y[i] = sign * t.value();
    }
    standardize(y);

    GaussianProcess.Hyperparameters start = space.names().equals(fittedNames) ? fitted : null;
    long t0 = System.nanoTime();
    GaussianProcess gp = GaussianProcess.fit(x, y, space.categorical(), start);
    long t1 = System.nanoTime();
    fittedNames = space.names();
    fitted = gp.hyperparameters();

    int bestIndex = 0;
    for (int i = 1; i < n; i++) {
      if (y[i] > y[bestIndex]) {
        bestIndex = i;
      }
    }
    double[] bestPoint = new double[d];
    System.arraycopy(x, bestIndex * d, bestPoint, 0, d);
    double[] next = new LogEiSearch(gp, space, y[bestIndex]).maximize(rng, List.of(bestPoint));
    LOG.debug("GP on {} trials x {} parameters: fit {} ms, log EI search {} ms", n, d, (t1 - t0) / 1_000_000,
        (System.nanoTime() - t1) / 1_000_000);
    return space.external(next);
  }

  private static boolean covers(FrozenTrial t, Map<String, Distribution> space) {
    for (Map.Entry<String, Distribution> e : space.entrySet()) {
      if (!e.getValue().equals(t.distributions().get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * All of {@code trials} when there are at most {@value #MAX_FIT_TRIALS}; else the best half by
   * value and the most recent half by number, in trial order.
   */
  static List<FrozenTrial> fitSet(List<FrozenTrial> trials, StudyDirection direction) {
    if (trials.size() <= MAX_FIT_TRIALS) {
      return trials;
    }
    Comparator<FrozenTrial> byValue = Comparator.comparingDouble(FrozenTrial::value);
    if (direction == StudyDirection.MAXIMIZE) {
      byValue = byValue.reversed();
    }
    List<FrozenTrial> ranked = new ArrayList<>(trials);
    ranked.sort(byValue.thenComparingInt(FrozenTrial::number));
    Set<Integer> chosen = new TreeSet<>();
    for (FrozenTrial t : ranked.subList(0, MAX_FIT_TRIALS / 2)) {
      chosen.add(t.number());
    }
    for (int i = trials.size() - 1; i >= 0 && chosen.size() < MAX_FIT_TRIALS; i--) {
      chosen.add(trials.get(i).number());
    }
    List<FrozenTrial> out = new ArrayList<>(MAX_FIT_TRIALS);
    for (FrozenTrial t : trials) {
      if (chosen.contains(t.number())) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Clips infinite values to the finite extremes (0 when none is finite), then subtracts the
   * mean and divides by the standard deviation (at least {@value #STD_FLOOR}), in place.
   */
  static void standardize(double[] y) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      min = 0;
      max = 0;
    }
    double mean = 0;
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.min(max, Math.max(min, y[i]));
      mean += y[i];
    }
    mean /= y.length;
    double var = 0;
    for (double v : y) {
      var += (v - mean) * (v - mean);
    }
    double std = Math.max(STD_FLOOR, Math.sqrt(var / y.length));
    for (int i = 0; i < y.length; i++) {
      y[i] = (y[i] - mean) / std;
    }
  }

  @Override
  public Object sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
    // Before the startup trials are done every parameter is independent: no warning then.
    if (!study.isMultiObjective()
        && study.trials(EnumSet.of(TrialState.COMPLETE)).size() >= Math.max(1, nStartupTrials)) {
      if (warned.add(name)) {
        LOG.warn("GpSampler samples \"{}\" ({}) independently with a RandomSampler: it is not in every"
            + " COMPLETE trial, and the GP covers only the parameters all of them share", name, distribution.describe());
      }
    }
    return independent.sampleIndependent(study, trial, name, distribution);
  }

  @Override
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (nStartupTrials != DEFAULT_STARTUP_TRIALS) {
      parts.add("startup=" + nStartupTrials);
    }
    if (seed != null) {
      parts.add("seed=" + seed);
    }
    return parts.isEmpty() ? "GpSampler" : "GpSampler(" + String.join(", ", parts) + ")";
  }
}
