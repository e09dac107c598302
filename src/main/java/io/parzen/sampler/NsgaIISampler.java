package io.parzen.sampler;

import io.parzen.multi.CrowdingDistance;
import io.parzen.multi.Pareto;
import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.study.Study;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NSGA-II, the non-dominated sorting genetic algorithm (Deb et al. 2002), as Optuna's
 * {@code NSGAIISampler} runs it on a study.
 *
 * <p>Each trial belongs to a generation, stored in its system attribute
 * {@value #GENERATION_KEY} (Optuna's key). Generation 0 is drawn at random. Once a generation has
 * {@code populationSize} COMPLETE trials, it is merged with its parents and the best
 * {@code populationSize} of them (by non-domination rank, then crowding distance) become the
 * parents of the next generation. A child is made by crossover of parents picked by binary
 * tournament (with {@code crossoverProb}; else it copies one parent), then each parameter is
 * mutated, that is drawn at random, with {@code mutationProb} ({@code null}: one over the number
 * of parameters). Because the population is rebuilt from the stored trials, a study that is
 * resumed, or shared by several workers (this sampler's or Optuna's), goes on with the right
 * generation; each elite population is cached in a study system attribute
 * ({@value #POPULATION_CACHE_KEY_PREFIX}{@code :<hash>}, Optuna's format) once its generation has
 * no running trials left.
 *
 * <p>The parameters every COMPLETE trial has are inherited; others are drawn at random. Constraints
 * ({@code constraints_func}) are not supported. Single-objective studies work too (dominance is
 * then "better value"). Thread-safe; a seeded sampler run by one worker gives the same trials
 * every time.
 */
public final class NsgaIISampler implements Sampler {

  /** The trial system attribute holding a trial's generation. */
  public static final String GENERATION_KEY = "nsga2:generation";
  /** The prefix of the study system attributes caching elite populations. */
  public static final String POPULATION_CACHE_KEY_PREFIX = "nsga2:population";
  /** Optuna's default population size. */
  public static final int DEFAULT_POPULATION_SIZE = 50;
  /** A child outside the range is redrawn at most this often before it is clipped into it. */
  static final int MAX_CROSSOVER_ATTEMPTS = 1000;

  private final int populationSize;
  private final Double mutationProb;
  private final Crossover crossover;
  private final double crossoverProb;
  private final double swappingProb;
  private final Long seed;
  private final RandomSampler random;
  private final SplittableRandom rng;
  private final SearchSpaceTracker spaces = new SearchSpaceTracker();
  /** The study's trials by number, read incrementally (finished trials never change; open ones are reread). */
  private final TrialsByNumber trials = new TrialsByNumber();
  /** Each started trial's parents, from {@link #beforeTrial} until it is sampled or finishes. */
  private final Map<Long, Parents> parentsByTrial = new ConcurrentHashMap<>();

  private record Parents(int generation, List<FrozenTrial> population) {}

  /** Optuna's defaults: population 50, uniform crossover, crossover 0.9, swapping 0.5, mutation 1/n. */
  public NsgaIISampler(Long seed) {
    this(DEFAULT_POPULATION_SIZE, null, null, 0.9, 0.5, seed);
  }

  /**
   * @param populationSize trials per generation, at least 2 and at least the crossover's parents
   * @param mutationProb the chance each inherited parameter is drawn at random instead, in [0, 1];
   *     {@code null} for one over the number of parameters
   * @param crossover the crossover of numerical parameters; {@code null} for uniform with
   *     {@code swappingProb}
   * @param crossoverProb the chance a child is a crossover rather than a copy of one parent
   * @param swappingProb the uniform crossover's chance of taking each parameter from the second
   *     parent (also used for categorical parameters with any crossover)
   * @param seed fixes the draws; {@code null} for a random seed
   * @throws IllegalArgumentException naming the argument that is out of range
   */
  public NsgaIISampler(int populationSize, Double mutationProb, Crossover crossover, double crossoverProb,
      double swappingProb, Long seed) {
    if (mutationProb != null && !(mutationProb >= 0 && mutationProb <= 1)) {
      throw new IllegalArgumentException("mutation_prob (" + mutationProb + ") must be empty or in [0, 1]");
    }
    if (!(crossoverProb >= 0 && crossoverProb <= 1)) {
      throw new IllegalArgumentException("crossover_prob (" + crossoverProb + ") must be in [0, 1]");
    }
    if (!(swappingProb >= 0 && swappingProb <= 1)) {
      throw new IllegalArgumentException("swapping_prob (" + swappingProb + ") must be in [0, 1]");
    }
    this.crossover = crossover != null ? crossover : new Crossover.Uniform(swappingProb);
    if (populationSize < 2) {
      throw new IllegalArgumentException("population_size (" + populationSize + ") must be at least 2");
    }
    if (populationSize < this.crossover.parents()) {
      throw new IllegalArgumentException("population_size (" + populationSize + ") must be at least the "
          + this.crossover.parents() + " parents of the " + this.crossover.name() + " crossover");
    }
    this.populationSize = populationSize;
    this.mutationProb = mutationProb;
    this.crossoverProb = crossoverProb;
    this.swappingProb = swappingProb;
    this.seed = seed;
    this.random = new RandomSampler(seed);
    this.rng = seed == null ? new SplittableRandom() : new SplittableRandom(seed ^ 0x45a2_9d1e_6b3c_70f1L);
  }

  public int populationSize() {
    return populationSize;
  }

  @Override
  public void beforeTrial(Study study, FrozenTrial trial) {
    Parents parents = collectParents(study);
    study.storage().setTrialSystemAttr(trial.id(), GENERATION_KEY, parents.generation() + 1);
    if (parentsByTrial.size() > 10_000) {
      parentsByTrial.clear();  // trials started and never sampled would otherwise pile up
    }
    parentsByTrial.put(trial.id(), parents);
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
    spaces.update(study);
    Map<String, Distribution> space = new LinkedHashMap<>();
    spaces.intersection().forEach((name, d) -> {
      if (!d.isSingle()) {
        space.put(name, d);
      }
    });
    return space;
  }

  @Override
  public Map<String, Object> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
    Parents parents = parentsByTrial.remove(trial.id());
    if (parents == null || parents.generation() < 0 || searchSpace.isEmpty()) {
      return Map.of();
    }
    List<FrozenTrial> population = parents.population();
    Map<String, Object> child;
    synchronized (rng) {
      if (rng.nextDouble() < crossoverProb) {
        child = crossover(study, population, searchSpace);
      } else {
        FrozenTrial parent = population.get(rng.nextInt(population.size()));
        child = new LinkedHashMap<>();
        for (String name : searchSpace.keySet()) {
          child.put(name, parent.params().get(name));
        }
      }
      double mutation = mutationProb != null ? mutationProb : 1.0 / Math.max(1, child.size());
      Map<String, Object> kept = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : child.entrySet()) {
        if (rng.nextDouble() >= mutation) {
          kept.put(e.getKey(), e.getValue());
        }
      }
      return kept;
    }
  }

  @Override
  public Object sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
    // The first generation, mutated parameters and those outside the intersection.
    return random.sampleIndependent(study, trial, name, distribution);
  }

  @Override
  public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
    parentsByTrial.remove(trial.id());
  }

  // ---- populations

  /** The parent generation and its elite population (generation -1, empty, while generation 0 is not full). */
  private Parents collectParents(Study study) {
    List<FrozenTrial> trials = this.trials.update(study);
    Map<Integer, List<FrozenTrial>> complete = new TreeMap<>();
    Map<Integer, List<FrozenTrial>> running = new TreeMap<>();
    for (FrozenTrial t : trials) {
      Integer generation = t == null ? null : generationOf(t);
      if (generation == null) {
        continue;
      }
      if (t.state() == TrialState.COMPLETE && t.hasValues(study.directions().size())) {
        complete.computeIfAbsent(generation, g -> new ArrayList<>()).add(t);
      } else if (t.state() == TrialState.RUNNING) {
        running.computeIfAbsent(generation, g -> new ArrayList<>()).add(t);
      }
    }
    MessageDigest hasher = sha256();
    List<FrozenTrial> parents = List.of();
    int parentGeneration = -1;
    Map<String, Object> studyAttrs = null;
    while (true) {
      int generation = parentGeneration + 1;
      List<FrozenTrial> population = complete.getOrDefault(generation, List.of());
      if (population.size() < populationSize) {
        break;
      }
      List<FrozenTrial> stillRunning = running.getOrDefault(generation, List.of());
      for (FrozenTrial t : stillRunning) {
        hasher.update(Integer.toString(t.number()).getBytes(StandardCharsets.UTF_8));
      }
      String cacheKey = POPULATION_CACHE_KEY_PREFIX + ":" + HexFormat.of().formatHex(cloneOf(hasher).digest());
      if (studyAttrs == null) {
        studyAttrs = study.storage().studySystemAttrs(study.id());
      }
      Parents cached = cachedPopulation(studyAttrs.get(cacheKey), trials);
      if (cached != null && cached.generation() >= generation) {
        generation = cached.generation();
        population = cached.population();
      } else {
        List<FrozenTrial> merged = new ArrayList<>(population);
        merged.addAll(parents);
        population = selectElite(study, merged);
        if (stillRunning.isEmpty()) {
          List<Integer> numbers = population.stream().map(FrozenTrial::number).toList();
          study.storage().setStudySystemAttr(study.id(), cacheKey, List.of(generation, numbers));
        }
      }
      parentGeneration = generation;
      parents = population;
    }
    return new Parents(parentGeneration, parents);
  }

  /** The best {@code populationSize} of {@code population}: whole fronts, the last one cut by crowding distance. */
  List<FrozenTrial> selectElite(Study study, List<FrozenTrial> population) {
    double[][] values = Pareto.minimizationValues(population, study.directions());
    int[] rank = Pareto.ranks(values);
    int maxRank = 0;
    for (int r : rank) {
      maxRank = Math.max(maxRank, r);
    }
    List<FrozenTrial> elite = new ArrayList<>(populationSize);
    for (int r = 0; r <= maxRank && elite.size() < populationSize; r++) {
      List<Integer> front = new ArrayList<>();
      for (int i = 0; i < rank.length; i++) {
        if (rank[i] == r) {
          front.add(i);
        }
      }
      if (elite.size() + front.size() <= populationSize) {
        front.forEach(i -> elite.add(population.get(i)));
      } else {
        double[][] frontValues = front.stream().map(i -> values[i]).toArray(double[][]::new);
        int[] order = CrowdingDistance.sortDescending(frontValues);
        for (int k = 0; elite.size() < populationSize; k++) {
          elite.add(population.get(front.get(order[k])));
        }
      }
    }
    return elite;
  }

  private static Integer generationOf(FrozenTrial t) {
    return t.systemAttrs().get(GENERATION_KEY) instanceof Number n ? n.intValue() : null;
  }

  /** A cached {@code [generation, [numbers]]}, or {@code null} when absent or not that shape. */
  private static Parents cachedPopulation(Object value, List<FrozenTrial> trials) {
    if (!(value instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof Number g)
        || !(pair.get(1) instanceof List<?> numbers)) {
      return null;
    }
    List<FrozenTrial> population = new ArrayList<>();
    for (Object n : numbers) {
      if (!(n instanceof Number number) || number.intValue() < 0 || number.intValue() >= trials.size()
          || trials.get(number.intValue()) == null) {
        return null;
      }
      population.add(trials.get(number.intValue()));
    }
    return new Parents(g.intValue(), population);
  }

  /**
   * A study's trials by number, kept up to date through {@link io.parzen.storage.Storage#trialsChangedSince}
   * so that an ask reads only the trials that are new or still open, not the whole study. Follows
   * one study at a time.
   */
  private static final class TrialsByNumber {
    private io.parzen.storage.Storage storage;
    private long studyId;
    private io.parzen.storage.TrialCursor cursor = io.parzen.storage.TrialCursor.START;
    private final List<FrozenTrial> byNumber = new ArrayList<>();

    /** The trials by number ({@code null} where one is not visible yet), as of now. */
    synchronized List<FrozenTrial> update(Study study) {
      if (storage != study.storage() || studyId != study.id()) {
        storage = study.storage();
        studyId = study.id();
        cursor = io.parzen.storage.TrialCursor.START;
        byNumber.clear();
      }
      io.parzen.storage.TrialDelta delta = storage.trialsChangedSince(studyId, cursor);
      for (FrozenTrial t : delta.trials()) {
        while (byNumber.size() <= t.number()) {
          byNumber.add(null);
        }
        byNumber.set(t.number(), t);
      }
      cursor = delta.next();
      return new ArrayList<>(byNumber);
    }
  }

  // ---- crossover

  private Map<String, Object> crossover(Study study, List<FrozenTrial> population, Map<String, Distribution> space) {
    List<String> numerical = new ArrayList<>();
    List<String> categorical = new ArrayList<>();
    space.forEach((name, d) -> (d instanceof CategoricalDistribution ? categorical : numerical).add(name));
    double[][] bounds = new double[numerical.size()][];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = bounds(space.get(numerical.get(i)));
    }
    for (int attempt = 1; ; attempt++) {
      List<FrozenTrial> parents = selectParents(study, population);
      Map<String, Object> child = new LinkedHashMap<>();
      if (!categorical.isEmpty()) {
        FrozenTrial first = parents.get(0);
        FrozenTrial last = parents.get(parents.size() - 1);
        for (String name : categorical) {
          child.put(name, (rng.nextDouble() >= swappingProb ? last : first).params().get(name));
        }
      }
      boolean inside = true;
      if (!numerical.isEmpty()) {
        double[][] transformed = new double[parents.size()][numerical.size()];
        for (int p = 0; p < parents.size(); p++) {
          for (int i = 0; i < numerical.size(); i++) {
            String name = numerical.get(i);
            transformed[p][i] = transform(space.get(name), parents.get(p).params().get(name));
          }
        }
        double[] values = crossover.cross(transformed, bounds, rng, study.isMultiObjective());
        for (int i = 0; i < numerical.size() && inside; i++) {
          Distribution d = space.get(numerical.get(i));
          double internal = untransform(d, values[i], attempt >= MAX_CROSSOVER_ATTEMPTS);
          inside = d.containsInternal(internal);
          child.put(numerical.get(i), d.toExternal(internal));
        }
      }
      if (inside) {
        return child;
      }
    }
  }

  private List<FrozenTrial> selectParents(Study study, List<FrozenTrial> population) {
    List<FrozenTrial> parents = new ArrayList<>();
    List<FrozenTrial> left = new ArrayList<>(population);
    for (int k = 0; k < crossover.parents(); k++) {
      FrozenTrial a = left.get(rng.nextInt(left.size()));
      FrozenTrial b = left.get(rng.nextInt(left.size()));
      FrozenTrial winner = study.dominates(a, b) ? a : b;
      parents.add(winner);
      left.removeIf(t -> t == winner);
    }
    return parents;
  }

  /** Optuna's transformed bounds: logarithms for log scales, half a step wider for steps and integers. */
  static double[] bounds(Distribution d) {
    if (d instanceof FloatDistribution f) {
      double half = f.step() == null ? 0 : 0.5 * f.step();
      return new double[] {(f.log() ? Math.log(f.low()) : f.low()) - half, (f.log() ? Math.log(f.high()) : f.high()) + half};
    }
    IntDistribution i = (IntDistribution) d;
    double half = 0.5 * i.step();
    return i.log() ? new double[] {Math.log(i.low() - half), Math.log(i.high() + half)}
        : new double[] {i.low() - half, i.high() + half};
  }

  private static double transform(Distribution d, Object external) {
    double v = ((Number) external).doubleValue();
    boolean log = d instanceof FloatDistribution f ? f.log() : ((IntDistribution) d).log();
    return log ? Math.log(v) : v;
  }

  /**
   * Back from the transformed space as Optuna does: stepped and integer values rounded to the grid
   * and clipped; continuous floats kept below {@code high} but not raised to {@code low} (such a
   * child is drawn again) unless {@code clip}.
   */
  private static double untransform(Distribution d, double t, boolean clip) {
    if (d instanceof FloatDistribution f) {
      double v = f.log() ? Math.exp(t) : t;
      if (f.step() != null && !f.log()) {
        return Math.min(f.high(), Math.max(f.low(), f.low() + Math.rint((v - f.low()) / f.step()) * f.step()));
      }
      v = Math.min(v, f.high());
      return clip ? Math.max(v, f.low()) : v;
    }
    IntDistribution i = (IntDistribution) d;
    if (i.log()) {
      return Math.min(i.high(), Math.max(i.low(), Math.rint(Math.exp(t))));
    }
    return Math.min(i.high(), Math.max(i.low(), i.low() + Math.rint((t - i.low()) / i.step()) * i.step()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static MessageDigest cloneOf(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests cannot be cloned on this Java runtime", e);
    }
  }

  @Override
  public String describe() {
    String name = "NsgaIISampler(population=" + populationSize + ", " + crossover.name()
        + (seed == null ? ")" : ", seed=" + seed + ")");
    return name;
  }
}
