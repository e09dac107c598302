package io.parzen.visualization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.SlicePlot.Scale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Slice plot, sample histogram, intermediate values and the Blues colour scale. */
class PlotRecordsTest {

  private static final FloatDistribution LR = FloatDistribution.logUniform(1e-5, 1e-1);
  private static final IntDistribution LAYERS = IntDistribution.of(1, 4);
  private static final FloatDistribution X = FloatDistribution.uniform(-10, 10);
  private static final CategoricalDistribution OPT = CategoricalDistribution.of("sgd", "adam");

  static FrozenTrial trial(int number, TrialState state, Double value, Map<String, Object> params,
      Map<Integer, Double> intermediate) {
    Instant start = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(number);
    Map<String, Distribution> distributions = new LinkedHashMap<>();
    Map<String, Distribution> all = Map.of("lr", LR, "layers", LAYERS, "x", X, "opt", OPT);
    params.keySet().forEach(k -> distributions.put(k, all.get(k)));
    return new FrozenTrial(number, number, state, value == null ? List.of() : List.of(value), start,
        state.isFinished() ? start.plusMillis(10) : null, params, distributions, Map.of(), Map.of(),
        new TreeMap<>(intermediate));
  }

  static FrozenTrial complete(int number, double value, Map<String, Object> params) {
    return trial(number, TrialState.COMPLETE, value, params, Map.of());
  }

  @Test
  void bluesRunsFromNearlyWhiteToNavyThroughTheStops() {
    assertThat(ColorScale.blues(0)).isEqualTo(0xf7fbff);
    assertThat(ColorScale.blues(1)).isEqualTo(0x08306b);
    assertThat(ColorScale.blues(0.5)).isEqualTo(0x6baed6);
    assertThat(ColorScale.blues(-3)).isEqualTo(0xf7fbff);
    assertThat(ColorScale.blues(Double.NaN)).isEqualTo(0xf7fbff);
    int halfway = ColorScale.blues(1.0 / 16);  // between the first two stops
    assertThat(halfway >> 16 & 0xff).isBetween(0xde, 0xf7);
  }

  @Test
  void laterTrialsAreDarker() {
    int previous = Integer.MAX_VALUE;
    for (int n = 0; n <= 10; n++) {
      int rgb = ColorScale.blues(ColorScale.trialFraction(n, 0, 10));
      int brightness = (rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff);
      assertThat(brightness).isLessThan(previous);
      previous = brightness;
    }
    assertThat(ColorScale.trialFraction(5, 5, 5)).isEqualTo(1);
  }

  @Test
  void slicesHaveOnePointPerCompleteTrialWithTheParameter() {
    SlicePlot plot = SlicePlot.of(List.of(
        complete(0, 3.0, Map.of("lr", 1e-3, "layers", 2L, "opt", "adam")),
        trial(1, TrialState.PRUNED, 9.0, Map.of("lr", 1e-2, "layers", 1L), Map.of()),
        trial(2, TrialState.FAIL, null, Map.of("lr", 1e-4), Map.of()),
        complete(3, 1.0, Map.of("lr", 1e-4, "layers", 3L, "opt", "sgd")),
        complete(4, 2.0, Map.of("lr", 1e-2, "layers", 4L))));
    assertThat(plot.slice("lr").orElseThrow().points()).containsExactly(
        new SlicePlot.Point(0, 1e-3, 3.0), new SlicePlot.Point(3, 1e-4, 1.0), new SlicePlot.Point(4, 1e-2, 2.0));
    assertThat(plot.slice("opt").orElseThrow().points()).hasSize(2);
    assertThat(plot.firstNumber()).isZero();
    assertThat(plot.lastNumber()).isEqualTo(4);
    assertThat(plot.colorOf(0)).isEqualTo(0xf7fbff);
    assertThat(plot.colorOf(4)).isEqualTo(0x08306b);
  }

