package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.multi.Hypervolume;
import io.parzen.multi.Pareto;
import io.parzen.objective.MultiObjectiveFunction;
import io.parzen.space.CategoricalDistribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.storage.InMemoryStorage;
import io.parzen.storage.Storage;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(300)
class NsgaIISamplerTest {

  private static final List<StudyDirection> TWO_MIN = List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE);

  private static Study study(Sampler sampler, MultiObjectiveFunction f) {
    return Study.builder().sampler(sampler).space(f.space()).directions(directionsOf(f)).build();
  }

  private static List<StudyDirection> directionsOf(MultiObjectiveFunction f) {
    return java.util.Collections.nCopies(f.objectives(), StudyDirection.MINIMIZE);
  }

  private static double hypervolume(Study study, double... reference) {
    List<FrozenTrial> complete = study.trials(java.util.EnumSet.of(TrialState.COMPLETE));
    return Hypervolume.of(Pareto.minimizationValues(complete, study.directions()), reference);
  }

  @Test
  void sameSeedGivesTheSameTrialsAndAnotherSeedDifferentOnes() {
    MultiObjectiveFunction f = MultiObjectiveFunction.zdt1(5);
    List<Map<String, Object>> a = run(f, new NsgaIISampler(3L), 90);
    List<Map<String, Object>> b = run(f, new NsgaIISampler(3L), 90);
    List<Map<String, Object>> c = run(f, new NsgaIISampler(4L), 90);

    assertThat(a).hasSize(90).isEqualTo(b);
    assertThat(c.subList(60, 90)).isNotEqualTo(a.subList(60, 90));
  }

  @Test
  void aPinnedSeedGivesPinnedTrials() {
    List<Map<String, Object>> trials = run(MultiObjectiveFunction.binhKorn(), new NsgaIISampler(10, null, null, 0.9,
        0.5, 42L), 40);

    // Pinned: a change here means seeded NSGA-II studies no longer repeat earlier runs.
    assertThat(trials.get(39).get("x0")).isEqualTo(PINNED_X0_39);
    assertThat(trials.get(25).get("x1")).isEqualTo(PINNED_X1_25);
  }

  static final Object PINNED_X0_39 = 0.37080405531795646;
  static final Object PINNED_X1_25 = 1.5600398988097206;

  private static List<Map<String, Object>> run(MultiObjectiveFunction f, Sampler sampler, int trials) {
    Study study = study(sampler, f);
    study.optimizeMulti(f, Budget.trials(trials), 1);
    return study.trials().stream().map(FrozenTrial::params).toList();
  }

  @Test
  void eachGenerationIsStoredWithItsTrialsAndFilledBeforeTheNext() {
    MultiObjectiveFunction f = MultiObjectiveFunction.zdt1(4);
    Study study = study(new NsgaIISampler(10, null, null, 0.9, 0.5, 1L), f);
    study.optimizeMulti(f, Budget.trials(35), 1);

    List<FrozenTrial> trials = study.trials();
    for (FrozenTrial t : trials) {
      assertThat(((Number) t.systemAttrs().get(NsgaIISampler.GENERATION_KEY)).intValue()).as("trial " + t.number())
          .isEqualTo(t.number() / 10);
    }
    // The elite of each full generation is cached as Optuna caches it: [generation, [numbers]].
    List<?> cached = study.storage().studySystemAttrs(study.id()).entrySet().stream()
        .filter(e -> e.getKey().startsWith(NsgaIISampler.POPULATION_CACHE_KEY_PREFIX + ":"))
        .map(e -> (List<?>) e.getValue()).filter(v -> ((Number) v.get(0)).intValue() == 2).findFirst().orElseThrow();
    assertThat((List<?>) cached.get(1)).hasSize(10);
  }

  @Test
  void aResumedStudyGoesOnWithTheNextGeneration() {
    MultiObjectiveFunction f = MultiObjectiveFunction.zdt1(4);
    Storage storage = new InMemoryStorage();
    Study first = Study.builder().name("mo").storage(storage).sampler(new NsgaIISampler(10, null, null, 0.9, 0.5, 1L))
        .space(f.space()).directions(TWO_MIN).build();
    first.optimizeMulti(f, Budget.trials(25), 1);
    Study resumed = Study.builder().name("mo").storage(storage).loadIfExists(true)
        .sampler(new NsgaIISampler(10, null, null, 0.9, 0.5, 2L)).build();
    resumed.optimizeMulti(f, Budget.trials(10), 1);

    List<FrozenTrial> trials = resumed.trials();
    assertThat(trials).hasSize(35);
    assertThat(trials.get(25).systemAttrs().get(NsgaIISampler.GENERATION_KEY)).isEqualTo(2);
    assertThat(trials.get(34).systemAttrs().get(NsgaIISampler.GENERATION_KEY)).isEqualTo(3);
  }

  @Test
  void twoWorkersShareTheGenerations() {
    MultiObjectiveFunction f = MultiObjectiveFunction.zdt1(4);
    Study study = study(new NsgaIISampler(10, null, null, 0.9, 0.5, 5L), f);
    study.optimizeMulti(f, Budget.trials(60), 2);

    List<FrozenTrial> trials = study.trials();
    assertThat(trials).hasSize(60).allMatch(t -> t.state() == TrialState.COMPLETE);
    int maxGeneration = trials.stream()
        .mapToInt(t -> ((Number) t.systemAttrs().get(NsgaIISampler.GENERATION_KEY)).intValue()).max().orElseThrow();
    assertThat(maxGeneration).isBetween(4, 5);
  }

  @Test
  void eliteIsTheBestFrontsThenTheLeastCrowded() {
    NsgaIISampler sampler = new NsgaIISampler(4, null, null, 0.9, 0.5, 1L);
    Study study = Study.builder().directions(List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE)).build();
    List<FrozenTrial> population = List.of(
        trial(0, 1, 1), trial(1, 2, 2), trial(2, 3, 3), trial(3, 1.5, 1.2), trial(4, 1, 0), trial(5, 5, 2.5));

    // Front 0 (min f0, max f1): 0 (1, 1), 1 (2, 2), 2 (3, 3), 3 (1.5, 1.2); front 1: 5, 4.
    // Four fit: all of front 0. With three, the ends (0 and 2, infinite distance) and then 1 beat 3.
    assertThat(sampler.selectElite(study, population)).extracting(FrozenTrial::number)
        .containsExactlyInAnyOrder(0, 1, 2, 3);
    NsgaIISampler three = new NsgaIISampler(3, null, null, 0.9, 0.5, 1L);
    assertThat(three.selectElite(study, population)).extracting(FrozenTrial::number)
        .containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void everyCrossoverKeepsChildrenInTheirRanges() {
    SearchSpace space = SearchSpace.of(List.of(
        new Parameter("a", FloatDistribution.uniform(-1, 1)),
        new Parameter("b", FloatDistribution.logUniform(1e-3, 1)),
        new Parameter("c", FloatDistribution.stepped(0, 1, 0.25)),
        new Parameter("d", IntDistribution.of(1, 9)),
        new Parameter("e", IntDistribution.logScaled(1, 64)),
        new Parameter("f", CategoricalDistribution.of("x", "y", "z"))));
    for (String name : Crossover.NAMES) {
      Study study = Study.builder().sampler(Samplers.create("nsga2",
          Map.of("population_size", 6, "crossover", name, "seed", 9))).space(space).directions(TWO_MIN).build();
      study.optimizeMulti(trial -> {
        double a = trial.suggestFloat("a", -1, 1);
        double b = trial.suggestFloat("b", 1e-3, 1, true);
        double c = trial.suggestFloat("c", 0, 1, 0.25);
        long d = trial.suggestInt("d", 1, 9);
        long e = trial.suggestInt("e", 1, 64, 1, true);
        Object f = trial.suggestCategorical("f", List.of("x", "y", "z"));
        return new double[] {a * a + b + c + d, (1 - a) * (1 - a) + e + (f.equals("y") ? 0 : 1)};
      }, Budget.trials(40), 1);

      List<FrozenTrial> trials = study.trials();
      assertThat(trials).as(name).hasSize(40).allMatch(t -> t.state() == TrialState.COMPLETE);
      for (FrozenTrial t : trials) {
        t.params().forEach((param, value) -> assertThat(t.distributions().get(param)
            .containsInternal(t.distributions().get(param).toInternal(value))).as(name + " " + param + "=" + value).isTrue());
      }
    }
  }

  @Test
  void beatsRandomSearchOnZdt1() {
    MultiObjectiveFunction f = MultiObjectiveFunction.zdt1(10);
    Study nsga = study(new NsgaIISampler(20, null, null, 0.9, 0.5, 1L), f);
    nsga.optimizeMulti(f, Budget.trials(400), 1);
    Study random = study(new RandomSampler(1L), f);
    random.optimizeMulti(f, Budget.trials(400), 1);

    double nsgaVolume = hypervolume(nsga, 1.1, 11);
    double randomVolume = hypervolume(random, 1.1, 11);
    assertThat(nsgaVolume).as("NSGA-II %.3f vs random %.3f", nsgaVolume, randomVolume).isGreaterThan(randomVolume * 1.1);
  }

  @Test
  void badOptionsAreRefusedByName() {
    assertThatThrownBy(() -> Samplers.create("nsga2", Map.of("population_size", 1)))
        .hasMessage("nsga2 option population_size (1) must be an integer >= 2");
    assertThatThrownBy(() -> Samplers.create("nsga2", Map.of("population_size", 2, "crossover", "spx")))
        .hasMessage("population_size (2) must be at least the 3 parents of the spx crossover");
    assertThatThrownBy(() -> Samplers.create("nsga2", Map.of("crossover", "twopoint")))
        .hasMessageStartingWith("nsga2 option crossover: unknown crossover \"twopoint\" (known: uniform, sbx");
    assertThatThrownBy(() -> Samplers.create("nsga2", Map.of("mutation_prob", 1.5)))
        .hasMessage("nsga2 option mutation_prob (1.5) must be in [0, 1]");
    assertThatThrownBy(() -> Samplers.create("nsga2", Map.of("pop", 10)))
        .hasMessageStartingWith("nsga2 has no option \"pop\"");
    assertThat(Samplers.create("nsga2", Map.of("seed", 4, "crossover", "SBX")).describe())
        .isEqualTo("NsgaIISampler(population=50, sbx, seed=4)");
  }

  @Test
  void cmaesAndGpRefuseMultiObjectiveStudiesByName() {
    for (Sampler s : List.of(new CmaEsSampler(1L), new GpSampler(1L, 5))) {
      Study study = Study.builder().name("two").sampler(s).directions(TWO_MIN).build();
      io.parzen.study.OptimizeResult result =
          study.optimizeMulti(t -> new double[] {t.suggestFloat("x", 0, 1), 1}, Budget.trials(3), 1);

      assertThat(result.reason()).isEqualTo(io.parzen.study.StopReason.ERROR);
      assertThat(result.error()).hasMessageContaining("optimises one objective, but study \"two\" has 2 directions")
          .hasMessageContaining("use nsga2");
      assertThat(study.trials().get(0).failReason()).get().asString().contains("optimises one objective");
    }
  }

  private static FrozenTrial trial(int number, double... values) {
    return new FrozenTrial(number, number, TrialState.COMPLETE, java.util.Arrays.stream(values).boxed().toList(), null,
        null, Map.of(), Map.of(), Map.of(), Map.of(), new java.util.TreeMap<>());
  }
}
