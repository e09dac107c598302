package io.parzen.sampler;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.study.Study;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.math3.random.HaltonSequenceGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Quasi-Monte Carlo sampling (Optuna's {@code QMCSampler}): trial {@code k} takes point {@code k}
 * of a low-discrepancy sequence over the relative search space, so the trials fill the space more
 * evenly than random draws, and parallel workers (whose trials have distinct numbers) get distinct
 * points.
 *
 * <p>The sequences are randomised by the seed: Sobol points get a random digital shift (their 52
 * bits XOR-ed with seeded random bits, which keeps their net structure), Halton points a seeded
 * linear digit scrambling (a random multiplier per dimension) followed by a random shift modulo 1
 * (a Cranley-Patterson rotation).
 *
 * <p>The relative search space is the declared space's parameters (or, without one, the
 * parameters every COMPLETE trial has with the same distribution), sorted by name; single-valued
 * parameters are left out. Coordinates map onto a distribution uniformly, in log space for log
 * parameters, over the range widened by half a step for ints and stepped floats (then snapped),
 * and by {@code floor(u * n)} for categoricals. Declared priors other than uniform are ignored.
 * Parameters outside the relative space are drawn by a seeded {@link RandomSampler}. Thread-safe.
 */
public final class QmcSampler implements Sampler {

  /** The low-discrepancy sequence. */
  public enum Sequence {
    SOBOL,
    HALTON;

    /** The sequence called {@code name} ({@code sobol} or {@code halton}, any case). */
    public static Sequence parse(String name) {
      for (Sequence s : values()) {
        if (s.name().equalsIgnoreCase(name.trim())) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown QMC sequence \"" + name + "\" (known: sobol, halton)");
    }
  }

  private static final double TWO_52 = 0x1p52;

  private final Sequence sequence;
  private final Long seed;
  private final long effectiveSeed;
  private final RandomSampler independent;
  /** Generators and their randomisation per dimension; guarded by itself. */
  private final Map<Integer, Scrambled> generators = new HashMap<>();

  /** A scrambled Sobol sampler seeded from the system's entropy. */
  public QmcSampler() {
    this(Sequence.SOBOL, null);
  }

  /** A sampler over {@code sequence} whose randomisation is fixed by {@code seed} ({@code null}: random). */
  public QmcSampler(Sequence sequence, Long seed) {
    this.sequence = sequence;
    this.seed = seed;
    this.effectiveSeed = seed == null ? new SplittableRandom().nextLong() : seed;
    this.independent = new RandomSampler(effectiveSeed ^ 0x5DEECE66DL);
  }

  public Sequence sequence() {
    return sequence;
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
    Map<String, Distribution> space = new TreeMap<>();
    if (!study.space().isEmpty()) {
      for (Parameter p : study.space().parameters()) {
        if (!p.distribution().isSingle()) {
          space.put(p.name(), p.distribution());
        }
      }
      return space;
    }
    List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
    if (complete.isEmpty()) {
      return space;
    }
    Map<String, Distribution> common = new HashMap<>(complete.get(0).distributions());
    for (FrozenTrial t : complete.subList(1, complete.size())) {
      common.entrySet().removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
    }
    common.forEach((name, d) -> {
      if (!d.isSingle()) {
        space.put(name, d);
      }
    });
    return space;
  }

