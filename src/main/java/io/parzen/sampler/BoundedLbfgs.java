package io.parzen.sampler;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Limited-memory BFGS minimisation with optional box bounds, for the small smooth problems of
 * the GP sampler (kernel hyperparameters, the acquisition function); commons-math3 has no
 * L-BFGS.
 *
 * <p>Bounds are handled by projection: variables at a bound whose gradient pushes outwards are
 * held fixed for the step, the L-BFGS direction is computed for the others, and a backtracking
 * line search along the projected path accepts the first step meeting the Armijo condition. A
 * failed step is shortened to the minimum of a quadratic fitted along the path (at most by a
 * factor of ten); a non-finite function value counts as a failed step (halved), so objectives
 * may return {@code NaN} where they are undefined (a Cholesky factorisation that fails).
 * Iteration stops when the projected gradient's largest component is at most {@code pgtol}
 * (scipy's {@code pgtol}/{@code gtol}), when the value stops decreasing (relative change below
 * {@value #FTOL}), or after {@code maxIterations}.
 *
 * <p>Not thread-safe; one instance per minimisation.
 */
final class BoundedLbfgs {

  /** A function and its gradient; writes the gradient into {@code gradient} and returns the value. */
  @FunctionalInterface
  interface Objective {
    double valueAndGradient(double[] x, double[] gradient);
  }

  /** Where the minimisation ended. */
  record Result(double[] x, double value, int iterations, boolean converged) {}

  /** scipy's default {@code factr = 1e7} times the machine epsilon. */
  static final double FTOL = 1e7 * 2.220446049250313e-16;
  private static final int MEMORY = 10;
  private static final double ARMIJO = 1e-4;
  private static final int MAX_BACKTRACKS = 40;

  private final double[] lower;
  private final double[] upper;
  private final double pgtol;
  private final int maxIterations;

  /**
   * @param lower lower bounds, or {@code null} for none
   * @param upper upper bounds, or {@code null} for none
   * @param pgtol stop when every component of the projected gradient is at most this in size
   * @param maxIterations most iterations (line searches)
   */
  BoundedLbfgs(double[] lower, double[] upper, double pgtol, int maxIterations) {
    this.lower = lower;
    this.upper = upper;
    this.pgtol = pgtol;
    this.maxIterations = maxIterations;
  }

  /** Minimises {@code f} from {@code start} (projected into the box). A non-finite start value returns at once. */
  Result minimize(Objective f, double[] start) {
    int n = start.length;
    double[] x = start.clone();
    project(x);
    double[] g = new double[n];
    double fx = f.valueAndGradient(x, g);
    if (!Double.isFinite(fx) || !allFinite(g)) {
      return new Result(x, fx, 0, false);
    }
    Deque<double[][]> memory = new ArrayDeque<>();
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    double[] d = new double[n];
    boolean[] free = new boolean[n];
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      if (projectedGradientNorm(x, g) <= pgtol) {
        return new Result(x, fx, iteration, true);
      }
      for (int i = 0; i < n; i++) {
        free[i] = !(lower != null && x[i] <= lower[i] && g[i] > 0) && !(upper != null && x[i] >= upper[i] && g[i] < 0);
      }
      direction(g, free, memory, d);
      double slope = dot(g, d);
      if (!(slope < 0)) {
        memory.clear();
        direction(g, free, memory, d);
        slope = dot(g, d);
        if (!(slope < 0)) {
          return new Result(x, fx, iteration, true);
        }
      }
      double step = memory.isEmpty() ? Math.min(1, 1 / Math.max(1e-300, norm(d))) : 1;
      double fNew = Double.NaN;
      boolean accepted = false;
      for (int backtrack = 0; backtrack < MAX_BACKTRACKS; backtrack++) {
        for (int i = 0; i < n; i++) {
          xNew[i] = x[i] + step * d[i];
        }
        project(xNew);
        double decrease = 0;
        for (int i = 0; i < n; i++) {
          decrease += g[i] * (xNew[i] - x[i]);
        }
        fNew = f.valueAndGradient(xNew, gNew);
        boolean finite = Double.isFinite(fNew) && allFinite(gNew);
        if (finite && fNew <= fx + ARMIJO * Math.min(decrease, 0)) {
          accepted = true;
          break;
        }
        step = finite ? backtrack(step, fx, slope, fNew) : 0.5 * step;
      }
      if (!accepted) {
        if (memory.isEmpty()) {
          return new Result(x, fx, iteration, false);
        }
        memory.clear();  // A poor quasi-Newton model: retry from steepest descent.
        continue;
      }
      double[] s = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = xNew[i] - x[i];
        y[i] = gNew[i] - g[i];
      }
      double sy = dot(s, y);
      if (sy > 1e-10 * norm(s) * norm(y)) {
        memory.addLast(new double[][] {s, y});
        if (memory.size() > MEMORY) {
          memory.removeFirst();
        }
      }
      double previous = fx;
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      fx = fNew;
      if (previous - fx <= FTOL * Math.max(Math.max(Math.abs(previous), Math.abs(fx)), 1)) {
        return new Result(x, fx, iteration + 1, true);
      }
    }
    return new Result(x, fx, maxIterations, projectedGradientNorm(x, g) <= pgtol);
  }

  /**
   * The next, shorter step after {@code step} failed: the minimum of the quadratic through the
   * value and slope at 0 and the value at {@code step}, kept within {@code [0.1, 0.5] * step}.
   */
  static double backtrack(double step, double f0, double slope, double fStep) {
    double curvature = (fStep - f0 - slope * step) / (step * step);
    double minimum = curvature > 0 ? -slope / (2 * curvature) : 0.5 * step;
    return Math.min(0.5 * step, Math.max(0.1 * step, minimum));
  }

  /** The two-loop recursion: {@code d = -H g} over the free variables, zero elsewhere. */
  private static void direction(double[] g, boolean[] free, Deque<double[][]> memory, double[] d) {
    int n = g.length;
    for (int i = 0; i < n; i++) {
      d[i] = free[i] ? -g[i] : 0;
    }
    if (memory.isEmpty()) {
      return;
    }
    double[] alpha = new double[memory.size()];
    int k = memory.size() - 1;
    for (var it = memory.descendingIterator(); it.hasNext(); k--) {
      double[][] sy = it.next();
      double rho = 1 / dot(sy[0], sy[1]);
      alpha[k] = rho * maskedDot(sy[0], d, free);
      for (int i = 0; i < n; i++) {
        if (free[i]) {
          d[i] -= alpha[k] * sy[1][i];
        }
      }
    }
    double[][] last = memory.peekLast();
    double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
    for (int i = 0; i < n; i++) {
      d[i] *= gamma;
    }
    k = 0;
    for (double[][] sy : memory) {
      double rho = 1 / dot(sy[0], sy[1]);
      double beta = rho * maskedDot(sy[1], d, free);
      for (int i = 0; i < n; i++) {
        if (free[i]) {
          d[i] += (alpha[k] - beta) * sy[0][i];
        }
      }
      k++;
    }
  }

  private double projectedGradientNorm(double[] x, double[] g) {
    double max = 0;
    for (int i = 0; i < x.length; i++) {
      double moved = x[i] - g[i];
      if (lower != null) {
        moved = Math.max(moved, lower[i]);
      }
      if (upper != null) {
        moved = Math.min(moved, upper[i]);
      }
      max = Math.max(max, Math.abs(moved - x[i]));
    }
    return max;
  }

  private void project(double[] x) {
    for (int i = 0; i < x.length; i++) {
      if (lower != null && x[i] < lower[i]) {
        x[i] = lower[i];
      }
      if (upper != null && x[i] > upper[i]) {
        x[i] = upper[i];
      }
    }
  }

  private static boolean allFinite(double[] v) {
    return Arrays.stream(v).allMatch(Double::isFinite);
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static double maskedDot(double[] a, double[] b, boolean[] mask) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      if (mask[i]) {
        sum += a[i] * b[i];
      }
    }
    return sum;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }
}
