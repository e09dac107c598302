package io.parzen.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionSpecTest {

  private static final OptionSpec POINTS = OptionSpec.integer("points", "Grid points", 10L, 1L, 100_000L, "");
  private static final OptionSpec SIGMA0 =
      OptionSpec.number("sigma0", "sigma0", null, 0.0, true, 1.0, "").blankMeans("auto");
  private static final OptionSpec LIAR = OptionSpec.bool("constant_liar", "Constant liar", null, "");
  private static final OptionSpec SEQUENCE =
      OptionSpec.choice("sequence", "Sequence", "sobol", List.of("sobol", "halton"), "");

  @Test
  void parsesTypedTextAndStoredValuesAlike() {
    assertThat(POINTS.parse("25")).isEqualTo(25L);
    assertThat(POINTS.parse(25)).isEqualTo(25L);
    assertThat(POINTS.parse(25.0)).isEqualTo(25L);
    assertThat(SIGMA0.parse("0.25")).isEqualTo(0.25);
    assertThat(SIGMA0.parse(1)).isEqualTo(1.0);
    assertThat(SEQUENCE.parse("Halton")).isEqualTo("halton");
    assertThat(LIAR.parse("true")).isEqualTo(true);
    assertThat(LIAR.parse(false)).isEqualTo(false);
  }

  @Test
  void blankMeansAbsentAndAutoIsAcceptedWhereItIsTheBlankMeaning() {
    assertThat(POINTS.parse("")).isNull();
    assertThat(POINTS.parse(null)).isNull();
    assertThat(SIGMA0.parse(" ")).isNull();
    assertThat(SIGMA0.parse("auto")).isNull();
    assertThat(LIAR.parse("auto")).isNull();
    assertThatThrownBy(() -> POINTS.parse("auto")).hasMessage("points (auto) must be a whole number from 1 to 100000");
  }

  @Test
  void badValuesAreRefusedNamingTheOptionTheValueAndWhatItTakes() {
    assertThatThrownBy(() -> SIGMA0.parse("0")).hasMessage("sigma0 (0) must be a number in (0, 1] or empty for auto");
    assertThatThrownBy(() -> SIGMA0.parse("wide")).hasMessage("sigma0 (wide) must be a number in (0, 1] or empty for auto");
    assertThatThrownBy(() -> SIGMA0.parse("1d")).hasMessageStartingWith("sigma0 (1d) must be");
    assertThatThrownBy(() -> SIGMA0.parse("NaN")).hasMessageStartingWith("sigma0 (NaN) must be");
    assertThatThrownBy(() -> POINTS.parse("2.5")).hasMessage("points (2.5) must be a whole number from 1 to 100000");
    assertThatThrownBy(() -> POINTS.parse(0)).hasMessage("points (0) must be a whole number from 1 to 100000");
    assertThatThrownBy(() -> SEQUENCE.parse("faure")).hasMessage("sequence (faure) must be one of sobol, halton");
    assertThatThrownBy(() -> LIAR.parse("maybe")).hasMessage("constant_liar (maybe) must be true, false or auto");
  }

  @Test
  void aRequiredOptionMustBeGiven() {
    OptionSpec percentile = OptionSpec.number("percentile", "Percentile", null, 0.0, false, 100.0, "").asRequired();
    assertThatThrownBy(() -> percentile.parse("")).hasMessage("percentile is required: a number from 0 to 100");
    assertThat(percentile.parse("25")).isEqualTo(25.0);
  }

  @Test
  void formatsStoredValuesForFormsAndKnowsItsDefault() {
    assertThat(POINTS.format(null)).isEqualTo("10");
    assertThat(POINTS.format(12L)).isEqualTo("12");
    assertThat(SIGMA0.format(null)).isEmpty();
    assertThat(SIGMA0.format(0.5)).isEqualTo("0.5");
    assertThat(OptionSpec.number("min_delta", "Min delta", 0.0, 0.0, false, null, "").format(null)).isEqualTo("0");
    assertThat(POINTS.isDefault(10L)).isTrue();
    assertThat(POINTS.isDefault(11L)).isFalse();
    assertThat(SIGMA0.isDefault(null)).isTrue();
  }

  @Test
  void parseAllTypesDescribedOptionsDropsAbsentOnesAndKeepsOthers() {
    OptionSpec multivariate = OptionSpec.bool("multivariate", "Multivariate", false, "");
    OptionSpec group = OptionSpec.bool("group", "Group", false, "").onlyWith("multivariate");
    List<OptionSpec> specs = List.of(POINTS, SIGMA0, multivariate, group);
    Map<String, Object> given = new java.util.LinkedHashMap<>();
    given.put("points", "7");
    given.put("sigma0", "");
    given.put("other", List.of(1, 2));
    assertThat(OptionSpec.parseAll(specs, given)).containsExactly(Map.entry("points", 7L), Map.entry("other", List.of(1, 2)));

    assertThat(OptionSpec.parseAll(specs, Map.of("multivariate", true, "group", true)))
        .containsEntry("group", true);
    assertThatThrownBy(() -> OptionSpec.parseAll(specs, Map.of("group", "true")))
        .hasMessage("group (true) applies only with multivariate (true)");
    assertThat(OptionSpec.parseAll(specs, Map.of("group", false))).containsEntry("group", false);
  }

  @Test
  void aChoiceNeedsChoicesAndARequiredOptionNoDefault() {
    assertThatThrownBy(() -> OptionSpec.choice("x", "X", null, new ArrayList<>(), "")).hasMessageContaining("x");
    assertThatThrownBy(() -> new OptionSpec("y", "Y", OptionSpec.Kind.INT, 1L, null, false, null, null, null, true,
        null, "")).hasMessageContaining("y is required");
  }
}
