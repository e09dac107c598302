package io.parzen.pruner;

import static io.parzen.pruner.PrunerTesting.complete;
import static io.parzen.pruner.PrunerTesting.study;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingPrunerTest {

  private static Map<String, Object> attrs(Study study, Trial trial) {
    return study.storage().trials(study.id()).get(trial.number()).systemAttrs();
  }

  /** Reports {@code value} at {@code step} and asks the pruner. */
  private static boolean reportAndAsk(Trial trial, int step, double value) {
    trial.report(step, value);
    return trial.shouldPrune();
  }

  @Test
  void promotesTheTopFractionAtTheFirstRungAndRecordsIt() {
    Study study = study(new SuccessiveHalvingPruner(OptionalInt.of(1), 4, 0, 0), StudyDirection.MINIMIZE);
    List<Trial> trials = new ArrayList<>();
    List<Boolean> pruned = new ArrayList<>();
    // Rung 0 ends at step 1. While fewer than 4 trials reached it, only the best so far goes on.
    for (double v : new double[] {5, 6, 7, 8, 9, 10, 11, 5.5, 6}) {
      Trial t = study.ask();
      trials.add(t);
      t.report(0, 100);
      assertThat(t.shouldPrune()).isFalse();  // step 0 is before the first rung
      pruned.add(reportAndAsk(t, 1, v));
    }
    // 8 values at the rung: the top 2 (5, 5.5) go on; with 9 the top 2 still, so 6 stops.
    assertThat(pruned).containsExactly(false, true, true, true, true, true, true, false, true);
    for (int i = 0; i < trials.size(); i++) {
      assertThat(attrs(study, trials.get(i))).containsKey("completed_rung_0").doesNotContainKey("completed_rung_1");
    }
    assertThat(((Number) attrs(study, trials.get(7)).get("completed_rung_0")).doubleValue()).isEqualTo(5.5);
  }

  @Test
  void climbsRungsAtMinResourceTimesReductionFactorPowers() {
    Study study = study(new SuccessiveHalvingPruner(OptionalInt.of(2), 2, 0, 0), StudyDirection.MINIMIZE);
    Trial first = study.ask();
    // Rungs end at steps 2, 4, 8.
    for (int step = 0; step <= 8; step++) {
      assertThat(reportAndAsk(first, step, 10 - step)).isFalse();
    }
    assertThat(attrs(study, first)).containsOnlyKeys("completed_rung_0", "completed_rung_1", "completed_rung_2");
    assertThat(((Number) attrs(study, first).get("completed_rung_1")).doubleValue()).isEqualTo(6.0);

    Trial second = study.ask();
    assertThat(reportAndAsk(second, 1, 1.0)).isFalse();
    assertThat(reportAndAsk(second, 2, 1.0)).isFalse();  // better than 8 at rung 0
    assertThat(reportAndAsk(second, 4, 7.0)).isTrue();   // worse than 6 at rung 1 (2 values: top 1)
    assertThat(attrs(study, second)).containsOnlyKeys("completed_rung_0", "completed_rung_1");
  }

  @Test
  void minEarlyStoppingRateDelaysTheFirstRung() {
    Study study = study(new SuccessiveHalvingPruner(OptionalInt.of(1), 3, 1, 0), StudyDirection.MINIMIZE);
    Trial a = study.ask();
    assertThat(reportAndAsk(a, 3, 1.0)).isFalse();
    Trial b = study.ask();
    assertThat(reportAndAsk(b, 1, 9.0)).isFalse();
    assertThat(reportAndAsk(b, 2, 9.0)).isFalse();
    assertThat(reportAndAsk(b, 3, 9.0)).isTrue();
  }

  @Test
  void respectsMaximize() {
    Study study = study(new SuccessiveHalvingPruner(OptionalInt.of(1), 4, 0, 0), StudyDirection.MAXIMIZE);
    assertThat(reportAndAsk(study.ask(), 1, 5.0)).isFalse();
    assertThat(reportAndAsk(study.ask(), 1, 4.0)).isTrue();
    assertThat(reportAndAsk(study.ask(), 1, 6.0)).isFalse();
  }

  @Test
  void nanAtARungPrunes() {
    Study study = study(new SuccessiveHalvingPruner(OptionalInt.of(1), 4, 0, 0), StudyDirection.MINIMIZE);
    Trial t = study.ask();
    assertThat(reportAndAsk(t, 0, Double.NaN)).isFalse();
    assertThat(reportAndAsk(t, 1, Double.NaN)).isTrue();
  }

  @Test
  void bootstrapCountWaitsForEnoughTrialsAtTheRung() {
    Study study = study(new SuccessiveHalvingPruner(OptionalInt.of(1), 2, 0, 2), StudyDirection.MINIMIZE);
    assertThat(reportAndAsk(study.ask(), 1, 1.0)).isTrue();
    assertThat(reportAndAsk(study.ask(), 1, 0.5)).isTrue();
    assertThat(reportAndAsk(study.ask(), 1, 0.1)).isFalse();
  }

  @Test
  void autoMinResourceWaitsForACompletedTrial() {
    SuccessiveHalvingPruner pruner = new SuccessiveHalvingPruner();
    Study study = study(pruner, StudyDirection.MINIMIZE);
    Trial early = study.ask();
    assertThat(reportAndAsk(early, 5, 100.0)).isFalse();
    assertThat(pruner.minResource()).isEmpty();
    double[] curve = new double[400];
    complete(study, curve);  // last step 399: min_resource 3
    assertThat(reportAndAsk(early, 6, 100.0)).isFalse();  // first at rung 0 (step 3): promoted
    assertThat(pruner.minResource()).hasValue(3);
    Trial late = study.ask();
    assertThat(reportAndAsk(late, 2, 200.0)).isFalse();
    assertThat(reportAndAsk(late, 3, 200.0)).isTrue();
  }

  @Test
  void refusesBadOptionsNamingThem() {
    assertThatThrownBy(() -> new SuccessiveHalvingPruner(OptionalInt.of(0), 4, 0, 0)).hasMessageContaining("min_resource (0)");
    assertThatThrownBy(() -> new SuccessiveHalvingPruner(OptionalInt.of(1), 1, 0, 0)).hasMessageContaining("reduction_factor (1)");
    assertThatThrownBy(() -> new SuccessiveHalvingPruner(OptionalInt.of(1), 4, -1, 0)).hasMessageContaining("min_early_stopping_rate (-1)");
    assertThatThrownBy(() -> new SuccessiveHalvingPruner(OptionalInt.of(1), 4, 0, -1)).hasMessageContaining("bootstrap_count (-1)");
    assertThatThrownBy(() -> new SuccessiveHalvingPruner(OptionalInt.empty(), 4, 0, 2)).hasMessageContaining("bootstrap_count (2)");
  }
}
