package io.parzen.pruner;

import static io.parzen.pruner.PrunerTesting.complete;
import static io.parzen.pruner.PrunerTesting.firstPrunedStep;
import static io.parzen.pruner.PrunerTesting.prunedAfter;
import static io.parzen.pruner.PrunerTesting.study;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.Trial;
import org.junit.jupiter.api.Test;

class PercentilePrunerTest {

  /** Five COMPLETE trials with curves v - 0.5 * step for v = 1 ... 5, over {@code steps} steps. */
  private static Study withFive(Pruner pruner, StudyDirection direction, int steps) {
    Study study = study(pruner, direction);
    for (int v = 1; v <= 5; v++) {
      double[] curve = new double[steps];
      for (int t = 0; t < steps; t++) {
        curve[t] = v - 0.5 * t;
      }
      complete(study, curve);
    }
    return study;
  }

  @Test
  void medianPrunesATrialWorseThanTheMedianAtItsStep() {
    Study study = withFive(new MedianPruner(), StudyDirection.MINIMIZE, 1);
    assertThat(prunedAfter(study, 3.5)).isTrue();
    assertThat(prunedAfter(study, 2.5)).isFalse();
    assertThat(prunedAfter(study, 3.0)).isFalse();  // equal to the median is kept
  }

  @Test
  void medianDoesNotPruneBeforeTheStartupTrialsCompleted() {
    Study study = study(new MedianPruner(), StudyDirection.MINIMIZE);
    for (int v = 1; v <= 4; v++) {
      complete(study, v);
    }
    assertThat(prunedAfter(study, 100.0)).isFalse();
    complete(study, 5);
    assertThat(prunedAfter(study, 100.0)).isTrue();
  }

  @Test
  void prunedTrialsDoNotCountAsStartupTrials() {
    Study study = study(new MedianPruner(2, 0, 1), StudyDirection.MINIMIZE);
    complete(study, 1.0);
    assertThat(prunedAfter(study, 100.0)).isFalse();
    assertThat(prunedAfter(study, 100.0)).isFalse();
  }

  @Test
  void medianDoesNotPruneDuringWarmupSteps() {
    Study study = withFive(new MedianPruner(5, 2, 1), StudyDirection.MINIMIZE, 5);
    assertThat(firstPrunedStep(study, 9, 9, 9, 9, 9)).isEqualTo(2);
  }

  @Test
  void medianChecksOncePerIntervalAfterTheWarmup() {
    // The medians are 3 - 0.5 * step; a constant 2.9 is kept at step 0 and worse from step 1 on.
    Study everyStep = withFive(new MedianPruner(5, 0, 1), StudyDirection.MINIMIZE, 10);
    assertThat(firstPrunedStep(everyStep, 2.9, 2.9, 2.9, 2.9)).isEqualTo(1);
    Study everyThird = withFive(new MedianPruner(5, 0, 3), StudyDirection.MINIMIZE, 10);
    assertThat(firstPrunedStep(everyThird, 2.9, 2.9, 2.9, 2.9)).isEqualTo(3);
    Study warmupThenEveryThird = withFive(new MedianPruner(5, 1, 3), StudyDirection.MINIMIZE, 10);
    assertThat(firstPrunedStep(warmupThenEveryThird, 3.5, 2.9, 2.9, 2.9, 2.9)).isEqualTo(1);
    assertThat(firstPrunedStep(warmupThenEveryThird, 2.4, 2.4, 2.4, 2.4, 2.4)).isEqualTo(4);

    // A check point with no report is made up at the next reported step (Optuna's rule).
    Trial trial = everyThird.ask();
    trial.report(0, 2.9);
    assertThat(trial.shouldPrune()).isFalse();
    trial.report(4, 2.9);
    assertThat(trial.shouldPrune()).isTrue();
  }

  @Test
  void comparesTheTrialsBestValueSoFar() {
    Study study = withFive(new MedianPruner(), StudyDirection.MINIMIZE, 3);
    // 10 at step 2 is worse than the median 2, but the trial's best so far (1) is not.
    assertThat(prunedAfter(study, 1, 10, 10)).isFalse();
    assertThat(prunedAfter(study, 4, 10, 10)).isTrue();
  }

