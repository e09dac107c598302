package io.parzen.visualization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.parzen.space.Condition;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.visualization.PriorPreview.Bin;
import io.parzen.visualization.PriorPreview.ChoiceCount;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class PriorPreviewTest {

  private static final SearchSpace SPACE = SearchSpace.of(
      Hp.loguniform("lr", 1e-5, 1e-1),
      Hp.uniform("dropout", 0.0, 0.5),
      Hp.pchoice("optimizer", Map.of("adam", 0.7, "sgd", 0.3)),
      Hp.uniform("momentum", 0.0, 0.99).withCondition(Condition.when("optimizer", "sgd")),
      Hp.uniformint("layers", 1, 8),
      Hp.uniformint("units", 16, 1024),
      Hp.quniform("batch", 0, 10, 0.5),
      Hp.normal("shift", 0, 1),
      Hp.lognormal("scale", 0, 1),
      Hp.intLog("trees", 1, 4096));

  @Test
  void histogramCountsSumToTheActiveDraws() {
    for (String name : SPACE.names()) {
      PriorPreview preview = PriorPreview.of(SPACE, name, 2_000, 7);
      assertThat(preview.totalCount()).as(name).isEqualTo(preview.activeDraws());
      assertThat(preview.draws()).isEqualTo(2_000);
    }
  }

  @Test
  void everyDrawFallsInsideTheParameterBoundsAndItsBins() {
    for (String name : SPACE.names()) {
      PriorPreview preview = PriorPreview.of(SPACE, name, 2_000, 11);
      assertThat(preview.min()).as(name).isGreaterThanOrEqualTo(preview.low());
      assertThat(preview.max()).as(name).isLessThanOrEqualTo(preview.high());
      if (!preview.categorical()) {
        assertThat(preview.bins().get(0).low()).as(name).isLessThanOrEqualTo(preview.min());
        assertThat(preview.bins().get(preview.bins().size() - 1).high()).as(name)
            .isGreaterThanOrEqualTo(preview.max());
      }
    }
  }

  @Test
  void uniformHistogramHasEqualWidthBinsSpanningTheRange() {
    PriorPreview preview = PriorPreview.of(SPACE, "dropout", 1_000, 1);
    assertThat(preview.logScale()).isFalse();
    assertThat(preview.bins()).hasSize(PriorPreview.DEFAULT_BIN_COUNT);
    assertThat(preview.bins().get(0).low()).isEqualTo(0.0);
    assertThat(preview.bins().get(preview.bins().size() - 1).high()).isEqualTo(0.5);
    double width = 0.5 / PriorPreview.DEFAULT_BIN_COUNT;
    preview.bins().forEach(bin -> assertThat(bin.high() - bin.low()).isCloseTo(width, within(1e-12)));
  }

  @Test
  void logUniformParameterGetsLogSpacedBinsOfRoughlyEqualCounts() {
    PriorPreview preview = PriorPreview.of(SPACE, "lr", 20_000, 3);
    assertThat(preview.logScale()).isTrue();
    Bin first = preview.bins().get(0);
    Bin second = preview.bins().get(1);
    assertThat(first.low()).isCloseTo(1e-5, within(1e-12));
    assertThat(second.high() / second.low()).isCloseTo(first.high() / first.low(), within(1e-9));
    double expected = 20_000.0 / preview.bins().size();
    preview.bins().forEach(bin -> assertThat((double) bin.count()).isCloseTo(expected, within(expected * 0.3)));
  }

  @Test
  void logNormalAndIntLogParametersAreShownOnALogScale() {
    assertThat(PriorPreview.of(SPACE, "scale", 500, 1).logScale()).isTrue();
    assertThat(PriorPreview.of(SPACE, "trees", 500, 1).logScale()).isTrue();
    assertThat(PriorPreview.of(SPACE, "shift", 500, 1).logScale()).isFalse();
  }

  @Test
  void smallIntegerRangeGetsOneBinPerValue() {
    PriorPreview preview = PriorPreview.of(SPACE, "layers", 1_000, 5);
    assertThat(preview.bins()).hasSize(8);
    for (int v = 1; v <= 8; v++) {
      Bin bin = preview.bins().get(v - 1);
      assertThat(bin.low()).isEqualTo(v - 0.5);
      assertThat(bin.high()).isEqualTo(v + 0.5);
      assertThat(bin.count()).isBetween(80, 170);
    }
  }

  @Test
  void steppedGridGetsOneBinPerGridPoint() {
    PriorPreview preview = PriorPreview.of(SPACE, "batch", 1_000, 5);
    assertThat(preview.bins()).hasSize(21);
    assertThat(preview.bins().get(0).low()).isCloseTo(-0.25, within(1e-12));
    assertThat(preview.bins().get(20).high()).isCloseTo(10.25, within(1e-12));
  }

  @Test
  void wideIntegerRangeGroupsWholeValuesPerBin() {
    PriorPreview preview = PriorPreview.of(SPACE, "units", 5_000, 5);
    assertThat(preview.bins().size()).isLessThanOrEqualTo(PriorPreview.DEFAULT_BIN_COUNT);
    double width = preview.bins().get(0).high() - preview.bins().get(0).low();
    assertThat(width).isEqualTo(Math.rint(width));
    assertThat(preview.totalCount()).isEqualTo(5_000);
  }

  @Test
  void categoricalCountsFollowTheChoiceWeights() {
    PriorPreview preview = PriorPreview.of(SPACE, "optimizer", 10_000, 9);
    assertThat(preview.categorical()).isTrue();
    assertThat(preview.bins()).isEmpty();
    assertThat(preview.choices()).extracting(ChoiceCount::label).containsExactlyInAnyOrder("adam", "sgd");
    int sgd = preview.choices().stream().filter(c -> c.label().equals("sgd")).findFirst().orElseThrow().count();
    assertThat(sgd / 10_000.0).isCloseTo(0.3, within(0.02));
    assertThat(preview.totalCount()).isEqualTo(10_000);
  }

  @Test
  void conditionalParameterIsActiveAsOftenAsItsParentTakesTheValue() {
    PriorPreview preview = PriorPreview.of(SPACE, "momentum", 10_000, 21);
    assertThat(preview.activeFraction()).isCloseTo(0.3, within(0.02));
    assertThat(preview.totalCount()).isEqualTo(preview.activeDraws());
    assertThat(PriorPreview.of(SPACE, "dropout", 1_000, 21).activeFraction()).isEqualTo(1.0);
  }

  @Test
  void sameSeedGivesTheSamePreviewAndAnotherSeedAnother() {
    assertThat(PriorPreview.of(SPACE, "lr", 1_000, 42)).isEqualTo(PriorPreview.of(SPACE, "lr", 1_000, 42));
    assertThat(PriorPreview.of(SPACE, "lr", 1_000, 42)).isNotEqualTo(PriorPreview.of(SPACE, "lr", 1_000, 43));
  }

  @Test
  void previewWithNoDrawsIsEmptyButWellFormed() {
    PriorPreview preview = PriorPreview.of(SPACE, "lr", 0, 1);
    assertThat(preview.activeDraws()).isZero();
    assertThat(preview.totalCount()).isZero();
    assertThat(preview.min()).isNaN();
    assertThat(preview.activeFraction()).isZero();
  }

  @Test
  void unknownParameterIsRefusedByName() {
    assertThatThrownBy(() -> PriorPreview.of(SPACE, "nope", 10, 1)).hasMessageContaining("\"nope\"");
  }

  @Test
  void cancelledPreviewStopsWithACancellationException() {
    assertThatThrownBy(() -> PriorPreview.of(SPACE, "lr", 100_000, 1, 40, () -> true))
        .isInstanceOf(CancellationException.class);
  }

  @org.junit.jupiter.api.Test
  void allPreviewsFromOneSetOfDrawsEqualEachPreviewOnItsOwn() {
    io.parzen.space.SearchSpace space = io.parzen.space.SearchSpace.of(
        io.parzen.space.Hp.loguniform("lr", 1e-5, 1e-1),
        io.parzen.space.Hp.choice("optimizer", "adam", "sgd"),
        io.parzen.space.Hp.uniform("beta1", 0.8, 0.999).withCondition(io.parzen.space.Condition.when("optimizer", "adam")),
        io.parzen.space.Hp.quniform("units", 16, 256, 16));
    java.util.Map<String, PriorPreview> all = PriorPreview.ofAll(space, 3_000, 11L);
    org.assertj.core.api.Assertions.assertThat(all.keySet()).containsExactly("lr", "optimizer", "beta1", "units");
    for (String name : all.keySet()) {
      org.assertj.core.api.Assertions.assertThat(all.get(name)).as(name).isEqualTo(PriorPreview.of(space, name, 3_000, 11L));
    }
  }
}
