package io.parzen.pruner;

import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Asynchronous Successive Halving (Optuna's {@code SuccessiveHalvingPruner}). Rung {@code k} ends
 * at step {@code minResource * reductionFactor^(minEarlyStoppingRate + k)}; a trial reaching it
 * records its value there in the system attribute {@code completed_rung_k} and goes on only if
 * that value is in the top {@code 1 / reductionFactor} of all the values recorded for rung
 * {@code k} so far (the best one while fewer than {@code reductionFactor} trials reached it), and
 * only once more than {@code bootstrapCount} trials reached it. A NaN value at a rung prunes.
 *
 * <p>{@code minResource} "auto" (no value) becomes {@code max(1, last step / 100)} of the longest
 * COMPLETE trial once one has completed; nothing is pruned before. Thread-safe.
 */
public final class SuccessiveHalvingPruner implements Pruner {

  /** The prefix of the system attributes holding the values trials had at each rung. */
  public static final String RUNG_KEY_PREFIX = "completed_rung_";

  private volatile Integer minResource;
  private final int reductionFactor;
  private final int minEarlyStoppingRate;
  private final int bootstrapCount;

  /** Optuna's defaults: min_resource "auto", reduction_factor 4, min_early_stopping_rate 0. */
  public SuccessiveHalvingPruner() {
    this(OptionalInt.empty(), 4, 0, 0);
  }

  /**
   * @param minResource the steps of the first rung, or empty for "auto"
   */
  public SuccessiveHalvingPruner(OptionalInt minResource, int reductionFactor, int minEarlyStoppingRate, int bootstrapCount) {
    if (minResource.isPresent() && minResource.getAsInt() < 1) {
      throw new IllegalArgumentException("min_resource (" + minResource.getAsInt() + ") must be >= 1 or \"auto\"");
    }
    this.minResource = minResource.isPresent() ? minResource.getAsInt() : null;
    this.reductionFactor = PrunerSteps.atLeast("reduction_factor", reductionFactor, 2);
    this.minEarlyStoppingRate = PrunerSteps.nonNegative("min_early_stopping_rate", minEarlyStoppingRate);
    this.bootstrapCount = PrunerSteps.nonNegative("bootstrap_count", bootstrapCount);
    if (bootstrapCount > 0 && minResource.isEmpty()) {
      throw new IllegalArgumentException("bootstrap_count (" + bootstrapCount + ") > 0 needs a whole min_resource, not \"auto\"");
    }
  }

  /** The rung attribute key of {@code rung}. */
  public static String rungKey(int rung) {
    return RUNG_KEY_PREFIX + rung;
  }

  /** The first rung's steps, empty while "auto" is not yet resolved. */
  public OptionalInt minResource() {
    Integer r = minResource;
    return r == null ? OptionalInt.empty() : OptionalInt.of(r);
  }

  public int reductionFactor() {
    return reductionFactor;
  }

  public int minEarlyStoppingRate() {
    return minEarlyStoppingRate;
  }

  public int bootstrapCount() {
    return bootstrapCount;
  }

  @Override
  public boolean prune(Study study, FrozenTrial trial) {
    return prune(study, trial, t -> true);
  }

  /** Prunes among the study's trials that {@code peers} accepts (Hyperband's brackets). */
  boolean prune(Study study, FrozenTrial trial, Predicate<FrozenTrial> peers) {
    if (trial.lastStep().isEmpty()) {
      return false;
    }
    int step = trial.lastStep().get();
    double value = trial.intermediateValues().get(step);
    // The snapshot's system attributes date from the trial's start; rungs are recorded since.
    Map<String, Object> attrs = study.storage().trial(trial.id()).systemAttrs();
    int rung = 0;
    while (attrs.containsKey(rungKey(rung))) {
      rung++;
    }
    List<FrozenTrial> trials = null;
    while (true) {
      if (minResource == null) {
        trials = peers(study, trial, peers);
        Integer estimated = estimateMinResource(trials);
        if (estimated == null) {
          return false;
        }
        minResource = estimated;
      }
      long promotionStep = (long) minResource * pow(reductionFactor, minEarlyStoppingRate + rung);
      if (step < promotionStep) {
        return false;
      }
      if (Double.isNaN(value)) {
        return true;
      }
      if (trials == null) {
        trials = peers(study, trial, peers);
      }
      String key = rungKey(rung);
      study.storage().setTrialSystemAttr(trial.id(), key, value);
      List<Double> competing = new ArrayList<>();
      for (FrozenTrial t : trials) {
        if (t.id() != trial.id() && t.systemAttrs().get(key) instanceof Number n) {
          competing.add(n.doubleValue());
        }
      }
      competing.add(value);
      if (competing.size() <= bootstrapCount) {
        return true;
      }
      if (!promotable(value, competing, study.directions().get(0))) {
        return true;
      }
      rung++;
    }
  }

  private static List<FrozenTrial> peers(Study study, FrozenTrial trial, Predicate<FrozenTrial> peers) {
    return study.trials().stream().filter(t -> t.id() != trial.id() && peers.test(t)).toList();
  }

  private static Integer estimateMinResource(List<FrozenTrial> trials) {
    int lastStep = -1;
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE && t.lastStep().isPresent()) {
        lastStep = Math.max(lastStep, t.lastStep().get());
      }
    }
    return lastStep < 0 ? null : Math.max(lastStep / 100, 1);
  }

  private boolean promotable(double value, List<Double> competing, StudyDirection direction) {
    int index = competing.size() / reductionFactor - 1;
    if (index == -1) {
      index = 0;  // too few to promote a fraction: promote only the best so far
    }
    competing.sort(null);
    return direction == StudyDirection.MAXIMIZE
        ? value >= competing.get(competing.size() - 1 - index)
        : value <= competing.get(index);
  }

  private static long pow(int base, int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result *= base;
      if (result > Integer.MAX_VALUE) {
        return Long.MAX_VALUE / 4;  // beyond any step
      }
    }
    return result;
  }

  @Override
  public String toString() {
    Integer r = minResource;
    return "SuccessiveHalvingPruner(min_resource=" + (r == null ? "auto" : r) + ", reduction_factor=" + reductionFactor
        + ", min_early_stopping_rate=" + minEarlyStoppingRate + ", bootstrap_count=" + bootstrapCount + ")";
  }
}
