package io.parzen.visualization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parzen.importance.ParamImportances.Method;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImportancePlotTest {

  @ParameterizedTest
  @EnumSource(Method.class)
  void theDominatingParameterIsTheFirstBarAndTheSharesSumToOne(Method method) {
    ImportancePlot plot = ImportancePlot.compute(AnalysisTrials.xDominates(200, 1, 1), StudyDirection.MINIMIZE,
        method, 0);
    assertThat(plot.method()).isEqualTo(method);
    assertThat(plot.trialsUsed()).isEqualTo(200);
    assertThat(plot.bars()).extracting(ImportancePlot.Bar::parameter)
        .containsExactlyInAnyOrder("x", "lr", "layers", "optimizer").first().isEqualTo("x");
    assertThat(plot.bars().stream().mapToDouble(ImportancePlot.Bar::importance).sum()).isCloseTo(1, within(1e-9));
    assertThat(plot.bars()).isSortedAccordingTo((a, b) -> Double.compare(b.importance(), a.importance()));
    assertThat(plot.message()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void aMaximisedStudyOfTheNegatedValuesGetsTheSameBars(Method method) {
    ImportancePlot min = ImportancePlot.compute(AnalysisTrials.xDominates(150, 2, 1), StudyDirection.MINIMIZE,
        method, 0);
    ImportancePlot max = ImportancePlot.compute(AnalysisTrials.xDominates(150, 2, -1), StudyDirection.MAXIMIZE,
        method, 0);
    assertThat(max.bars()).extracting(ImportancePlot.Bar::parameter)
        .containsExactlyElementsOf(min.bars().stream().map(ImportancePlot.Bar::parameter).toList());
    for (int i = 0; i < min.bars().size(); i++) {
      assertThat(max.bars().get(i).importance()).isCloseTo(min.bars().get(i).importance(), within(1e-9));
    }
  }

  @Test
  void barsKnowTheirParametersKindAndLabelTheShareAsOptunaDoes() {
    ImportancePlot plot = ImportancePlot.compute(AnalysisTrials.xDominates(100, 3, 1), StudyDirection.MINIMIZE,
        Method.FANOVA, 0);
    assertThat(plot.bar("x").orElseThrow().kind()).isEqualTo(ImportancePlot.Kind.FLOAT);
    assertThat(plot.bar("lr").orElseThrow().kind()).isEqualTo(ImportancePlot.Kind.LOG_FLOAT);
    assertThat(plot.bar("layers").orElseThrow().kind()).isEqualTo(ImportancePlot.Kind.INT);
    assertThat(plot.bar("optimizer").orElseThrow().kind()).isEqualTo(ImportancePlot.Kind.CATEGORICAL);
    assertThat(plot.bar("x").orElseThrow().spread()).isPositive();
    assertThat(ImportancePlot.label(0.4251)).isEqualTo("0.43");
    assertThat(ImportancePlot.label(0.01)).isEqualTo("0.01");
    assertThat(ImportancePlot.label(0.0099)).isEqualTo("<0.01");
    assertThat(ImportancePlot.label(0)).isEqualTo("<0.01");
  }

  @Test
  void withoutTwoCompletedTrialsThereAreNoBarsAndTheMessageSaysHowManyThereAre() {
    List<FrozenTrial> trials = new ArrayList<>(AnalysisTrials.xDominates(1, 4, 1));
    trials.add(AnalysisTrials.trial(1, TrialState.FAIL, List.of(), Map.of("x", 1.0), AnalysisTrials.T0, null));
    trials.add(AnalysisTrials.trial(2, TrialState.COMPLETE, List.of(Double.NaN), Map.of("x", 1.0),
        AnalysisTrials.T0, AnalysisTrials.T0));
    ImportancePlot one = ImportancePlot.compute(trials, StudyDirection.MINIMIZE, Method.FANOVA, 0);
    assertThat(one.bars()).isEmpty();
    assertThat(one.trialsUsed()).isEqualTo(1);
    assertThat(one.message()).contains("at least 2 completed trials").contains("1 so far");

    ImportancePlot none = ImportancePlot.compute(List.of(), StudyDirection.MINIMIZE, Method.PED_ANOVA, 0);
    assertThat(none.bars()).isEmpty();
    assertThat(none.message()).startsWith("No completed trials yet");
  }

  @Test
  void aSingleParameterGetsItsBarAndAMessageThatThereIsNothingToCompare() {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      trials.add(AnalysisTrials.trial(i, TrialState.COMPLETE, List.of(i * 1.0), Map.of("x", i * 1.0),
          AnalysisTrials.T0, AnalysisTrials.T0));
    }
    ImportancePlot plot = ImportancePlot.compute(trials, StudyDirection.MINIMIZE, Method.FANOVA, 0);
    assertThat(plot.bars()).singleElement().satisfies(b -> {
      assertThat(b.parameter()).isEqualTo("x");
      assertThat(b.importance()).isEqualTo(1.0);
      assertThat(b.label()).isEqualTo("1.00");
    });
    assertThat(plot.message()).contains("Only one parameter, x");
  }

  @Test
  void conditionalParametersAreNotedAsLeftOutByFanovaAndAssessedByPedAnova() {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Map<String, Object> params = i % 2 == 0 ? Map.of("x", i * 0.1, "layers", 1L + i % 4)
          : Map.of("x", i * 0.1, "lr", 1e-3);
      trials.add(AnalysisTrials.trial(i, TrialState.COMPLETE, List.of(i * 0.1), params, AnalysisTrials.T0,
          AnalysisTrials.T0));
    }
    ImportancePlot fanova = ImportancePlot.compute(trials, StudyDirection.MINIMIZE, Method.FANOVA, 0);
    assertThat(fanova.bars()).extracting(ImportancePlot.Bar::parameter).containsExactly("x");
    assertThat(fanova.notes()).containsExactly("Not assessed, inactive in some trials: layers, lr. fANOVA assesses "
        + "only parameters present in every completed trial; PED-ANOVA assesses conditional ones.");

    ImportancePlot ped = ImportancePlot.compute(trials, StudyDirection.MINIMIZE, Method.PED_ANOVA, 0);
    assertThat(ped.bars()).extracting(ImportancePlot.Bar::parameter).containsExactlyInAnyOrder("x", "layers", "lr");
  }

  @Test
  void whenNoParameterIsInEveryTrialFanovaSaysSoAndPointsToPedAnova() {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Map<String, Object> params = i % 2 == 0 ? Map.of("x", i * 1.0) : Map.of("layers", 2L);
      trials.add(AnalysisTrials.trial(i, TrialState.COMPLETE, List.of(i * 1.0), params, AnalysisTrials.T0,
          AnalysisTrials.T0));
    }
    ImportancePlot plot = ImportancePlot.compute(trials, StudyDirection.MINIMIZE, Method.FANOVA, 0);
    assertThat(plot.bars()).isEmpty();
    assertThat(plot.message()).contains("No parameter is present in every completed trial").contains("PED-ANOVA");
  }
}
