package io.parzen.visualization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.parzen.multi.Hypervolume;
import io.parzen.multi.Pareto;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HypervolumeHistoryTest {

  private static final List<StudyDirection> MIN_MAX = List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);

  @Test
  void eachPointIsTheHypervolumeOfTheTrialsUpToIt() {
    SplittableRandom rng = new SplittableRandom(4);
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      trials.add(i % 7 == 3 ? trial(i, TrialState.FAIL) : trial(i, TrialState.COMPLETE, rng.nextDouble() * 4,
          rng.nextDouble() * 4));
    }
    List<Double> reference = List.of(3.5, 0.5);

    HypervolumeHistory history = HypervolumeHistory.of(trials, MIN_MAX, reference);

    assertThat(history.points()).hasSize(60 - 9);
    for (HypervolumeHistory.Point p : history.points()) {
      List<FrozenTrial> upTo = trials.stream().filter(t -> t.number() <= p.number() && t.state() == TrialState.COMPLETE)
          .toList();
      double expected = Hypervolume.of(Pareto.minimizationValues(upTo, MIN_MAX), new double[] {3.5, -0.5});
      assertThat(p.hypervolume()).as("after trial " + p.number()).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void theDefaultReferencePointIsOptunasRuleInStudyUnits() {
    List<FrozenTrial> trials = List.of(trial(0, TrialState.COMPLETE, 1, 10), trial(1, TrialState.COMPLETE, 2, 20),
        trial(2, TrialState.RUNNING));

    assertThat(HypervolumeHistory.defaultReferencePoint(trials, MIN_MAX)).containsExactly(2.2, 9.0);
    HypervolumeHistory history = HypervolumeHistory.of(trials, MIN_MAX);
    assertThat(history.referencePoint()).containsExactly(2.2, 9.0);
    assertThat(history.last()).isCloseTo((2.2 - 1) * (10 - 9.0) + (2.2 - 2) * (20 - 10), within(1e-12));
    assertThat(HypervolumeHistory.of(List.of(), MIN_MAX).points()).isEmpty();
  }

  @Test
  void aReferencePointOfTheWrongSizeIsRefused() {
    assertThatThrownBy(() -> HypervolumeHistory.of(List.of(), MIN_MAX, List.of(1.0)))
        .hasMessage("the reference point has 1 coordinates for 2 objectives");
  }

  private static FrozenTrial trial(int number, TrialState state, double... values) {
    return new FrozenTrial(number, number, state, java.util.Arrays.stream(values).boxed().toList(), null, null, Map.of(),
        Map.of(), Map.of(), Map.of(), new TreeMap<>());
  }
}
