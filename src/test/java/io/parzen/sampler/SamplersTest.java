package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.study.StudyDefinition;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplersTest {

  @Test
  void namesCreateTheirSamplersWithTheirSeeds() {
    assertThat(Samplers.create("random", Map.of("seed", 3))).isInstanceOf(RandomSampler.class)
        .extracting(Sampler::describe).isEqualTo("RandomSampler(seed=3)");
    assertThat(Samplers.create("tpe", Map.of("seed", 4L)).describe()).contains("seed=4");
    assertThat(Samplers.create("hyperopt-tpe", Map.of()).describe()).contains("hyperopt");
    assertThat(Samplers.create(null)).isInstanceOf(TpeSampler.class);
    assertThat(Samplers.create(new StudyDefinition.Component("random", Map.of("seed", "12")))
        .describe()).isEqualTo("RandomSampler(seed=12)");
    assertThat(Samplers.create("grid", Map.of("points", 5, "seed", 7))).isInstanceOf(GridSampler.class)
        .extracting(Sampler::describe).isEqualTo("GridSampler(points=5, seed=7)");
    assertThat(Samplers.create("grid", Map.of()).describe()).isEqualTo("GridSampler(points=10)");
    assertThat(Samplers.create("qmc", Map.of("seed", 2))).isInstanceOf(QmcSampler.class)
        .extracting(Sampler::describe).isEqualTo("QmcSampler(sobol, seed=2)");
    assertThat(((QmcSampler) Samplers.create("qmc", Map.of("sequence", "halton"))).sequence())
        .isEqualTo(QmcSampler.Sequence.HALTON);
    assertThat(Samplers.create("cmaes", Map.of("seed", 5))).isInstanceOf(CmaEsSampler.class)
        .extracting(Sampler::describe).isEqualTo("CmaEsSampler(seed=5)");
    assertThat(Samplers.create("cmaes", Map.of("sigma0", "0.25", "popsize", 8)).describe())
        .isEqualTo("CmaEsSampler(sigma0=0.25, popsize=8)");
    assertThat(Samplers.NAMES).containsExactly("tpe", "hyperopt-tpe", "random", "grid", "qmc", "cmaes", "gp");
  }

  @Test
  void badGridAndQmcOptionsSayWhatIsWrong() {
    assertThatThrownBy(() -> Samplers.create("grid", Map.of("points", 0)))
        .hasMessage("grid points (0) must be between 1 and 100000");
    assertThatThrownBy(() -> Samplers.create("grid", Map.of("points", "many")))
        .hasMessage("grid points \"many\" is not a whole number");
    assertThatThrownBy(() -> Samplers.create("qmc", Map.of("sequence", "faure")))
        .hasMessage("unknown QMC sequence \"faure\" (known: sobol, halton)");
    assertThatThrownBy(() -> Samplers.create("cmaes", Map.of("sigma0", 0)))
        .hasMessage("cmaes sigma0 (0) must be in (0, 1]");
    assertThatThrownBy(() -> Samplers.create("cmaes", Map.of("sigma0", "wide")))
        .hasMessage("cmaes sigma0 \"wide\" is not a number");
    assertThatThrownBy(() -> Samplers.create("cmaes", Map.of("popsize", 1)))
        .hasMessage("cmaes popsize (1) must be between 2 and 100000");
  }

  @Test
  void unknownNamesAndBadSeedsSayWhatIsWrong() {
    assertThatThrownBy(() -> Samplers.create("cma", Map.of()))
        .hasMessage("unknown sampler \"cma\" (known: tpe, hyperopt-tpe, random, grid, qmc, cmaes, gp)");
    assertThatThrownBy(() -> Samplers.create("tpe", Map.of("seed", "x1")))
        .hasMessage("sampler seed \"x1\" is not a whole number");
  }
}
