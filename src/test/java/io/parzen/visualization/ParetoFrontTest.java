package io.parzen.visualization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {

  private static final List<StudyDirection> MIN_MIN = List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE);

  static FrozenTrial trial(int number, TrialState state, List<Double> values) {
    Instant start = Instant.parse("2026-11-25T10:00:00Z").plusSeconds(number);
    return new FrozenTrial(number, number, state, values, start, state.isFinished() ? start.plusMillis(10) : null,
        Map.of(), Map.of(), Map.of(), Map.of(), new TreeMap<>());
  }

  static FrozenTrial complete(int number, double... values) {
    List<Double> v = new ArrayList<>();
    for (double x : values) {
      v.add(x);
    }
    return trial(number, TrialState.COMPLETE, v);
  }

  @Test
  void theFrontHoldsTheTrialsNoOtherBeatsInEveryObjective() {
    ParetoFront front = ParetoFront.of(List.of(
        complete(0, 1, 5),
        complete(1, 2, 2),
        complete(2, 3, 3),     // dominated by 1
        complete(3, 5, 1),
        complete(4, 2, 2),     // ties 1: neither dominates, both on the front
        trial(5, TrialState.PRUNED, List.of(0.0, 0.0)),
        trial(6, TrialState.FAIL, List.of()),
        complete(7, Double.NaN, 0),
        complete(8, 6, 6)), MIN_MIN);
    assertThat(front.best()).extracting(ParetoFront.Point::number).containsExactly(0, 1, 3, 4);
    assertThat(front.dominated()).extracting(ParetoFront.Point::number).containsExactly(2, 8);
    assertThat(front.best().get(1).values()).containsExactly(2.0, 2.0);
  }

  @Test
  void directionsDecideWhatIsBetter() {
    List<FrozenTrial> trials = List.of(complete(0, 1, 1), complete(1, 2, 2));
    assertThat(ParetoFront.of(trials, MIN_MIN).best()).extracting(ParetoFront.Point::number).containsExactly(0);
    assertThat(ParetoFront.of(trials, List.of(StudyDirection.MAXIMIZE, StudyDirection.MAXIMIZE)).best())
        .extracting(ParetoFront.Point::number).containsExactly(1);
    assertThat(ParetoFront.of(trials, List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE)).best())
        .extracting(ParetoFront.Point::number).containsExactly(0, 1);
  }

  @Test
  void aTrialWithTooFewValuesIsLeftOut() {
    ParetoFront front = ParetoFront.of(List.of(complete(0, 1), complete(1, 3, 3)), MIN_MIN);
    assertThat(front.best()).extracting(ParetoFront.Point::number).containsExactly(1);
    assertThatThrownBy(() -> new ParetoFront.Builder(List.of())).hasMessageContaining("at least one direction");
  }

  /** Grown batch by batch, the front is the brute-force front of all trials. */
  @Property(tries = 200)
  void growingInBatchesGivesTheBruteForceFront(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 9) Integer> xs,
      @ForAll @IntRange(min = 1, max = 7) int batch, @ForAll boolean maximizeSecond) {
    List<StudyDirection> directions = List.of(StudyDirection.MINIMIZE,
        maximizeSecond ? StudyDirection.MAXIMIZE : StudyDirection.MINIMIZE, StudyDirection.MINIMIZE);
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      int x = xs.get(i);
      trials.add(complete(i, x, (x * 7 + i) % 10, (x * 3 + i * 5) % 10));
    }
    ParetoFront.Builder builder = new ParetoFront.Builder(directions);
    for (int i = 0; i < trials.size(); i += batch) {
      builder.append(trials.subList(i, Math.min(trials.size(), i + batch)));
    }
    ParetoFront front = builder.build();
    List<Integer> expected = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (trials.stream().noneMatch(o -> ParetoFront.dominates(o.values(), t.values(), directions))) {
        expected.add(t.number());
      }
    }
    assertThat(front.best()).extracting(ParetoFront.Point::number).containsExactlyElementsOf(expected);
    assertThat(front.best().size() + front.dominated().size()).isEqualTo(trials.size());
  }
}
