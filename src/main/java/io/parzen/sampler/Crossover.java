package io.parzen.sampler;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How {@link NsgaIISampler} makes a child from parents (Optuna's {@code nsgaii} crossovers). All
 * work on numerical parameters in Optuna's transformed space: log scales as logarithms, and
 * stepped or integer ranges widened by half a step at each end; categorical parameters always
 * take the uniform crossover. A child outside the range is thrown away and the parents are drawn
 * again, as in Optuna.
 *
 * <p>Implementations are immutable; the generator is the caller's, used under its lock.
 */
public sealed interface Crossover {

  /** The names {@link #named} knows, the default first. */
  java.util.List<String> NAMES = java.util.List.of("uniform", "sbx", "blxalpha", "spx", "undx", "vsbx");

  /** How many parents a child has. */
  int parents();

  /**
   * A child of {@code parents} (one row per parent, one column per numerical parameter) within
   * {@code bounds} ({@code [column][low, high]}); {@code multiObjective} picks the default
   * distribution index of SBX and vSBX (20 for several objectives, 2 for one).
   */
  double[] cross(double[][] parents, double[][] bounds, SplittableRandom rng, boolean multiObjective);

  /** A short name for logs, as {@link #named} reads it. */
  String name();

  /**
   * The crossover called {@code name} with Optuna's defaults: {@code uniform} (swapping each
   * parameter with {@code swappingProb}), {@code sbx}, {@code blxalpha} (alpha 0.5), {@code spx},
   * {@code undx} or {@code vsbx}.
   */
  static Crossover named(String name, double swappingProb) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "uniform":
        return new Uniform(swappingProb);
      case "sbx":
        return new Sbx(null);
      case "blxalpha":
      case "blx-alpha":
        return new BlxAlpha(0.5);
      case "spx":
        return new Spx(null);
      case "undx":
        return new Undx(0.5, null);
      case "vsbx":
        return new Vsbx(null);
      default:
        throw new IllegalArgumentException("unknown crossover \"" + name + "\" (known: " + String.join(", ", NAMES) + ")");
    }
  }

  /** Each parameter from the first parent, or with {@code swappingProb} from the second. */
  record Uniform(double swappingProb) implements Crossover {
    public Uniform {
      probability("swapping_prob", swappingProb);
    }

    @Override
    public int parents() {
      return 2;
    }

    @Override
    public double[] cross(double[][] parents, double[][] bounds, SplittableRandom rng, boolean multiObjective) {
      double[] child = new double[bounds.length];
      for (int i = 0; i < child.length; i++) {
        child[i] = parents[rng.nextDouble() >= swappingProb ? 1 : 0][i];
      }
      return child;
    }

    @Override
    public String name() {
      return "uniform";
    }
  }

  /**
   * Simulated binary crossover, bounded to the range (Deb and Agrawal's SBX as Optuna writes it):
   * each parameter takes, with even odds, one of the two SBX children's values or one parent's.
   * {@code eta} {@code null}: 20 for multi-objective studies, 2 otherwise.
   */
  record Sbx(Double eta) implements Crossover {
    @Override
    public int parents() {
      return 2;
    }

    @Override
    public double[] cross(double[][] parents, double[][] bounds, SplittableRandom rng, boolean multiObjective) {
      double e = eta != null ? eta : multiObjective ? 20.0 : 2.0;
      int n = bounds.length;
      double[] c1 = new double[n];
      double[] c2 = new double[n];
      double[] us = new double[n];
      for (int i = 0; i < n; i++) {
        us[i] = rng.nextDouble();
      }
      for (int i = 0; i < n; i++) {
        double min = Math.min(parents[0][i], parents[1][i]);
        double max = Math.max(parents[0][i], parents[1][i]);
        double diff = Math.max(max - min, 1e-10);
        double beta1 = 1 + 2 * (min - bounds[i][0]) / diff;
        double beta2 = 1 + 2 * (bounds[i][1] - max) / diff;
        double alpha1 = 2 - Math.pow(beta1, -(e + 1));
        double alpha2 = 2 - Math.pow(beta2, -(e + 1));
        double u = us[i];
        double betaq1 = u > 1 / alpha1 ? Math.pow(1 / (2 - u * alpha1), 1 / (e + 1)) : Math.pow(u * alpha1, 1 / (e + 1));
        double betaq2 = u > 1 / alpha2 ? Math.pow(1 / (2 - u * alpha2), 1 / (e + 1)) : Math.pow(u * alpha2, 1 / (e + 1));
        c1[i] = 0.5 * (min + max - betaq1 * diff);
        c2[i] = 0.5 * (min + max + betaq2 * diff);
      }
      return pickPerParameter(c1, c2, parents, rng);
    }

    @Override
    public String name() {
      return "sbx";
    }
  }

  /** Blend crossover: uniform between the parents' range widened by {@code alpha} of it at each end. */
  record BlxAlpha(double alpha) implements Crossover {
    @Override
    public int parents() {
      return 2;
    }

    @Override
    public double[] cross(double[][] parents, double[][] bounds, SplittableRandom rng, boolean multiObjective) {
      double[] child = new double[bounds.length];
      for (int i = 0; i < child.length; i++) {
        double min = Math.min(parents[0][i], parents[1][i]);
        double max = Math.max(parents[0][i], parents[1][i]);
        double d = alpha * (max - min);
        child[i] = (max - min + 2 * d) * rng.nextDouble() + min - d;
      }
      return child;
    }

    @Override
    public String name() {
      return "blxalpha";
    }
  }

  /**
   * Simplex crossover of three parents (Tsutsui et al.): uniform in the simplex of the parents
   * expanded by {@code epsilon} about their centre; {@code null} for {@code sqrt(n + 2)}.
   */
  record Spx(Double epsilon) implements Crossover {
    @Override
    public int parents() {
      return 3;
    }

    @Override
    public double[] cross(double[][] parents, double[][] bounds, SplittableRandom rng, boolean multiObjective) {
      int n = bounds.length;
      int k = parents.length;
      double eps = epsilon != null ? epsilon : Math.sqrt(n + 2);
      double[] g = new double[n];
      for (double[] p : parents) {
        for (int i = 0; i < n; i++) {
          g[i] += p[i] / k;
        }
      }
      double[] rs = new double[k - 1];
      for (int j = 0; j < k - 1; j++) {
        rs[j] = Math.pow(rng.nextDouble(), 1.0 / (j + 1));
      }
      double[][] x = new double[k][n];
      for (int j = 0; j < k; j++) {
        for (int i = 0; i < n; i++) {
          x[j][i] = g[i] + eps * (parents[j][i] - g[i]);
        }
      }
      double[] c = new double[n];
      for (int j = 1; j < k; j++) {
        for (int i = 0; i < n; i++) {
          c[i] = rs[j - 1] * (x[j - 1][i] - x[j][i] + c[i]);
        }
      }
      double[] child = new double[n];
      for (int i = 0; i < n; i++) {
        child[i] = x[k - 1][i] + c[i];
      }
      return child;
    }

    @Override
    public String name() {
      return "spx";
    }
  }

  /**
   * Unimodal normal distribution crossover of three parents (Ono and Kobayashi): normal about the
   * first two parents' midpoint, along their line with standard deviation {@code sigmaXi} times
   * their distance, and across it with {@code sigmaEta} (null: {@code 0.35 / sqrt(n)}) times the
   * third parent's distance from that line. Optuna 3.1 passes {@code sigma^2} as the standard
   * deviation; this follows the paper's variances.
   */
  record Undx(double sigmaXi, Double sigmaEta) implements Crossover {
    @Override
    public int parents() {
      return 3;
    }

    @Override
    public double[] cross(double[][] parents, double[][] bounds, SplittableRandom rng, boolean multiObjective) {
      int n = bounds.length;
      double se = sigmaEta != null ? sigmaEta : 0.35 / Math.sqrt(n);
      double[] mid = new double[n];
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        mid[i] = (parents[0][i] + parents[1][i]) / 2;
        d[i] = parents[0][i] - parents[1][i];
      }
      double[] e12 = new double[n];
      double norm = 0;
      for (int i = 0; i < n; i++) {
        e12[i] = parents[1][i] - parents[0][i];
        norm += e12[i] * e12[i];
      }
      norm = Math.max(Math.sqrt(norm), 1e-10);
      for (int i = 0; i < n; i++) {
        e12[i] /= norm;
      }
      double xi = rng.nextGaussian() * sigmaXi;
      double[] child = new double[n];
      for (int i = 0; i < n; i++) {
        child[i] = mid[i] + xi * d[i];
      }
      if (n > 1) {
        // The third parent's distance from the line through the first two.
        double[] v13 = new double[n];
        double dot = 0;
        for (int i = 0; i < n; i++) {
          v13[i] = parents[2][i] - parents[0][i];
          dot += v13[i] * e12[i];
        }
        double distance = 0;
        for (int i = 0; i < n; i++) {
          double o = v13[i] - dot * e12[i];
          distance += o * o;
        }
        distance = Math.sqrt(distance);
        for (double[] basis : orthogonalBasis(e12)) {
          double eta = rng.nextGaussian() * se;
          for (int i = 0; i < n; i++) {
            child[i] += distance * eta * basis[i];
          }
        }
      }
      return child;
    }

    /** An orthonormal basis of the n - 1 dimensions orthogonal to {@code e} (Gram-Schmidt). */
    private static double[][] orthogonalBasis(double[] e) {
      int n = e.length;
      java.util.List<double[]> basis = new java.util.ArrayList<>();
      boolean zero = java.util.Arrays.stream(e).allMatch(v -> v == 0);
      if (!zero) {
        basis.add(e);
      }
      for (int k = 0; k < n && basis.size() < (zero ? n - 1 : n); k++) {
        double[] v = new double[n];
        v[k] = 1;
        for (double[] b : basis) {
          double dot = 0;
          for (int i = 0; i < n; i++) {
            dot += v[i] * b[i];
          }
          for (int i = 0; i < n; i++) {
            v[i] -= dot * b[i];
          }
        }
        double norm = 0;
        for (double x : v) {
          norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 1e-8) {
          for (int i = 0; i < n; i++) {
            v[i] /= norm;
          }
          basis.add(v);
        }
      }
      return basis.subList(zero ? 0 : 1, basis.size()).toArray(new double[0][]);
    }

    @Override
    public String name() {
      return "undx";
    }
  }

  /**
   * Vector-wise SBX (Ballester and Carter's vSBX as Optuna writes it): like {@link Sbx}, each
   * parameter takes one of two children's values or one parent's with even odds.
   */
  record Vsbx(Double eta) implements Crossover {
    @Override
    public int parents() {
      return 2;
    }

    @Override
    public double[] cross(double[][] parents, double[][] bounds, SplittableRandom rng, boolean multiObjective) {
      double e = eta != null ? eta : multiObjective ? 20.0 : 2.0;
      int n = bounds.length;
      double[] c1 = new double[n];
      double[] c2 = new double[n];
      for (int i = 0; i < n; i++) {
        double u = rng.nextDouble();
        double beta1 = Math.pow(0.5 * u, 1 / (e + 1));
        double beta2 = Math.pow(0.5 * (1 - u), 1 / (e + 1));
        double x1 = parents[0][i];
        double x2 = parents[1][i];
        if (u > 0.5) {
          c1[i] = 0.5 * ((1 - beta1) * x1 + (1 + beta1) * x2);
          c2[i] = 0.5 * (-(1 - beta2) * x1 + (3 - beta2) * x2);
        } else {
          c1[i] = 0.5 * ((1 + beta1) * x1 + (1 - beta1) * x2);
          c2[i] = 0.5 * ((3 - beta2) * x1 - (1 - beta2) * x2);
        }
      }
      return pickPerParameter(c1, c2, parents, rng);
    }

    @Override
    public String name() {
      return "vsbx";
    }
  }

  /** Per parameter: with odds 1/2 a child's value (either, evenly), else a parent's (either, evenly). */
  private static double[] pickPerParameter(double[] c1, double[] c2, double[][] parents, SplittableRandom rng) {
    double[] child = new double[c1.length];
    for (int i = 0; i < child.length; i++) {
      if (rng.nextDouble() < 0.5) {
        child[i] = rng.nextDouble() < 0.5 ? c1[i] : c2[i];
      } else {
        child[i] = rng.nextDouble() < 0.5 ? parents[0][i] : parents[1][i];
      }
    }
    return child;
  }

  private static void probability(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " (" + p + ") must be a probability in [0, 1]");
    }
  }
}
