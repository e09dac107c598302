package io.parzen.importance;

import java.util.List;

/**
 * Settings of {@link Importance#fanova}, with the defaults of Optuna's
 * {@code FanovaImportanceEvaluator}: 64 trees of depth at most 64, {@code min_samples_split = 2},
 * {@code min_samples_leaf = 1}. Immutable; invalid values throw {@link IllegalArgumentException}
 * naming the field.
 *
 * @param trees number of trees in the forest
 * @param maxDepth the deepest a tree may grow
 * @param minSamplesSplit a node with fewer distinct samples is a leaf
 * @param minSamplesLeaf fewest distinct samples on each side of a split
 * @param seed seeds the bootstrap samples and tie-breaking; equal seeds give equal results
 * @param params the parameters to assess; empty for every parameter present in every usable
 *     trial (Optuna's default). When given, only the trials holding all of them are used, so
 *     conditional parameters can be assessed where they are active.
 * @param objective which objective value of the trials to explain (0 for single-objective studies)
 * @param parallel whether the trees grow on the common fork-join pool; the result is the same
 */
public record FanovaOptions(int trees, int maxDepth, int minSamplesSplit, int minSamplesLeaf, long seed,
    List<String> params, int objective, boolean parallel) {

  public FanovaOptions {
    positive("trees", trees);
    positive("maxDepth", maxDepth);
    if (minSamplesSplit < 2) {
      throw new IllegalArgumentException("minSamplesSplit (" + minSamplesSplit + ") must be at least 2");
    }
    positive("minSamplesLeaf", minSamplesLeaf);
    params = List.copyOf(params);
    if (objective < 0) {
      throw new IllegalArgumentException("objective (" + objective + ") must be >= 0");
    }
  }

  static void positive(String field, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " (" + value + ") must be at least 1");
    }
  }

  /** Optuna's defaults with the given seed, single-threaded. */
  public static FanovaOptions seeded(long seed) {
    return new FanovaOptions(64, 64, 2, 1, seed, List.of(), 0, false);
  }

  public FanovaOptions withTrees(int newTrees) {
    return new FanovaOptions(newTrees, maxDepth, minSamplesSplit, minSamplesLeaf, seed, params, objective, parallel);
  }

  public FanovaOptions withParams(List<String> newParams) {
    return new FanovaOptions(trees, maxDepth, minSamplesSplit, minSamplesLeaf, seed, newParams, objective, parallel);
  }

  public FanovaOptions withObjective(int newObjective) {
    return new FanovaOptions(trees, maxDepth, minSamplesSplit, minSamplesLeaf, seed, params, newObjective, parallel);
  }

  public FanovaOptions withParallel(boolean newParallel) {
    return new FanovaOptions(trees, maxDepth, minSamplesSplit, minSamplesLeaf, seed, params, objective, newParallel);
  }
}
