package io.parzen.objective;

/**
 * Steele, Lea and Flood's SplitMix64 generator, spelled out so that the Python version of the
 * MLP demo ({@code resources/examples/mlp_cubic.py}) can reproduce its numbers exactly:
 * {@link java.util.SplittableRandom} uses the same mixing function but keeps its bounded
 * {@code nextInt} and its seeding to itself. Not thread-safe.
 */
final class SplitMix64 {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    long z = state;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1): the top 53 bits of {@link #nextLong()}. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** In [0, bound), as {@code floor(nextDouble() * bound)}: a bias below 2^-40 for the bounds used here. */
  int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound (" + bound + ") must be > 0");
    }
    return (int) (nextDouble() * bound);
  }

  /** A Fisher-Yates shuffle of {@code a} drawing {@code nextInt(i + 1)} for i from the end down to 1. */
  void shuffle(int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
