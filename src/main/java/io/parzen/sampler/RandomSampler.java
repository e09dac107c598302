package io.parzen.sampler;

import io.parzen.space.Distribution;
import io.parzen.space.Parameter;
import io.parzen.space.PriorSampling;
import io.parzen.study.Study;
import io.parzen.trial.FrozenTrial;
import java.util.SplittableRandom;

/**
 * Draws every parameter independently from its prior: uniform (or log-uniform) by default, and
 * the normal, log-normal or weighted prior a declared parameter carries. Seeded runs with one
 * worker are reproducible. Thread-safe.
 */
public final class RandomSampler implements Sampler {

  private final Long seed;
  private final SplittableRandom rng;

  /** A sampler seeded from the system's entropy. */
  public RandomSampler() {
    this(null);
  }

  /** A sampler whose draws are fixed by {@code seed} ({@code null} for a random seed). */
  public RandomSampler(Long seed) {
    this.seed = seed;
    this.rng = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
  }

  @Override
  public Object sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
    Parameter parameter = study.space().parameter(name)
        .filter(p -> p.distribution().equals(distribution))
        .orElseGet(() -> new Parameter(name, distribution));
    double internal;
    synchronized (rng) {
      internal = PriorSampling.sample(parameter, rng);
    }
    return distribution.toExternal(internal);
  }

  @Override
  public String describe() {
    return seed == null ? "RandomSampler" : "RandomSampler(seed=" + seed + ")";
  }
}
