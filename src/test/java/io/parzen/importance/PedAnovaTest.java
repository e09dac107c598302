package io.parzen.importance;

import static io.parzen.importance.SyntheticTrials.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.Hp;
import io.parzen.space.IntDistribution;
import io.parzen.space.SearchSpace;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces of PED-ANOVA: the grid, its Parzen estimator, the quantile split. */
class PedAnovaTest {

  @Test
  void theGridHasFiftyPointsOrOnePerValueOfADiscreteParameter() {
    assertThat(GridParzenEstimator.gridSize(FloatDistribution.uniform(0, 1), 50)).isEqualTo(50);
    assertThat(GridParzenEstimator.gridSize(FloatDistribution.logUniform(1e-5, 1), 50)).isEqualTo(50);
    assertThat(GridParzenEstimator.gridSize(FloatDistribution.stepped(0, 1, 0.1), 50)).isEqualTo(11);
    assertThat(GridParzenEstimator.gridSize(IntDistribution.of(1, 8), 50)).isEqualTo(8);
    assertThat(GridParzenEstimator.gridSize(IntDistribution.of(0, 1000), 50)).isEqualTo(50);
    // Optuna: ceil(log2(high - low + 1)) + 1 points for a log-scaled integer.
    assertThat(GridParzenEstimator.gridSize(IntDistribution.logScaled(1, 1024), 50)).isEqualTo(11);
    assertThat(GridParzenEstimator.gridSize(IntDistribution.logScaled(1, 1000), 50)).isEqualTo(11);
    assertThat(GridParzenEstimator.gridSize(CategoricalDistribution.of("a", "b", "c"), 50)).isEqualTo(3);
  }

  @Test
  void valuesGoToTheNearestGridPointWithTiesToTheLowerOne() {
    FloatDistribution d = FloatDistribution.uniform(0, 1);
    assertThat(GridParzenEstimator.gridIndex(d, 0.0, 11)).isZero();
    assertThat(GridParzenEstimator.gridIndex(d, 0.05, 11)).isZero();
    assertThat(GridParzenEstimator.gridIndex(d, 0.0500001, 11)).isEqualTo(1);
    assertThat(GridParzenEstimator.gridIndex(d, 1.0, 11)).isEqualTo(10);
    FloatDistribution log = FloatDistribution.logUniform(1e-4, 1);
    assertThat(GridParzenEstimator.gridIndex(log, 1e-2, 5)).isEqualTo(2);
  }

  @Test
  void theEstimatorIsADistributionOverTheGridPeakedAtTheObservations() {
    int[] counts = new int[20];
    counts[3] = 5;
    counts[4] = 2;
    double[] pdf = GridParzenEstimator.pdf(false, counts, 1.0);
    assertThat(Arrays.stream(pdf).sum()).isCloseTo(1.0, within(1e-12));
    int mode = 0;
    for (int i = 1; i < pdf.length; i++) {
      mode = pdf[i] > pdf[mode] ? i : mode;
    }
    assertThat(mode).isEqualTo(3);
    assertThat(pdf[19]).isGreaterThan(0);  // The prior keeps every point possible.

    double[] categorical = GridParzenEstimator.pdf(true, new int[] {0, 4, 0}, 1.0);
    assertThat(Arrays.stream(categorical).sum()).isCloseTo(1.0, within(1e-12));
    // One kernel on choice 1 (weight 4/5): (1 + 1/2, 1/2, 1/2) / 2.5 with a prior of 1/2 per
    // choice shared by 2 kernels; plus the uniform prior kernel (weight 1/5).
    assertThat(categorical[1]).isCloseTo(0.8 * 0.6 + 0.2 / 3, within(1e-15));
    assertThat(categorical[0]).isCloseTo(0.8 * 0.2 + 0.2 / 3, within(1e-15)).isEqualTo(categorical[2]);
  }

  @Test
  void theNormalMassIsAccurateFarInEitherTail() {
    assertThat(GridParzenEstimator.mass(-1, 1)).isCloseTo(0.6826894921370859, within(1e-15));
    // scipy: norm.sf(10) - norm.sf(11); a difference of CDFs would round to 0.
    assertThat(GridParzenEstimator.mass(10, 11)).isCloseTo(7.61966195820302e-24, within(1e-37));
    assertThat(GridParzenEstimator.mass(-11, -10)).isCloseTo(7.61966195820302e-24, within(1e-37));
  }

  @Test
  void theTopQuantileKeepsTiesAtTheCutOff() {
    SearchSpace space = SearchSpace.of(Hp.uniform("x", 0, 1));
    List<FrozenTrial> trials = SyntheticTrials.random(space, 10, 1, p -> 0);
    double[] losses = {5, 1, 3, 1, 9, 2, 7, 8, 6, 4};
    assertThat(PedAnova.top(trials, losses, 0.1)).extracting(FrozenTrial::number).containsExactly(1, 3);
    assertThat(PedAnova.top(trials, losses, 0.3)).extracting(FrozenTrial::number).containsExactly(1, 3, 5);
    assertThat(PedAnova.top(trials, losses, 1.0)).hasSize(10);
  }

  @Test
  void theGlobalVariantComparesWithTheUniformDensity() {
    SearchSpace space = SearchSpace.of(Hp.uniform("x0", -1, 1), Hp.uniform("x1", -1, 1));
    List<FrozenTrial> trials = SyntheticTrials.random(space, 300, 2, p -> num(p, "x0") * num(p, "x0") + 0.05 * num(p, "x1"));
    ParamImportances global = Importance.pedAnova(trials, StudyDirection.MINIMIZE,
        PedAnovaOptions.defaults().withEvaluateOnLocal(false));
    assertThat(global.ranking()).containsExactly("x0", "x1");
    assertThat(global.importance("x0").getAsDouble()).isGreaterThan(0.7);
    ParamImportances region = Importance.pedAnova(trials, StudyDirection.MINIMIZE,
        PedAnovaOptions.defaults().withTargetQuantile(0.05).withRegionQuantile(0.5));
    assertThat(region.ranking().get(0)).isEqualTo("x0");
  }

  @Test
  void aCategoricalWithManyChoicesIsAssessedByBothEvaluators() {
    List<Object> choices = new ArrayList<>();
    for (int c = 0; c < 24; c++) {
      choices.add("c" + c);
    }
    SearchSpace space = SearchSpace.of(Hp.choice("kind", choices), Hp.uniform("x", 0, 1));
    List<FrozenTrial> trials = SyntheticTrials.random(space, 400, 3,
        p -> Integer.parseInt(((String) p.get("kind")).substring(1)) % 5 + 0.1 * num(p, "x"));
    // fANOVA's one-hot grid would have 2^24 cells; the pairwise route takes over.
    ParamImportances fanova = Importance.fanova(trials, StudyDirection.MINIMIZE, FanovaOptions.seeded(0).withTrees(16));
    assertThat(fanova.ranking()).containsExactly("kind", "x");
    assertThat(fanova.importance("kind").getAsDouble()).isGreaterThan(0.9);
    // PED-ANOVA's categorical estimator spreads a prior over all 24 choices, which damps them
    // (as in Optuna); the kind still counts.
    ParamImportances ped = Importance.pedAnova(trials, StudyDirection.MINIMIZE, PedAnovaOptions.defaults());
    assertThat(ped.importance("kind").getAsDouble()).isGreaterThan(0.1);
  }
}
