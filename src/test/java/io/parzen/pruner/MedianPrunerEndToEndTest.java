package io.parzen.pruner;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.sampler.RandomSampler;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialPruned;
import io.parzen.trial.TrialState;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedianPrunerEndToEndTest {

  private static final int STEPS = 20;

  private static double curve(FrozenTrial t, int step) {
    double a = (Double) t.params().get("a");
    double b = (Double) t.params().get("b");
    return a / (step + 1) + b;
  }

  /**
   * Curves a / (t + 1) + b, as in Optuna's examples with a warmup of 5 steps: once the noisy first
   * steps are past, the median rule cuts the poor curves and lets the good ones finish.
   */
  @Test
  void prunesMostPoorLearningCurvesAndKeepsTheBestTrialsComplete() {
    Study study = Study.builder().name("curves").direction(StudyDirection.MINIMIZE)
        .sampler(new RandomSampler(42L)).pruner(new MedianPruner(5, 5, 1)).build();
    study.optimize(trial -> {
      double a = trial.suggestFloat("a", 0.5, 1.0);
      double b = trial.suggestFloat("b", 0.0, 1.0);
      double value = Double.NaN;
      for (int step = 0; step < STEPS; step++) {
        value = a / (step + 1) + b;
        trial.report(step, value);
        if (trial.shouldPrune()) {
          throw new TrialPruned();
        }
      }
      return value;
    }, Budget.trials(80));

    List<FrozenTrial> trials = study.trials();
    long pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).count();
    long complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
    assertThat(pruned + complete).isEqualTo(80);
    assertThat(pruned).as("pruned trials").isGreaterThanOrEqualTo(32);

    // What every trial would have reached at the last step, had it run to the end.
    List<FrozenTrial> byFinal = trials.stream()
        .sorted(Comparator.comparingDouble(t -> curve(t, STEPS - 1)))
        .toList();
    assertThat(byFinal.get(0).state()).as("the best trial").isEqualTo(TrialState.COMPLETE);
    assertThat(byFinal.subList(0, 5)).as("most of the five best trials")
        .filteredOn(t -> t.state() == TrialState.COMPLETE).hasSizeGreaterThanOrEqualTo(4);
    assertThat(study.bestValue()).isEqualTo(curve(byFinal.get(0), STEPS - 1));
  }
}