  @Test
  void medianRespectsMaximize() {
    Study study = withFive(new MedianPruner(), StudyDirection.MAXIMIZE, 1);
    assertThat(prunedAfter(study, 2.5)).isTrue();
    assertThat(prunedAfter(study, 3.5)).isFalse();
  }

  @Test
  void percentile25KeepsOnlyTheBestQuarterAnd75TheBestThreeQuarters() {
    // Completed values 1..5: the 25th percentile is 2, the 75th is 4 (linear interpolation).
    Study p25 = withFive(new PercentilePruner(25), StudyDirection.MINIMIZE, 1);
    Study p75 = withFive(new PercentilePruner(75), StudyDirection.MINIMIZE, 1);
    assertThat(prunedAfter(p25, 3.0)).isTrue();
    assertThat(prunedAfter(p25, 1.5)).isFalse();
    assertThat(prunedAfter(p75, 3.0)).isFalse();
    assertThat(prunedAfter(p75, 4.5)).isTrue();

    Study max25 = withFive(new PercentilePruner(25), StudyDirection.MAXIMIZE, 1);
    assertThat(prunedAfter(max25, 3.0)).isTrue();   // compared with the 75th percentile, 4
    assertThat(prunedAfter(max25, 4.5)).isFalse();
  }

  @Test
  void interpolatesLikeNumpy() {
    assertThat(PrunerSteps.nanPercentile(new double[] {4, 1, 3, 2}, 50)).isEqualTo(2.5);
    assertThat(PrunerSteps.nanPercentile(new double[] {1, Double.NaN, 3}, 50)).isEqualTo(2.0);
    assertThat(PrunerSteps.nanPercentile(new double[] {Double.NaN}, 50)).isNaN();
    assertThat(PrunerSteps.nanPercentile(new double[] {1, 2, 3, 4, 5}, 10)).isCloseTo(1.4, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void nanIntermediateValuesPrune() {
    Study study = withFive(new MedianPruner(), StudyDirection.MINIMIZE, 2);
    assertThat(prunedAfter(study, Double.NaN)).isTrue();
    assertThat(prunedAfter(study, Double.NaN, 1.0)).isFalse();  // NaN is ignored once a number is there
  }

  @Test
  void needsNMinTrialsReportingTheStep() {
    Study study = withFive(new MedianPruner(1, 0, 1, 6), StudyDirection.MINIMIZE, 1);
    assertThat(prunedAfter(study, 100.0)).isFalse();
    complete(study, 1.0);
    assertThat(prunedAfter(study, 100.0)).isTrue();
  }

  @Test
  void doesNotPruneAStepNoCompletedTrialReported() {
    Study study = withFive(new MedianPruner(), StudyDirection.MINIMIZE, 1);
    assertThat(prunedAfter(study, 1.0, 100.0)).isFalse();
  }

  @Test
  void refusesBadOptionsNamingThem() {
    assertThatThrownBy(() -> new PercentilePruner(101)).hasMessageContaining("percentile (101.0)");
    assertThatThrownBy(() -> new PercentilePruner(Double.NaN)).hasMessageContaining("percentile (NaN)");
    assertThatThrownBy(() -> new MedianPruner(-1, 0, 1)).hasMessageContaining("n_startup_trials (-1)");
    assertThatThrownBy(() -> new MedianPruner(5, -2, 1)).hasMessageContaining("n_warmup_steps (-2)");
    assertThatThrownBy(() -> new MedianPruner(5, 0, 0)).hasMessageContaining("interval_steps (0)");
    assertThatThrownBy(() -> new MedianPruner(5, 0, 1, 0)).hasMessageContaining("n_min_trials (0)");
  }

  @Test
  void intervalRuleMatchesOptuna() {
    java.util.List<Integer> none = java.util.List.of();
    assertThat(PrunerSteps.isFirstInIntervalStep(0, java.util.List.of(0), 0, 1)).isTrue();
    assertThat(PrunerSteps.isFirstInIntervalStep(2, java.util.List.of(0, 1, 2), 0, 2)).isTrue();
    assertThat(PrunerSteps.isFirstInIntervalStep(3, java.util.List.of(0, 1, 2, 3), 0, 2)).isFalse();
    assertThat(PrunerSteps.isFirstInIntervalStep(5, java.util.List.of(0, 5), 0, 2)).isTrue();
    assertThat(PrunerSteps.isFirstInIntervalStep(7, none, 3, 2)).isTrue();
  }
}
