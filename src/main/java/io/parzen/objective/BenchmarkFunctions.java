package io.parzen.objective;

import java.util.List;
import java.util.Locale;

/**
 * The built-in benchmark functions: the quadratic {@code (x-2)^2}, Branin, Hartmann6, and the
 * n-dimensional Rosenbrock, Ackley and Styblinski-Tang functions, with the bounds and optima
 * given by Surjanovic and Bingham's "Virtual Library of Simulation Experiments".
 */
public final class BenchmarkFunctions {

  private BenchmarkFunctions() {}

  /** {@code (x - 2)^2} on [-10, 10]: Optuna's first example. Minimum 0 at x = 2. */
  public static BenchmarkFunction quadratic() {
    return new BenchmarkFunction("quadratic", "(x - 2)^2 on [-10, 10]", new double[] {-10}, new double[] {10}) {
      @Override
      public double value(double[] x) {
        return (x[0] - 2) * (x[0] - 2);
      }

      @Override
      public double optimumValue() {
        return 0;
      }

      @Override
      public List<double[]> optimumPoints() {
        return List.of(new double[] {2});
      }
    };
  }

  /** Branin-Hoo on [-5, 10] x [0, 15]. Minimum 0.397887 at three points. */
  public static BenchmarkFunction branin() {
    return new BenchmarkFunction("branin", "Branin-Hoo on [-5, 10] x [0, 15], three global minima",
        new double[] {-5, 0}, new double[] {10, 15}) {
      @Override
      public double value(double[] x) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double y = x[1] - b * x[0] * x[0] + c * x[0] - 6;
        return y * y + 10 * (1 - t) * Math.cos(x[0]) + 10;
      }

      @Override
      public double optimumValue() {
        return 0.39788735772973816;
      }

      @Override
      public List<double[]> optimumPoints() {
        return List.of(new double[] {-Math.PI, 12.275}, new double[] {Math.PI, 2.275},
            new double[] {3 * Math.PI, 2.475});
      }
    };
  }

  /** Hartmann 6-D on [0, 1]^6. Minimum -3.32237. */
  public static BenchmarkFunction hartmann6() {
    double[] alpha = {1.0, 1.2, 3.0, 3.2};
    double[][] a = {
        {10, 3, 17, 3.5, 1.7, 8},
        {0.05, 10, 17, 0.1, 8, 14},
        {3, 3.5, 1.7, 10, 17, 8},
        {17, 8, 0.05, 10, 0.1, 14}};
    double[][] p = {
        {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
        {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
        {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
        {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
    return new BenchmarkFunction("hartmann6", "Hartmann 6-D on [0, 1]^6, four local minima",
        BenchmarkFunction.filled(6, 0), BenchmarkFunction.filled(6, 1)) {
      @Override
      public double value(double[] x) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
          double inner = 0;
          for (int j = 0; j < 6; j++) {
            double d = x[j] - p[i][j];
            inner += a[i][j] * d * d;
          }
          sum += alpha[i] * Math.exp(-inner);
        }
        return -sum;
      }

      @Override
      public double optimumValue() {
        return -3.322368011415515;
      }

      @Override
      public List<double[]> optimumPoints() {
        return List.of(new double[] {0.20168952, 0.15001069, 0.47687398, 0.27533243, 0.31165162, 0.65730054});
      }
    };
  }

  /** Rosenbrock's valley in {@code n} dimensions on [-5, 10]^n. Minimum 0 at (1, ..., 1). */
  public static BenchmarkFunction rosenbrock(int n) {
    checkDimension(n, 2);
    return new BenchmarkFunction("rosenbrock-" + n + "d", "Rosenbrock valley on [-5, 10]^" + n,
        BenchmarkFunction.filled(n, -5), BenchmarkFunction.filled(n, 10)) {
      @Override
      public double value(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length - 1; i++) {
          double a = x[i + 1] - x[i] * x[i];
          double b = 1 - x[i];
          sum += 100 * a * a + b * b;
        }
        return sum;
      }

      @Override
      public double optimumValue() {
        return 0;
      }

      @Override
      public List<double[]> optimumPoints() {
        return List.of(BenchmarkFunction.filled(n, 1));
      }
    };
  }

  /** Ackley's function in {@code n} dimensions on [-32.768, 32.768]^n. Minimum 0 at the origin. */
  public static BenchmarkFunction ackley(int n) {
    checkDimension(n, 1);
    return new BenchmarkFunction("ackley-" + n + "d", "Ackley on [-32.768, 32.768]^" + n + ", many local minima",
        BenchmarkFunction.filled(n, -32.768), BenchmarkFunction.filled(n, 32.768)) {
      @Override
      public double value(double[] x) {
        double squares = 0;
        double cosines = 0;
        for (double xi : x) {
          squares += xi * xi;
          cosines += Math.cos(2 * Math.PI * xi);
        }
        return -20 * Math.exp(-0.2 * Math.sqrt(squares / x.length)) - Math.exp(cosines / x.length) + 20 + Math.E;
      }

      @Override
      public double optimumValue() {
        return 0;
      }

      @Override
      public List<double[]> optimumPoints() {
        return List.of(new double[n]);
      }
    };
  }

  /** Styblinski-Tang in {@code n} dimensions on [-5, 5]^n. Minimum -39.16617 n at x_i = -2.903534. */
  public static BenchmarkFunction styblinskiTang(int n) {
    checkDimension(n, 1);
    double xStar = -2.903534027771177;
    return new BenchmarkFunction("styblinski-tang-" + n + "d", "Styblinski-Tang on [-5, 5]^" + n,
        BenchmarkFunction.filled(n, -5), BenchmarkFunction.filled(n, 5)) {
      @Override
      public double value(double[] x) {
        double sum = 0;
        for (double xi : x) {
          double x2 = xi * xi;
          sum += x2 * x2 - 16 * x2 + 5 * xi;
        }
        return sum / 2;
      }

      @Override
      public double optimumValue() {
        return value(BenchmarkFunction.filled(n, xStar));
      }

      @Override
      public List<double[]> optimumPoints() {
        return List.of(BenchmarkFunction.filled(n, xStar));
      }
    };
  }

  /** The functions offered by default in pickers, in their usual dimensions. */
  public static List<BenchmarkFunction> all() {
    return List.of(quadratic(), branin(), hartmann6(), rosenbrock(2), rosenbrock(5), ackley(2), ackley(5),
        styblinskiTang(2), styblinskiTang(5));
  }

  /**
   * The function named {@code name}: {@code quadratic}, {@code branin}, {@code hartmann6}, or an
   * n-dimensional one with its dimension, such as {@code ackley-10d} or {@code rosenbrock-3d}.
   */
  public static BenchmarkFunction byName(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    switch (key) {
      case "quadratic":
        return quadratic();
      case "branin":
        return branin();
      case "hartmann6":
        return hartmann6();
      default:
        break;
    }
    int dash = key.lastIndexOf('-');
    if (dash > 0 && key.endsWith("d")) {
      String base = key.substring(0, dash);
      int n;
      try {
        n = Integer.parseInt(key.substring(dash + 1, key.length() - 1));
      } catch (NumberFormatException e) {
        n = -1;
      }
      switch (base) {
        case "rosenbrock":
          return rosenbrock(n);
        case "ackley":
          return ackley(n);
        case "styblinski-tang":
          return styblinskiTang(n);
        default:
          break;
      }
    }
    throw new IllegalArgumentException("unknown benchmark function \"" + name
        + "\" (known: quadratic, branin, hartmann6, rosenbrock-Nd, ackley-Nd, styblinski-tang-Nd)");
  }

  private static void checkDimension(int n, int min) {
    if (n < min) {
      throw new IllegalArgumentException("dimension (" + n + ") must be >= " + min);
    }
  }
}
