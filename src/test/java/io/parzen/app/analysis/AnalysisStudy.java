package io.parzen.app.analysis;

import io.parzen.objective.Objective;
import io.parzen.sampler.Samplers;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import java.util.Map;

/**
 * A study for the analysis panels with every kind of parameter: a log float {@code lr}, an int
 * {@code layers}, one conditional int {@code units_l1} (only with two or more layers), a categorical
 * {@code optimizer} and a float {@code dropout}. The loss is lowest near lr = 10^-2.5, three layers,
 * 32 units, adam and dropout 0.2; one trial in 25 fails.
 */
final class AnalysisStudy {

  private AnalysisStudy() {}

  /** A new in-memory study minimising (or maximising the negated loss) with TPE seeded by {@code seed}. */
  static Study create(long seed, StudyDirection direction) {
    return Study.builder().name("analysis").direction(direction)
        .sampler(Samplers.create("tpe", Map.of("seed", seed))).build();
  }

  /** The objective; negated when {@code maximise}. */
  static Objective objective(boolean maximise) {
    return trial -> {
      double lr = trial.suggestFloat("lr", 1e-5, 1e-1, true);
      int layers = trial.suggestInt("layers", 1, 4);
      double unitsError = 0.3;
      if (layers >= 2) {
        int units = trial.suggestInt("units_l1", 4, 128, 1, true);
        unitsError = 0.1 * Math.pow(Math.log(units / 32.0), 2);
      }
      String optimizer = trial.suggestCategorical("optimizer", "sgd", "adam", "rmsprop");
      double dropout = trial.suggestFloat("dropout", 0, 0.5);
      if (trial.number() % 25 == 24) {
        throw new IllegalStateException("diverged");
      }
      double loss = 0.05 + 0.2 * Math.pow(Math.log10(lr) + 2.5, 2) + 0.05 * Math.abs(layers - 3) + unitsError
          + 0.4 * Math.pow(dropout - 0.2, 2) + ("adam".equals(optimizer) ? 0 : "rmsprop".equals(optimizer) ? 0.05 : 0.15);
      return maximise ? -loss : loss;
    };
  }
}
