package io.parzen.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.space.SearchSpace;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeferredTrialsTest {

  private final List<String> calls = new ArrayList<>();
  private final DeferredTrials deferred = new DeferredTrials(new RunViewModel.TrialsListener() {
    @Override
    public void trialsReset(List<FrozenTrial> finished, SearchSpace space) {
      calls.add("reset " + numbers(finished));
    }

    @Override
    public void trialsFinished(List<FrozenTrial> batch) {
      calls.add("batch " + numbers(batch));
    }

    @Override
    public void trialsStarted(List<FrozenTrial> running) {
      calls.add("running " + numbers(running));
    }
  });

  private static List<Integer> numbers(List<FrozenTrial> trials) {
    return trials.stream().map(FrozenTrial::number).toList();
  }

  private static FrozenTrial trial(int number) {
    return new FrozenTrial(number, number, TrialState.COMPLETE, List.of(1.0 * number), Instant.EPOCH, Instant.EPOCH,
        Map.of(), Map.of(), Map.of(), Map.of(), new java.util.TreeMap<>());
  }

  @Test
  void passesTrialsOnAtOnceWhileShown() {
    deferred.trialsReset(List.of(trial(0)), null);
    deferred.trialsFinished(List.of(trial(1)));
    assertThat(calls).containsExactly("reset [0]", "batch [1]");
  }

  @Test
  void whileHiddenKeepsAResetAndTheBatchesAfterItAndPassesThemOnAsOneResetWhenShown() {
    deferred.setActive(false);
    deferred.trialsReset(List.of(trial(0), trial(1)), null);
    deferred.trialsFinished(List.of(trial(2)));
    deferred.trialsFinished(List.of(trial(3), trial(4)));
    assertThat(calls).isEmpty();

    deferred.setActive(true);
    assertThat(calls).containsExactly("reset [0, 1, 2, 3, 4]");
    deferred.setActive(true);
    assertThat(calls).hasSize(1);
  }

  @Test
  void batchesWhileHiddenArriveAsOneBatchWhenShown() {
    deferred.trialsReset(List.of(trial(0)), null);
    deferred.setActive(false);
    deferred.trialsFinished(List.of(trial(1)));
    deferred.trialsFinished(List.of(trial(2)));
    deferred.setActive(true);
    assertThat(calls).containsExactly("reset [0]", "batch [1, 2]");
  }

  @Test
  void whileHiddenKeepsTheLatestRunningTrialsThatDidNotFinishAndPassesThemOnAfterTheBatch() {
    deferred.setActive(false);
    deferred.trialsStarted(List.of(running(1), running(2)));
    deferred.trialsFinished(List.of(trial(1)));
    deferred.trialsStarted(List.of(running(3)));
    deferred.setActive(true);
    assertThat(calls).containsExactly("batch [1]", "running [2, 3]");
  }

  @Test
  void aResetWhileHiddenForgetsTheRunningTrialsHeardBeforeIt() {
    deferred.setActive(false);
    deferred.trialsStarted(List.of(running(5)));
    deferred.trialsReset(List.of(trial(0)), null);
    deferred.trialsStarted(List.of(running(1)));
    deferred.setActive(true);
    assertThat(calls).containsExactly("reset [0]", "running [1]");
  }

  private static FrozenTrial running(int number) {
    return new FrozenTrial(number, number, TrialState.RUNNING, List.of(), Instant.EPOCH, null,
        Map.of(), Map.of(), Map.of(), Map.of(), new java.util.TreeMap<>());
  }
}