  @Test
  void logParametersGetALogScaleIntsAnIntegerScaleAndChoicesCategories() {
    SlicePlot plot = SlicePlot.of(List.of(
        complete(0, 3.0, Map.of("lr", 1e-3, "layers", 2L, "opt", "adam", "x", 0.5))));
    assertThat(plot.slice("lr").orElseThrow().scale()).isEqualTo(Scale.LOG);
    assertThat(plot.slice("layers").orElseThrow().scale()).isEqualTo(Scale.INTEGER);
    assertThat(plot.slice("x").orElseThrow().scale()).isEqualTo(Scale.LINEAR);
    assertThat(SlicePlot.scaleOf(IntDistribution.logScaled(1, 100))).isEqualTo(Scale.LOG);
    SlicePlot.Slice opt = plot.slice("opt").orElseThrow();
    assertThat(opt.scale()).isEqualTo(Scale.CATEGORICAL);
    assertThat(opt.categories()).containsExactly("sgd", "adam");
    assertThat(opt.points()).extracting(SlicePlot.Point::x).containsExactly(1.0);
  }

  @Test
  void theSliceBuilderReportsOnlyWhatABatchAdded() {
    SlicePlot.Builder builder = new SlicePlot.Builder();
    builder.append(List.of(complete(0, 3.0, Map.of("x", 1.0)), complete(1, 2.0, Map.of("x", 2.0))));
    builder.append(List.of(complete(2, 1.0, Map.of("x", 3.0, "opt", "sgd"))));
    assertThat(builder.lastAdded().slice("x").orElseThrow().points()).containsExactly(new SlicePlot.Point(2, 3.0, 1.0));
    assertThat(builder.lastAdded().slice("opt").orElseThrow().categories()).containsExactly("sgd", "adam");
    assertThat(builder.lastAdded().lastNumber()).isEqualTo(2);
    assertThat(builder.build().slice("x").orElseThrow().points()).hasSize(3);
  }

  @Test
  void sampleCountsSumToTheDrawsAndExpectedCountsFollowTheUniformPrior() {
    SearchSpace space = SearchSpace.of(new Parameter("x", X), new Parameter("opt", OPT));
    SampleHistogram.Builder builder = new SampleHistogram.Builder(space, 7);
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      // Everything drawn near 2: the sampler "concentrates".
      trials.add(trial(i, i % 10 == 0 ? TrialState.FAIL : TrialState.COMPLETE, i % 10 == 0 ? null : 1.0,
          Map.of("x", 2.0 + i * 0.001, "opt", i < 75 ? "adam" : "sgd"), Map.of()));
    }
    trials.add(trial(100, TrialState.RUNNING, null, Map.of("x", 0.0), Map.of()));
    builder.append(trials);
    List<SampleHistogram> histograms = builder.build();
    SampleHistogram x = histograms.get(0);
    assertThat(x.parameter()).isEqualTo("x");
    assertThat(x.samples()).isEqualTo(100);
    assertThat(x.totalCount()).isEqualTo(100);
    assertThat(x.bars()).hasSize(PriorPreview.DEFAULT_BIN_COUNT);
    assertThat(x.bars().stream().mapToDouble(SampleHistogram.Bar::expected).sum()).isCloseTo(100, within(1e-9));
    // Uniform over 40 bins: 2.5 expected per bar (up to Monte Carlo noise of the prior draws).
    assertThat(x.bars()).allSatisfy(b -> assertThat(b.expected()).isCloseTo(2.5, within(0.4)));
    SampleHistogram.Bar hot = x.bars().stream().filter(b -> b.low() <= 2.05 && 2.05 < b.high()).findFirst().orElseThrow();
    assertThat(hot.count()).isEqualTo(100);

