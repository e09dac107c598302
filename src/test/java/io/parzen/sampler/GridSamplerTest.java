package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.Hp;
import io.parzen.space.IntDistribution;
import io.parzen.space.SearchSpace;
import io.parzen.study.Budget;
import io.parzen.study.OptimizeResult;
import io.parzen.study.StopReason;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class GridSamplerTest {

  private static final Map<String, List<Object>> GRID_3X4 =
      Map.of("x", List.of(-1.0, 0.0, 1.0), "opt", List.of("adam", "sgd", "rmsprop", "adagrad"));

  private static double objective3x4(io.parzen.trial.Trial t) {
    double x = t.suggestFloat("x", -1, 1);
    String opt = t.suggestCategorical("opt", "adam", "sgd", "rmsprop", "adagrad");
    return x * x + opt.length();
  }

  private static List<Map<String, Object>> params(Study study) {
    return study.trials().stream().map(FrozenTrial::params).toList();
  }

  @Test
  void runsEveryCombinationOnceThenStopsTheStudy() {
    GridSampler sampler = new GridSampler(GRID_3X4, 1L);
    Study study = Study.builder().sampler(sampler).direction(StudyDirection.MINIMIZE).build();
    assertThat(sampler.isExhausted(study)).isFalse();

    OptimizeResult result = study.optimize(GridSamplerTest::objective3x4, Budget.trials(100));

    assertThat(result.trials()).isEqualTo(12);
    assertThat(result.reason()).isEqualTo(StopReason.STOPPED);
    assertThat(study.trials()).hasSize(12).allMatch(t -> t.state() == TrialState.COMPLETE);
    assertThat(new HashSet<>(params(study))).hasSize(12);
    Set<Object> ids = new HashSet<>();
    study.trials().forEach(t -> ids.add(t.systemAttrs().get(GridSampler.GRID_ID)));
    assertThat(ids).hasSize(12).doesNotContainNull();
    assertThat(sampler.isExhausted(study)).isTrue();
    for (FrozenTrial t : study.trials()) {
      int id = ((Number) t.systemAttrs().get(GridSampler.GRID_ID)).intValue();
      assertThat(sampler.combination(study, id)).isEqualTo(new TreeMap<>(t.params()));
    }
  }

  @Test
  void theSeedFixesTheOrderAndOtherSeedsShuffleDifferently() {
    List<List<Map<String, Object>>> runs = new java.util.ArrayList<>();
    for (long seed : new long[] {5, 5, 6}) {
      Study study = Study.builder().sampler(new GridSampler(GRID_3X4, seed)).direction(StudyDirection.MINIMIZE).build();
      study.optimize(GridSamplerTest::objective3x4, Budget.trials(12));
      runs.add(params(study));
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1));
    assertThat(runs.get(0)).isNotEqualTo(runs.get(2));
    assertThat(new HashSet<>(runs.get(0))).isEqualTo(new HashSet<>(runs.get(2)));
  }

  @Test
  void parallelWorkersNeverRepeatACombination() {
    for (int round = 0; round < 5; round++) {
      Map<String, List<Object>> grid = Map.of(
          "a", List.of(1L, 2L, 3L, 4L), "b", List.of("p", "q", "r"), "c", List.of(0.5, 1.5));
      GridSampler sampler = new GridSampler(grid, (long) round);
      Study study = Study.builder().sampler(sampler).direction(StudyDirection.MINIMIZE).build();
      OptimizeResult result = study.optimize(t -> {
        int a = t.suggestInt("a", 1, 4);
        String b = t.suggestCategorical("b", "p", "q", "r");
        double c = t.suggestFloat("c", 0, 2);
        Thread.sleep(2);
        return a + c + b.hashCode() % 3;
      }, Budget.trials(100), 4);

      assertThat(result.reason()).isEqualTo(StopReason.STOPPED);
      List<FrozenTrial> complete = study.trials(java.util.EnumSet.of(TrialState.COMPLETE));
      assertThat(complete).hasSize(24);
      assertThat(complete.stream().map(FrozenTrial::params).distinct()).hasSize(24);
      // A worker that passed the budget check just before the last combination was taken ends
      // its trial PRUNED instead of repeating one.
      assertThat(study.trials()).allMatch(t -> t.state() == TrialState.COMPLETE
          || t.state() == TrialState.PRUNED && t.systemAttrs().containsKey(GridSampler.GRID_EXHAUSTED));
      assertThat(study.trials().size()).isLessThanOrEqualTo(24 + 3);
    }
  }

  @Test
  void failedPrunedAndRunningTrialsHoldTheirCombination() {
    GridSampler sampler = new GridSampler(Map.of("k", List.of(1L, 2L, 3L)), 3L);
    Study study = Study.builder().sampler(sampler).direction(StudyDirection.MINIMIZE).build();
    var running = study.ask();
    running.suggestInt("k", 1, 3);
    var failed = study.ask();
    failed.suggestInt("k", 1, 3);
    study.fail(failed, "boom");
    var last = study.ask();
    last.suggestInt("k", 1, 3);
    assertThat(sampler.isExhausted(study)).isTrue();
    study.tell(last, 1.0);
    assertThat(study.trials().stream().map(t -> t.params().get("k")).distinct()).hasSize(3);
  }

  @Test
  void aParameterOutsideTheGridIsNamed() {
    Study study = Study.builder().sampler(new GridSampler(GRID_3X4, 1L)).direction(StudyDirection.MINIMIZE).build();
    OptimizeResult result = study.optimize(t -> t.suggestFloat("lr", 0, 1), Budget.trials(1));
    assertThat(study.trials().get(0).state()).isEqualTo(TrialState.FAIL);
    assertThat(study.trials().get(0).failReason().orElseThrow())
        .contains("IllegalArgumentException")
        .contains("parameter \"lr\" is not in the grid (grid parameters: opt, x)");
    assertThat(result.trials()).isEqualTo(1);
    var trial = study.ask();
    assertThatThrownBy(() -> trial.suggestFloat("lr", 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"lr\"");
  }

  @Test
  void gridsFromSpacesUseEvenLinearAndLogSpacingAndEveryIntValueUpToN() {
    assertThat(GridSampler.gridValues(FloatDistribution.uniform(0, 1), 5))
        .containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
    List<Object> log = GridSampler.gridValues(FloatDistribution.logUniform(1e-4, 1), 5);
    assertThat(log).hasSize(5);
    double[] expected = {1e-4, 1e-3, 1e-2, 1e-1, 1};
    for (int i = 0; i < 5; i++) {
      assertThat((Double) log.get(i)).isCloseTo(expected[i], org.assertj.core.data.Percentage.withPercentage(1e-9));
    }
    assertThat(GridSampler.gridValues(IntDistribution.of(1, 4), 10)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(GridSampler.gridValues(new IntDistribution(0, 100, false, 10), 6))
        .containsExactly(0L, 20L, 40L, 60L, 80L, 100L);
    assertThat(GridSampler.gridValues(new IntDistribution(0, 100, false, 10), 11)).hasSize(11);
    assertThat(GridSampler.gridValues(FloatDistribution.stepped(0, 1, 0.25), 10))
        .containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
    assertThat(GridSampler.gridValues(FloatDistribution.stepped(0, 1, 0.1), 3))
        .containsExactly(0.0, 0.5, 1.0);
    assertThat(GridSampler.gridValues(IntDistribution.logScaled(1, 1000), 4)).containsExactly(1L, 10L, 100L, 1000L);
    assertThat(GridSampler.gridValues(CategoricalDistribution.of("a", "b", true), 2)).containsExactly("a", "b", true);
    assertThat(GridSampler.gridValues(FloatDistribution.uniform(2, 2), 5)).containsExactly(2.0);
  }

  @Test
  void samplersNamedGridBuildTheirGridFromTheDeclaredSpace() {
    SearchSpace space = SearchSpace.of(
        Hp.loguniform("lr", 1e-3, 1e-1), Hp.uniformint("layers", 1, 2), Hp.choice("act", "relu", "tanh"));
    Sampler sampler = Samplers.create("grid", Map.of("points", 3, "seed", 9));
    Study study = Study.builder().sampler(sampler).space(space).direction(StudyDirection.MINIMIZE).build();
    OptimizeResult result = study.optimize(t -> {
      Map<String, Object> p = t.params();
      return (Double) p.get("lr") * (Long) p.get("layers");
    }, Budget.trials(50));
    assertThat(result.trials()).isEqualTo(12);
    assertThat(result.reason()).isEqualTo(StopReason.STOPPED);
    assertThat(((GridSampler) sampler).isExhausted(study)).isTrue();
    Set<Object> lrs = new HashSet<>();
    study.trials().forEach(t -> lrs.add(t.params().get("lr")));
    assertThat(lrs).hasSize(3);
    assertThat(lrs.stream().mapToDouble(v -> (Double) v).sorted().toArray())
        .containsExactly(new double[] {1e-3, 1e-2, 1e-1}, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aLazyGridNeedsADeclaredSpace() {
    Study study = Study.builder().sampler(new GridSampler(4, 1L)).direction(StudyDirection.MINIMIZE).build();
    assertThatThrownBy(study::ask).isInstanceOf(IllegalStateException.class).hasMessageContaining("declared search space");
    assertThatThrownBy(() -> new GridSampler(Map.of("x", List.of()), 1L)).hasMessageContaining("\"x\" has no values");
  }
}
