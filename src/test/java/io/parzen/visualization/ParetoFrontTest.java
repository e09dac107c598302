package io.parzen.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {

  @Test
  void frontIsWhatTheStudyCallsItsBestTrialsOrderedByTheFirstObjective() {
    Study study = Study.builder().directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE).build();
    double[][] values = {{3, 3}, {1, 1}, {2, 2}, {2, 1}, {4, 0}, {0.5, 0.5}};
    for (double[] v : values) {
      study.tell(study.ask(), v);
    }
    study.fail(study.ask(), "broken");

    ParetoFront plot = ParetoFront.of(study.trials(), study.directions());

    assertThat(plot.front()).extracting(ParetoFront.Point::number).containsExactly(5, 1, 2, 0);
    assertThat(plot.front()).extracting(ParetoFront.Point::number)
        .containsExactlyInAnyOrderElementsOf(study.bestTrials().stream().map(FrozenTrial::number).toList());
    assertThat(plot.dominated()).extracting(ParetoFront.Point::number).containsExactly(3, 4);
    assertThat(plot.dominated()).extracting(ParetoFront.Point::rank).containsExactly(1, 2);
    assertThat(plot.front().get(0).values()).containsExactly(0.5, 0.5);
  }

  @Test
  void noTrialsNoPoints() {
    ParetoFront plot = ParetoFront.of(List.of(new FrozenTrial(0, 0, TrialState.RUNNING, List.of(), null, null, Map.of(),
        Map.of(), Map.of(), Map.of(), new TreeMap<>())), List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE));
    assertThat(plot.front()).isEmpty();
    assertThat(plot.dominated()).isEmpty();
  }
}
