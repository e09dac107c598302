package io.parzen.pruner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.study.StudyDefinition;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrunersTest {

  @Test
  void createsEveryNamedPruner() {
    for (String name : Pruners.NAMES) {
      Map<String, Object> options = switch (name) {
        case "percentile" -> Map.of("percentile", 25);
        case "threshold" -> Map.of("upper", 1.0);
        case "patient" -> Map.of("patience", 2);
        default -> Map.of();
      };
      assertThat(Pruners.create(name, options)).as(name).isNotNull();
    }
    assertThat(Pruners.create((StudyDefinition.Component) null)).isInstanceOf(NopPruner.class);
  }

  @Test
  void usesOptunasDefaultsAndOptions() {
    MedianPruner median = (MedianPruner) Pruners.create("median", Map.of());
    assertThat(median.percentile()).isEqualTo(50.0);
    assertThat(median.nStartupTrials()).isEqualTo(5);
    assertThat(median.nWarmupSteps()).isZero();
    assertThat(median.intervalSteps()).isEqualTo(1);
    assertThat(median.nMinTrials()).isEqualTo(1);

    PercentilePruner p = (PercentilePruner) Pruners.create("percentile",
        Map.of("percentile", "25", "n_startup_trials", 3L, "n_warmup_steps", 2.0, "interval_steps", 4, "n_min_trials", 2));
    assertThat(p.percentile()).isEqualTo(25.0);
    assertThat(p.nStartupTrials()).isEqualTo(3);
    assertThat(p.nWarmupSteps()).isEqualTo(2);
    assertThat(p.intervalSteps()).isEqualTo(4);
    assertThat(p.nMinTrials()).isEqualTo(2);

    SuccessiveHalvingPruner sha = (SuccessiveHalvingPruner) Pruners.create("successive-halving", Map.of());
    assertThat(sha.minResource()).isEmpty();
    assertThat(sha.reductionFactor()).isEqualTo(4);
    assertThat(sha.minEarlyStoppingRate()).isZero();
    assertThat(sha.bootstrapCount()).isZero();
    SuccessiveHalvingPruner sha2 = (SuccessiveHalvingPruner) Pruners.create("successive-halving",
        Map.of("min_resource", 3, "reduction_factor", 2, "min_early_stopping_rate", 1, "bootstrap_count", 1));
    assertThat(sha2.minResource()).hasValue(3);
    assertThat(sha2.reductionFactor()).isEqualTo(2);

    HyperbandPruner hb = (HyperbandPruner) Pruners.create("hyperband", Map.of());
    assertThat(hb.minResource()).isEqualTo(1);
    assertThat(hb.maxResource()).isEmpty();
    assertThat(hb.reductionFactor()).isEqualTo(3);
    HyperbandPruner hb2 = (HyperbandPruner) Pruners.create("hyperband", Map.of("max_resource", "81", "min_resource", 3));
    assertThat(hb2.maxResource()).hasValue(81);
    assertThat(hb2.bracketCount()).hasValue(4);  // floor(log3(27)) + 1 as Python computes it

    ThresholdPruner th = (ThresholdPruner) Pruners.create("threshold", Map.of("lower", -1));
    assertThat(th.lower()).isEqualTo(-1.0);
    assertThat(th.upper()).isEqualTo(Double.POSITIVE_INFINITY);

    PatientPruner patient = (PatientPruner) Pruners.create("patient", Map.of("patience", 3, "min_delta", 0.1));
    assertThat(patient.patience()).isEqualTo(3);
    assertThat(patient.minDelta()).isEqualTo(0.1);
    assertThat(patient.wrapped()).isInstanceOf(MedianPruner.class);
    PatientPruner alone = (PatientPruner) Pruners.create("patient", Map.of("patience", 1, "wrapped", "none"));
    assertThat(alone.wrapped()).isNull();
    PatientPruner overThreshold = (PatientPruner) Pruners.create("patient",
        Map.of("patience", 1, "wrapped", "threshold", "wrapped_options", Map.of("upper", 2)));
    assertThat(((ThresholdPruner) overThreshold.wrapped()).upper()).isEqualTo(2.0);
  }

  @Test
  void refusesUnknownNamesAndOptionsAndBadValuesNamingThem() {
    assertThatThrownBy(() -> Pruners.create("asha", Map.of()))
        .hasMessageContaining("\"asha\"").hasMessageContaining("median, percentile");
    assertThatThrownBy(() -> Pruners.create("median", Map.of("warmup", 3)))
        .hasMessageContaining("\"warmup\"").hasMessageContaining("n_warmup_steps");
    assertThatThrownBy(() -> Pruners.create("median", Map.of("n_startup_trials", "many")))
        .hasMessageContaining("n_startup_trials (many)");
    assertThatThrownBy(() -> Pruners.create("median", Map.of("n_startup_trials", 2.5)))
        .hasMessageContaining("n_startup_trials (2.5)");
    assertThatThrownBy(() -> Pruners.create("median", Map.of("interval_steps", 0)))
        .hasMessageContaining("interval_steps (0)");
    assertThatThrownBy(() -> Pruners.create("percentile", Map.of())).hasMessageContaining("\"percentile\"");
    assertThatThrownBy(() -> Pruners.create("percentile", Map.of("percentile", 150))).hasMessageContaining("percentile (150.0)");
    assertThatThrownBy(() -> Pruners.create("successive-halving", Map.of("min_resource", "soon")))
        .hasMessageContaining("min_resource (soon)");
    assertThatThrownBy(() -> Pruners.create("hyperband", Map.of("max_resource", -4)))
        .hasMessageContaining("max_resource (-4)");
    assertThatThrownBy(() -> Pruners.create("threshold", Map.of())).hasMessageContaining("lower or upper");
    assertThatThrownBy(() -> Pruners.create("threshold", Map.of("upper", "high"))).hasMessageContaining("upper (high)");
    assertThatThrownBy(() -> Pruners.create("patient", Map.of())).hasMessageContaining("\"patience\"");
    assertThatThrownBy(() -> Pruners.create("patient", Map.of("patience", 1, "wrapped", "patient")))
        .hasMessageContaining("wrapped (\"patient\")");
  }
}
