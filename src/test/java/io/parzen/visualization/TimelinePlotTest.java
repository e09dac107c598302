package io.parzen.visualization;

import static io.parzen.visualization.AnalysisTrials.T0;
import static io.parzen.visualization.AnalysisTrials.timed;
import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TimelinePlotTest {

  private static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  @Test
  void eachTrialIsABarFromItsStartToItsCompletionInItsStateByNumber() {
    TimelinePlot plot = TimelinePlot.of(List.of(timed(2, TrialState.PRUNED, at(1), at(1.5)),
        timed(0, TrialState.COMPLETE, at(0), at(2)), timed(1, TrialState.FAIL, at(0.5), at(0.7))), at(10));
    assertThat(plot.bars()).extracting(TimelinePlot.Bar::number).containsExactly(0, 1, 2);
    assertThat(plot.bars().get(0)).isEqualTo(new TimelinePlot.Bar(0, TrialState.COMPLETE, at(0), at(2)));
    assertThat(plot.bars().get(1).duration()).isEqualTo(Duration.ofMillis(200));
    assertThat(plot.bars().get(2).state()).isEqualTo(TrialState.PRUNED);
    assertThat(plot.first()).isEqualTo(at(0));
    assertThat(plot.last()).isEqualTo(at(2));
    assertThat(plot.counts()).isEqualTo(Map.of(TrialState.COMPLETE, 1, TrialState.FAIL, 1, TrialState.PRUNED, 1));
    assertThat(plot.warnings()).isEmpty();
  }

  @Test
  void aRunningTrialReachesNowAndAWaitingOneIsAPointAtTheLatestTime() {
    TimelinePlot plot = TimelinePlot.of(List.of(timed(0, TrialState.COMPLETE, at(0), at(1)),
        timed(1, TrialState.RUNNING, at(0.5), null), timed(2, TrialState.WAITING, null, null)), at(3));
    TimelinePlot.Bar running = plot.bar(1).orElseThrow();
    assertThat(running.end()).isEqualTo(at(3));
    assertThat(running.running()).isTrue();
    assertThat(running.duration()).isEqualTo(Duration.ofMillis(2500));
    TimelinePlot.Bar waiting = plot.bar(2).orElseThrow();
    assertThat(waiting.start()).isEqualTo(at(3)).isEqualTo(waiting.end());
    assertThat(plot.last()).isEqualTo(at(3));
  }

  @Test
  void runningTrialsLeftOverFromALongAgoRunEndAtTheLatestCompletionAsInOptuna() {
    List<FrozenTrial> trials = List.of(timed(0, TrialState.COMPLETE, at(0), at(60)),
        timed(1, TrialState.RUNNING, at(30), null));
    TimelinePlot stale = TimelinePlot.of(trials, at(0).plus(Duration.ofDays(700)));
    assertThat(stale.bar(1).orElseThrow().end()).isEqualTo(at(60));
    assertThat(stale.last()).isEqualTo(at(60));

    Instant soon = at(30).plus(TimelinePlot.Builder.STALE_AFTER_AT_LEAST).minusSeconds(1);
    assertThat(TimelinePlot.of(trials, soon).bar(1).orElseThrow().end()).as("not yet ten minutes").isEqualTo(soon);
    Instant later = at(30).plus(Duration.ofMinutes(20));
    List<FrozenTrial> slow = List.of(timed(0, TrialState.COMPLETE, at(0), at(300)),
        timed(1, TrialState.RUNNING, at(30), null));
    assertThat(TimelinePlot.of(slow, later).bar(1).orElseThrow().end())
        .as("within five times the longest trial (25 min)").isEqualTo(later);
  }

  @Test
  void theBuilderKeepsAFinishedTrialWhenALateRunningSnapshotArrivesAndGrowsRunningBarsWithTime() {
    TimelinePlot.Builder builder = new TimelinePlot.Builder();
    builder.add(List.of(timed(0, TrialState.RUNNING, at(0), null)));
    assertThat(builder.hasUnfinished()).isTrue();
    assertThat(builder.build(at(1)).bar(0).orElseThrow().end()).isEqualTo(at(1));
    assertThat(builder.build(at(2)).bar(0).orElseThrow().end()).isEqualTo(at(2));

    builder.add(List.of(timed(0, TrialState.COMPLETE, at(0), at(2.5))));
    builder.add(List.of(timed(0, TrialState.RUNNING, at(0), null)));
    assertThat(builder.hasUnfinished()).isFalse();
    assertThat(builder.build(at(9)).bar(0).orElseThrow())
        .isEqualTo(new TimelinePlot.Bar(0, TrialState.COMPLETE, at(0), at(2.5)));
    assertThat(builder.size()).isEqualTo(1);
  }

  @Test
  void timesThatCannotBeDrawnGiveABarOfNoLengthAndAWarning() {
    TimelinePlot plot = TimelinePlot.of(List.of(timed(0, TrialState.COMPLETE, at(2), at(1)),
        timed(1, TrialState.FAIL, at(3), null)), at(5));
    assertThat(plot.bar(0).orElseThrow().duration()).isZero();
    assertThat(plot.bar(1).orElseThrow().duration()).isZero();
    assertThat(plot.warnings()).containsExactly("trial 0 completed (" + at(1) + ") before it started (" + at(2) + ")",
        "trial 1 is FAIL but has no completion time");
  }

  @Test
  void anEmptyStudyHasNoBarsAndNoTimeRange() {
    TimelinePlot plot = TimelinePlot.of(List.of(), at(0));
    assertThat(plot.bars()).isEmpty();
    assertThat(plot.first()).isNull();
    assertThat(plot.barAt(at(0), 0, Duration.ofSeconds(1), 1)).isEmpty();
  }

  @Test
  void barAtFindsTheNearestTrialWhoseWidenedBarCoversTheTime() {
    TimelinePlot plot = TimelinePlot.of(List.of(timed(0, TrialState.COMPLETE, at(0), at(1)),
        timed(1, TrialState.COMPLETE, at(1), at(2)), timed(2, TrialState.COMPLETE, at(2), at(3))), at(5));
    Duration tol = Duration.ofMillis(50);
    assertThat(plot.barAt(at(1.5), 1.2, tol, 0.5)).map(TimelinePlot.Bar::number).contains(1);
    assertThat(plot.barAt(at(1.5), 0.2, tol, 0.5)).isEmpty();  // trial 0 ended at 1 s
    assertThat(plot.barAt(at(1.03), 0.2, tol, 0.5)).map(TimelinePlot.Bar::number).contains(0);
    assertThat(plot.barAt(at(2.5), 1.4, tol, 1)).map(TimelinePlot.Bar::number).contains(2);
    assertThat(plot.barAt(at(4), 2, tol, 1)).isEmpty();
  }

  @Property(tries = 50)
  void everyBarSpansFromItsStartToItsEndAndLiesWithinThePlot(@ForAll @IntRange(min = 1, max = 60) int n,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    List<FrozenTrial> trials = new ArrayList<>();
    TrialState[] states = {TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL, TrialState.RUNNING};
    for (int i = 0; i < n; i++) {
      TrialState state = states[rng.nextInt(states.length)];
      Instant start = at(rng.nextDouble() * 100);
      trials.add(timed(i, state, start, state == TrialState.RUNNING ? null : start.plusMillis(rng.nextInt(5000))));
    }
    Instant now = at(200);
    TimelinePlot plot = TimelinePlot.of(trials, now);
    assertThat(plot.bars()).hasSize(n);
    for (TimelinePlot.Bar b : plot.bars()) {
      assertThat(b.end()).isAfterOrEqualTo(b.start());
      assertThat(b.start()).isAfterOrEqualTo(plot.first());
      assertThat(b.end()).isBeforeOrEqualTo(plot.last());
      assertThat(plot.barAt(b.start().plus(b.duration().dividedBy(2)), b.number(), Duration.ZERO, 0))
          .contains(b);
      if (b.running()) {
        assertThat(b.end()).isEqualTo(now);
      }
    }
  }
}
