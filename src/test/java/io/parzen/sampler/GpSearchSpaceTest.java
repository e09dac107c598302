package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpSearchSpaceTest {

  private static GpSearchSpace space() {
    Map<String, Distribution> m = new LinkedHashMap<>();
    m.put("act", CategoricalDistribution.of("relu", "tanh", "gelu"));
    m.put("lr", FloatDistribution.logUniform(1e-4, 1e-1));
    m.put("units", IntDistribution.logScaled(8, 1024));
    m.put("even", new IntDistribution(0, 10, false, 2));
    m.put("dropout", FloatDistribution.stepped(0, 0.5, 0.1));
    m.put("x", FloatDistribution.uniform(-5, 5));
    m.put("big", IntDistribution.of(0, 10_000_000));
    return new GpSearchSpace(m);
  }

  @Test
  void dimensionsAreContinuousDiscreteOrCategorical() {
    GpSearchSpace s = space();
    assertThat(s.continuousDims()).containsExactly(1, 5);
    assertThat(s.choiceDims()).containsExactly(0, 2, 3, 4, 6);
    assertThat(s.categorical()).containsExactly(true, false, false, false, false, false, false);
    assertThat(s.choiceCount(0)).isEqualTo(3);
    assertThat(s.choiceCount(2)).isEqualTo(1017);
    assertThat(s.choiceCount(3)).isEqualTo(6);
    assertThat(s.choiceCount(4)).isEqualTo(6);
    assertThat(s.choiceCount(6)).isEqualTo(10_000_001);
  }

  @Test
  void logParametersMapInLogSpaceAndGridsArePaddedByHalfAStep() {
    GpSearchSpace s = space();
    assertThat(s.normalize(1, 1e-4)).isCloseTo(0, within(1e-12));
    assertThat(s.normalize(1, Math.sqrt(1e-4 * 1e-1))).isCloseTo(0.5, within(1e-12));
    // even in {0, 2, ..., 10}: the range [-1, 11] puts 0 at 1/12 and 10 at 11/12.
    assertThat(s.normalize(3, 0)).isCloseTo(1.0 / 12, within(1e-12));
    assertThat(s.normalize(3, 10)).isCloseTo(11.0 / 12, within(1e-12));
    // units log-int: log(7.5) .. log(1024.5).
    assertThat(s.normalize(2, 8)).isCloseTo(Math.log(8 / 7.5) / Math.log(1024.5 / 7.5), within(1e-12));
  }

  @Test
  void coordinatesRoundTripToValuesOnTheGrid() {
    GpSearchSpace s = space();
    for (long k = 0; k < s.choiceCount(3); k++) {
      assertThat(s.nearestIndex(3, s.choice(3, k))).isEqualTo(k);
      assertThat(s.internal(3, s.choice(3, k))).isEqualTo(2.0 * k);
    }
    assertThat(s.internal(4, s.choice(4, 5))).isCloseTo(0.5, within(1e-12));
    assertThat(s.nearestIndex(6, s.choice(6, 1_234_567))).isEqualTo(1_234_567);
    assertThat(s.internal(3, 0.0)).isEqualTo(0);      // outside the grid: clamped
    assertThat(s.internal(3, 1.0)).isEqualTo(10);
    assertThat(s.internal(1, 1.0)).isCloseTo(0.1, within(1e-15));
    assertThat(s.internal(5, 0.25)).isCloseTo(-2.5, within(1e-12));
  }

  @Test
  void uniformPointsRoundToChoicesAndExternalValuesHaveTheirTypes() {
    GpSearchSpace s = space();
    double[] u = {0.99, 0.5, 0.5, 0.3, 0.62, 0.5, 0.5};
    s.roundUniform(u);
    assertThat(u[0]).isEqualTo(2);
    assertThat(u[3]).isEqualTo(s.choice(3, s.nearestIndex(3, 0.3)));
    Map<String, Object> external = s.external(u);
    assertThat(external).containsEntry("act", "gelu").containsEntry("even", 2L).containsEntry("x", 0.0);
    assertThat(external.get("units")).isInstanceOf(Long.class);
    assertThat((Double) external.get("dropout")).isCloseTo(0.3, within(1e-12));
    for (Map.Entry<String, Object> e : external.entrySet()) {
      assertThat(e.getValue()).as(e.getKey()).isNotNull();
    }
  }
}
