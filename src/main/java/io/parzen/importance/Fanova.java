package io.parzen.importance;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** The fANOVA evaluator behind {@link Importance#fanova}; see there for the contract. */
final class Fanova {

  private Fanova() {}

  static ParamImportances evaluate(Collection<FrozenTrial> all, StudyDirection direction, FanovaOptions options) {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(options, "options");
    List<FrozenTrial> usable = UsableTrials.of(all, options.objective());
    List<String> warnings = new ArrayList<>();
    List<ParamImportances.Excluded> excluded = new ArrayList<>();
    Map<String, Distribution> space = new TreeMap<>();
    List<FrozenTrial> trials;
    if (options.params().isEmpty()) {
      trials = usable;
      intersection(usable, space, excluded);
    } else {
      trials = withAll(usable, options.params(), space);
    }
    Map<String, double[]> raw = new LinkedHashMap<>();
    if (space.isEmpty()) {
      if (usable.isEmpty()) {
        warnings.add("no completed trial with a finite value");
      }
      return new ParamImportances(ParamImportances.Method.FANOVA, List.of(), trials.size(), excluded, warnings);
    }
    List<String> varying = new ArrayList<>();
    for (Map.Entry<String, Distribution> e : space.entrySet()) {
      if (e.getValue().isSingle()) {
        raw.put(e.getKey(), new double[] {0, 0});
      } else {
        varying.add(e.getKey());
      }
    }
    if (trials.size() < 2 || varying.isEmpty()) {
      for (String name : varying) {
        raw.put(name, new double[] {0, 0});
      }
      String why = trials.size() < 2
          ? "fANOVA needs at least 2 completed trials with a finite value, got " + trials.size()
              + "; importances are equal"
          : "every parameter takes a single value; importances are equal";
      return new ParamImportances(ParamImportances.Method.FANOVA, UsableTrials.normalised(raw, warnings, why),
          trials.size(), excluded, warnings);
    }

    // Optuna's encoding (transform_log=False, transform_step=False): numbers as they are over
    // [low, high], log-scaled ones included; a categorical becomes one [0, 1] column per choice.
    int columns = 0;
    int[][] groups = new int[varying.size()][];
    for (int p = 0; p < varying.size(); p++) {
      Distribution d = space.get(varying.get(p));
      int width = d instanceof CategoricalDistribution c ? c.choices().size() : 1;
      groups[p] = new int[width];
      for (int c = 0; c < width; c++) {
        groups[p][c] = columns++;
      }
    }
    double[] low = new double[columns];
    double[] high = new double[columns];
    double[][] x = new double[columns][trials.size()];
    for (int p = 0; p < varying.size(); p++) {
      String name = varying.get(p);
      Distribution d = space.get(name);
      int first = groups[p][0];
      if (d instanceof FloatDistribution f) {
        low[first] = f.low();
        high[first] = f.high();
      } else if (d instanceof IntDistribution i) {
        low[first] = i.low();
        high[first] = i.high();
      } else {
        for (int col : groups[p]) {
          low[col] = 0;
          high[col] = 1;
        }
      }
      for (int i = 0; i < trials.size(); i++) {
        double internal = trials.get(i).internalParam(name);
        if (d instanceof CategoricalDistribution) {
          x[first + (int) internal][i] = 1;
        } else {
          x[first][i] = internal;
        }
      }
    }
    double[] y = new double[trials.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = UsableTrials.loss(trials.get(i), options.objective(), direction);
    }

    List<RegressionTree> forest = RandomForest.grow(x, y, options.trees(), options.maxDepth(),
        options.minSamplesSplit(), options.minSamplesLeaf(), options.seed(), options.parallel());
    double[][] fractions = new double[varying.size()][forest.size()];
    int informative = 0;
    for (RegressionTree tree : forest) {
      FunctionalAnova anova = new FunctionalAnova(tree, low, high);
      double total = anova.variance();
      if (!(total > 0)) {
        continue;  // A tree that predicts one value everywhere explains nothing (Optuna skips it too).
      }
      for (int p = 0; p < varying.size(); p++) {
        fractions[p][informative] = anova.marginalVariance(groups[p]) / total;
      }
      informative++;
    }
    for (int p = 0; p < varying.size(); p++) {
      double mean = 0;
      for (int t = 0; t < informative; t++) {
        mean += fractions[p][t];
      }
      mean = informative == 0 ? 0 : mean / informative;
      double square = 0;
      for (int t = 0; t < informative; t++) {
        square += (fractions[p][t] - mean) * (fractions[p][t] - mean);
      }
      raw.put(varying.get(p), new double[] {mean, informative == 0 ? 0 : Math.sqrt(square / informative)});
    }
    String why = "the objective value is the same in all " + trials.size() + " trials; importances are equal";
    return new ParamImportances(ParamImportances.Method.FANOVA, UsableTrials.normalised(raw, warnings, why),
        trials.size(), excluded, warnings);
  }

  /**
   * Optuna's default search space: the parameters every usable trial holds, each with one
   * distribution throughout; the others go to {@code excluded} with the reason.
   */
  private static void intersection(List<FrozenTrial> trials, Map<String, Distribution> space,
      List<ParamImportances.Excluded> excluded) {
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, Distribution> first = new TreeMap<>();
    TreeSet<String> changing = new TreeSet<>();
    for (FrozenTrial t : trials) {
      for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
        counts.merge(e.getKey(), 1, Integer::sum);
        Distribution seen = first.putIfAbsent(e.getKey(), e.getValue());
        if (seen != null && !seen.equals(e.getValue())) {
          changing.add(e.getKey());
        }
      }
    }
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      String name = e.getKey();
      if (e.getValue() < trials.size()) {
        excluded.add(new ParamImportances.Excluded(name, "inactive in " + (trials.size() - e.getValue()) + " of "
            + trials.size() + " trials (conditional); fANOVA assesses only parameters present in every trial, "
            + "unless named in params; PED-ANOVA assesses it"));
      } else if (changing.contains(name)) {
        excluded.add(new ParamImportances.Excluded(name, "its distribution changes between trials"));
      } else {
        space.put(name, first.get(name));
      }
    }
  }

  /** The trials holding every parameter of {@code params}; fills {@code space} with their distributions. */
  private static List<FrozenTrial> withAll(List<FrozenTrial> usable, List<String> params,
      Map<String, Distribution> space) {
    for (String name : params) {
      if (usable.stream().noneMatch(t -> t.distributions().containsKey(name))) {
        throw new IllegalArgumentException("parameter \"" + name + "\" is in none of the " + usable.size()
            + " completed trials with a finite value");
      }
    }
    List<FrozenTrial> trials = new ArrayList<>();
    for (FrozenTrial t : usable) {
      if (t.distributions().keySet().containsAll(params)) {
        trials.add(t);
        for (String name : params) {
          Distribution d = t.distributions().get(name);
          Distribution seen = space.putIfAbsent(name, d);
          if (seen != null && !seen.equals(d)) {
            throw new IllegalArgumentException("parameter \"" + name + "\" changes distribution between trials ("
                + seen.describe() + ", then " + d.describe() + " in trial " + t.number()
                + "); fANOVA needs one search space");
          }
        }
      }
    }
    if (trials.isEmpty()) {
      throw new IllegalArgumentException("no completed trial holds all of the parameters " + params);
    }
    return trials;
  }
}
