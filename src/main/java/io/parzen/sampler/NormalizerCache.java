package io.parzen.sampler;

/**
 * Remembers the log normalisers of truncated-normal kernels, {@code log(Phi((high - mu) / sigma) -
 * Phi((low - mu) / sigma))}, by their exact {@code (mu, sigma, low, high)}. Each costs two {@code
 * erfc} evaluations (about a microsecond each), and from one trial to the next almost every kernel
 * of a parameter is the same, so TPE computes each one once. Values are bit-for-bit those of
 * {@link TruncNorm#logMass}.
 *
 * <p>An open-addressing table that doubles as it fills, up to {@link #MAX_CAPACITY} entries, and
 * then starts over. Thread-safe.
 */
final class NormalizerCache {

  static final int MAX_CAPACITY = 1 << 21;
  private static final int INITIAL_CAPACITY = 1 << 10;

  private long[] mus;
  private long[] sigmas;
  private long[] lows;
  private long[] highs;
  private double[] values;
  private boolean[] used;
  private int size;

  NormalizerCache() {
    allocate(INITIAL_CAPACITY);
  }

  private void allocate(int capacity) {
    mus = new long[capacity];
    sigmas = new long[capacity];
    lows = new long[capacity];
    highs = new long[capacity];
    values = new double[capacity];
    used = new boolean[capacity];
    size = 0;
  }

  /** {@code out[k] = log mass of kernel (mus[k], sigmas[k]) inside [low, high]}, computed or remembered. */
  synchronized void logMasses(double[] kernelMus, double[] kernelSigmas, double low, double high, double[] out) {
    long lowBits = Double.doubleToLongBits(low);
    long highBits = Double.doubleToLongBits(high);
    for (int k = 0; k < kernelMus.length; k++) {
      long mu = Double.doubleToLongBits(kernelMus[k]);
      long sigma = Double.doubleToLongBits(kernelSigmas[k]);
      int mask = used.length - 1;
      int slot = hash(mu, sigma, lowBits, highBits) & mask;
      while (used[slot] && !(mus[slot] == mu && sigmas[slot] == sigma && lows[slot] == lowBits && highs[slot] == highBits)) {
        slot = (slot + 1) & mask;
      }
      if (used[slot]) {
        out[k] = values[slot];
        continue;
      }
      double value = TruncNorm.logMass((low - kernelMus[k]) / kernelSigmas[k], (high - kernelMus[k]) / kernelSigmas[k]);
      out[k] = value;
      if (2 * (size + 1) > used.length) {
        grow();
        mask = used.length - 1;
        slot = hash(mu, sigma, lowBits, highBits) & mask;
        while (used[slot]) {
          slot = (slot + 1) & mask;
        }
      }
      used[slot] = true;
      mus[slot] = mu;
      sigmas[slot] = sigma;
      lows[slot] = lowBits;
      highs[slot] = highBits;
      values[slot] = value;
      size++;
    }
  }

  /** Entries held, for tests. */
  synchronized int size() {
    return size;
  }

  private void grow() {
    if (used.length >= MAX_CAPACITY) {
      allocate(used.length);  // Full: forget everything rather than grow without bound.
      return;
    }
    long[] oldMus = mus;
    long[] oldSigmas = sigmas;
    long[] oldLows = lows;
    long[] oldHighs = highs;
    double[] oldValues = values;
    boolean[] oldUsed = used;
    allocate(oldUsed.length * 2);
    int mask = used.length - 1;
    for (int i = 0; i < oldUsed.length; i++) {
      if (oldUsed[i]) {
        int slot = hash(oldMus[i], oldSigmas[i], oldLows[i], oldHighs[i]) & mask;
        while (used[slot]) {
          slot = (slot + 1) & mask;
        }
        used[slot] = true;
        mus[slot] = oldMus[i];
        sigmas[slot] = oldSigmas[i];
        lows[slot] = oldLows[i];
        highs[slot] = oldHighs[i];
        values[slot] = oldValues[i];
        size++;
      }
    }
  }

  private static int hash(long mu, long sigma, long low, long high) {
    long h = mu * 0x9E3779B97F4A7C15L;
    h ^= sigma * 0xC2B2AE3D27D4EB4FL;
    h ^= (low * 31 + high) * 0x165667B19E3779F9L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }
}
