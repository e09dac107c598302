package io.parzen.sampler;

import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CMA-ES (Optuna's {@code CmaEsSampler} with the IPOP restart strategy): samples the float and
 * int parameters of the relative search space jointly from a multivariate normal distribution
 * that Hansen's (mu/mu_w, lambda) CMA-ES adapts one generation at a time.
 *
 * <p>The relative search space is the declared space's unconditional float and int parameters (or,
 * without a declared space, the float and int parameters every COMPLETE trial has with the same
 * distribution), sorted by name; single-valued parameters are left out. The strategy works in the
 * box {@code [0,1]^d}: log parameters map in log space, and ints and stepped floats over their range
 * widened by half a step, snapped to the grid when suggested. The initial mean is the centre of
 * the box and the initial step size {@code sigma0} defaults to 1/6 of its width.
 *
 * <p>Each trial gets one candidate of the current generation; the generation, the candidate's
 * index and the restart are stored in the trial's system attributes ({@value #GENERATION},
 * {@value #CANDIDATE}, {@value #RESTART}). Once {@code popsize} trials of the current generation
 * are COMPLETE, the strategy is told their values and the next generation starts. When the run
 * stalls (collapsed or diverging step size, flat values, ill-conditioned covariance) it restarts
 * from a random mean with twice the population (IPOP-CMA-ES).
 *
 * <p>Categorical and conditional parameters, parameters of the first {@code nStartupTrials}
 * trials and those of multi-objective studies are drawn by a seeded {@link RandomSampler}; a
 * warning is logged the first time this happens after startup. Seeded runs with one worker are
 * reproducible. Thread-safe: sampling and updates are serialised.
 */
public final class CmaEsSampler implements Sampler {

  /** System attribute: the generation a trial's candidate belongs to (Optuna's key). */
  public static final String GENERATION = "cma:generation";
  /** System attribute: the candidate's index within its generation. */
  public static final String CANDIDATE = "cma:candidate";
  /** System attribute: the number of restarts before the trial's generation. */
  public static final String RESTART = "cma:restart";

  private static final Logger LOG = LoggerFactory.getLogger(CmaEsSampler.class);

  private final Long seed;
  private final Double sigma0;
  private final Integer popsize;
  private final int nStartupTrials;
  private final SplittableRandom rng;
  private final RandomSampler independent;

  // Guarded by this.
  private List<String> names;
  private Map<String, Distribution> space;
  private CmaEs cma;
  private int restarts;
  private int firstTrialNumber;
  private int asked;
  private boolean warned;

  /** A sampler with Optuna's defaults, seeded from the system's entropy. */
  public CmaEsSampler() {
    this(null);
  }

  /** A sampler with Optuna's defaults whose draws are fixed by {@code seed} ({@code null}: random). */
  public CmaEsSampler(Long seed) {
    this(seed, null, null, 0);
  }

  /**
   * A sampler.
   *
   * @param seed fixes the draws; {@code null} for a random seed
   * @param sigma0 initial step size in the normalised box; {@code null} for 1/6
   * @param popsize initial population size; {@code null} for {@code 4 + floor(3 ln d)}
   * @param nStartupTrials COMPLETE trials sampled independently before CMA-ES starts
   */
  public CmaEsSampler(Long seed, Double sigma0, Integer popsize, int nStartupTrials) {
    if (sigma0 != null && !(sigma0 > 0 && Double.isFinite(sigma0))) {
      throw new IllegalArgumentException("CMA-ES sigma0 (" + sigma0 + ") must be a positive number");
    }
    if (popsize != null && popsize < 2) {
      throw new IllegalArgumentException("CMA-ES popsize (" + popsize + ") must be >= 2");
    }
    if (nStartupTrials < 0) {
      throw new IllegalArgumentException("CMA-ES startup trials (" + nStartupTrials + ") must be >= 0");
    }
    this.seed = seed;
    this.sigma0 = sigma0;
    this.popsize = popsize;
    this.nStartupTrials = nStartupTrials;
    long effective = seed == null ? new SplittableRandom().nextLong() : seed;
    this.rng = new SplittableRandom(effective);
    this.independent = new RandomSampler(effective ^ 0x5DEECE66DL);
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
    Map<String, Distribution> result = new TreeMap<>();
    if (!study.space().isEmpty()) {
      for (Parameter p : study.space().parameters()) {
        if (!p.isConditional() && supported(p.distribution())) {
          result.put(p.name(), p.distribution());
        }
      }
      return result;
    }
    List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
    if (complete.isEmpty()) {
      return result;
    }
    Map<String, Distribution> common = new HashMap<>(complete.get(0).distributions());
    for (FrozenTrial t : complete.subList(1, complete.size())) {
      common.entrySet().removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
    }
    common.forEach((name, d) -> {
      if (supported(d)) {
        result.put(name, d);
      }
    });
    return result;
  }

  private static boolean supported(Distribution d) {
    return (d instanceof FloatDistribution || d instanceof IntDistribution) && !d.isSingle();
  }

  /** Refuses multi-objective studies, which CMA-ES cannot rank, before their first trial is sampled. */
  @Override
  public void beforeTrial(Study study, FrozenTrial trial) {
    refuseMultiObjective(study, "CmaEsSampler");
  }

  /**
   * Throws an {@link IllegalArgumentException} naming the study and its directions when it has
   * more than one objective.
   */
  static void refuseMultiObjective(Study study, String sampler) {
    if (study.isMultiObjective()) {
      throw new IllegalArgumentException(sampler + " optimises one objective, but study \"" + study.name() + "\" has "
          + study.directions().size() + " directions " + study.directions() + "; use nsga2, tpe, random or qmc");
    }
  }

  @Override
  public synchronized Map<String, Object> sampleRelative(
      Study study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
    if (searchSpace.isEmpty()) {
      return Map.of();
    }
    List<FrozenTrial> all = study.trials();
    long complete = all.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
    if (complete < nStartupTrials) {
      return Map.of();
    }
    Map<String, Distribution> sorted = new TreeMap<>(searchSpace);
    if (cma == null || !sorted.equals(space)) {
      space = sorted;
      names = new ArrayList<>(sorted.keySet());
      restarts = 0;
      firstTrialNumber = trial.number();
      start(centre(names.size()), initialPopsize(names.size()));
    }
    update(study, all);

    double[] x = cma.ask(rng);
    int candidate = asked++;
    study.storage().setTrialSystemAttr(trial.id(), GENERATION, cma.generation());
    study.storage().setTrialSystemAttr(trial.id(), CANDIDATE, candidate);
    study.storage().setTrialSystemAttr(trial.id(), RESTART, restarts);
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      Distribution d = space.get(names.get(i));
      values.put(names.get(i), d.toExternal(QmcSampler.toInternal(x[i], d)));
    }
    return values;
  }

  private int initialPopsize(int dimension) {
    return popsize != null ? popsize : 4 + (int) Math.floor(3 * Math.log(dimension));
  }

  private static double[] centre(int dimension) {
    double[] mean = new double[dimension];
    java.util.Arrays.fill(mean, 0.5);
    return mean;
  }

  private void start(double[] mean, int lambda) {
    cma = new CmaEs(mean, sigma0 != null ? sigma0 : 1.0 / 6, lambda);
    asked = 0;
  }

  /** Tells the strategy every generation that has {@code popsize} COMPLETE trials, restarting when it stalls. */
  private void update(Study study, List<FrozenTrial> all) {
    boolean maximize = study.direction() == StudyDirection.MAXIMIZE;
    while (true) {
      List<double[]> xs = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (FrozenTrial t : all) {
        if (xs.size() == cma.populationSize()) {
          break;
        }
        if (t.state() != TrialState.COMPLETE || t.number() < firstTrialNumber
            || number(t.systemAttrs().get(GENERATION)) != cma.generation()
            || number(t.systemAttrs().get(RESTART)) != restarts) {
          continue;
        }
        double[] x = normalised(t);
        if (x == null) {
          continue;
        }
        double v = t.value();
        xs.add(x);
        values.add(maximize ? -v : v);
      }
      if (xs.size() < cma.populationSize()) {
        return;
      }
      cma.tell(xs, values);
      asked = 0;
      if (cma.shouldStop()) {
        restarts++;
        int lambda = cma.populationSize() * 2;
        double[] mean = new double[names.size()];
        for (int i = 0; i < mean.length; i++) {
          mean[i] = rng.nextDouble();
        }
        LOG.info("CMA-ES restart {} with population size {}", restarts, lambda);
        start(mean, lambda);
      }
    }
  }

  private static int number(Object attr) {
    return attr instanceof Number n ? n.intValue() : -1;
  }

  /** The trial's parameters in the unit box, or {@code null} when it lacks one of the space. */
  private double[] normalised(FrozenTrial t) {
    double[] x = new double[names.size()];
    for (int i = 0; i < x.length; i++) {
      String name = names.get(i);
      Distribution d = space.get(name);
      if (!d.equals(t.distributions().get(name))) {
        return null;
      }
      x[i] = toUnit(t.internalParam(name), d);
    }
    return x;
  }

  /** The inverse of {@link QmcSampler#toInternal}: an internal value's coordinate in {@code [0,1]}. */
  static double toUnit(double value, Distribution d) {
    double lo;
    double hi;
    double v = value;
    if (d instanceof IntDistribution i) {
      double half = i.step() / 2.0;
      lo = i.low() - half;
      hi = i.high() + half;
      if (i.log()) {
        lo = Math.log(lo);
        hi = Math.log(hi);
        v = Math.log(v);
      }
    } else {
      FloatDistribution f = (FloatDistribution) d;
      lo = f.low();
      hi = f.high();
      if (f.step() != null) {
        lo -= f.step() / 2.0;
        hi += f.step() / 2.0;
      } else if (f.log()) {
        lo = Math.log(lo);
        hi = Math.log(hi);
        v = Math.log(v);
      }
    }
    return Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
  }

  @Override
  public Object sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
    // Before the first COMPLETE trial a define-by-run study has no relative space yet: no warning.
    if (study.trials(EnumSet.of(TrialState.COMPLETE)).size() >= Math.max(1, nStartupTrials)) {
      synchronized (this) {
        warnOnce("CmaEsSampler samples \"" + name + "\" (" + distribution.describe()
            + ") independently with a RandomSampler: CMA-ES covers only unconditional float and int parameters");
      }
    }
    return independent.sampleIndependent(study, trial, name, distribution);
  }

  private void warnOnce(String message) {
    if (!warned) {
      warned = true;
      LOG.warn(message);
    }
  }

  @Override
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (sigma0 != null) {
      parts.add("sigma0=" + sigma0);
    }
    if (popsize != null) {
      parts.add("popsize=" + popsize);
    }
    if (nStartupTrials > 0) {
      parts.add("startup=" + nStartupTrials);
    }
    if (seed != null) {
      parts.add("seed=" + seed);
    }
    return parts.isEmpty() ? "CmaEsSampler" : "CmaEsSampler(" + String.join(", ", parts) + ")";
  }
}
