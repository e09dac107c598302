package io.parzen.pruner;

import io.parzen.study.Study;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.CRC32;

/**
 * Hyperband (Optuna's {@code HyperbandPruner}): {@code floor(log_eta(maxResource / minResource)) + 1}
 * brackets, bracket {@code s} a {@link SuccessiveHalvingPruner} with early-stopping rate
 * {@code s} that judges a trial only against the trials of its own bracket. Bracket {@code s} gets
 * a share {@code ceil(n * eta^(n-1-s) / (n-s))} of the trials; a trial's bracket is chosen, as in
 * Optuna, from the CRC-32 of {@code "<study name>_<trial number>"}, so it is reproducible for a
 * named study.
 *
 * <p>{@code maxResource} "auto" (empty) becomes the last step + 1 of the longest COMPLETE trial
 * once one has completed; nothing is pruned before. Thread-safe.
 */
public final class HyperbandPruner implements Pruner {

  private final int minResource;
  private final OptionalInt configuredMaxResource;
  private final int reductionFactor;
  private final int bootstrapCount;
  private volatile Brackets brackets;

  private record Brackets(int maxResource, List<SuccessiveHalvingPruner> pruners, int[] budgets, int totalBudget) {}

  /** Optuna's defaults: min_resource 1, max_resource "auto", reduction_factor 3. */
  public HyperbandPruner() {
    this(1, OptionalInt.empty(), 3, 0);
  }

  /**
   * @param maxResource the steps of a full trial, or empty for "auto"
   */
  public HyperbandPruner(int minResource, OptionalInt maxResource, int reductionFactor, int bootstrapCount) {
    this.minResource = PrunerSteps.atLeast("min_resource", minResource, 1);
    if (maxResource.isPresent() && maxResource.getAsInt() < minResource) {
      throw new IllegalArgumentException("max_resource (" + maxResource.getAsInt() + ") must be >= min_resource ("
          + minResource + ") or \"auto\"");
    }
    this.configuredMaxResource = maxResource;
    this.reductionFactor = PrunerSteps.atLeast("reduction_factor", reductionFactor, 2);
    this.bootstrapCount = PrunerSteps.nonNegative("bootstrap_count", bootstrapCount);
    if (bootstrapCount > 0 && maxResource.isEmpty()) {
      throw new IllegalArgumentException("bootstrap_count (" + bootstrapCount + ") > 0 needs a whole max_resource, not \"auto\"");
    }
    if (maxResource.isPresent()) {
      brackets = brackets(maxResource.getAsInt());
    }
  }

  public int minResource() {
    return minResource;
  }

  public int reductionFactor() {
    return reductionFactor;
  }

  /** The maximum resource, empty while "auto" is not yet resolved. */
  public OptionalInt maxResource() {
    Brackets b = brackets;
    return b == null ? configuredMaxResource : OptionalInt.of(b.maxResource());
  }

  /** The number of brackets, empty while "auto" is not yet resolved. */
  public OptionalInt bracketCount() {
    Brackets b = brackets;
    return b == null ? OptionalInt.empty() : OptionalInt.of(b.pruners().size());
  }

  @Override
  public boolean prune(Study study, FrozenTrial trial) {
    Brackets b = brackets(study);
    if (b == null) {
      return false;
    }
    int bracket = bracketOf(b, study.name(), trial.number());
    return b.pruners().get(bracket).prune(study, trial, t -> bracketOf(b, study.name(), t.number()) == bracket);
  }

  /**
   * The bracket of trial {@code number} of {@code study} (by its name); empty while the
   * maximum resource is "auto" and no trial has completed.
   */
  public OptionalInt bracketOf(Study study, int number) {
    Brackets b = brackets(study);
    return b == null ? OptionalInt.empty() : OptionalInt.of(bracketOf(b, study.name(), number));
  }

  private Brackets brackets(Study study) {
    Brackets b = brackets;
    if (b != null) {
      return b;
    }
    synchronized (this) {
      if (brackets == null) {
        int lastStep = study.trials(EnumSet.of(TrialState.COMPLETE)).stream()
            .flatMap(t -> t.lastStep().stream())
            .mapToInt(Integer::intValue)
            .max()
            .orElse(-1);
        if (lastStep < 0) {
          return null;
        }
        brackets = brackets(Math.max(lastStep + 1, minResource));
      }
      return brackets;
    }
  }

  private Brackets brackets(int maxResource) {
    int n = (int) Math.floor(StrictMath.log((double) maxResource / minResource) / StrictMath.log(reductionFactor)) + 1;
    SuccessiveHalvingPruner[] pruners = new SuccessiveHalvingPruner[n];
    int[] budgets = new int[n];
    int total = 0;
    for (int s = 0; s < n; s++) {
      int rest = n - 1 - s;
      budgets[s] = (int) Math.ceil(n * StrictMath.pow(reductionFactor, rest) / (rest + 1));
      total += budgets[s];
      pruners[s] = new SuccessiveHalvingPruner(OptionalInt.of(minResource), reductionFactor, s, bootstrapCount);
    }
    return new Brackets(maxResource, List.of(pruners), budgets, total);
  }

  private static int bracketOf(Brackets b, String studyName, int number) {
    CRC32 crc = new CRC32();
    crc.update((studyName + "_" + number).getBytes(StandardCharsets.UTF_8));
    long n = crc.getValue() % b.totalBudget();
    for (int s = 0; s < b.budgets().length; s++) {
      n -= b.budgets()[s];
      if (n < 0) {
        return s;
      }
    }
    throw new AssertionError("unreachable");
  }

  @Override
  public String toString() {
    return "HyperbandPruner(min_resource=" + minResource + ", max_resource="
        + (maxResource().isPresent() ? maxResource().getAsInt() : "auto") + ", reduction_factor=" + reductionFactor
        + ", bootstrap_count=" + bootstrapCount + ")";
  }
}
