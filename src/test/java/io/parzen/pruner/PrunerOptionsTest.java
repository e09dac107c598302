package io.parzen.pruner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.study.OptionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pruner option descriptors against {@link Pruners}: the same keys, defaults that work, bad values named. */
class PrunerOptionsTest {

  @Test
  void describesExactlyTheOptionsPrunersTakes() {
    for (String name : Pruners.NAMES) {
      for (OptionSpec spec : PrunerOptions.of(name)) {
        Map<String, Object> options = valid(name);
        options.put(spec.key(), options.getOrDefault(spec.key(), someValue(spec)));
        assertThat(Pruners.create(name, options)).as(name + " takes " + spec.key()).isNotNull();
      }
    }
    assertThat(PrunerOptions.of("nop")).isEmpty();
    assertThat(PrunerOptions.of("median")).extracting(OptionSpec::key)
        .containsExactly("n_startup_trials", "n_warmup_steps", "interval_steps", "n_min_trials");
    assertThat(PrunerOptions.of("hyperband")).extracting(OptionSpec::key)
        .containsExactly("min_resource", "max_resource", "reduction_factor", "bootstrap_count");
  }

  @Test
  void everyDescribedDefaultIsAcceptedByPrunersCreateAndIsOptunas() {
    for (String name : Pruners.NAMES) {
      Map<String, Object> options = valid(name);
      assertThat(PrunerOptions.parse(name, options)).as(name).isEqualTo(options);
      assertThat(Pruners.create(name, options)).as(name).isNotNull();
    }
    MedianPruner median = (MedianPruner) Pruners.create("median", valid("median"));
    assertThat(median.nStartupTrials()).isEqualTo(5);
    SuccessiveHalvingPruner sha = (SuccessiveHalvingPruner) Pruners.create("successive-halving",
        valid("successive-halving"));
    assertThat(sha.reductionFactor()).isEqualTo(4);
    assertThat(sha.minResource()).isEmpty();
  }

  @Test
  void everyBadValueIsRefusedByTheDescriptorsAndByPrunersNamingTheOptionAndTheValue() {
    for (String name : Pruners.NAMES) {
      for (OptionSpec spec : PrunerOptions.of(name)) {
        for (String bad : badValues(spec)) {
          Map<String, Object> options = valid(name);
          options.put(spec.key(), bad);
          String what = name + " " + spec.key() + "=" + bad;
          assertThatThrownBy(() -> PrunerOptions.parse(name, options)).as(what)
              .hasMessageStartingWith(name + " pruner: " + spec.key() + " (" + bad + ") must be ");
          assertThatThrownBy(() -> Pruners.create(name, options)).as(what)
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining(spec.key() + " (" + bad + ")");
        }
      }
    }
  }

  @Test
  void requiredOptionsAreNamedWhenMissing() {
    assertThatThrownBy(() -> PrunerOptions.parse("percentile", Map.of()))
        .hasMessage("percentile pruner: percentile is required: a number from 0 to 100");
    assertThatThrownBy(() -> PrunerOptions.parse("patient", Map.of()))
        .hasMessage("patient pruner: patience is required: a whole number >= 0");
  }

  @Test
  void anUnknownWrappedPrunerIsNamedAsTheWrappedOption() {
    assertThatThrownBy(() -> Pruners.create("patient", Map.of("patience", 2, "wrapped", "asha")))
        .hasMessageStartingWith("patient pruner option wrapped (asha): unknown pruner \"asha\"");
  }

  /** The described defaults, a valid value for each required option, and one bound for threshold. */
  private static Map<String, Object> valid(String name) {
    Map<String, Object> options = new LinkedHashMap<>();
    for (OptionSpec spec : PrunerOptions.of(name)) {
      if (spec.defaultValue() != null) {
        options.put(spec.key(), spec.defaultValue());
      } else if (spec.required()) {
        options.put(spec.key(), someValue(spec));
      }
    }
    if (name.equals("threshold")) {
      options.put("upper", 1.0);  // It needs a bound: a rule across options that Pruners.create checks.
    }
    return options;
  }

  /** A value inside the bounds of {@code spec}. */
  private static Object someValue(OptionSpec spec) {
    return switch (spec.kind()) {
      case INT -> spec.min() == null ? 1L : spec.min().longValue() + 1;
      case DOUBLE -> spec.min() != null && spec.max() != null ? (spec.min() + spec.max()) / 2
          : spec.min() != null ? spec.min() + 1 : 1.0;
      case BOOLEAN -> true;
      case CHOICE -> spec.choices().get(0);
      default -> "x";
    };
  }

  private static List<String> badValues(OptionSpec spec) {
    List<String> bad = new ArrayList<>();
    switch (spec.kind()) {
      case INT -> {
        bad.add("many");
        bad.add("2.5");
        if (spec.min() != null) {
          bad.add(Long.toString(spec.min().longValue() - 1));
        }
      }
      case DOUBLE -> {
        bad.add("wide");
        bad.add("NaN");
        if (spec.min() != null) {
          bad.add(Double.toString(spec.min() - 1));
        }
        if (spec.max() != null) {
          bad.add(Double.toString(spec.max() + 1));
        }
      }
      case CHOICE -> bad.add("nonesuch");
      default -> { }
    }
    return bad;
  }
}