    SampleHistogram opt = histograms.get(1);
    assertThat(opt.categorical()).isTrue();
    assertThat(opt.bars()).extracting(SampleHistogram.Bar::label).containsExactly("sgd", "adam");
    assertThat(opt.bars()).extracting(SampleHistogram.Bar::count).containsExactly(25, 75);
    assertThat(opt.bars().get(0).expected()).isCloseTo(50, within(2.0));
  }

  @Test
  void logParametersAreCountedInLogSpacedBars() {
    SearchSpace space = SearchSpace.of(new Parameter("lr", LR));
    SampleHistogram.Builder builder = new SampleHistogram.Builder(space, 1);
    builder.append(List.of(complete(0, 1, Map.of("lr", 1e-5)), complete(1, 1, Map.of("lr", 1e-1)),
        complete(2, 1, Map.of("lr", 1e-3))));
    SampleHistogram lr = builder.build().get(0);
    assertThat(lr.logScale()).isTrue();
    SampleHistogram.Bar first = lr.bars().get(0);
    SampleHistogram.Bar last = lr.bars().get(lr.bars().size() - 1);
    assertThat(first.high() / first.low()).isCloseTo(last.high() / last.low(), within(1e-6));
    assertThat(first.count()).isEqualTo(1);
    assertThat(last.count()).isEqualTo(1);
    assertThat(lr.bars().stream().filter(b -> b.count() == 1).map(b -> b.low() <= 1e-3 && 1e-3 <= b.high()))
        .containsExactly(false, true, false);
    assertThat(lr.outside()).isZero();
  }

  @Test
  void aSpaceIsRebuiltFromTheTrialsDistributionsWhenNoneIsDeclared() {
    SearchSpace space = SampleHistogram.Builder.spaceOf(List.of(complete(0, 1, Map.of("lr", 1e-3, "opt", "sgd"))));
    assertThat(space.names()).containsExactlyInAnyOrder("lr", "opt");
    assertThat(space.parameter("lr").orElseThrow().distribution()).isEqualTo(LR);
  }

  @Test
  void intermediateCurvesFlagPrunedTrialsAndKeepTheLatestWithinTheCap() {
    IntermediateValues.Builder builder = new IntermediateValues.Builder(2);
    builder.append(List.of(
        trial(0, TrialState.COMPLETE, 1.0, Map.of(), Map.of(0, 5.0, 1, 3.0, 2, 1.0)),
        trial(1, TrialState.PRUNED, null, Map.of(), Map.of(0, 9.0)),
        trial(2, TrialState.COMPLETE, 1.0, Map.of(), Map.of()),
        trial(3, TrialState.RUNNING, null, Map.of(), Map.of(0, 4.0))));
    IntermediateValues values = builder.build();
    assertThat(values.curves()).extracting(IntermediateValues.Curve::number).containsExactly(0, 1);
    assertThat(values.curve(0).steps()).containsExactly(new IntermediateValues.Step(0, 5.0),
        new IntermediateValues.Step(1, 3.0), new IntermediateValues.Step(2, 1.0));
    assertThat(values.curve(1).pruned()).isTrue();
    assertThat(values.curve(0).pruned()).isFalse();
    assertThat(values.isCapped()).isFalse();

    builder.append(List.of(trial(4, TrialState.PRUNED, null, Map.of(), Map.of(0, 7.0, 1, 8.0))));
    assertThat(builder.lastAdded()).extracting(IntermediateValues.Curve::number).containsExactly(4);
    assertThat(builder.lastRemoved()).containsExactly(0);
    IntermediateValues capped = builder.build();
    assertThat(capped.curves()).extracting(IntermediateValues.Curve::number).containsExactly(1, 4);
    assertThat(capped.trialsWithValues()).isEqualTo(3);
    assertThat(capped.isCapped()).isTrue();
    assertThat(capped.curve(4).last()).isEqualTo(new IntermediateValues.Step(1, 8.0));
  }

  @Test
  void aCapBelowOneIsRefused() {
    assertThatThrownBy(() -> new IntermediateValues.Builder(0)).hasMessageContaining("cap (0)");
  }
}