  @Override
  public Map<String, Object> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
    if (searchSpace.isEmpty()) {
      return Map.of();
    }
    List<String> names = new ArrayList<>(new TreeMap<>(searchSpace).keySet());
    double[] u = point(trial.number(), names.size());
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      Distribution d = searchSpace.get(names.get(i));
      values.put(names.get(i), d.toExternal(toInternal(u[i], d)));
    }
    return values;
  }

  @Override
  public Object sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
    return independent.sampleIndependent(study, trial, name, distribution);
  }

  /** Point {@code index} of the randomised sequence in {@code [0,1)^dimension}. */
  public double[] point(long index, int dimension) {
    if (index < 0) {
      throw new IllegalArgumentException("QMC index (" + index + ") must be >= 0");
    }
    synchronized (generators) {
      return generators.computeIfAbsent(dimension, this::scrambled).point(index);
    }
  }

  /** Maps a coordinate {@code u} in {@code [0,1)} to an internal value of {@code d}. */
  static double toInternal(double u, Distribution d) {
    u = Math.min(Math.max(u, 0.0), Math.nextDown(1.0));
    if (d instanceof CategoricalDistribution c) {
      int n = c.choices().size();
      return Math.min(n - 1, (int) Math.floor(u * n));
    }
    if (d instanceof IntDistribution i) {
      double half = i.step() / 2.0;
      double x;
      if (i.log()) {
        double lo = Math.log(i.low() - half);
        double hi = Math.log(i.high() + half);
        x = Math.exp(lo + u * (hi - lo));
      } else {
        x = i.low() - half + u * (i.high() - i.low() + i.step());
      }
      return i.snap(x);
    }
    FloatDistribution f = (FloatDistribution) d;
    if (f.step() != null) {
      double half = f.step() / 2.0;
      return f.snap(f.low() - half + u * (f.high() - f.low() + f.step()));
    }
    if (f.log()) {
      double lo = Math.log(f.low());
      double hi = Math.log(f.high());
      return Math.min(f.high(), Math.max(f.low(), Math.exp(lo + u * (hi - lo))));
    }
    return Math.min(f.high(), f.low() + u * (f.high() - f.low()));
  }

  private Scrambled scrambled(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("QMC dimension (" + dimension + ") must be >= 1");
    }
    SplittableRandom rng = new SplittableRandom(effectiveSeed * 0x9E3779B97F4A7C15L + dimension);
    if (sequence == Sequence.SOBOL) {
      if (dimension > 1000) {
        throw new IllegalArgumentException("Sobol sequences support up to 1000 parameters, not " + dimension);
      }
      long[] shift = new long[dimension];
      for (int i = 0; i < dimension; i++) {
        shift[i] = rng.nextLong() & ((1L << 52) - 1);
      }
      SobolSequenceGenerator generator = new SobolSequenceGenerator(dimension);
      return index -> {
        double[] p = generator.skipTo((int) Math.min(index, Integer.MAX_VALUE));
        for (int i = 0; i < dimension; i++) {
          long bits = (long) (p[i] * TWO_52);
          p[i] = (bits ^ shift[i]) / TWO_52;
        }
        return p;
      };
    }
    int[] bases = primes(dimension);
    int[] weights = new int[dimension];
    double[] shift = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      weights[i] = bases[i] == 2 ? 1 : 1 + rng.nextInt(bases[i] - 1);
      shift[i] = rng.nextDouble();
    }
    HaltonSequenceGenerator generator = new HaltonSequenceGenerator(dimension, bases, weights);
    return index -> {
      double[] p = generator.skipTo((int) Math.min(index, Integer.MAX_VALUE));
      for (int i = 0; i < dimension; i++) {
        double v = p[i] + shift[i];
        v -= Math.floor(v);
        p[i] = v >= 1.0 ? 0.0 : v;
      }
      return p;
    };
  }

  private static int[] primes(int n) {
    int[] primes = new int[n];
    int count = 0;
    for (int candidate = 2; count < n; candidate++) {
      boolean prime = true;
      for (int i = 0; i < count && primes[i] * primes[i] <= candidate; i++) {
        if (candidate % primes[i] == 0) {
          prime = false;
          break;
        }
      }
      if (prime) {
        primes[count++] = candidate;
      }
    }
    return primes;
  }

  @FunctionalInterface
  private interface Scrambled {
    double[] point(long index);
  }

  @Override
  public String describe() {
    String name = sequence.name().toLowerCase(Locale.ROOT);
    return seed == null ? "QmcSampler(" + name + ")" : "QmcSampler(" + name + ", seed=" + seed + ")";
  }
}
