package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.study.OptionSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sampler option descriptors against {@link Samplers}: their defaults work, bad values are named. */
class SamplerOptionsTest {

  @Test
  void everySamplerIsDescribedWithItsSeedFirst() {
    for (String name : Samplers.NAMES) {
      assertThat(SamplerOptions.of(name)).as(name).isNotEmpty();
      assertThat(SamplerOptions.of(name).get(0)).as(name).isEqualTo(SamplerOptions.SEED);
    }
    assertThat(SamplerOptions.of("tpe")).extracting(OptionSpec::key).containsExactly("seed", "n_startup_trials",
        "n_ei_candidates", "multivariate", "group", "constant_liar");
    assertThat(SamplerOptions.of("gp")).extracting(OptionSpec::key).containsExactly("seed", "n_startup_trials");
    assertThat(SamplerOptions.of("no-such-sampler")).containsExactly(SamplerOptions.SEED);
  }

  @Test
  void everyDescribedDefaultIsAcceptedBySamplersCreate() {
    for (String name : Samplers.NAMES) {  // gp only once Samplers knows it
      Map<String, Object> defaults = new LinkedHashMap<>();
      for (OptionSpec spec : SamplerOptions.of(name)) {
        if (spec.defaultValue() != null) {
          defaults.put(spec.key(), spec.defaultValue());
        }
      }
      assertThat(SamplerOptions.parse(name, defaults)).as(name).isEqualTo(defaults);
      assertThat(Samplers.create(name, defaults)).as(name).isNotNull();
      assertThat(Samplers.create(name, Map.of("seed", 3L))).as(name).isNotNull();
    }
  }

  @Test
  void everyBadValueIsRefusedNamingTheSamplerTheOptionAndTheValue() {
    for (String name : List.of("tpe", "hyperopt-tpe", "random", "grid", "qmc", "cmaes", "gp", "nsga2")) {
      for (OptionSpec spec : SamplerOptions.of(name)) {
        for (String bad : badValues(spec)) {
          assertThatThrownBy(() -> SamplerOptions.parse(name, Map.of(spec.key(), bad)))
              .as(name + " " + spec.key() + "=" + bad)
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageStartingWith(name + " sampler: " + spec.key() + " (" + bad + ") must be ");
        }
      }
    }
  }

  @Test
  void groupAppliesOnlyWithMultivariate() {
    assertThatThrownBy(() -> SamplerOptions.parse("tpe", Map.of("group", true)))
        .hasMessage("tpe sampler: group (true) applies only with multivariate (true)");
    assertThat(SamplerOptions.parse("tpe", Map.of("group", true, "multivariate", true)))
        .containsEntry("group", true);
  }

  /** Values {@code spec} must refuse: of the wrong type, and just outside its bounds. */
  static List<String> badValues(OptionSpec spec) {
    List<String> bad = new java.util.ArrayList<>();
    switch (spec.kind()) {
      case INT -> {
        bad.add("many");
        bad.add("2.5");
        if (spec.min() != null) {
          bad.add(Long.toString(spec.min().longValue() - 1));
        }
        if (spec.max() != null) {
          bad.add(Long.toString(spec.max().longValue() + 1));
        }
      }
      case DOUBLE -> {
        bad.add("wide");
        bad.add("NaN");
        if (spec.min() != null) {
          bad.add(Double.toString(spec.minExclusive() ? spec.min() : spec.min() - 1));
        }
        if (spec.max() != null) {
          bad.add(Double.toString(spec.max() + 1));
        }
      }
      case BOOLEAN -> bad.add("maybe");
      case CHOICE -> bad.add("nonesuch");
      default -> { }
    }
    return bad;
  }

  @org.junit.jupiter.api.Test
  void theFormOffersExactlyTheOptionsTpeTakes() {
    for (String name : java.util.List.of("tpe", "hyperopt-tpe")) {
      java.util.Set<String> described = new java.util.HashSet<>();
      SamplerOptions.of(name).forEach(spec -> described.add(spec.key()));
      org.assertj.core.api.Assertions.assertThat(described).as(name)
          .isSubsetOf(Samplers.TPE_OPTIONS).contains("seed", "n_startup_trials", "n_ei_candidates");
    }
  }
}
