package io.parzen.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.objective.BenchmarkFunction;
import io.parzen.objective.BenchmarkFunctions;
import io.parzen.sampler.RandomSampler;
import io.parzen.storage.InMemoryStorage;
import io.parzen.trial.FrozenTrial;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class StudyPropertiesTest {

  @Property(tries = 25)
  void seededRunsAreReproducible(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int trials) {
    assertThat(run(seed, trials)).isEqualTo(run(seed, trials));
  }

  private static List<Map<String, Object>> run(long seed, int trials) {
    BenchmarkFunction hartmann = BenchmarkFunctions.hartmann6();
    Study study = Study.builder().space(hartmann.space()).sampler(new RandomSampler(seed)).build();
    study.optimize(hartmann, Budget.trials(trials));
    return study.trials().stream().map(FrozenTrial::params).toList();
  }

  @Property(tries = 10)
  void parallelWorkersNeverExceedTheBudget(
      @ForAll @IntRange(min = 0, max = 60) int budget, @ForAll @IntRange(min = 1, max = 8) int workers) {
    Study study = Study.builder().build();
    OptimizeResult result = study.optimize(trial -> trial.suggestFloat("x", 0, 1), Budget.trials(budget), workers);
    assertThat(study.trials()).hasSize(budget);
    assertThat(result.trials()).isEqualTo(budget);
  }

  @Property(tries = 5)
  void concurrentRunsSharingAStudyTotalStopAtExactlyThatTotal(@ForAll @IntRange(min = 1, max = 80) int total) {
    InMemoryStorage storage = new InMemoryStorage();
    Study a = Study.builder().name("shared").storage(storage).build();
    Study b = Study.builder().name("shared").storage(storage).loadIfExists(true).build();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      CompletableFuture<OptimizeResult> first =
          a.optimizeAsync(trial -> new double[] {trial.suggestFloat("x", 0, 1)}, Budget.studyTotal(total), 3, pool);
      CompletableFuture<OptimizeResult> second =
          b.optimizeAsync(trial -> new double[] {trial.suggestFloat("x", 0, 1)}, Budget.studyTotal(total), 3, pool);
      assertThat(first.join().trials() + second.join().trials()).isEqualTo(total);
    } finally {
      pool.shutdownNow();
    }
    assertThat(a.trials()).extracting(FrozenTrial::number)
        .containsExactlyElementsOf(IntStream.range(0, total).boxed().toList());
  }
}
