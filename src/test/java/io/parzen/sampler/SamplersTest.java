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
  }

  @Test
  void unknownNamesAndBadSeedsSayWhatIsWrong() {
    assertThatThrownBy(() -> Samplers.create("cmaes", Map.of()))
        .hasMessage("unknown sampler \"cmaes\" (known: tpe, hyperopt-tpe, random)");
    assertThatThrownBy(() -> Samplers.create("tpe", Map.of("seed", "x1")))
        .hasMessage("sampler seed \"x1\" is not a whole number");
  }
}
