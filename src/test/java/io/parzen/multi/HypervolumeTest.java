package io.parzen.multi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

  @Test
  void twoPointsInTwoDimensionsCoverTheirBoxesLessTheOverlap() {
    double[][] points = {{1, 3}, {2, 1}};

    assertThat(Hypervolume.of(points, new double[] {4, 4})).isEqualTo(3 * 1 + 2 * 3 - 2 * 1);
    assertThat(Hypervolume.of(points, new double[] {4, 4})).isEqualTo(BoxUnion.volume(points, new double[] {4, 4}));
  }

  @Test
  void pointsOutsideTheReferencePointAddNothing() {
    double[][] points = {{1, 1}, {5, 0}, {0, 4}, {4, 4}};

    assertThat(Hypervolume.of(points, new double[] {4, 4})).isEqualTo(9);
  }

  @Test
  void threeObjectivesMatchOptunasWfg() {
    double[][] p = {{0.551, 0.708, 0.291}, {0.511, 0.893, 0.896}, {0.126, 0.207, 0.051}, {0.441, 0.03, 0.457},
        {0.649, 0.278, 0.676}, {0.591, 0.024, 0.559}, {0.259, 0.415, 0.284}, {0.693, 0.44, 0.157},
        {0.545, 0.78, 0.306}, {0.222, 0.388, 0.936}, {0.976, 0.672, 0.903}, {0.846, 0.378, 0.092}};

    assertThat(Hypervolume.of(p, new double[] {1.1, 1.1, 1.1})).isCloseTo(0.9890549810000002, within(1e-12));
  }

  @Test
  void greedySubsetsOfAFrontMatchOptunasHssp() {
    double[][] front3 = {{0.241, 0.944, 0.224}, {0.761, 0.405, 0.507}, {0.789, 0.534, 0.306},
        {0.245, 0.105, 0.964}, {0.443, 0.159, 0.883}, {0.474, 0.716, 0.512}, {0.602, 0.555, 0.574},
        {0.572, 0.613, 0.546}, {0.831, 0.366, 0.42}, {0.702, 0.699, 0.137}};
    double[] reference3 = Hypervolume.referencePoint(front3);
    double[][] front2 = {{0.024, 0.999}, {0.7, 0.51}, {0.023, 0.999}, {0.002, 1.0}, {0.64, 0.591}, {0.259, 0.933},
        {0.87, 0.242}, {0.002, 1.0}, {0.981, 0.037}};

    // Optuna 3.1's WFG and _solve_hssp on the same points.
    assertThat(reference3).containsExactly(new double[] {0.9141, 1.0384, 1.0604}, within(1e-12));
    assertThat(Hypervolume.of(front3, reference3)).isCloseTo(0.2295887029360001, within(1e-12));
    assertThat(Hypervolume.greedySubset(front3, 4, reference3)).containsExactly(5, 4, 0, 9);
    assertThat(Hypervolume.greedySubset(front2, 4, new double[] {1.1, 1.1})).containsExactly(1, 5, 6, 3);
  }

  @Test
  void fourObjectivesMatchOptunasWfg() {
    double[][] q = {{0.653, 0.558, 0.362, 0.225}, {0.407, 0.469, 0.269, 0.292}, {0.458, 0.861, 0.586, 0.283},
        {0.278, 0.455, 0.205, 0.201}, {0.514, 0.087, 0.484, 0.362}, {0.708, 0.747, 0.691, 0.689},
        {0.374, 0.668, 0.34, 0.573}, {0.326, 0.445, 0.062, 0.243}};

    assertThat(Hypervolume.of(q, new double[] {1, 1, 1, 1})).isCloseTo(0.3517747416239999, within(1e-12));
  }

  @Test
  void referencePointMovesTheWorstValuesOutByTenPercentAndZeroToEps() {
    double[][] points = {{2, -10, 0}, {1, -20, -3}};

    assertThat(Hypervolume.referencePoint(points)).containsExactly(2.2, -9.0, Hypervolume.EPS);
  }

  @Test
  void contributionsAreWhatEachPointAloneAdds() {
    double[][] points = {{1, 3}, {2, 1}, {2, 2}, {1, 3}};

    assertThat(Hypervolume.contributions(points, new double[] {4, 4})).containsExactly(0, 2, 0, 0);
  }

  @Test
  void mismatchedDimensionsAreRefused() {
    assertThatThrownBy(() -> Hypervolume.of(new double[][] {{1, 2}}, new double[] {3, 3, 3}))
        .hasMessageContaining("2 objectives").hasMessageContaining("reference point 3");
    assertThatThrownBy(() -> Hypervolume.of(new double[][] {{1, Double.NaN}}, new double[] {3, 3}))
        .hasMessageContaining("NaN");
  }

  @Property(tries = 400)
  void equalsTheBoxUnionOnSmallSets(@ForAll("pointSets") double[][] points) {
    double[] reference = new double[points[0].length];
    Arrays.fill(reference, 8);

    assertThat(Hypervolume.of(points, reference)).isCloseTo(BoxUnion.volume(points, reference), within(1e-9));
  }

  @Property(tries = 300)
  void neverShrinksWhenAPointIsAdded(@ForAll("pointSets") double[][] points) {
    double[] reference = new double[points[0].length];
    Arrays.fill(reference, 8);
    double before = Hypervolume.of(Arrays.copyOf(points, points.length - 1), reference);

    assertThat(Hypervolume.of(points, reference)).isGreaterThanOrEqualTo(before - 1e-12);
  }

  @Property(tries = 200)
  void dependsOnlyOnTheFront(@ForAll("pointSets") double[][] points) {
    double[] reference = new double[points[0].length];
    Arrays.fill(reference, 8);
    int[] front = Pareto.front(points);
    double[][] frontPoints = Arrays.stream(front).mapToObj(i -> points[i]).toArray(double[][]::new);

    assertThat(Hypervolume.of(frontPoints, reference)).isCloseTo(Hypervolume.of(points, reference), within(1e-9));
  }

  @Property(tries = 100)
  void greedySubsetTakesTheLargestBoxFirst(@ForAll("pointSets") double[][] points,
      @ForAll @IntRange(min = 1, max = 3) int k) {
    double[] reference = new double[points[0].length];
    Arrays.fill(reference, 8);
    int size = Math.min(k, points.length);
    int[] chosen = Hypervolume.greedySubset(points, size, reference);

    assertThat(chosen).doesNotHaveDuplicates().hasSize(size);
    double largest = Arrays.stream(points).mapToDouble(p -> Hypervolume.of(new double[][] {p}, reference)).max()
        .orElseThrow();
    assertThat(Hypervolume.of(new double[][] {points[chosen[0]]}, reference)).isEqualTo(largest);
  }

  /** 1 to 7 points of 2 to 5 objectives on a coarse grid (many ties), some outside the reference 8. */
  @Provide
  Arbitrary<double[][]> pointSets() {
    return Arbitraries.integers().between(2, 5).flatMap(m -> {
      Arbitrary<double[]> point = Arbitraries.integers().between(0, 9).array(int[].class).ofSize(m)
          .map(a -> Arrays.stream(a).mapToDouble(v -> v * 0.9).toArray());
      return point.list().ofMinSize(1).ofMaxSize(m >= 5 ? 5 : 7).map(l -> l.toArray(new double[0][]));
    });
  }

}
