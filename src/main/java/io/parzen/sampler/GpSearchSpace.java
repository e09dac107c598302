package io.parzen.sampler;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GP's view of a relative search space (Optuna's {@code _gp/search_space.py}): every
 * parameter is one coordinate. Floats and ints map onto {@code [0,1]}, in log space for log
 * parameters and over the range widened by half a step on each side for ints and stepped floats,
 * whose coordinates are then restricted to their grid points ("discrete" dimensions). A
 * categorical parameter's coordinate is its choice index, compared by the kernel only for
 * equality (Hamming distance), so no order is implied between choices.
 *
 * <p>Immutable; dimensions follow the order of the map given to the constructor.
 */
final class GpSearchSpace {

  enum Kind { CONTINUOUS, DISCRETE, CATEGORICAL }

  private final List<String> names;
  private final List<Distribution> distributions;
  private final Kind[] kinds;
  /** Padded bounds of numerical dimensions, in log space for log parameters. */
  private final double[] lo;
  private final double[] hi;
  private final boolean[] log;

  GpSearchSpace(Map<String, Distribution> space) {
    names = List.copyOf(space.keySet());
    distributions = List.copyOf(space.values());
    int d = names.size();
    kinds = new Kind[d];
    lo = new double[d];
    hi = new double[d];
    log = new boolean[d];
    for (int i = 0; i < d; i++) {
      Distribution dist = distributions.get(i);
      if (dist instanceof CategoricalDistribution) {
        kinds[i] = Kind.CATEGORICAL;
        continue;
      }
      double low;
      double high;
      double step;
      if (dist instanceof IntDistribution in) {
        low = in.low();
        high = in.high();
        step = in.step();
        log[i] = in.log();
      } else {
        FloatDistribution f = (FloatDistribution) dist;
        low = f.low();
        high = f.high();
        step = f.step() == null ? 0 : f.step();
        log[i] = f.log();
      }
      kinds[i] = step > 0 ? Kind.DISCRETE : Kind.CONTINUOUS;
      lo[i] = low - step / 2;
      hi[i] = high + step / 2;
      if (log[i]) {
        lo[i] = Math.log(lo[i]);
        hi[i] = Math.log(hi[i]);
      }
    }
  }

  int dimension() {
    return kinds.length;
  }

  List<String> names() {
    return names;
  }

  Kind kind(int dim) {
    return kinds[dim];
  }

  boolean[] categorical() {
    boolean[] out = new boolean[kinds.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = kinds[i] == Kind.CATEGORICAL;
    }
    return out;
  }

  /** Indices of the continuous dimensions, optimised by gradient. */
  int[] continuousDims() {
    return dims(Kind.CONTINUOUS);
  }

  /** Indices of the discrete and categorical dimensions, optimised by search over their choices. */
  int[] choiceDims() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < kinds.length; i++) {
      if (kinds[i] != Kind.CONTINUOUS) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private int[] dims(Kind kind) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < kinds.length; i++) {
      if (kinds[i] == kind) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The coordinate of a trial's internal value (the value itself, or a choice index). */
  double normalize(int dim, double internal) {
    if (kinds[dim] == Kind.CATEGORICAL) {
      return internal;
    }
    double v = log[dim] ? Math.log(internal) : internal;
    return (v - lo[dim]) / (hi[dim] - lo[dim]);
  }

  /** The number of values of a discrete or categorical dimension. */
  long choiceCount(int dim) {
    Distribution dist = distributions.get(dim);
    if (dist instanceof CategoricalDistribution c) {
      return c.choices().size();
    }
    if (dist instanceof IntDistribution in) {
      return in.size();
    }
    return ((FloatDistribution) dist).gridSize();
  }

  /** The coordinate of value {@code index} of a discrete or categorical dimension. */
  double choice(int dim, long index) {
    Distribution dist = distributions.get(dim);
    if (dist instanceof CategoricalDistribution) {
      return index;
    }
    if (dist instanceof IntDistribution in) {
      return normalize(dim, in.low() + index * in.step());
    }
    FloatDistribution f = (FloatDistribution) dist;
    return normalize(dim, Math.min(f.high(), f.low() + index * f.step()));
  }

  /** The index of the value nearest to coordinate {@code u} of a discrete or categorical dimension. */
  long nearestIndex(int dim, double u) {
    Distribution dist = distributions.get(dim);
    if (dist instanceof CategoricalDistribution c) {
      return Math.max(0, Math.min(c.choices().size() - 1, Math.round(u)));
    }
    double internal = internal(dim, u);
    if (dist instanceof IntDistribution in) {
      return (long) Math.rint((internal - in.low()) / in.step());
    }
    FloatDistribution f = (FloatDistribution) dist;
    return (long) Math.rint((internal - f.low()) / f.step());
  }

  /**
   * Maps a point of the unit cube to a point of the space: categorical coordinates to
   * {@code floor(u * choices)}, discrete ones to their nearest grid point, continuous ones as
   * they are.
   */
  void roundUniform(double[] u) {
    for (int i = 0; i < u.length; i++) {
      if (kinds[i] == Kind.CATEGORICAL) {
        long k = choiceCount(i);
        u[i] = Math.min(k - 1, (long) Math.floor(u[i] * k));
      } else if (kinds[i] == Kind.DISCRETE) {
        u[i] = choice(i, nearestIndex(i, u[i]));
      }
    }
  }

  /** The internal value at coordinate {@code u}, clamped to the range and snapped to the grid. */
  double internal(int dim, double u) {
    Distribution dist = distributions.get(dim);
    if (dist instanceof CategoricalDistribution c) {
      return Math.max(0, Math.min(c.choices().size() - 1, Math.rint(u)));
    }
    double v = lo[dim] + u * (hi[dim] - lo[dim]);
    if (log[dim]) {
      v = Math.exp(v);
    }
    if (dist instanceof IntDistribution in) {
      return in.snap(v);
    }
    return ((FloatDistribution) dist).snap(v);
  }

  /** The external parameter values at a point. */
  Map<String, Object> external(double[] point) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < point.length; i++) {
      out.put(names.get(i), distributions.get(i).toExternal(internal(i, point[i])));
    }
    return out;
  }
}
