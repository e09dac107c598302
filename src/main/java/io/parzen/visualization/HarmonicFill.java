package io.parzen.visualization;

/**
 * Fills the unknown cells of a square grid so that each is the mean of its neighbours (up to four;
 * cells on the edge have fewer, a zero-derivative boundary), the known cells held fixed: the
 * discrete Laplace equation Optuna's matplotlib contour solves ({@code _interpolate_zmap}, after
 * Plotly's {@code interp2d}). The system over the unknown cells is symmetric positive definite
 * whenever one cell is known, so conjugate gradients solve it; they start from the known cells'
 * mean, which is already the answer when one value is known.
 */
final class HarmonicFill {

  /** Stop when the residual is this small relative to the right-hand side. */
  static final double TOLERANCE = 1e-10;

  private HarmonicFill() {}

  /**
   * Fills {@code z} (row-major, {@code size} × {@code size}) in place where {@code known} is false.
   * With no known cell, every cell becomes NaN.
   */
  static void solve(double[] z, boolean[] known, int size) {
    int n = size * size;
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
