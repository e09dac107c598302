package io.parzen.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.objective.BenchmarkFunctions;
import io.parzen.sampler.RandomSampler;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialPruned;
import io.parzen.trial.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StudyOptimizeTest {

  private static Study minimizing() {
    return Study.builder().name("test").direction(StudyDirection.MINIMIZE).sampler(new RandomSampler(1L)).build();
  }

  @Test
  void fourWorkersWithABudgetOf200RunExactly200TrialsNumbered0To199() {
    Study study = minimizing();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    OptimizeResult result = study.optimize(trial -> {
      threads.add(Thread.currentThread().getName());
      double x = trial.suggestFloat("x", -10, 10);
      Thread.sleep(1);
      return x * x;
    }, Budget.trials(200), 4);

    List<FrozenTrial> trials = study.trials();
    assertThat(trials).hasSize(200);
    assertThat(trials).extracting(FrozenTrial::number).containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
    assertThat(trials).allMatch(t -> t.state() == TrialState.COMPLETE);
    assertThat(result.trials()).isEqualTo(200);
    assertThat(result.reason()).isEqualTo(StopReason.BUDGET_REACHED);
    assertThat(threads).hasSizeGreaterThan(1);
  }

  @Test
  void moreWorkersThanTrialsStillRunExactlyTheBudget() {
    Study study = minimizing();
    study.optimize(trial -> trial.suggestFloat("x", 0, 1), Budget.trials(3), 8);
    assertThat(study.trials()).hasSize(3);
  }

  @Test
  void aThrowingObjectiveFailsItsTrialWithTheMessageAndTheStudyGoesOn() {
    Study study = minimizing();
    study.optimize(trial -> {
      if (trial.number() % 2 == 0) {
        throw new IllegalStateException("diverged at lr " + trial.suggestFloat("lr", 0.5, 0.5));
      }
      return 1.0;
    }, Budget.trials(6));

    List<FrozenTrial> trials = study.trials();
    assertThat(trials).hasSize(6);
    assertThat(trials).filteredOn(t -> t.state() == TrialState.FAIL).hasSize(3)
        .allSatisfy(t -> {
          assertThat(t.failReason()).contains("java.lang.IllegalStateException: diverged at lr 0.5");
          assertThat(t.values()).isEmpty();
          assertThat(t.params()).containsEntry("lr", 0.5);
        });
    assertThat(trials).filteredOn(t -> t.state() == TrialState.COMPLETE).hasSize(3);
  }

  @Test
  void nanIsAFailedTrial() {
    Study study = minimizing();
    study.optimize(trial -> Double.NaN, Budget.trials(2));
    assertThat(study.trials()).allSatisfy(t -> {
      assertThat(t.state()).isEqualTo(TrialState.FAIL);
      assertThat(t.failReason()).contains("the objective returned NaN");
    });
    assertThat(study.findBestTrial()).isEmpty();
  }

  @Test
  void anObjectiveReturningNothingFailsItsTrial() {
    Study study = minimizing();
    study.optimizeMulti(trial -> null, Budget.trials(1), 1);
    assertThat(study.trials().get(0).failReason()).contains("the objective returned no value");
  }

  @Test
  void tooFewValuesForTheDirectionsFailTheTrial() {
    Study study = Study.builder().directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE).build();
    study.optimizeMulti(trial -> new double[] {1.0}, Budget.trials(1), 1);
    assertThat(study.trials().get(0).failReason()).contains("the objective returned 1 values for 2 objectives");
  }

  @Test
  void prunedTrialsKeepTheirLastIntermediateValue() {
    Study study = Study.builder().pruner((s, t) -> t.lastStep().orElse(-1) >= 2).build();
    study.optimize(trial -> {
      for (int step = 0; step < 10; step++) {
        trial.report(step, 10.0 - step);
        if (trial.shouldPrune()) {
          throw new TrialPruned();
        }
      }
      return 0.0;
    }, Budget.trials(2));
    assertThat(study.trials()).allSatisfy(t -> {
      assertThat(t.state()).isEqualTo(TrialState.PRUNED);
      assertThat(t.values()).containsExactly(8.0);
      assertThat(t.intermediateValues()).containsOnlyKeys(0, 1, 2);
    });
  }

  @Test
  void timeLimitStopsStartingTrialsOnceItHasPassed() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    Study study = Study.builder().clock(clock).build();
    OptimizeResult result = study.optimize(trial -> {
      clock.advance(Duration.ofSeconds(1));
      return trial.suggestFloat("x", 0, 1);
    }, Budget.timeout(Duration.ofSeconds(10)));
    assertThat(study.trials()).hasSize(10);
    assertThat(result.reason()).isEqualTo(StopReason.TIME_LIMIT);
  }

  @Test
  void whicheverLimitComesFirstEndsTheRun() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    Study study = Study.builder().clock(clock).build();
    OptimizeResult result = study.optimize(trial -> 1.0, Budget.trials(5).orTimeout(Duration.ofHours(1)));
    assertThat(result.reason()).isEqualTo(StopReason.BUDGET_REACHED);
    assertThat(study.trials()).hasSize(5);
  }

  @Test
  void stopLetsRunningTrialsFinishAndStartsNoMore() {
    Study study = minimizing();
    study.addListener(new StudyListener() {
      @Override
      public void trialFinished(Study s, FrozenTrial trial) {
        if (trial.number() == 4) {
          s.stop();
        }
      }
    });
    OptimizeResult result = study.optimize(trial -> 1.0, Budget.unlimited());
    assertThat(result.reason()).isEqualTo(StopReason.STOPPED);
    assertThat(study.trials()).hasSize(5).allMatch(t -> t.state() == TrialState.COMPLETE);
    assertThat(study.isOptimizing()).isFalse();
  }

  @Test
  void cancelInterruptsRunningObjectivesAndFailsTheirTrials() throws Exception {
    Study study = minimizing();
    CountDownLatch running = new CountDownLatch(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CompletableFuture<OptimizeResult> future = study.optimizeAsync(trial -> {
        running.countDown();
        Thread.sleep(60_000);
        return new double[] {1.0};
      }, Budget.unlimited(), 2, pool);
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      study.cancel();
      OptimizeResult result = future.get(10, TimeUnit.SECONDS);
      assertThat(result.reason()).isEqualTo(StopReason.CANCELLED);
      assertThat(study.trials()).hasSize(2).allSatisfy(t -> {
        assertThat(t.state()).isEqualTo(TrialState.FAIL);
        assertThat(t.failReason()).contains("cancelled");
      });
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailingSamplerEndsTheRunWithAnError() {
    AtomicInteger calls = new AtomicInteger();
    Study broken = Study.builder().sampler(new io.parzen.sampler.Sampler() {
      @Override
      public Object sampleIndependent(Study s, FrozenTrial t, String n, io.parzen.space.Distribution d) {
        calls.incrementAndGet();
        return 0.5;
      }

      @Override
      public void beforeTrial(Study s, FrozenTrial t) {
        if (t.number() == 2) {
          throw new IllegalStateException("sampler state corrupt");
        }
      }
    }).build();
    OptimizeResult result = broken.optimize(trial -> trial.suggestFloat("x", 0, 1), Budget.trials(10));
    assertThat(result.reason()).isEqualTo(StopReason.ERROR);
    assertThat(result.error()).hasMessage("sampler state corrupt");
    assertThat(broken.trials()).hasSize(3);
    assertThat(broken.trials().get(2).failReason()).contains("sampler failed: java.lang.IllegalStateException: sampler state corrupt");
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void seededRandomSearchIsReproducible() {
    List<Object> first = paramsOfSeededRun(42);
    List<Object> second = paramsOfSeededRun(42);
    List<Object> other = paramsOfSeededRun(43);
    assertThat(first).hasSize(20).isEqualTo(second).isNotEqualTo(other);
  }

  private static List<Object> paramsOfSeededRun(long seed) {
    Study study = Study.builder().sampler(new RandomSampler(seed)).space(BenchmarkFunctions.branin().space()).build();
    study.optimize(BenchmarkFunctions.branin(), Budget.trials(20));
    return study.trials().stream().map(t -> (Object) t.params()).toList();
  }

  @Test
  void listenersHearEveryTrialStartAndFinishAsSnapshots() {
    Study study = minimizing();
    List<FrozenTrial> started = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<FrozenTrial> finished = new java.util.concurrent.CopyOnWriteArrayList<>();
    study.addListener(new StudyListener() {
      @Override
      public void trialStarted(Study s, FrozenTrial trial) {
        started.add(trial);
      }

      @Override
      public void trialFinished(Study s, FrozenTrial trial) {
        finished.add(trial);
      }
    });
    study.optimize(trial -> trial.suggestFloat("x", 0, 1), Budget.trials(12), 3);
    assertThat(started).hasSize(12).allMatch(t -> t.state() == TrialState.RUNNING && t.params().isEmpty());
    assertThat(finished).hasSize(12).allMatch(t -> t.state() == TrialState.COMPLETE && t.params().containsKey("x"));
  }
}
