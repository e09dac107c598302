package io.parzen.sampler;

/**
 * Remembers the log normalisers of truncated-normal kernels, {@code log(Phi((high - mu) / sigma) -
 * Phi((low - mu) / sigma))}, by their exact {@code (mu, sigma, low, high)}. Each costs two {@code
 * erfc} evaluations (about a microsecond each), and from one trial to the next almost every kernel
 * of a parameter is the same, so TPE computes each one once. Values are bit-for-bit those of
 * {@link TruncNorm#logMass}.
 *
 * <p>An open-addressing table, one entry of five longs side by side (so a look-up touches one or
 * two cache lines), that doubles as it fills up to {@link #MAX_CAPACITY} entries and then starts
 * over. Thread-safe.
 */
final class NormalizerCache {

  static final int MAX_CAPACITY = 1 << 21;
  private static final int INITIAL_CAPACITY = 1 << 10;
  /** mu, sigma, low, high, value: the bits of each. A sigma of +0.0 (never a kernel's) marks a free slot. */
  private static final int STRIDE = 5;
  private static final long FREE = 0L;

  private long[] table;
  private int capacity;
  private int size;

  NormalizerCache() {
    allocate(INITIAL_CAPACITY);
  }

  private void allocate(int newCapacity) {
    capacity = newCapacity;
    table = new long[newCapacity * STRIDE];
    size = 0;
  }

  /** {@code out[k] = log mass of kernel (mus[k], sigmas[k]) inside [low, high]}, computed or remembered. */
  synchronized void logMasses(double[] kernelMus, double[] kernelSigmas, double low, double high, double[] out) {
    long lowBits = Double.doubleToLongBits(low);
    long highBits = Double.doubleToLongBits(high);
    for (int k = 0; k < kernelMus.length; k++) {
      long mu = Double.doubleToLongBits(kernelMus[k]);
      long sigma = Double.doubleToLongBits(kernelSigmas[k]);
      if (sigma == FREE) {  // not a usable width; never cached
        out[k] = TruncNorm.logMass((low - kernelMus[k]) / kernelSigmas[k], (high - kernelMus[k]) / kernelSigmas[k]);
        continue;
      }
      int mask = capacity - 1;
      int slot = hash(mu, sigma, lowBits, highBits) & mask;
      while (true) {
        int at = slot * STRIDE;
        long s = table[at + 1];
        if (s == FREE) {
          break;
        }
        if (s == sigma && table[at] == mu && table[at + 2] == lowBits && table[at + 3] == highBits) {
          break;
        }
        slot = (slot + 1) & mask;
      }
      int at = slot * STRIDE;
      if (table[at + 1] != FREE) {
        out[k] = Double.longBitsToDouble(table[at + 4]);
        continue;
      }
      double value = TruncNorm.logMass((low - kernelMus[k]) / kernelSigmas[k], (high - kernelMus[k]) / kernelSigmas[k]);
      out[k] = value;
      if (2 * (size + 1) > capacity) {
        grow();
        at = freeSlot(mu, sigma, lowBits, highBits) * STRIDE;
      }
      table[at] = mu;
      table[at + 1] = sigma;
      table[at + 2] = lowBits;
      table[at + 3] = highBits;
      table[at + 4] = Double.doubleToLongBits(value);
      size++;
    }
  }

  /** Entries held, for tests. */
  synchronized int size() {
    return size;
  }

  private int freeSlot(long mu, long sigma, long low, long high) {
    int mask = capacity - 1;
    int slot = hash(mu, sigma, low, high) & mask;
    while (table[slot * STRIDE + 1] != FREE) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    if (capacity >= MAX_CAPACITY) {
      allocate(capacity);  // Full: forget everything rather than grow without bound.
      return;
    }
    long[] old = table;
    int oldCapacity = capacity;
    allocate(oldCapacity * 2);
    for (int i = 0; i < oldCapacity; i++) {
      int from = i * STRIDE;
      if (old[from + 1] != FREE) {
        int at = freeSlot(old[from], old[from + 1], old[from + 2], old[from + 3]) * STRIDE;
        System.arraycopy(old, from, table, at, STRIDE);
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
