package io.parzen.visualization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.ParallelCoordinates.Brush;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Contour, parallel coordinates and rank plots, checked against what Optuna computes. */
class AnalysisPlotsTest {

  private static final Map<String, Distribution> SPACE = Map.of(
      "lr", FloatDistribution.logUniform(1e-5, 1e-1),
      "layers", IntDistribution.of(1, 4),
      "x", FloatDistribution.uniform(-10, 10),
      "opt", CategoricalDistribution.of("sgd", "adam", "rmsprop"),
      "units", IntDistribution.of(2, 64));

  static FrozenTrial trial(int number, TrialState state, Double value, Map<String, Object> params) {
    Instant start = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(number);
    Map<String, Distribution> distributions = new LinkedHashMap<>();
    params.keySet().forEach(k -> distributions.put(k, SPACE.get(k)));
    return new FrozenTrial(number, number, state, value == null ? List.of() : List.of(value), start,
        state.isFinished() ? start.plusMillis(10) : null, params, distributions, Map.of(), Map.of(), new TreeMap<>());
  }

  static FrozenTrial complete(int number, double value, Object... keyValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put((String) keyValues[i], keyValues[i + 1]);
    }
    return trial(number, TrialState.COMPLETE, value, params);
  }

  // ---- the harmonic fill

  @Test
  void harmonicFillMatchesOptunasInterpolateZmap() {
    // Optuna 3.1 on Debian: optuna.visualization.matplotlib._contour._interpolate_zmap(
    //   {(10,20):1.0, (80,30):5.0, (50,90):-2.0, (0,0):3.5, (99,99):0.25}, 100), read at z[y][x].
    int size = 100;
    double[] z = new double[size * size];
    boolean[] known = new boolean[size * size];
    int[][] given = {{10, 20}, {80, 30}, {50, 90}, {0, 0}, {99, 99}};
    double[] values = {1.0, 5.0, -2.0, 3.5, 0.25};
    for (int k = 0; k < given.length; k++) {
      z[given[k][1] * size + given[k][0]] = values[k];
      known[given[k][1] * size + given[k][0]] = true;
    }
    HarmonicFill.solve(z, known, size);
    assertThat(z[99 * size]).isCloseTo(0.5471972787441145, within(1e-7));
    assertThat(z[99]).isCloseTo(2.9557005815832422, within(1e-7));
    assertThat(z[50 * size + 50]).isCloseTo(1.4693830770633007, within(1e-7));
    assertThat(z[21 * size + 10]).isCloseTo(1.2101506826611579, within(1e-7));
    assertThat(z[60 * size + 30]).isCloseTo(0.9824329308783765, within(1e-7));
    assertThat(z[5 * size + 75]).isCloseTo(2.7680392594958496, within(1e-7));
    assertThat(z[20 * size + 10]).isEqualTo(1.0);
  }

  @Test
  void everyFilledCellIsTheMeanOfItsNeighboursAndWithinTheKnownValues() {
    int size = 40;
    SplittableRandom random = new SplittableRandom(3);
    double[] z = new double[size * size];
    boolean[] known = new boolean[size * size];
    for (int k = 0; k < 30; k++) {
      int c = random.nextInt(size * size);
      known[c] = true;
      z[c] = 1e6 + random.nextDouble(-50, 50);  // a large offset must not cost accuracy
    }
    HarmonicFill.solve(z, known, size);
    for (int j = 0; j < size; j++) {
      for (int i = 0; i < size; i++) {
        int c = j * size + i;
        assertThat(z[c]).isBetween(1e6 - 50, 1e6 + 50);
        if (known[c]) {
          continue;
        }
        double sum = 0;
        int n = 0;
        if (i > 0) { sum += z[c - 1]; n++; }
        if (i < size - 1) { sum += z[c + 1]; n++; }
        if (j > 0) { sum += z[c - size]; n++; }
        if (j < size - 1) { sum += z[c + size]; n++; }
        assertThat(z[c]).isCloseTo(sum / n, within(1e-5));
      }
    }
  }

  @Test
  void oneKnownCellFillsTheGridWithItsValue() {
    double[] z = new double[9];
    boolean[] known = new boolean[9];
    z[4] = 7.5;
    known[4] = true;
    HarmonicFill.solve(z, known, 3);
    assertThat(z).containsOnly(7.5);
  }

  // ---- contour

  @Test
  void contourAxesArePaddedByFivePercentAsOptunasAndLogInDecades() {
    List<FrozenTrial> trials = List.of(
        complete(0, 1.0, "lr", 1e-4, "x", -2.0),
        complete(1, 2.0, "lr", 1e-2, "x", 8.0),
        complete(2, 0.5, "lr", 1e-3, "x", 3.0));
    ContourPlot plot = ContourPlot.of(trials, "lr", "x", StudyDirection.MINIMIZE);
    assertThat(plot.x().isLog()).isTrue();
    assertThat(plot.x().low()).isCloseTo(Math.pow(10, -4 - 0.1), within(1e-12));
    assertThat(plot.x().high()).isCloseTo(Math.pow(10, -2 + 0.1), within(1e-12));
    assertThat(plot.y().low()).isCloseTo(-2.5, within(1e-12));
    assertThat(plot.y().high()).isCloseTo(8.5, within(1e-12));
    assertThat(plot.points()).extracting(ContourPlot.Point::number).containsExactly(0, 1, 2);
    assertThat(plot.grid().size()).isEqualTo(ContourPlot.GRID_SIZE);
  }

  @Test
  void eachTrialsCellHoldsItsValueAndTheRestLiesBetweenTheExtremes() {
    List<FrozenTrial> trials = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(11);
    for (int n = 0; n < 50; n++) {
      double lr = Math.pow(10, random.nextDouble(-5, -1));
      double x = random.nextDouble(-10, 10);
      trials.add(complete(n, x * x + Math.log10(lr), "lr", lr, "x", x));
    }
    ContourPlot plot = ContourPlot.of(trials, "lr", "x", StudyDirection.MINIMIZE);
    ContourPlot.Grid grid = plot.grid();
    for (ContourPlot.Point p : plot.points()) {
      int i = ContourPlot.Grid.cellOf(plot.x(), p.x(), grid.size());
      int j = ContourPlot.Grid.cellOf(plot.y(), p.y(), grid.size());
      assertThat(grid.isKnown(i, j)).isTrue();
      assertThat(grid.z(i, j)).isLessThanOrEqualTo(p.value());  // the best of its cell when minimising
    }
    for (int j = 0; j < grid.size(); j++) {
      for (int i = 0; i < grid.size(); i++) {
        assertThat(grid.z(i, j)).isBetween(plot.minValue() - 1e-9, plot.maxValue() + 1e-9);
      }
    }
    // Log axes are cut into cells evenly in decades: the middle cell's centre is the geometric mean.
    double mid = ContourPlot.Grid.centerOf(plot.x(), 49, 100) * ContourPlot.Grid.centerOf(plot.x(), 50, 100);
    assertThat(Math.sqrt(mid)).isCloseTo(Math.sqrt(plot.x().low() * plot.x().high()), within(1e-12));
  }

  @Test
  void twoTrialsInOneCellKeepTheBetterValueForTheDirection() {
    List<FrozenTrial> trials = List.of(
        complete(0, 5.0, "x", 1.0, "layers", 2L),
        complete(1, 3.0, "x", 1.0, "layers", 2L),
        complete(2, 9.0, "x", 9.0, "layers", 4L));
    ContourPlot min = ContourPlot.of(trials, "x", "layers", StudyDirection.MINIMIZE);
    ContourPlot max = ContourPlot.of(trials, "x", "layers", StudyDirection.MAXIMIZE);
    int i = ContourPlot.Grid.cellOf(min.x(), 1.0, 100);
    int j = ContourPlot.Grid.cellOf(min.y(), 2.0, 100);
    assertThat(min.grid().z(i, j)).isEqualTo(3.0);
    assertThat(max.grid().z(i, j)).isEqualTo(5.0);
    // The best value is darkest either way.
    assertThat(min.colorFraction(3.0)).isEqualTo(1.0);
    assertThat(max.colorFraction(9.0)).isEqualTo(1.0);
    assertThat(min.colorOf(3.0)).isEqualTo(ColorScale.blues(1));
  }

  @Test
  void categoricalParametersSitOnTheirCategoryPositionsInChoiceOrder() {
    List<FrozenTrial> trials = List.of(
        complete(0, 1.0, "opt", "rmsprop", "x", 0.0),
        complete(1, 2.0, "opt", "sgd", "x", 5.0),
        complete(2, 3.0, "opt", "rmsprop", "x", -5.0));
    ContourPlot plot = ContourPlot.of(trials, "opt", "x", StudyDirection.MINIMIZE);
    assertThat(plot.x().categories()).containsExactly("sgd", "rmsprop");  // "adam" was never drawn
    assertThat(plot.x().low()).isCloseTo(-0.05, within(1e-12));
    assertThat(plot.x().high()).isCloseTo(1.05, within(1e-12));
    assertThat(plot.points()).extracting(ContourPlot.Point::x).containsExactly(1.0, 0.0, 1.0);
    assertThat(plot.grid().isEmpty()).isFalse();
  }

  @Test
  void noContourForOneValueTheSameParameterOrNoTrials() {
    List<FrozenTrial> trials = List.of(
        complete(0, 1.0, "opt", "sgd", "x", 0.0),
        complete(1, 2.0, "opt", "sgd", "x", 5.0),
        trial(2, TrialState.FAIL, null, Map.of("opt", "adam", "x", 3.0)),
        trial(3, TrialState.PRUNED, 0.5, Map.of("opt", "adam", "x", 4.0)),
        complete(4, Double.NaN, "opt", "adam", "x", 1.0));
    ContourPlot plot = ContourPlot.of(trials, "opt", "x", StudyDirection.MINIMIZE);
    assertThat(plot.points()).hasSize(2);
    assertThat(plot.grid().isEmpty()).isTrue();  // only "sgd" among the usable trials
    assertThat(ContourPlot.of(trials, "x", "x", StudyDirection.MINIMIZE).grid().isEmpty()).isTrue();
    assertThatThrownBy(() -> ContourPlot.of(List.of(), "x", "lr", StudyDirection.MINIMIZE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
  }

  @Test
  void conditionalParametersLeaveOutTrialsThatLackEither() {
    List<FrozenTrial> trials = List.of(
        complete(0, 1.0, "layers", 1L, "x", 0.0),
        complete(1, 2.0, "layers", 2L, "x", 5.0, "units", 8L),
        complete(2, 3.0, "layers", 3L, "x", -5.0, "units", 32L));
    ContourPlot plot = ContourPlot.of(trials, "units", "x", StudyDirection.MINIMIZE);
    assertThat(plot.points()).extracting(ContourPlot.Point::number).containsExactly(1, 2);
  }

  @Test
  void contourLinesCrossWhereTheSurfacePassesTheirLevel() {
    // z = column index on a 5 x 5 grid over x in [0, 5], y in [0, 5]: cell centres at 0.5, 1.5, ...
    int size = 5;
    double[] z = new double[size * size];
    for (int c = 0; c < z.length; c++) {
      z[c] = c % size;
    }
    ParamAxis axis = new ParamAxis("x", SlicePlot.Scale.LINEAR, List.of(), 0, 5);
    List<ContourPlot.Isoline> lines = Isolines.trace(ContourPlot.Grid.of(size, z), axis, axis, new double[] {1.25});
    assertThat(lines).singleElement().satisfies(line -> {
      assertThat(line.segments()).hasSize(size - 1);  // one per row of squares
      assertThat(line.segments()).allSatisfy(s -> {
        assertThat(s.x1()).isCloseTo(1.75, within(1e-12));  // a quarter of the way from 1.5 to 2.5
        assertThat(s.x2()).isCloseTo(1.75, within(1e-12));
      });
    });
    double[] levels = ContourPlot.levels(0, 16);
    assertThat(levels).hasSize(ContourPlot.LEVELS).startsWith(1.0).endsWith(15.0);
  }

  @Test
  void aContourOfTrialsHasLinesAtEveryLevelTheSurfaceReaches() {
    List<FrozenTrial> trials = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(5);
    for (int n = 0; n < 30; n++) {
      double x = random.nextDouble(-10, 10);
      long layers = random.nextLong(1, 5);
      trials.add(complete(n, x * x + layers, "x", x, "layers", layers));
    }
    ContourPlot plot = ContourPlot.of(trials, "x", "layers", StudyDirection.MINIMIZE);
    assertThat(plot.isolines()).hasSize(ContourPlot.LEVELS);
    assertThat(plot.isolines()).allSatisfy(line -> assertThat(line.segments()).isNotEmpty());
    for (ContourPlot.Isoline line : plot.isolines()) {
      for (ContourPlot.Segment s : line.segments()) {
        assertThat(s.x1()).isBetween(plot.x().low(), plot.x().high());
        assertThat(s.y2()).isBetween(plot.y().low(), plot.y().high());
      }
    }
  }

  // ---- parallel coordinates

  @Test
  void axesAreNormalisedLogInDecadesCategoriesEvenlyAndTheObjectiveFirst() {
    List<FrozenTrial> trials = List.of(
        complete(0, 4.0, "lr", 1e-5, "opt", "sgd", "layers", 1L),
        complete(1, 2.0, "lr", 1e-3, "opt", "rmsprop", "layers", 3L),
        complete(2, 0.0, "lr", 1e-1, "opt", "adam", "layers", 4L));
    ParallelCoordinates plot = ParallelCoordinates.of(trials, StudyDirection.MINIMIZE, "Objective value");
    assertThat(plot.dimensions()).extracting(ParallelCoordinates.Dimension::label)
        .containsExactly("Objective value", "lr", "opt", "layers");
    assertThat(plot.dimensions().get(2).categories()).containsExactly("sgd", "adam", "rmsprop");
    ParallelCoordinates.Line middle = plot.lines().stream().filter(l -> l.number() == 1).findFirst().orElseThrow();
    assertThat(middle.position(0)).isCloseTo(0.5, within(1e-12));
    assertThat(middle.position(1)).isCloseTo(0.5, within(1e-12));  // 1e-3 halfway between 1e-5 and 1e-1 in decades
    assertThat(middle.position(2)).isCloseTo(1.0, within(1e-12));  // rmsprop, last of three
    assertThat(middle.position(3)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(plot.dimensions().get(1).ticks()).extracting(ParallelCoordinates.Tick::label)
        .containsExactly("1e-05", "0.0001", "0.001", "0.01", "0.1");
  }

  @Test
  void theBestLineIsDrawnLastAndDarkestInBothDirections() {
    List<FrozenTrial> trials = List.of(
        complete(0, 4.0, "x", 1.0), complete(1, 0.0, "x", 2.0), complete(2, 2.0, "x", 3.0));
    ParallelCoordinates min = ParallelCoordinates.of(trials, StudyDirection.MINIMIZE, "v");
    ParallelCoordinates max = ParallelCoordinates.of(trials, StudyDirection.MAXIMIZE, "v");
    assertThat(min.lines()).extracting(ParallelCoordinates.Line::number).containsExactly(0, 2, 1);
    assertThat(max.lines()).extracting(ParallelCoordinates.Line::number).containsExactly(1, 2, 0);
    assertThat(min.colorOf(0.0)).isEqualTo(ColorScale.blues(1));
    assertThat(max.colorOf(4.0)).isEqualTo(ColorScale.blues(1));
  }

  @Test
  void inactiveParametersHaveNoPositionAndFailABrushOnTheirAxis() {
    List<FrozenTrial> trials = List.of(
        complete(0, 1.0, "layers", 1L, "x", 0.0),
        complete(1, 2.0, "layers", 2L, "x", 5.0, "units", 8L),
        complete(2, 3.0, "layers", 3L, "x", -5.0, "units", 32L),
        trial(3, TrialState.FAIL, null, Map.of("layers", 4L, "x", 1.0)));
    ParallelCoordinates plot = ParallelCoordinates.of(trials, StudyDirection.MINIMIZE, "v");
    assertThat(plot.lines()).hasSize(3);
    int units = 3;
    assertThat(plot.dimensions().get(units).label()).isEqualTo("units");
    ParallelCoordinates.Line first = plot.lines().stream().filter(l -> l.number() == 0).findFirst().orElseThrow();
    assertThat(first.isActive(units)).isFalse();
    assertThat(first.isActive(1)).isTrue();
    BitSet all = plot.passing(Map.of());
    assertThat(all.cardinality()).isEqualTo(3);
    BitSet unitsBrushed = plot.passing(Map.of(units, new Brush(0, 1)));
    assertThat(numbers(plot, unitsBrushed)).containsExactlyInAnyOrder(1, 2);
    // Two brushes: both must hold. x: 5 is at 1.0, -5 at 0.0; objective 3 at 1.0.
    BitSet both = plot.passing(Map.of(2, Brush.between(1.0, 0.8), 0, new Brush(0, 0.6)));
    assertThat(numbers(plot, both)).containsExactly(1);
  }

  @Test
  void brushesOutsideTheUnitRangeOrUnknownAxesAreRejectedByName() {
    assertThatThrownBy(() -> new Brush(0.5, 0.2)).hasMessageContaining("brush").hasMessageContaining("0.5");
    ParallelCoordinates plot = ParallelCoordinates.of(List.of(complete(0, 1.0, "x", 1.0)), StudyDirection.MINIMIZE, "v");
    assertThatThrownBy(() -> plot.passing(Map.of(5, new Brush(0, 1)))).hasMessageContaining("dimension 5");
    assertThat(Brush.between(1.4, -0.2)).isEqualTo(new Brush(0, 1));
  }

  @Test
  void oneTrialSitsMidAxisAndNoTrialsLeaveOnlyTheObjectiveAxis() {
    ParallelCoordinates one = ParallelCoordinates.of(List.of(complete(0, 1.0, "x", 1.0, "opt", "sgd")),
        StudyDirection.MINIMIZE, "v");
    assertThat(one.lines().get(0).position(0)).isEqualTo(0.5);
    assertThat(one.lines().get(0).position(1)).isEqualTo(0.5);
    assertThat(one.lines().get(0).position(2)).isEqualTo(0.5);
    ParallelCoordinates none = ParallelCoordinates.of(List.of(), StudyDirection.MINIMIZE, "v");
    assertThat(none.dimensions()).hasSize(1);
    assertThat(none.lines()).isEmpty();
  }

  // ---- rank

  @Test
  void tiedValuesShareTheMeanOfTheirRanksAsOptunas() {
    // Optuna: _get_order_with_same_order_averaging(np.array([3., 1., 3., 2., 3.])) == [3, 0, 3, 1, 3]
    assertThat(RankPlot.averagedRanks(new double[] {3, 1, 3, 2, 3})).containsExactly(3, 0, 3, 1, 3);
    assertThat(RankPlot.averagedRanks(new double[] {2, 2})).containsExactly(0.5, 0.5);
  }

  @Test
  void rankColoursRunFromBlueForTheLowestToRedForTheHighestWhateverTheDirection() {
    List<FrozenTrial> trials = List.of(
        complete(0, 10.0, "x", 1.0, "lr", 1e-3),
        complete(1, -1.0, "x", 2.0, "lr", 1e-2),
        complete(2, 4.0, "x", 3.0),
        complete(3, 0.0, "x", 4.0, "lr", 1e-4));
    RankPlot plot = RankPlot.of(trials, "x", "lr");
    assertThat(plot.points()).extracting(RankPlot.Point::number).containsExactly(0, 1, 3);
    RankPlot.Point highest = plot.points().get(0);
    assertThat(highest.rank()).isEqualTo(3.0);  // ranked among all four, also the one without lr
    assertThat(highest.colorIndex()).isEqualTo(1.0);
    assertThat(highest.color()).isEqualTo(0xa50026);
    assertThat(plot.points().get(1).color()).isEqualTo(0x313695);
    assertThat(plot.points().get(2).colorIndex()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(plot.y().isLog()).isTrue();
  }

  @Test
  void colourBarTicksAreTheQuartilesOfTheValues() {
    // numpy.quantile([-1, 0, 4, 10], [0, .25, .5, .75, 1]) == [-1, -0.25, 2, 5.5, 10]
    List<RankPlot.Tick> ticks = RankPlot.ticks(new double[] {10, -1, 4, 0});
    assertThat(ticks).extracting(RankPlot.Tick::label)
        .containsExactly("min. (-1)", "25% (-0.25)", "50% (2)", "75% (5.5)", "max. (10)");
    assertThat(ticks).extracting(RankPlot.Tick::position).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
    assertThat(RankPlot.general(0.123456789)).isEqualTo("0.123457");
    assertThat(RankPlot.general(1234567.0)).isEqualTo("1.23457e+06");
    assertThat(RankPlot.general(0.00001234)).isEqualTo("1.234e-05");
  }

  @Test
  void aSingleTrialGetsTheMiddleColour() {
    RankPlot plot = RankPlot.of(List.of(complete(0, 1.0, "x", 1.0, "opt", "adam")), "x", "opt");
    assertThat(plot.points()).singleElement().extracting(RankPlot.Point::colorIndex).isEqualTo(0.5);
    assertThat(plot.x().low()).isEqualTo(1.0);
  }

  @Test
  void rdYlBuReversedPassesThroughPaleYellow() {
    assertThat(ColorScale.rdYlBuReversed(0)).isEqualTo(0x313695);
    assertThat(ColorScale.rdYlBuReversed(0.5)).isEqualTo(0xffffbf);
    assertThat(ColorScale.rdYlBuReversed(1)).isEqualTo(0xa50026);
  }

  private static List<Integer> numbers(ParallelCoordinates plot, BitSet pass) {
    List<Integer> numbers = new ArrayList<>();
    pass.stream().forEach(k -> numbers.add(plot.lines().get(k).number()));
    return numbers;
  }
}
