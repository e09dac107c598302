package io.parzen.multi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ParetoTest {

  @Test
  void ranksPeelFrontAfterFront() {
    double[][] points = {{1, 5}, {2, 2}, {3, 3}, {5, 1}, {4, 4}, {2, 2}, {6, 6}};

    assertThat(Pareto.ranks(points)).containsExactly(0, 0, 1, 0, 2, 0, 3);
  }

  @Test
  void threeObjectivesRankLikeTheDefinition() {
    double[][] points = {{1, 1, 1}, {0, 2, 2}, {2, 2, 2}, {1, 1, 1}, {3, 0, 3}};

    assertThat(Pareto.ranks(points)).containsExactly(0, 0, 1, 0, 0);
  }

  @Test
  void maximisedObjectivesAreNegated() {
    List<FrozenTrial> trials = List.of(trial(0, 1.0, 10.0), trial(1, 2.0, 20.0), trial(2, 0.5, 5.0));
    double[][] v = Pareto.minimizationValues(trials, List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE));

    assertThat(v[1]).containsExactly(2.0, -20.0);
    assertThat(Pareto.ranks(v)).containsExactly(0, 0, 0);
    double[][] bothMin = Pareto.minimizationValues(trials, List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE));
    assertThat(Pareto.ranks(bothMin)).containsExactly(1, 2, 0);
  }

  @Test
  void aTrialWithTheWrongNumberOfValuesIsNamed() {
    assertThatThrownBy(() -> Pareto.minimizationValues(List.of(trial(7, 1.0)),
        List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)))
        .hasMessageContaining("trial 7 has 1 values");
  }

  @Test
  void crowdingDistanceMatchesOptuna() {
    double[][] points = {{1, 5}, {2, 3}, {2, 3}, {4, 1}, {3, 2.5}, {0, 9}, {5, 0}};

    // Optuna 3.1's _calc_crowding_distance and _crowding_distance_sort on the same population.
    double[] d = CrowdingDistance.of(points);
    double[] optuna = {1.0666666666666667, 0.25555555555555554, 0.4222222222222222, 0.6777777777777778,
        0.6222222222222222, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    for (int i = 0; i < d.length; i++) {
      assertThat(d[i]).isCloseTo(optuna[i], within(1e-12));
    }
    assertThat(CrowdingDistance.sortDescending(points)).containsExactly(5, 6, 0, 3, 4, 2, 1);
  }

  @Property(tries = 500)
  void ranksAgreeWithPeelingByTheDefinition(@ForAll("pointSets") double[][] points) {
    int[] expected = new int[points.length];
    Arrays.fill(expected, -1);
    for (int rank = 0, left = points.length; left > 0; rank++) {
      int[] front = new int[points.length];
      int size = 0;
      for (int i = 0; i < points.length; i++) {
        if (expected[i] >= 0) {
          continue;
        }
        boolean dominated = false;
        for (int j = 0; j < points.length && !dominated; j++) {
          dominated = expected[j] < 0 && Pareto.dominates(points[j], points[i]);
        }
        if (!dominated) {
          front[size++] = i;
        }
      }
      for (int k = 0; k < size; k++) {
        expected[front[k]] = rank;
      }
      left -= size;
    }

    assertThat(Pareto.ranks(points)).containsExactly(expected);
  }

  @Provide
  Arbitrary<double[][]> pointSets() {
    return Arbitraries.integers().between(2, 4).flatMap(m -> Arbitraries.integers().between(0, 6)
        .array(int[].class).ofSize(m).map(a -> Arrays.stream(a).mapToDouble(v -> v).toArray())
        .list().ofMinSize(0).ofMaxSize(30).map(l -> l.toArray(new double[0][])));
  }

  static FrozenTrial trial(int number, Double... values) {
    return new FrozenTrial(number, number, TrialState.COMPLETE, List.of(values), null, null, Map.of(), Map.of(),
        Map.of(), Map.of(), new TreeMap<>());
  }
}
