package io.parzen.objective;

import io.parzen.space.FloatDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A classic multi-objective test problem with its default search space (float parameters
 * {@code x0, x1 ...}) and its known Pareto front. Every objective is minimised. As a
 * {@link MultiObjective} it reads the trial's parameters from the space and returns the objective
 * vector. Immutable and thread-safe.
 *
 * <p>The front is given by a position in {@code [0, 1]^(m-1)} ({@code m} objectives):
 * {@link #paretoOptimalPoint} is a point of the search space whose values lie on the front there,
 * and {@link #frontValues} those values from the front's closed form.
 */
public abstract class MultiObjectiveFunction implements MultiObjective {

  private final String name;
  private final String description;
  private final int objectives;
  private final SearchSpace space;

  protected MultiObjectiveFunction(String name, String description, int objectives, double[] lows, double[] highs) {
    this.name = name;
    this.description = description;
    this.objectives = objectives;
    List<Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < lows.length; i++) {
      parameters.add(new Parameter("x" + i, FloatDistribution.uniform(lows[i], highs[i])));
    }
    this.space = SearchSpace.of(parameters);
  }

  /** A short identifier, such as {@code zdt1} or {@code dtlz2}. */
  public String name() {
    return name;
  }

  /** One line for pickers. */
  public String description() {
    return description;
  }

  public SearchSpace space() {
    return space;
  }

  /** How many objectives (all minimised). */
  public int objectives() {
    return objectives;
  }

  /** The objective vector at {@code x} (in the order of {@link #space()}). */
  public abstract double[] values(double[] x);

  /** A Pareto-optimal point of the space at {@code position} (m - 1 numbers in [0, 1]) along the front. */
  public abstract double[] paretoOptimalPoint(double... position);

  /** The objective vector on the front at {@code position}, from the front's closed form. */
  public abstract double[] frontValues(double... position);

  @Override
  public double[] evaluate(Trial trial) {
    Map<String, Object> params = trial.params();
    double[] x = new double[space.size()];
    int i = 0;
    for (Parameter p : space.parameters()) {
      x[i++] = ((Number) params.get(p.name())).doubleValue();
    }
    return values(x);
  }

  @Override
  public String toString() {
    return name;
  }

  // ---- the problems

  /** The names {@link #byName} knows in their usual sizes. */
  public static List<String> names() {
    return List.of("zdt1", "zdt2", "dtlz2", "binh-korn");
  }

  /**
   * The problem named {@code name}: {@code zdt1} and {@code zdt2} (30 variables, or {@code zdt1-10d}
   * for 10), {@code dtlz2} (3 objectives, 12 variables) or {@code binh-korn}.
   *
   * @throws IllegalArgumentException for other names, listing the known ones
   */
  public static MultiObjectiveFunction byName(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    switch (key) {
      case "zdt1":
        return zdt1(30);
      case "zdt2":
        return zdt2(30);
      case "dtlz2":
        return dtlz2(3, 12);
      case "binh-korn":
        return binhKorn();
      default:
        break;
    }
    if (key.matches("zdt[12]-\\d{1,4}d")) {
      int n = Integer.parseInt(key.substring(5, key.length() - 1));
      return key.startsWith("zdt1") ? zdt1(n) : zdt2(n);
    }
    throw new IllegalArgumentException("unknown multi-objective problem \"" + name
        + "\" (known: zdt1, zdt2, zdt1-Nd, zdt2-Nd, dtlz2, binh-korn)");
  }

  /**
   * ZDT1 (Zitzler, Deb and Thiele 2000): {@code f1 = x0}, {@code f2 = g (1 - sqrt(f1 / g))} with
   * {@code g = 1 + 9 mean(x1..)}; {@code n} variables in [0, 1]. Convex front {@code f2 = 1 - sqrt(f1)}
   * where {@code x1.. = 0}.
   */
  public static MultiObjectiveFunction zdt1(int n) {
    return zdt(n, 1);
  }

  /** ZDT2: as ZDT1 with {@code f2 = g (1 - (f1 / g)^2)}; concave front {@code f2 = 1 - f1^2}. */
  public static MultiObjectiveFunction zdt2(int n) {
    return zdt(n, 2);
  }

  private static MultiObjectiveFunction zdt(int n, int variant) {
    if (n < 2 || n > 1000) {
      throw new IllegalArgumentException("zdt" + variant + " dimension (" + n + ") must be between 2 and 1000");
    }
    String name = n == 30 ? "zdt" + variant : "zdt" + variant + "-" + n + "d";
    String front = variant == 1 ? "1 - sqrt(f1)" : "1 - f1²";
    return new MultiObjectiveFunction(name, "ZDT" + variant + ", " + n + " variables in [0, 1], 2 objectives"
        + " minimised; front f2 = " + front + " where x1.. = 0", 2, new double[n], BenchmarkFunction.filled(n, 1)) {
      @Override
      public double[] values(double[] x) {
        double sum = 0;
        for (int i = 1; i < x.length; i++) {
          sum += x[i];
        }
        double g = 1 + 9 * sum / (x.length - 1);
        double ratio = x[0] / g;
        return new double[] {x[0], g * (1 - (variant == 1 ? Math.sqrt(ratio) : ratio * ratio))};
      }

      @Override
      public double[] paretoOptimalPoint(double... position) {
        double[] x = new double[n];
        x[0] = position[0];
        return x;
      }

      @Override
      public double[] frontValues(double... position) {
        double f1 = position[0];
        return new double[] {f1, variant == 1 ? 1 - Math.sqrt(f1) : 1 - f1 * f1};
      }
    };
  }

  /**
   * DTLZ2 (Deb, Thiele, Laumanns and Zitzler) with {@code m} objectives and {@code n >= m}
   * variables in [0, 1]: the front is the positive part of the unit sphere, reached where the last
   * {@code n - m + 1} variables are 0.5.
   */
  public static MultiObjectiveFunction dtlz2(int m, int n) {
    if (m < 2 || n < m || n > 1000) {
      throw new IllegalArgumentException("dtlz2 needs 2 or more objectives and at least as many variables (up to "
          + "1000), not " + m + " objectives and " + n + " variables");
    }
    String name = m == 3 && n == 12 ? "dtlz2" : "dtlz2-" + m + "obj-" + n + "d";
    return new MultiObjectiveFunction(name, "DTLZ2, " + n + " variables in [0, 1], " + m
        + " objectives minimised; front: the unit sphere's positive part", m, new double[n],
        BenchmarkFunction.filled(n, 1)) {
      @Override
      public double[] values(double[] x) {
        double g = 0;
        for (int i = m - 1; i < n; i++) {
          g += (x[i] - 0.5) * (x[i] - 0.5);
        }
        double[] angles = java.util.Arrays.copyOf(x, m - 1);
        double[] f = sphere(angles);
        for (int i = 0; i < m; i++) {
          f[i] *= 1 + g;
        }
        return f;
      }

      @Override
      public double[] paretoOptimalPoint(double... position) {
        double[] x = BenchmarkFunction.filled(n, 0.5);
        System.arraycopy(position, 0, x, 0, m - 1);
        return x;
      }

      @Override
      public double[] frontValues(double... position) {
        return sphere(position);
      }

      /** The unit-sphere point at angles {@code a * pi/2}: f1 = cos a0 ... cos a(m-2), fm = sin a0. */
      private double[] sphere(double[] a) {
        double[] f = new double[m];
        for (int i = 0; i < m; i++) {
          double v = 1;
          for (int j = 0; j < m - 1 - i; j++) {
            v *= Math.cos(a[j] * Math.PI / 2);
          }
          if (i > 0) {
            v *= Math.sin(a[m - 1 - i] * Math.PI / 2);
          }
          f[i] = v;
        }
        return f;
      }
    };
  }

  /**
   * Binh and Korn's problem as Optuna's multi-objective tutorial runs it (without its two
   * constraints, which the front does not touch): {@code f1 = 4 x0² + 4 x1²},
   * {@code f2 = (x0 - 5)² + (x1 - 5)²}, {@code x0} in [0, 5], {@code x1} in [0, 3]. The Pareto set
   * runs from (0, 0) along {@code x0 = x1} to (3, 3), then along {@code x1 = 3} to (5, 3).
   */
  public static MultiObjectiveFunction binhKorn() {
    return new MultiObjectiveFunction("binh-korn", "Binh and Korn (Optuna's tutorial): f1 = 4x0² + 4x1², "
        + "f2 = (x0 - 5)² + (x1 - 5)², x0 in [0, 5], x1 in [0, 3], both minimised", 2, new double[] {0, 0},
        new double[] {5, 3}) {
      @Override
      public double[] values(double[] x) {
        return new double[] {4 * x[0] * x[0] + 4 * x[1] * x[1], (x[0] - 5) * (x[0] - 5) + (x[1] - 5) * (x[1] - 5)};
      }

      @Override
      public double[] paretoOptimalPoint(double... position) {
        double s = 5 * position[0];
        return s <= 3 ? new double[] {s, s} : new double[] {s, 3};
      }

      @Override
      public double[] frontValues(double... position) {
        double s = 5 * position[0];
        if (s <= 3) {
          return new double[] {8 * s * s, 2 * (s - 5) * (s - 5)};
        }
        return new double[] {4 * s * s + 36, (s - 5) * (s - 5) + 4};
      }
    };
  }
}
