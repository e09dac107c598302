package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.objective.MultiObjectiveFunction;
import io.parzen.study.Budget;
import io.parzen.study.OptimizeResult;
import io.parzen.study.StopReason;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every sampler {@link Samplers} knows on a study with two directions: it runs, or says why not. */
@Timeout(300)
class MultiObjectiveSamplersTest {

  @Test
  void everySamplerRunsATwoObjectiveStudyOrRefusesItByName() {
    MultiObjectiveFunction f = MultiObjectiveFunction.zdt1(3);
    for (String name : Samplers.NAMES) {
      Study study = Study.builder().name("zdt1").sampler(Samplers.create(name, Map.of("seed", 1)))
          .space(f.space()).directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE).build();
      OptimizeResult result = study.optimizeMulti(f, Budget.trials(30), 1);

      if (name.equals("cmaes") || name.equals("gp")) {
        assertThat(result.reason()).as(name).isEqualTo(StopReason.ERROR);
        assertThat(result.error()).as(name).hasMessageContaining("optimises one objective");
      } else {
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).as(name).hasSize(30).allMatch(t -> t.state() == TrialState.COMPLETE && t.hasValues(2));
        assertThat(trials.stream().map(FrozenTrial::params).distinct().count()).as(name).isGreaterThan(25);
      }
    }
  }
}
