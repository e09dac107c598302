package io.parzen.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.OptimizationHistory.Point;
import io.parzen.visualization.OptimizationHistory.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OptimizationHistoryTest {

  static FrozenTrial trial(int number, TrialState state, Double value) {
    Instant start = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(number);
    return new FrozenTrial(number + 100, number, state, value == null ? List.of() : List.of(value), start,
        state.isFinished() ? start.plusMillis(250) : null, Map.of(), Map.of(), Map.of(), Map.of(), new TreeMap<>());
  }

  private static final List<FrozenTrial> MIXED = List.of(
      trial(0, TrialState.COMPLETE, 5.0),
      trial(1, TrialState.COMPLETE, 7.0),
      trial(2, TrialState.PRUNED, 9.0),
      trial(3, TrialState.FAIL, null),
      trial(4, TrialState.COMPLETE, 2.0),
      trial(5, TrialState.RUNNING, null),
      trial(6, TrialState.PRUNED, null),
      trial(7, TrialState.COMPLETE, 3.0));

  @Test
  void completeAndValuedPrunedTrialsBecomePointsWithTheirState() {
    OptimizationHistory history = OptimizationHistory.of(MIXED, StudyDirection.MINIMIZE);
    assertThat(history.points()).containsExactly(
        new Point(0, 5.0, TrialState.COMPLETE), new Point(1, 7.0, TrialState.COMPLETE),
        new Point(2, 9.0, TrialState.PRUNED), new Point(4, 2.0, TrialState.COMPLETE),
        new Point(7, 3.0, TrialState.COMPLETE));
    assertThat(history.completeCount()).isEqualTo(4);
  }

  @Test
  void bestSoFarStepsDownWhenMinimising() {
    OptimizationHistory history = OptimizationHistory.of(MIXED, StudyDirection.MINIMIZE);
    assertThat(history.bestSoFar()).containsExactly(
        new Step(0, 5.0), new Step(1, 5.0), new Step(4, 2.0), new Step(7, 2.0));
    assertThat(history.bestValue()).contains(2.0);
  }

  @Test
  void bestSoFarStepsUpWhenMaximising() {
    OptimizationHistory history = OptimizationHistory.of(MIXED, StudyDirection.MAXIMIZE);
    assertThat(history.bestSoFar()).extracting(Step::best).containsExactly(5.0, 7.0, 7.0, 7.0);
  }

  @Test
  void prunedAndFailedTrialsAreListedByNumberAndRunningOnesAreSkipped() {
    OptimizationHistory history = OptimizationHistory.of(MIXED, StudyDirection.MINIMIZE);
    assertThat(history.prunedNumbers()).containsExactly(2, 6);
    assertThat(history.failedNumbers()).containsExactly(3);
    assertThat(history.points()).extracting(Point::number).doesNotContain(5);
  }

  @Test
  void anEmptyHistoryHasNoBestValue() {
    OptimizationHistory history = OptimizationHistory.empty(StudyDirection.MINIMIZE);
    assertThat(history.bestValue()).isEmpty();
    assertThat(history.points()).isEmpty();
  }

  @Test
  void appendingInBatchesEqualsBuildingAtOnce() {
    OptimizationHistory whole = OptimizationHistory.of(MIXED, StudyDirection.MINIMIZE);
    OptimizationHistory appended = OptimizationHistory.of(MIXED.subList(0, 3), StudyDirection.MINIMIZE)
        .append(MIXED.subList(3, MIXED.size()));
    assertThat(appended).isEqualTo(whole);
  }

  @Test
  void aBuilderReportsOnlyWhatEachBatchAdded() {
    OptimizationHistory.Builder builder = new OptimizationHistory.Builder(StudyDirection.MINIMIZE);
    builder.append(MIXED.subList(0, 4));
    builder.append(MIXED.subList(4, 8));
    OptimizationHistory added = builder.lastAdded();
    assertThat(added.points()).extracting(Point::number).containsExactly(4, 7);
    assertThat(added.bestSoFar()).containsExactly(new Step(4, 2.0), new Step(7, 2.0));
    assertThat(added.prunedNumbers()).containsExactly(6);
    assertThat(added.failedNumbers()).isEmpty();
    assertThat(builder.build()).isEqualTo(OptimizationHistory.of(MIXED, StudyDirection.MINIMIZE));
  }

  @Test
  void tenThousandTrialsAppendedOneByOneStayCheap() {
    OptimizationHistory.Builder builder = new OptimizationHistory.Builder(StudyDirection.MINIMIZE);
    long startNanos = System.nanoTime();
    for (int i = 0; i < 10_000; i++) {
      builder.append(List.of(trial(i, TrialState.COMPLETE, 10_000.0 - i)));
    }
    OptimizationHistory history = builder.build();
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    assertThat(history.points()).hasSize(10_000);
    assertThat(history.bestValue()).contains(1.0);
    assertThat(millis).isLessThan(2_000);
  }

  @Test
  void onlyTheFirstObjectiveValueIsUsed() {
    List<FrozenTrial> trials = new ArrayList<>();
    FrozenTrial t = trial(0, TrialState.COMPLETE, 1.0);
    trials.add(new FrozenTrial(t.id(), 0, TrialState.COMPLETE, List.of(4.0, 8.0), t.start(), t.complete(),
        Map.of(), Map.of(), Map.of(), Map.of(), new TreeMap<>()));
    assertThat(OptimizationHistory.of(trials, StudyDirection.MINIMIZE).bestValue()).contains(4.0);
  }

  @Test
  void aChosenObjectiveOfAMultiObjectiveStudyIsUsedWithItsDirection() {
    List<FrozenTrial> trials = new ArrayList<>();
    double[][] values = {{4, 8}, {3, 9}, {5, 2}};
    for (int i = 0; i < values.length; i++) {
      FrozenTrial t = trial(i, TrialState.COMPLETE, 1.0);
      trials.add(new FrozenTrial(t.id(), i, TrialState.COMPLETE, List.of(values[i][0], values[i][1]), t.start(),
          t.complete(), Map.of(), Map.of(), Map.of(), Map.of(), new TreeMap<>()));
    }
    OptimizationHistory second = new OptimizationHistory.Builder(StudyDirection.MAXIMIZE, 1).append(trials).build();
    assertThat(second.points()).extracting(OptimizationHistory.Point::value).containsExactly(8.0, 9.0, 2.0);
    assertThat(second.bestSoFar()).extracting(OptimizationHistory.Step::best).containsExactly(8.0, 9.0, 9.0);
    assertThat(new OptimizationHistory.Builder(StudyDirection.MINIMIZE, 2).append(trials).build().points()).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OptimizationHistory.Builder(StudyDirection.MINIMIZE, -1))
        .hasMessageContaining("objective index");
  }
}
