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
    assertThat(Samplers.create("grid", Map.of("points", 5, "seed", 7))).isInstanceOf(GridSampler.class)
        .extracting(Sampler::describe).isEqualTo("GridSampler(points=5, seed=7)");
    assertThat(Samplers.create("grid", Map.of()).describe()).isEqualTo("GridSampler(points=10)");
    assertThat(Samplers.create("qmc", Map.of("seed", 2))).isInstanceOf(QmcSampler.class)
        .extracting(Sampler::describe).isEqualTo("QmcSampler(sobol, seed=2)");
    assertThat(((QmcSampler) Samplers.create("qmc", Map.of("sequence", "halton"))).sequence())
        .isEqualTo(QmcSampler.Sequence.HALTON);
    assertThat(Samplers.create("cmaes", Map.of("seed", 5))).isInstanceOf(CmaEsSampler.class)
        .extracting(Sampler::describe).isEqualTo("CmaEsSampler(seed=5)");
    assertThat(Samplers.create("cmaes", Map.of("sigma0", "0.25", "popsize", 8)).describe())
        .isEqualTo("CmaEsSampler(sigma0=0.25, popsize=8)");
    assertThat(Samplers.NAMES).containsExactly("tpe", "hyperopt-tpe", "random", "grid", "qmc", "cmaes", "gp", "nsga2");
  }

  @Test
  void badGridAndQmcOptionsSayWhatIsWrong() {
    assertThatThrownBy(() -> Samplers.create("grid", Map.of("points", 0)))
        .hasMessage("grid points (0) must be between 1 and 100000");
    assertThatThrownBy(() -> Samplers.create("grid", Map.of("points", "many")))
        .hasMessage("grid points \"many\" is not a whole number");
    assertThatThrownBy(() -> Samplers.create("qmc", Map.of("sequence", "faure")))
        .hasMessage("unknown QMC sequence \"faure\" (known: sobol, halton)");
    assertThatThrownBy(() -> Samplers.create("cmaes", Map.of("sigma0", 0)))
        .hasMessage("cmaes sigma0 (0) must be in (0, 1]");
    assertThatThrownBy(() -> Samplers.create("cmaes", Map.of("sigma0", "wide")))
        .hasMessage("cmaes sigma0 \"wide\" is not a number");
    assertThatThrownBy(() -> Samplers.create("cmaes", Map.of("popsize", 1)))
        .hasMessage("cmaes popsize (1) must be between 2 and 100000");
  }

  @Test
  void unknownNamesAndBadSeedsSayWhatIsWrong() {
    assertThatThrownBy(() -> Samplers.create("cma", Map.of()))
        .hasMessage("unknown sampler \"cma\" (known: tpe, hyperopt-tpe, random, grid, qmc, cmaes, gp, nsga2)");
    assertThatThrownBy(() -> Samplers.create("tpe", Map.of("seed", "x1")))
        .hasMessage("sampler seed \"x1\" is not a whole number");
  }

  @Test
  void tpeOptionsByName() {
    assertThat(Samplers.create("tpe", Map.of("seed", 3, "multivariate", true, "group", "true")).describe())
        .isEqualTo("TpeSampler[multivariate, group](seed=3)");
    assertThat(Samplers.create("hyperopt-tpe", Map.of("constant_liar", false, "n_startup_trials", "5")).describe())
        .isEqualTo("TpeSampler[hyperopt, constant_liar=false]");
    assertThat(Samplers.create("tpe", Map.of("n_ei_candidates", 48.0, "multivariate", "FALSE")).describe())
        .isEqualTo("TpeSampler");
    assertThat(Samplers.TPE_OPTIONS)
        .containsExactly("seed", "n_startup_trials", "n_ei_candidates", "multivariate", "group", "constant_liar");
  }

  @Test
  void tpeStartsAfterItsStartupTrials() {
    TpeSampler tpe = (TpeSampler) Samplers.create("tpe", Map.of("n_startup_trials", 0, "seed", 1));
    io.parzen.study.Study study = io.parzen.study.Study.builder().sampler(tpe).build();
    study.optimize(t -> t.suggestFloat("x", 0, 1), io.parzen.study.Budget.trials(1));
    assertThat(tpe.splitFor(study, study.trials().get(0))).as("no startup trials: TPE from the first trial").isNotNull();
    TpeSampler hyperopt = (TpeSampler) Samplers.create("hyperopt-tpe", Map.of());
    io.parzen.study.Study other = io.parzen.study.Study.builder().sampler(hyperopt).build();
    other.optimize(t -> t.suggestFloat("x", 0, 1), io.parzen.study.Budget.trials(19));
    other.ask();
    assertThat(hyperopt.splitFor(other, other.trials().get(19))).as("hyperopt: 20 startup trials").isNull();
  }

  @Test
  void badTpeOptionsNameTheOptionAndTheValue() {
    assertThatThrownBy(() -> Samplers.create("tpe", Map.of("n_startup_trials", -1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("tpe option n_startup_trials (-1) must be an integer >= 0");
    assertThatThrownBy(() -> Samplers.create("tpe", Map.of("n_startup_trials", 2.5)))
        .hasMessage("tpe option n_startup_trials \"2.5\" is not a whole number");
    assertThatThrownBy(() -> Samplers.create("hyperopt-tpe", Map.of("n_ei_candidates", 0)))
        .hasMessage("hyperopt-tpe option n_ei_candidates (0) must be an integer >= 1");
    assertThatThrownBy(() -> Samplers.create("tpe", Map.of("n_ei_candidates", "many")))
        .hasMessage("tpe option n_ei_candidates \"many\" is not a whole number");
    assertThatThrownBy(() -> Samplers.create("tpe", Map.of("multivariate", "yes")))
        .hasMessage("tpe option multivariate \"yes\" is not true or false");
    assertThatThrownBy(() -> Samplers.create("tpe", Map.of("constant_liar", 1)))
        .hasMessage("tpe option constant_liar \"1\" is not true or false");
    assertThatThrownBy(() -> Samplers.create("tpe", Map.of("group", true)))
        .hasMessage("tpe option group (true) requires multivariate (true), as in Optuna");
    assertThatThrownBy(() -> Samplers.create("tpe", Map.of("n_startup", 5)))
        .hasMessage("tpe has no option \"n_startup\" (options: seed, n_startup_trials, n_ei_candidates, multivariate, "
            + "group, constant_liar)");
  }
}
