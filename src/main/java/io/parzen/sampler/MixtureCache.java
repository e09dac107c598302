package io.parzen.sampler;

import java.util.function.Supplier;

/**
 * Remembers the last few mixtures (normalised weights and their logs) by number of observations.
 * Every parameter of a trial has the same below and above sizes, so TPE computes each mixture, an
 * O(n) pass with {@code n} logarithms, once per trial instead of once per parameter. Thread-safe.
 */
final class MixtureCache {

  private static final int SLOTS = 4;
  private final int[] sizes = new int[SLOTS];
  private final ParzenEstimator.Mixture[] mixtures = new ParzenEstimator.Mixture[SLOTS];
  private int next;

  /** The mixture of {@code n} observations, from {@code compute} unless remembered. */
  synchronized ParzenEstimator.Mixture get(int n, Supplier<ParzenEstimator.Mixture> compute) {
    for (int i = 0; i < SLOTS; i++) {
      if (mixtures[i] != null && sizes[i] == n) {
        return mixtures[i];
      }
    }
    ParzenEstimator.Mixture mixture = compute.get();
    sizes[next] = n;
    mixtures[next] = mixture;
    next = (next + 1) % SLOTS;
    return mixture;
  }
}
