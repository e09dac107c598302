package io.parzen.importance;

import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.util.Collection;

/**
 * Hyperparameter importance of a study: how much each parameter explains of the objective value
 * (fANOVA) or of reaching the best trials (PED-ANOVA).
 *
 * <pre>{@code
 * ParamImportances fanova = Importance.fanova(study.trials(), study.direction(), FanovaOptions.seeded(0));
 * fanova.asMap();  // {"x0"=0.93, "x1"=0.07}, most important first, summing to 1
 * ParamImportances ped = Importance.pedAnova(study.trials(), study.direction(), PedAnovaOptions.defaults());
 * }</pre>
 *
 * <p>Only COMPLETE trials with a finite value of the chosen objective count; FAIL, PRUNED,
 * RUNNING and WAITING trials and NaN or infinite values are ignored. Maximised objectives are
 * handled (PED-ANOVA looks at the highest values then); the same study maximising {@code v} or
 * minimising {@code -v} gets the same importances. Thread-safe: every call works on its own data.
 * Invalid arguments (an unknown parameter, an objective index the trials lack) throw
 * {@link IllegalArgumentException} naming the problem.
 */
public final class Importance {

  private Importance() {}

  /**
   * fANOVA importances as Optuna's {@code FanovaImportanceEvaluator} computes them (Hutter et al.,
   * ICML 2014): a random forest of regression trees (64 by default, bootstrapped, fully grown,
   * every feature tried at every split) predicts the objective from the parameters; for each tree,
   * a parameter's importance is the variance of the tree's prediction averaged over all other
   * parameters, divided by the prediction's total variance, both under the uniform distribution
   * over the search space; the shares are averaged over the trees and normalised to sum to 1.
   *
   * <p>Parameters are encoded as Optuna's evaluator encodes them: numbers as they are over
   * {@code [low, high]} (log-scaled ones too: Optuna does not take the logarithm here), a
   * categorical parameter as one {@code [0, 1]} column per choice, whose columns together make up
   * the parameter. Parameters with a single value get importance 0.
   *
   * <p>Conditional parameters: by default (empty {@link FanovaOptions#params}) only parameters
   * present in every usable trial with one distribution are assessed, as in Optuna; the others are
   * listed in {@link ParamImportances#excluded} with the reason. Naming parameters in
   * {@code params} assesses them on the trials where all of them are active (the trials where one
   * is inactive, or missing, are left out).
   *
   * <p>Unlike scikit-learn, two parameter values are told apart however close they are (it
   * ignores differences below 1e-7, which hides parameters with tiny ranges), and a node is pure
   * only when its values are equal (not when their variance is below 2.2e-16).
   */
  public static ParamImportances fanova(Collection<FrozenTrial> trials, StudyDirection direction,
      FanovaOptions options) {
    return Fanova.evaluate(trials, direction, options);
  }

  /** fANOVA with Optuna's defaults and the given seed over a single-objective study. */
  public static ParamImportances fanova(Study study, long seed) {
    return fanova(study.trials(), study.direction(), FanovaOptions.seeded(seed));
  }

  /**
   * PED-ANOVA importances as Optuna's {@code PedAnovaImportanceEvaluator} (Optuna 3.6+, with the
   * conditional extension of later versions) computes them (Watanabe et al., IJCAI 2023): the
   * trials in the top {@code targetQuantile} are compared with those of the region (all trials by
   * default) one parameter at a time; each side's values are smoothed by a Parzen estimator on a
   * grid of at most 50 points (log-scaled parameters on a log grid), and the importance is the
   * Pearson divergence between the two densities, normalised to sum to 1. Much cheaper than fANOVA
   * and deterministic.
   *
   * <p>Conditional parameters are assessed: each distribution a parameter was drawn from, and its
   * absence, is a regime; every regime contributes its divergence weighted by its share of the top
   * trials (squared) over its share of the region. Regimes of fewer than 2 trials are ignored,
   * with a warning.
   */
  public static ParamImportances pedAnova(Collection<FrozenTrial> trials, StudyDirection direction,
      PedAnovaOptions options) {
    return PedAnova.evaluate(trials, direction, options);
  }

  /** PED-ANOVA with Optuna's defaults over a single-objective study. */
  public static ParamImportances pedAnova(Study study) {
    return pedAnova(study.trials(), study.direction(), PedAnovaOptions.defaults());
  }
}
