package io.parzen.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.ChartTheme;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.OptimizationHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The history chart's data: every trial a dot, the best-so-far line drawn from its corners only. */
class HistoryChartTest {

  private static FrozenTrial trial(int number, double value) {
    Instant start = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(number);
    return new FrozenTrial(number, number, TrialState.COMPLETE, List.of(value), start, start.plusMillis(10),
        Map.of(), Map.of(), Map.of(), Map.of(), new TreeMap<>());
  }

  /** The points of the best-so-far line as (trial number, best value) pairs. */
  private static List<List<Double>> line(HistoryChart chart) {
    XYDataset best = chart.chart().getXYPlot().getDataset(0);
    List<List<Double>> points = new ArrayList<>();
    for (int i = 0; i < best.getItemCount(0); i++) {
      points.add(List.of(best.getXValue(0, i), best.getYValue(0, i)));
    }
    return points;
  }

  @Test
  void theBestLineKeepsTheTrialsWhereTheBestChangedAndTheLast() {
    HistoryChart chart = new HistoryChart(ChartTheme.light(), false);
    double[] values = {5, 7, 6, 3, 4, 4, 8, 1, 2, 9};  // best: 5 5 5 3 3 3 3 1 1 1
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      trials.add(trial(i, values[i]));
    }

    chart.reset(OptimizationHistory.of(trials, StudyDirection.MINIMIZE));

    assertThat(chart.chart().getXYPlot().getDataset(1).getItemCount(0)).isEqualTo(10);
    assertThat(line(chart)).containsExactly(List.of(0.0, 5.0), List.of(2.0, 5.0), List.of(3.0, 3.0),
        List.of(6.0, 3.0), List.of(7.0, 1.0), List.of(9.0, 1.0));
  }

  @Test
  void batchesExtendTheLastStepInsteadOfAddingPoints() {
    HistoryChart chart = new HistoryChart(ChartTheme.light(), false);
    OptimizationHistory.Builder history = new OptimizationHistory.Builder(StudyDirection.MINIMIZE);
    chart.reset(history.build());
    for (int batch = 0; batch < 5; batch++) {
      List<FrozenTrial> trials = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int number = batch * 3 + i;
        trials.add(trial(number, number == 4 ? 0.5 : 2.0 + number));
      }
      history.append(trials);
      chart.append(history.lastAdded());
    }

    // best: 2 2 2 2 0.5 ... 0.5 (trials 0..14)
    assertThat(line(chart)).containsExactly(List.of(0.0, 2.0), List.of(3.0, 2.0), List.of(4.0, 0.5),
        List.of(14.0, 0.5));
  }
}
