package io.parzen.visualization;

/**
 * Fills the unknown cells of a square grid so that each is the mean of its neighbours (up to four;
 * cells on the edge have fewer, a zero-derivative boundary), the known cells held fixed: the
 * discrete Laplace equation Optuna's matplotlib contour solves ({@code _interpolate_zmap}, after
 * Plotly's {@code interp2d}). The system over the unknown cells is symmetric positive definite
 * whenever one cell is known, so conjugate gradients solve it; they start from the solution on a
 * grid of half the resolution (coarser still for that one), or from the known cells' mean, which
 * is already the answer when one value is known.
 */
final class HarmonicFill {

  /** Stop when the residual is this small relative to the right-hand side. */
  static final double TOLERANCE = 1e-8;

  private HarmonicFill() {}

  /**
   * Grids larger than this are first solved at half the resolution, whose solution starts the
   * conjugate gradients: the smooth, far-reaching part of the answer that takes most iterations on
   * the fine grid comes cheaply from the coarse one (a 200-trial contour took 94 ms without, 36 ms
   * with; AnalysisPlotsBench).
   */
  static final int COARSEST = 32;

  /**
   * Fills {@code z} (row-major, {@code size} × {@code size}) in place where {@code known} is false.
   * With no known cell, every cell becomes NaN.
   */
  static void solve(double[] z, boolean[] known, int size) {
    int n = size * size;
    double[] guess = size > COARSEST && size % 2 == 0 ? coarseGuess(z, known, size) : null;
    double sum = 0;
    int count = 0;
    for (int c = 0; c < n; c++) {
      if (known[c]) {
        sum += z[c];
        count++;
      }
    }
    if (count == 0) {
      java.util.Arrays.fill(z, Double.NaN);
      return;
    }
    // Solved for the difference from the known cells' mean, which keeps large offsets out of the residual.
    double mean = sum / count;
    // b: for each unknown cell, the sum of its known neighbours; A x = degree * x - unknown neighbours.
    double[] x = new double[n];
    double[] b = new double[n];
    for (int c = 0; c < n; c++) {
      if (known[c]) {
        continue;
      }
      if (guess != null) {
        x[c] = guess[c] - mean;
      }
      int i = c % size;
      int j = c / size;
      double s = 0;
      if (i > 0 && known[c - 1]) {
        s += z[c - 1] - mean;
      }
      if (i < size - 1 && known[c + 1]) {
        s += z[c + 1] - mean;
      }
      if (j > 0 && known[c - size]) {
        s += z[c - size] - mean;
      }
      if (j < size - 1 && known[c + size]) {
        s += z[c + size] - mean;
      }
      b[c] = s;
    }
    double[] r = new double[n];
    double[] p = new double[n];
    double[] ap = new double[n];
    apply(x, ap, known, size);
    double rr = 0;
    double bb = 0;
    for (int c = 0; c < n; c++) {
      if (!known[c]) {
        r[c] = b[c] - ap[c];
        p[c] = r[c];
        rr += r[c] * r[c];
        bb += b[c] * b[c];
      }
    }
    double limit = TOLERANCE * TOLERANCE * Math.max(bb, Double.MIN_NORMAL);
    for (int iteration = 0; iteration < 10 * n && rr > limit; iteration++) {
      apply(p, ap, known, size);
      double pap = 0;
      for (int c = 0; c < n; c++) {
        pap += p[c] * ap[c];
      }
      if (!(pap > 0)) {
        break;
      }
      double alpha = rr / pap;
      double next = 0;
      for (int c = 0; c < n; c++) {
        if (!known[c]) {
          x[c] += alpha * p[c];
          r[c] -= alpha * ap[c];
          next += r[c] * r[c];
        }
      }
      double beta = next / rr;
      rr = next;
      for (int c = 0; c < n; c++) {
        if (!known[c]) {
          p[c] = r[c] + beta * p[c];
        }
      }
    }
    for (int c = 0; c < n; c++) {
      if (!known[c]) {
        z[c] = x[c] + mean;
      }
    }
  }

  /**
   * The fill of the grid at half the resolution (each coarse cell known when one of its four is,
   * with their mean), spread back over the fine cells, or {@code null} when no cell is known.
   */
  private static double[] coarseGuess(double[] z, boolean[] known, int size) {
    int half = size / 2;
    double[] coarse = new double[half * half];
    int[] counts = new int[half * half];
    for (int c = 0; c < size * size; c++) {
      if (known[c]) {
        int k = (c / size / 2) * half + (c % size) / 2;
        coarse[k] += z[c];
        counts[k]++;
      }
    }
    boolean[] coarseKnown = new boolean[half * half];
    boolean any = false;
    for (int k = 0; k < coarse.length; k++) {
      if (counts[k] > 0) {
        coarse[k] /= counts[k];
        coarseKnown[k] = true;
        any = true;
      }
    }
    if (!any) {
      return null;
    }
    solve(coarse, coarseKnown, half);
    double[] guess = new double[size * size];
    for (int c = 0; c < guess.length; c++) {
      guess[c] = coarse[(c / size / 2) * half + (c % size) / 2];
    }
    return guess;
  }

  /** {@code out = A v} over the unknown cells (known cells count as 0 in {@code v}). */
  private static void apply(double[] v, double[] out, boolean[] known, int size) {
    for (int j = 0; j < size; j++) {
      for (int i = 0; i < size; i++) {
        int c = j * size + i;
        if (known[c]) {
          out[c] = 0;
          continue;
        }
        double s = 0;
        int degree = 0;
        if (i > 0) {
          degree++;
          if (!known[c - 1]) {
            s += v[c - 1];
          }
        }
        if (i < size - 1) {
          degree++;
          if (!known[c + 1]) {
            s += v[c + 1];
          }
        }
        if (j > 0) {
          degree++;
          if (!known[c - size]) {
            s += v[c - size];
          }
        }
        if (j < size - 1) {
          degree++;
          if (!known[c + size]) {
            s += v[c + size];
          }
        }
        out[c] = degree * v[c] - s;
      }
    }
  }
}
