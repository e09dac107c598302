package io.parzen.visualization;

import static io.parzen.visualization.OptimizationHistoryTest.trial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EdfTest {

  private static List<FrozenTrial> complete(double... values) {
    List<FrozenTrial> trials = new ArrayList<>();
    for (double v : values) {
      trials.add(trial(trials.size(), TrialState.COMPLETE, v));
    }
    return trials;
  }

  private static StudyTrials study(String name, List<FrozenTrial> trials) {
    return new StudyTrials(name, StudyDirection.MINIMIZE, trials);
  }

  /** Two studies whose EDF Optuna 3.1's {@code _get_edf_info} was asked for (values in the test). */
  private static List<StudyTrials> optunaExample() {
    List<FrozenTrial> a = complete(3.0, 1.0, 4.0, 1.5, 9.0, 2.6);
    a.add(trial(6, TrialState.FAIL, null));
    a.add(trial(7, TrialState.COMPLETE, Double.POSITIVE_INFINITY));
    List<FrozenTrial> b = complete(5.0, 3.5, 8.0);
    b.add(trial(3, TrialState.PRUNED, 0.5));
    return List.of(study("a", a), study("b", b));
  }

  @Test
  void matchesOptunasEdfOfTwoStudiesOnTheSharedGrid() {
    Edf edf = Edf.of(optunaExample());
    assertThat(edf.x()).hasSize(Edf.POINTS);
    // x[i] and each line's y[i] as Optuna 3.1 computed them for these trials.
    double[][] optuna = {
        {0, 1.0, 1.0 / 6, 0.0},
        {1, 1.0808080808080809, 1.0 / 6, 0.0},
        {20, 2.6161616161616164, 0.5, 0.0},
        {33, 3.666666666666667, 4.0 / 6, 1.0 / 3},
        {50, 5.040404040404041, 5.0 / 6, 2.0 / 3},
        {99, 9.0, 1.0, 1.0}};
    for (double[] row : optuna) {
      int i = (int) row[0];
      assertThat(edf.x().get(i)).as("x[%d]", i).isCloseTo(row[1], within(1e-12));
      assertThat(edf.line("a").y().get(i)).as("a y[%d]", i).isCloseTo(row[2], within(1e-12));
      assertThat(edf.line("b").y().get(i)).as("b y[%d]", i).isCloseTo(row[3], within(1e-12));
    }
  }

  @Test
  void countsOnlyCompleteTrialsWithFiniteValues() {
    Edf edf = Edf.of(optunaExample());
    assertThat(edf.line("a").count()).isEqualTo(6);  // not the FAIL, not the infinite value
    assertThat(edf.line("b").count()).isEqualTo(3);  // not the PRUNED trial's 0.5
    assertThat(edf.x().get(0)).isEqualTo(1.0);       // so 0.5 is not on the grid either
  }

  @Test
  void linesKeepTheOrderOfTheStudies() {
    Edf edf = Edf.of(optunaExample());
    assertThat(edf.lines()).extracting(Edf.Line::study).containsExactly("a", "b");
  }

  @Test
  void aStudyWithoutCompleteTrialsKeepsALineOfNaN() {
    Edf edf = Edf.of(List.of(study("done", complete(1, 2)),
        study("failed", List.of(trial(0, TrialState.FAIL, null)))));
    assertThat(edf.line("failed").count()).isZero();
    assertThat(edf.line("failed").y()).hasSize(Edf.POINTS).allMatch(y -> y.isNaN());
    assertThat(edf.line("done").y().get(Edf.POINTS - 1)).isEqualTo(1.0);
  }

  @Test
  void noCompleteTrialAnywhereGivesAnEmptyPlot() {
    assertThat(Edf.of(List.of()).isEmpty()).isTrue();
    Edf edf = Edf.of(List.of(study("pruned", List.of(trial(0, TrialState.PRUNED, 3.0)))));
    assertThat(edf.isEmpty()).isTrue();
    assertThat(edf.lines()).isEmpty();
  }

  @Test
  void oneValueGivesAFlatGridWhereEveryFractionIsOne() {
    Edf edf = Edf.of("one", complete(4.2));
    assertThat(edf.x()).hasSize(Edf.POINTS).containsOnly(4.2);
    assertThat(edf.line("one").y()).containsOnly(1.0);
  }

  @Test
  void directionDoesNotChangeTheFunction() {
    List<FrozenTrial> trials = complete(5, 1, 3);
    Edf min = Edf.of(List.of(new StudyTrials("s", StudyDirection.MINIMIZE, trials)));
    Edf max = Edf.of(List.of(new StudyTrials("s", StudyDirection.MAXIMIZE, trials)));
    assertThat(max).isEqualTo(min);
  }

  @Test
  void anotherObjectiveOfAMultiObjectiveStudyCanBeChosen() {
    FrozenTrial t = trial(0, TrialState.COMPLETE, 1.0);
    FrozenTrial two = new FrozenTrial(t.id(), 0, TrialState.COMPLETE, List.of(1.0, 40.0), t.start(), t.complete(),
        Map.of(), Map.of(), Map.of(), Map.of(), new java.util.TreeMap<>());
    Edf second = Edf.of(List.of(study("mo", List.of(two))), 1);
    assertThat(second.x()).containsOnly(40.0);
    assertThatThrownBy(() -> Edf.of(List.of(), -1)).hasMessageContaining("objective (-1)");
  }

  @Test
  void unknownStudyIsNamedInTheError() {
    assertThatThrownBy(() -> Edf.of(optunaExample()).line("c")).hasMessageContaining("\"c\"");
  }

  @Test
  void aBuilderFedInBatchesEqualsTheEdfOfAllItsTrials() {
    List<FrozenTrial> all = complete(5, 1, 9, 3, 3, 7, -2, 4);
    all.add(trial(8, TrialState.PRUNED, -50.0));
    Edf.Builder builder = new Edf.Builder("s");
    assertThat(builder.build().isEmpty()).isTrue();
    builder.append(all.subList(0, 3)).append(List.of()).append(all.subList(3, 9));
    assertThat(builder.count()).isEqualTo(8);
    assertThat(builder.build()).isEqualTo(Edf.of("s", all));
  }

  @Property(tries = 200)
  void everyLineRisesFromAboveZeroToOne(
      @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -1e6, max = 1e6) Double> a,
      @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -1e6, max = 1e6) Double> b) {
    Edf edf = Edf.of(List.of(study("a", complete(a.stream().mapToDouble(Double::doubleValue).toArray())),
        study("b", complete(b.stream().mapToDouble(Double::doubleValue).toArray()))));
    for (Edf.Line line : edf.lines()) {
      List<Double> y = line.y();
      for (int i = 1; i < y.size(); i++) {
        assertThat(y.get(i)).isGreaterThanOrEqualTo(y.get(i - 1));
      }
      assertThat(y.get(y.size() - 1)).isEqualTo(1.0);
      assertThat(y.get(0)).isBetween(0.0, 1.0);
    }
    // At the lowest x the study holding the overall minimum has a fraction above zero.
    double min = Math.min(a.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
        b.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
    assertThat(edf.x().get(0)).isEqualTo(min);
    assertThat(edf.lines().stream().mapToDouble(l -> l.y().get(0)).max().orElseThrow()).isPositive();
    for (int i = 1; i < edf.x().size(); i++) {
      assertThat(edf.x().get(i)).isGreaterThanOrEqualTo(edf.x().get(i - 1));
    }
  }
}
