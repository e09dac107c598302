package io.parzen.sampler;

import io.parzen.space.Distribution;
import io.parzen.study.Study;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.List;
import java.util.Map;

/**
 * Chooses parameter values for new trials (Optuna's {@code BaseSampler}).
 *
 * <p>When a trial starts, the study asks the sampler for a <em>relative</em> search space (the
 * parameters it wants to sample jointly, such as all co-active parameters of a conditional
 * space) and samples them together with {@link #sampleRelative}. Every parameter the objective
 * asks for that is not in the relative sample is drawn by {@link #sampleIndependent}. The
 * study's declared space ({@link Study#space()}, with conditions and priors) is there for
 * samplers that want to know which parameters are conditional on which.
 *
 * <p>Implementations must be thread-safe: parallel workers call them concurrently. A seeded
 * sampler run by one worker must give the same trials every time.
 */
public interface Sampler {

  /** Parameters to sample jointly for {@code trial}; empty for purely independent samplers. */
  default Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
    return Map.of();
  }

  /** External values for (some of) the parameters of {@code searchSpace}. */
  default Map<String, Object> sampleRelative(
      Study study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
    return Map.of();
  }

  /** An external value for one parameter that the relative sample did not cover. */
  Object sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution);

  /** Called when a trial starts, before any sampling for it. */
  default void beforeTrial(Study study, FrozenTrial trial) {}

  /** Called once a trial has finished and its final state is stored. */
  default void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {}

  /** A short name for tables and logs, such as {@code RandomSampler(seed=42)}. */
  default String describe() {
    return getClass().getSimpleName();
  }
}
