package io.parzen.pruner;

import static io.parzen.pruner.PrunerTesting.complete;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.Trial;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HyperbandPrunerTest {

  private static Study study(String name, Pruner pruner) {
    return Study.builder().name(name).direction(StudyDirection.MINIMIZE).pruner(pruner).build();
  }

  private static boolean reportAndAsk(Trial trial, int step, double value) {
    trial.report(step, value);
    return trial.shouldPrune();
  }

  @Test
  void assignsTrialsToBracketsLikeOptuna() {
    HyperbandPruner pruner = new HyperbandPruner(1, OptionalInt.of(9), 3, 0);
    Study study = study("hb", pruner);
    assertThat(pruner.bracketCount()).hasValue(3);  // floor(log3(9)) + 1; shares 9, 5, 3 of 17
    // binascii.crc32(f"hb_{n}".encode()) % 17 mapped through the shares, as Optuna computes it.
    int[] expected = {0, 0, 2, 2, 1, 1, 1, 2, 1, 0, 1, 0};
    int[] actual = IntStream.range(0, expected.length).map(n -> pruner.bracketOf(study, n).getAsInt()).toArray();
    assertThat(actual).containsExactly(expected);
    // The same name gives the same brackets in another study.
    HyperbandPruner again = new HyperbandPruner(1, OptionalInt.of(9), 3, 0);
    Study other = study("hb", again);
    assertThat(IntStream.range(0, 12).map(n -> again.bracketOf(other, n).getAsInt()).toArray()).containsExactly(expected);
  }

  @Test
  void prunesWithinABracketOnly() {
    Study study = study("hb", new HyperbandPruner(1, OptionalInt.of(9), 3, 0));
    Trial t0 = study.ask();  // bracket 0: first rung at step 1
    Trial t1 = study.ask();  // bracket 0
    Trial t2 = study.ask();  // bracket 2: first rung at step 9
    study.ask();             // bracket 2
    Trial t4 = study.ask();  // bracket 1: first rung at step 3

    for (int step = 0; step <= 3; step++) {
      assertThat(reportAndAsk(t4, step, 1.0)).isFalse();
    }
    // t4 recorded completed_rung_0 = 1.0 in bracket 1; bracket 0 does not compete with it.
    assertThat(reportAndAsk(t0, 1, 10.0)).isFalse();
    assertThat(reportAndAsk(t1, 1, 20.0)).isTrue();
    assertThat(reportAndAsk(t2, 1, 30.0)).isFalse();
    assertThat(reportAndAsk(t2, 8, 30.0)).isFalse();
    assertThat(study.storage().trials(study.id()).get(0).systemAttrs()).containsKey("completed_rung_0");
    assertThat(study.storage().trials(study.id()).get(2).systemAttrs()).doesNotContainKey("completed_rung_0");
  }

  @Test
  void autoMaxResourceWaitsForACompletedTrial() {
    HyperbandPruner pruner = new HyperbandPruner();
    Study study = study("hb-auto", pruner);
    Trial running = study.ask();
    assertThat(reportAndAsk(running, 1, 100.0)).isFalse();
    assertThat(pruner.bracketCount()).isEmpty();
    complete(study, new double[27]);  // last step 26: max_resource 27
    assertThat(pruner.maxResource()).isEmpty();
    running.shouldPrune();
    assertThat(pruner.maxResource()).hasValue(27);
    assertThat(pruner.bracketCount()).hasValue(4);  // Python: math.log(27, 3) = 3.0000000000000004
  }

  @Test
  void refusesBadOptionsNamingThem() {
    assertThatThrownBy(() -> new HyperbandPruner(0, OptionalInt.of(9), 3, 0)).hasMessageContaining("min_resource (0)");
    assertThatThrownBy(() -> new HyperbandPruner(10, OptionalInt.of(9), 3, 0)).hasMessageContaining("max_resource (9)");
    assertThatThrownBy(() -> new HyperbandPruner(1, OptionalInt.of(9), 1, 0)).hasMessageContaining("reduction_factor (1)");
    assertThatThrownBy(() -> new HyperbandPruner(1, OptionalInt.empty(), 3, 1)).hasMessageContaining("bootstrap_count (1)");
  }
}
