package io.parzen.sampler;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.study.Study;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialPruned;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grid search (Optuna's {@code GridSampler}): every combination of the grid's values runs exactly
 * once, in an order shuffled by the seed.
 *
 * <p>The grid is either given value by value ({@link #GridSampler(Map, Long)}), built from a
 * search space ({@link #fromSpace}), or built from the study's declared space on first use
 * ({@link #GridSampler(int, Long)}, which is what {@code Samplers.create("grid", ...)} returns).
 *
 * <p>When a trial starts, the sampler reads the study's trials, takes the first combination (in
 * shuffled order) that no trial holds yet, whatever that trial's state, and records its number in
 * the trial's system attribute {@value #GRID_ID}. Choosing and recording happen under one lock, so
 * the workers of one process never share a combination; workers in other processes sharing a
 * storage can, rarely, race for the same one (as in Optuna). Once every combination is taken the
 * sampler calls {@link Study#stop()}; a trial started anyway (it passed the budget check before the
 * last combination was taken) is ended as PRUNED at its first suggestion rather than repeat one.
 */
public final class GridSampler implements Sampler {

  /** The system attribute holding the trial's combination number (Optuna's key). */
  public static final String GRID_ID = "grid_id";
  /** The system attribute set on a trial that started after every combination was taken. */
  public static final String GRID_EXHAUSTED = "grid_exhausted";
  /** The largest grid this sampler accepts. */
  public static final long MAX_COMBINATIONS = 50_000_000L;

  private static final Logger LOG = LoggerFactory.getLogger(GridSampler.class);

  private final Long seed;
  private final long effectiveSeed;
  private final int pointsPerFloat;
  private final Object lock = new Object();
  /** The trials this sampler gave a combination to (trial id to grid id); -1 when exhausted. */
  private final Map<Long, Integer> assigned = new ConcurrentHashMap<>();
  private final java.util.Set<Long> stoppedStudies = ConcurrentHashMap.newKeySet();
  private volatile Grid grid;

  /** A grid of explicit values per parameter; {@code seed} fixes the order ({@code null}: random). */
  public GridSampler(Map<String, ? extends List<?>> values, Long seed) {
    this.seed = seed;
    this.effectiveSeed = seed == null ? new SplittableRandom().nextLong() : seed;
    this.pointsPerFloat = 0;
    this.grid = new Grid(values, effectiveSeed);
  }

  /** A grid built from the study's declared space on first use, with {@code points} per float. */
  public GridSampler(int points, Long seed) {
    if (points < 1) {
      throw new IllegalArgumentException("grid points per float (" + points + ") must be >= 1");
    }
    this.seed = seed;
    this.effectiveSeed = seed == null ? new SplittableRandom().nextLong() : seed;
    this.pointsPerFloat = points;
  }

  /** A grid over every parameter of {@code space}, with {@code points} values per float. */
  public static GridSampler fromSpace(SearchSpace space, int points, Long seed) {
    return new GridSampler(gridValues(space, points), seed);
  }

  /**
   * The grid values of a space: {@code points} evenly spaced values per continuous float (in log
   * space when it is log-scaled), every value of an int or stepped float with at most
   * {@code points} values and {@code points} evenly thinned ones above, every choice of a
   * categorical. Keys are sorted by name.
   */
  public static Map<String, List<Object>> gridValues(SearchSpace space, int points) {
    if (points < 1) {
      throw new IllegalArgumentException("grid points per float (" + points + ") must be >= 1");
    }
    Map<String, List<Object>> values = new TreeMap<>();
    for (Parameter p : space.parameters()) {
      values.put(p.name(), gridValues(p.distribution(), points));
    }
    return values;
  }

  /** The grid values of one distribution; see {@link #gridValues(SearchSpace, int)}. */
  public static List<Object> gridValues(Distribution distribution, int points) {
    List<Object> out = new ArrayList<>();
    if (distribution instanceof CategoricalDistribution c) {
      out.addAll(c.choices());
    } else if (distribution instanceof IntDistribution i) {
      LinkedHashSet<Long> set = new LinkedHashSet<>();
      if (i.size() <= points) {
        for (long v = i.low(); v <= i.high(); v += i.step()) {
          set.add(v);
        }
      } else if (i.log()) {
        double lo = Math.log(i.low());
        double hi = Math.log(i.high());
        for (int k = 0; k < points; k++) {
          set.add(i.snap(Math.exp(lo + (hi - lo) * fraction(k, points))));
        }
      } else {
        for (int k = 0; k < points; k++) {
          long index = Math.round((i.size() - 1) * fraction(k, points));
          set.add(i.low() + index * i.step());
        }
      }
      out.addAll(set);
    } else {
      FloatDistribution f = (FloatDistribution) distribution;
      LinkedHashSet<Double> set = new LinkedHashSet<>();
      if (f.low() == f.high()) {
        set.add(f.low());
      } else if (f.step() != null) {
        long size = f.gridSize();
        if (size <= points) {
          for (long k = 0; k < size; k++) {
            set.add(f.snap(f.low() + k * f.step()));
          }
        } else {
          for (int k = 0; k < points; k++) {
            long index = Math.round((size - 1) * fraction(k, points));
            set.add(f.snap(f.low() + index * f.step()));
          }
        }
      } else if (f.log()) {
        double lo = Math.log(f.low());
        double hi = Math.log(f.high());
        for (int k = 0; k < points; k++) {
          double v = k == points - 1 && points > 1 ? f.high() : k == 0 ? f.low() : Math.exp(lo + (hi - lo) * fraction(k, points));
          set.add(Math.min(f.high(), Math.max(f.low(), v)));
        }
      } else {
        for (int k = 0; k < points; k++) {
          double v = k == points - 1 && points > 1 ? f.high() : f.low() + (f.high() - f.low()) * fraction(k, points);
          set.add(Math.min(f.high(), v));
        }
      }
      out.addAll(set);
    }
    return Collections.unmodifiableList(out);
  }

  /** {@code k / (points - 1)}, or the low end for a single point. */
  private static double fraction(int k, int points) {
    return points == 1 ? 0.0 : (double) k / (points - 1);
  }

  /** The grid values per parameter, sorted by name; {@code null} before a lazy grid is built. */
  public Map<String, List<Object>> values() {
    Grid g = grid;
    return g == null ? null : g.values;
  }

  /** The number of combinations of {@code study}'s grid. */
  public long size(Study study) {
    return grid(study).size;
  }

  /** Whether every combination is taken by a trial of {@code study} (in any state). */
  public boolean isExhausted(Study study) {
    Grid g = grid(study);
    return taken(study, g).cardinality() >= g.size;
  }

  /** The combination with grid id {@code id}: a value per parameter. */
  public Map<String, Object> combination(Study study, int id) {
    Grid g = grid(study);
    Map<String, Object> combo = new TreeMap<>();
    for (String name : g.names) {
      combo.put(name, g.value(id, name));
    }
    return combo;
  }

  @Override
  public void beforeTrial(Study study, FrozenTrial trial) {
    Grid g = grid(study);
    Object existing = trial.systemAttrs().get(GRID_ID);
    if (existing instanceof Number n) {
      assigned.put(trial.id(), n.intValue());
      return;
    }
    boolean exhaustedNow;
    int chosen = -1;
    synchronized (lock) {
      BitSet taken = taken(study, g);
      for (int id : g.order) {
        if (!taken.get(id)) {
          chosen = id;
          break;
        }
      }
      if (chosen >= 0) {
        study.storage().setTrialSystemAttr(trial.id(), GRID_ID, chosen);
        taken.set(chosen);
      } else {
        study.storage().setTrialSystemAttr(trial.id(), GRID_EXHAUSTED, true);
      }
      assigned.put(trial.id(), chosen);
      exhaustedNow = taken.cardinality() >= g.size;
    }
    if (exhaustedNow) {
      stop(study, g);
    }
  }

  @Override
  public Object sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
    Grid g = grid(study);
    if (!g.values.containsKey(name)) {
      throw new IllegalArgumentException("parameter \"" + name + "\" is not in the grid (grid parameters: "
          + String.join(", ", g.names) + ")");
    }
    Integer id = assigned.get(trial.id());
    if (id == null) {
      Object stored = study.storage().trial(trial.id()).systemAttrs().get(GRID_ID);
      id = stored instanceof Number n ? n.intValue() : -1;
    }
    if (id < 0) {
      throw new TrialPruned("grid exhausted: all " + g.size + " combinations were taken before trial "
          + trial.number() + " started");
    }
    Object value = g.value(id, name);
    if (value != null || distribution instanceof CategoricalDistribution) {
      double internal = distribution.toInternal(value);
      if (!distribution.containsInternal(internal)) {
        LOG.warn("grid value {} of \"{}\" is outside its distribution {}", value, name, distribution.describe());
      }
    }
    return value;
  }

  @Override
  public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
    assigned.remove(trial.id());
    Grid g = grid(study);
    if (isExhausted(study)) {
      stop(study, g);
    }
  }

  private void stop(Study study, Grid g) {
    if (stoppedStudies.add(study.id())) {
      LOG.info("grid of study \"{}\" exhausted: all {} combinations are taken; stopping the study", study.name(), g.size);
    }
    study.stop();
  }

  /** The grid ids held by any trial of the study. */
  private static BitSet taken(Study study, Grid g) {
    BitSet taken = new BitSet();
    for (FrozenTrial t : study.trials()) {
      if (t.systemAttrs().get(GRID_ID) instanceof Number n) {
        long id = n.longValue();
        if (id >= 0 && id < g.size) {
          taken.set((int) id);
        }
      }
    }
    return taken;
  }

  private Grid grid(Study study) {
    Grid g = grid;
    if (g != null) {
      return g;
    }
    synchronized (lock) {
      if (grid == null) {
        SearchSpace space = study.space();
        if (space.isEmpty()) {
          throw new IllegalStateException("the grid sampler with " + pointsPerFloat
              + " points per float needs a declared search space; study \"" + study.name() + "\" has none");
        }
        grid = new Grid(gridValues(space, pointsPerFloat), effectiveSeed);
      }
      return grid;
    }
  }

  @Override
  public String describe() {
    return "GridSampler(" + (pointsPerFloat > 0 ? "points=" + pointsPerFloat + (seed == null ? "" : ", ") : "")
        + (seed == null ? "" : "seed=" + seed) + ")";
  }

  /** The values, their combination count and the shuffled order of grid ids. */
  private static final class Grid {
    final Map<String, List<Object>> values;
    final List<String> names;
    final long size;
    final int[] order;

    Grid(Map<String, ? extends List<?>> given, long seed) {
      Objects.requireNonNull(given, "grid values");
      if (given.isEmpty()) {
        throw new IllegalArgumentException("the grid has no parameters");
      }
      Map<String, List<Object>> copy = new TreeMap<>();
      long total = 1;
      for (Map.Entry<String, ? extends List<?>> e : given.entrySet()) {
        if (e.getValue() == null || e.getValue().isEmpty()) {
          throw new IllegalArgumentException("grid parameter \"" + e.getKey() + "\" has no values");
        }
        copy.put(e.getKey(), Collections.unmodifiableList(new ArrayList<>(e.getValue())));
        total *= e.getValue().size();
        if (total > MAX_COMBINATIONS) {
          throw new IllegalArgumentException("the grid has more than " + MAX_COMBINATIONS + " combinations");
        }
      }
      this.values = Collections.unmodifiableMap(copy);
      this.names = List.copyOf(copy.keySet());
      this.size = total;
      this.order = new int[(int) total];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      SplittableRandom rng = new SplittableRandom(seed);
      for (int i = order.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }

    /** The value of {@code name} in combination {@code id} (mixed radix, last name fastest). */
    Object value(int id, String name) {
      long rest = id;
      for (int i = names.size() - 1; i >= 0; i--) {
        List<Object> v = values.get(names.get(i));
        int digit = (int) (rest % v.size());
        if (names.get(i).equals(name)) {
          return v.get(digit);
        }
        rest /= v.size();
      }
      throw new IllegalArgumentException("parameter \"" + name + "\" is not in the grid");
    }
  }
}
