package io.parzen.importance;

import java.util.List;

/**
 * Settings of {@link Importance#pedAnova}, with the defaults of Optuna's
 * {@code PedAnovaImportanceEvaluator}. Immutable; invalid values throw
 * {@link IllegalArgumentException} naming the field.
 *
 * @param targetQuantile the top share of trials whose parameters are examined ({@code gamma'});
 *     0.1 asks which parameters matter to reach the best 10 %
 * @param regionQuantile the share of trials that defines the region compared against
 *     ({@code gamma}); 1 for all trials. Requires {@code 0 < targetQuantile < regionQuantile <= 1}.
 * @param evaluateOnLocal compare against the density of the trials in the region (how the study
 *     explored) rather than against the uniform density over the search space
 * @param params the parameters to assess; empty for every parameter of any usable trial,
 *     conditional ones included
 * @param objective which objective value of the trials to explain (0 for single-objective studies)
 */
public record PedAnovaOptions(double targetQuantile, double regionQuantile, boolean evaluateOnLocal,
    List<String> params, int objective) {

  public PedAnovaOptions {
    if (!(targetQuantile > 0 && targetQuantile < regionQuantile)) {
      throw new IllegalArgumentException("targetQuantile (" + targetQuantile
          + ") must be > 0 and < regionQuantile (" + regionQuantile + ")");
    }
    if (!(regionQuantile <= 1)) {
      throw new IllegalArgumentException("regionQuantile (" + regionQuantile + ") must be <= 1");
    }
    params = List.copyOf(params);
    if (objective < 0) {
      throw new IllegalArgumentException("objective (" + objective + ") must be >= 0");
    }
  }

  /** Optuna's defaults: top 10 % against all trials, evaluated on the explored region. */
  public static PedAnovaOptions defaults() {
    return new PedAnovaOptions(0.1, 1.0, true, List.of(), 0);
  }

  public PedAnovaOptions withTargetQuantile(double quantile) {
    return new PedAnovaOptions(quantile, regionQuantile, evaluateOnLocal, params, objective);
  }

  public PedAnovaOptions withRegionQuantile(double quantile) {
    return new PedAnovaOptions(targetQuantile, quantile, evaluateOnLocal, params, objective);
  }

  public PedAnovaOptions withEvaluateOnLocal(boolean local) {
    return new PedAnovaOptions(targetQuantile, regionQuantile, local, params, objective);
  }

  public PedAnovaOptions withParams(List<String> newParams) {
    return new PedAnovaOptions(targetQuantile, regionQuantile, evaluateOnLocal, newParams, objective);
  }

  public PedAnovaOptions withObjective(int newObjective) {
    return new PedAnovaOptions(targetQuantile, regionQuantile, evaluateOnLocal, params, newObjective);
  }
}
