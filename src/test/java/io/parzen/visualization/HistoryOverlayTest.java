package io.parzen.visualization;

import static io.parzen.visualization.OptimizationHistoryTest.trial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryOverlayTest {

  private static final List<FrozenTrial> TPE = List.of(
      trial(0, TrialState.COMPLETE, 5.0), trial(1, TrialState.COMPLETE, 2.0), trial(2, TrialState.FAIL, null),
      trial(3, TrialState.COMPLETE, 3.0));
  private static final List<FrozenTrial> RANDOM = List.of(
      trial(0, TrialState.COMPLETE, 4.0), trial(1, TrialState.PRUNED, 1.0), trial(2, TrialState.COMPLETE, 6.0));

  @Test
  void eachStudyGetsItsOwnHistoryInTheGivenOrder() {
    HistoryOverlay overlay = HistoryOverlay.of(List.of(
        new StudyTrials("tpe", StudyDirection.MINIMIZE, TPE), new StudyTrials("random", StudyDirection.MINIMIZE, RANDOM)));
    assertThat(overlay.direction()).isEqualTo(StudyDirection.MINIMIZE);
    assertThat(overlay.studies()).extracting(HistoryOverlay.Entry::study).containsExactly("tpe", "random");
    assertThat(overlay.history("tpe")).isEqualTo(OptimizationHistory.of(TPE, StudyDirection.MINIMIZE));
    assertThat(overlay.history("tpe").bestSoFar()).extracting(OptimizationHistory.Step::best)
        .containsExactly(5.0, 2.0, 2.0);
    assertThat(overlay.history("random").bestValue()).contains(4.0);  // the pruned 1.0 is no best value
  }

  @Test
  void maximisingStudiesKeepTheirHighestValues() {
    HistoryOverlay overlay = HistoryOverlay.of(List.of(
        new StudyTrials("tpe", StudyDirection.MAXIMIZE, TPE), new StudyTrials("random", StudyDirection.MAXIMIZE, RANDOM)));
    assertThat(overlay.direction()).isEqualTo(StudyDirection.MAXIMIZE);
    assertThat(overlay.history("tpe").bestValue()).contains(5.0);
    assertThat(overlay.history("random").bestValue()).contains(6.0);
  }

  @Test
  void studiesOfDifferentDirectionsAreRefusedWithEveryDirectionNamed() {
    List<StudyTrials> mixed = List.of(new StudyTrials("tpe", StudyDirection.MINIMIZE, TPE),
        new StudyTrials("random", StudyDirection.MAXIMIZE, RANDOM),
        new StudyTrials("cmaes", StudyDirection.MINIMIZE, RANDOM));
    assertThat(HistoryOverlay.directionConflict(mixed)).hasValueSatisfying(message -> assertThat(message)
        .contains("\"tpe\", \"cmaes\" minimize").contains("\"random\" maximizes"));
    assertThatThrownBy(() -> HistoryOverlay.of(mixed)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different directions");
  }

  @Test
  void noStudiesOrOneDirectionIsNoConflict() {
    assertThat(HistoryOverlay.directionConflict(List.of())).isEmpty();
    assertThat(HistoryOverlay.of(List.of()).studies()).isEmpty();
    assertThat(HistoryOverlay.directionConflict(List.of(new StudyTrials("a", StudyDirection.MAXIMIZE, TPE))))
        .isEmpty();
  }

  @Test
  void unknownStudyIsNamedInTheError() {
    assertThatThrownBy(() -> HistoryOverlay.of(List.of()).history("x")).hasMessageContaining("\"x\"");
  }
}
