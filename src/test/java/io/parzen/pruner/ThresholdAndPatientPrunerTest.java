package io.parzen.pruner;

import static io.parzen.pruner.PrunerTesting.firstPrunedStep;
import static io.parzen.pruner.PrunerTesting.prunedAfter;
import static io.parzen.pruner.PrunerTesting.study;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThresholdAndPatientPrunerTest {

  @Test
  void thresholdPrunesAboveUpperAndBelowLower() {
    // Optuna's documented example.
    Study upper = study(new ThresholdPruner(null, 1.0), StudyDirection.MINIMIZE);
    assertThat(firstPrunedStep(upper, 0.0, 0.1, 0.2, 0.5, 1.2)).isEqualTo(4);
    Study lower = study(new ThresholdPruner(0.0, null), StudyDirection.MINIMIZE);
    assertThat(firstPrunedStep(lower, 100.0, 90.0, 0.1, 0.0, -1)).isEqualTo(4);
    Study both = study(new ThresholdPruner(0.0, 1.0), StudyDirection.MAXIMIZE);
    assertThat(firstPrunedStep(both, 0.5, 0.7, 1.0, 0.0)).isEqualTo(-1);
  }

  @Test
  void thresholdPrunesNaN() {
    Study study = study(new ThresholdPruner(null, 1.0), StudyDirection.MINIMIZE);
    assertThat(firstPrunedStep(study, 0.5, Double.NaN)).isEqualTo(1);
  }

  @Test
  void thresholdRespectsWarmupAndInterval() {
    Study warm = study(new ThresholdPruner(null, 1.0, 2, 1), StudyDirection.MINIMIZE);
    assertThat(firstPrunedStep(warm, 5, 5, 5)).isEqualTo(2);
    Study interval = study(new ThresholdPruner(null, 1.0, 0, 3), StudyDirection.MINIMIZE);
    assertThat(firstPrunedStep(interval, 0, 5, 5, 5)).isEqualTo(3);
  }

  @Test
  void thresholdRefusesBadBounds() {
    assertThatThrownBy(() -> new ThresholdPruner(null, null)).hasMessageContaining("lower or upper");
    assertThatThrownBy(() -> new ThresholdPruner(2.0, 1.0)).hasMessageContaining("lower (2.0)").hasMessageContaining("upper (1.0)");
    assertThatThrownBy(() -> new ThresholdPruner(0.0, 1.0, -1, 1)).hasMessageContaining("n_warmup_steps (-1)");
    assertThatThrownBy(() -> new ThresholdPruner(0.0, 1.0, 0, 0)).hasMessageContaining("interval_steps (0)");
  }

  @Test
  void patientWaitsPatienceStepsWithoutImprovement() {
    Study study = study(new PatientPruner(null, 2), StudyDirection.MINIMIZE);
    // Improves at step 1, then no better value for 2 steps: pruned at step 3... only once the
    // best of the last patience + 1 steps is worse than the best before them.
    assertThat(prunedAfter(study, 1.0, 0.9, 0.95, 0.95)).isFalse();
    assertThat(prunedAfter(study, 1.0, 0.9, 0.95, 0.95, 0.92)).isTrue();
    assertThat(firstPrunedStep(study, 1.0, 0.9, 0.8, 0.7, 0.6, 0.65, 0.66, 0.67)).isEqualTo(7);
  }

  @Test
  void patientToleratesMinDelta() {
    Study strict = study(new PatientPruner(null, 2, 0.0), StudyDirection.MINIMIZE);
    Study tolerant = study(new PatientPruner(null, 2, 0.05), StudyDirection.MINIMIZE);
    assertThat(prunedAfter(strict, 1.0, 0.9, 0.95, 0.95, 0.92)).isTrue();
    assertThat(prunedAfter(tolerant, 1.0, 0.9, 0.95, 0.95, 0.92)).isFalse();
    assertThat(prunedAfter(tolerant, 1.0, 0.9, 0.97, 0.97, 0.96)).isTrue();
  }

  @Test
  void patientRespectsMaximize() {
    Study study = study(new PatientPruner(null, 1), StudyDirection.MAXIMIZE);
    assertThat(prunedAfter(study, 0.5, 0.8, 0.7, 0.6)).isTrue();
    assertThat(prunedAfter(study, 0.5, 0.8, 0.7, 0.9)).isFalse();
  }

  @Test
  void patientAsksTheWrappedPrunerOnlyOnceStalled() {
    AtomicInteger asked = new AtomicInteger();
    Pruner never = (s, t) -> {
      asked.incrementAndGet();
      return false;
    };
    Study study = study(new PatientPruner(never, 1), StudyDirection.MINIMIZE);
    assertThat(prunedAfter(study, 3, 2, 1)).isFalse();
    assertThat(asked).hasValue(0);
    assertThat(prunedAfter(study, 1, 2, 3)).isFalse();
    assertThat(asked).hasValue(1);
    Study always = study(new PatientPruner((s, t) -> true, 1), StudyDirection.MINIMIZE);
    assertThat(prunedAfter(always, 3, 2, 1)).isFalse();
    assertThat(prunedAfter(always, 1, 2, 3)).isTrue();
  }

  @Test
  void patientRefusesBadOptions() {
    assertThatThrownBy(() -> new PatientPruner(null, -1)).hasMessageContaining("patience (-1)");
    assertThatThrownBy(() -> new PatientPruner(null, 1, -0.5)).hasMessageContaining("min_delta (-0.5)");
  }
}
