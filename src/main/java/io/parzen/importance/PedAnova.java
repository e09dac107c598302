package io.parzen.importance;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The PED-ANOVA evaluator behind {@link Importance#pedAnova}; see there for the contract. */
final class PedAnova {

  /** Optuna's grid for numeric parameters: {@code linspace(low, high, 50)}. */
  static final int GRID_STEPS = 50;
  /** Weight of the prior kernel of every estimator. */
  static final double PRIOR_WEIGHT = 1.0;
  /** Regimes (distributions of a conditional parameter, or its absence) with fewer trials are ignored. */
  static final int MIN_TRIALS_IN_REGIME = 2;
  /** Added to every density before the ratio, as Optuna does, so that empty grid points stay finite. */
  private static final double EPSILON = 1e-12;

  private PedAnova() {}

  static ParamImportances evaluate(Collection<FrozenTrial> all, StudyDirection direction, PedAnovaOptions options) {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(options, "options");
    List<FrozenTrial> trials = UsableTrials.of(all, options.objective());
    List<String> params = params(trials, options.params());
    List<String> warnings = new ArrayList<>();
    Map<String, double[]> raw = new LinkedHashMap<>();
    for (String name : params) {
      raw.put(name, new double[] {0, Double.NaN});
    }
    if (trials.size() < 2) {
      List<ParamImportances.Entry> entries = UsableTrials.normalised(raw, warnings,
          "PED-ANOVA needs at least 2 completed trials with a finite value, got " + trials.size()
              + "; importances are equal");
      return new ParamImportances(ParamImportances.Method.PED_ANOVA, entries, trials.size(), List.of(), warnings);
    }
    double[] losses = new double[trials.size()];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = UsableTrials.loss(trials.get(i), options.objective(), direction);
    }
    List<FrozenTrial> target = top(trials, losses, options.targetQuantile());
    List<FrozenTrial> region = top(trials, losses, options.regionQuantile());
    if (target.size() == region.size()) {
      warnings.add("the top " + options.targetQuantile() + " and the region " + options.regionQuantile()
          + " select the same " + target.size() + " trials; importances are equal");
    }
    Set<FrozenTrial> inTarget = Collections.newSetFromMap(new IdentityHashMap<>());
    inTarget.addAll(target);
    double quantile = (double) target.size() / region.size();
    Set<String> sparse = new TreeSet<>();
    for (String name : params) {
      // Conditional PED-ANOVA: one term per regime (each distribution of the parameter, or its
      // absence), weighted by the regime's share of the top trials and of the region.
      Map<Distribution, List<FrozenTrial>> regimes = new LinkedHashMap<>();
      for (FrozenTrial t : region) {
        regimes.computeIfAbsent(t.distributions().get(name), d -> new ArrayList<>()).add(t);
      }
      double importance = 0;
      for (Map.Entry<Distribution, List<FrozenTrial>> e : regimes.entrySet()) {
        List<FrozenTrial> regionRegime = e.getValue();
        if (regionRegime.size() < MIN_TRIALS_IN_REGIME) {
          sparse.add(name);
          continue;
        }
        Distribution d = e.getKey();
        List<FrozenTrial> targetRegime = regionRegime.stream().filter(inTarget::contains).toList();
        if (d == null || d.isSingle() || targetRegime.isEmpty()) {
          continue;
        }
        double alpha = (double) targetRegime.size() / target.size();
        double beta = (double) regionRegime.size() / region.size();
        importance += alpha * alpha / beta
            * pearsonDivergence(name, d, targetRegime, regionRegime, options.evaluateOnLocal());
      }
      raw.get(name)[0] = importance * quantile * quantile;
    }
    for (String name : sparse) {
      warnings.add("\"" + name + "\" has a regime with fewer than " + MIN_TRIALS_IN_REGIME
          + " trials, left out; its importance may be inaccurate");
    }
    List<ParamImportances.Entry> entries = UsableTrials.normalised(raw, warnings,
        "no parameter's density differs between the top trials and the region; importances are equal");
    return new ParamImportances(ParamImportances.Method.PED_ANOVA, entries, trials.size(), List.of(), warnings);
  }

  /** The parameters to assess: the given ones (each must occur), or every one that occurs. */
  private static List<String> params(List<FrozenTrial> trials, List<String> requested) {
    Set<String> present = new TreeSet<>();
    for (FrozenTrial t : trials) {
      present.addAll(t.distributions().keySet());
    }
    if (requested.isEmpty()) {
      return new ArrayList<>(present);
    }
    for (String name : requested) {
      if (!present.contains(name)) {
        throw new IllegalArgumentException("parameter \"" + name + "\" is in none of the " + trials.size()
            + " completed trials with a finite value");
      }
    }
    return new ArrayList<>(new LinkedHashSet<>(requested));
  }

  /**
   * The trials whose loss is at most the {@code quantile} quantile (Optuna's inverted-CDF rule,
   * ties at the cut-off included), in their original order.
   */
  static List<FrozenTrial> top(List<FrozenTrial> trials, double[] losses, double quantile) {
    if (quantile >= 1.0) {
      return trials;
    }
    double[] sorted = losses.clone();
    Arrays.sort(sorted);
    int cutoffIndex = Math.max(0, (int) Math.ceil(quantile * losses.length) - 1);
    double cutoff = sorted[cutoffIndex];
    List<FrozenTrial> top = new ArrayList<>();
    for (int i = 0; i < losses.length; i++) {
      if (losses[i] <= cutoff) {
        top.add(trials.get(i));
      }
    }
    return top;
  }

  /**
   * {@code sum_grid p_local (p_top / p_local - 1)^2}: how far the top trials' density of the
   * parameter is from the region's (or, with {@code local} false, from the uniform density).
   */
  static double pearsonDivergence(String name, Distribution d, List<FrozenTrial> topTrials,
      List<FrozenTrial> regionTrials, boolean local) {
    int size = GridParzenEstimator.gridSize(d, GRID_STEPS);
    boolean categorical = d instanceof CategoricalDistribution;
    double[] top = GridParzenEstimator.pdf(categorical, counts(name, d, topTrials, size), PRIOR_WEIGHT);
    double[] reference = local
        ? GridParzenEstimator.pdf(categorical, counts(name, d, regionTrials, size), PRIOR_WEIGHT)
        : null;
    double divergence = 0;
    for (int i = 0; i < size; i++) {
      double p = top[i] + EPSILON;
      double q = local ? reference[i] + EPSILON : 1.0 / size;
      double ratio = p / q - 1;
      divergence += q * ratio * ratio;
    }
    return divergence;
  }

  private static int[] counts(String name, Distribution d, List<FrozenTrial> trials, int size) {
    int[] counts = new int[size];
    for (FrozenTrial t : trials) {
      counts[GridParzenEstimator.gridIndex(d, t.internalParam(name), size)]++;
    }
    return counts;
  }
}
