package io.parzen.app.run;

import io.parzen.objective.Objective;
import io.parzen.pruner.Pruners;
import io.parzen.sampler.Samplers;
import io.parzen.space.CategoricalDistribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.Trial;
import io.parzen.trial.TrialPruned;
import java.util.Map;

/**
 * A fake training run for looking at and testing the plots: a log learning rate, an int layer
 * count, a categorical optimiser and a dropout; the loss falls over 20 reported steps towards a
 * floor that depends on the parameters, and a median pruner stops hopeless trials.
 */
final class TrainingStudy {

  static final SearchSpace SPACE = SearchSpace.of(
      new Parameter("lr", FloatDistribution.logUniform(1e-5, 1e-1)),
      new Parameter("layers", IntDistribution.of(1, 4)),
      new Parameter("optimizer", CategoricalDistribution.of("sgd", "adam", "rmsprop")),
      new Parameter("dropout", FloatDistribution.uniform(0, 0.5)));

  static final int STEPS = 20;

  private TrainingStudy() {}

  /** A new in-memory study of {@link #SPACE} with TPE seeded by {@code seed} and the median pruner. */
  static Study create(long seed) {
    return Study.builder().name("training").direction(StudyDirection.MINIMIZE).space(SPACE)
        .sampler(Samplers.create("tpe", Map.of("seed", seed)))
        .pruner(Pruners.create("median", Map.of("n_startup_trials", 5, "n_warmup_steps", 3))).build();
  }

  /** The objective: reports the loss at each step, pruned when the pruner says so. */
  static Objective objective() {
    return (Trial trial) -> {
      double lr = (Double) trial.suggest(SPACE.parameter("lr").orElseThrow());
      long layers = ((Number) trial.suggest(SPACE.parameter("layers").orElseThrow())).longValue();
      String optimizer = (String) trial.suggest(SPACE.parameter("optimizer").orElseThrow());
      double dropout = (Double) trial.suggest(SPACE.parameter("dropout").orElseThrow());
      double lrError = Math.pow(Math.log10(lr) + 2.5, 2);
      double floor = 0.05 + 0.2 * lrError + 0.05 * Math.abs(layers - 3) + 0.4 * Math.pow(dropout - 0.2, 2)
          + ("adam".equals(optimizer) ? 0 : "rmsprop".equals(optimizer) ? 0.05 : 0.15);
      double speed = 0.15 + 0.5 / (1 + lrError);
      double loss = 0;
      for (int step = 0; step < STEPS; step++) {
        loss = floor + 2.0 * Math.exp(-speed * step);
        trial.report(step, loss);
        if (trial.shouldPrune()) {
          throw new TrialPruned("pruned at step " + step);
        }
      }
      return loss;
    };
  }
}
