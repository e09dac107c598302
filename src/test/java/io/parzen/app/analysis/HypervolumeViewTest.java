package io.parzen.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.FakeDialogs;
import io.parzen.app.MainView;
import io.parzen.app.MainViewModel;
import io.parzen.app.StudioPreferences;
import io.parzen.app.Theme;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import io.parzen.visualization.HypervolumeHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The hypervolume history in the Analysis tab: Optuna's reference point by default, or one typed. */
@ExtendWith(ApplicationExtension.class)
class HypervolumeViewTest {

  private static final List<StudyDirection> MIN_MIN = List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE);
  private MainViewModel vm;

  @Start
  void start(Stage stage) {
    vm = new MainViewModel(new FakeDialogs(), BackgroundExecutor.pooled(),
        StudioPreferences.forTests(UUID.randomUUID().toString()));
    Scene scene = new Scene(MainView.create(vm), 1300, 800);
    Theme.apply(scene, false);
    stage.setScene(scene);
    stage.show();
  }

  /** The front (i, 8 - i) for i = 0..8, then six dominated trials and a failed one. */
  private static List<FrozenTrial> trials() {
    List<FrozenTrial> trials = new ArrayList<>();
    Instant start = Instant.parse("2026-11-25T10:00:00Z");
    for (int i = 0; i < 15; i++) {
      List<Double> values = i < 9 ? List.of((double) i, 8.0 - i) : List.of(i - 5.0, 20.0 - i);
      trials.add(new FrozenTrial(i, i, TrialState.COMPLETE, values, start.plusSeconds(i), start.plusSeconds(i + 1),
          Map.of("x", i * 0.5), Map.of(), Map.of(), Map.of(), new TreeMap<>()));
    }
    trials.add(new FrozenTrial(15, 15, TrialState.FAIL, List.of(), start, start.plusSeconds(20), Map.of(), Map.of(),
        Map.of(), Map.of(), new TreeMap<>()));
    return trials;
  }

  @Test
  void theHistoryGrowsWithTheFrontAndFollowsATypedReferencePoint(FxRobot robot) throws Exception {
    robot.interact(() -> vm.runs().load(trials(), MIN_MIN));
    ParetoFrontViewTest.selectTab(robot, "Analysis");
    ComboBox<AnalysisViewModel.Plot> chooser = robot.lookup("#analysisPlot").queryComboBox();
    robot.interact(() -> chooser.getSelectionModel().select(
        chooser.getItems().stream().filter(p -> p.id().equals("hypervolume")).findFirst().orElseThrow()));
    Parent view = robot.lookup("#hypervolumeChart").queryAs(Parent.class).getParent().getParent();
    XYSeries series = HypervolumeView.seriesOf(view);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> series.getItemCount() == 15);
    double optunaRule = HypervolumeHistory.of(trials(), MIN_MIN).last();
    assertThat(series.getY(14).doubleValue()).isCloseTo(optunaRule, within(1e-9));
    assertThat(robot.lookup("#hypervolumeSummary").queryAs(Label.class).getText()).contains("Optuna's rule");

    // The staircase (0, 8) … (8, 0) against (20, 20): 12 + 13 + … + 19 + 12 × 20.
    robot.clickOn("#hypervolumeReference").write("20, 20");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> series.getItemCount() == 15
        && Math.abs(series.getY(14).doubleValue() - 364) < 1e-9);
    assertThat(series.getY(0).doubleValue()).isEqualTo(12.0 * 20);  // trial 0 alone: (20 - 0) × (20 - 8)
    assertThat(series.getY(9).doubleValue()).as("a dominated trial adds nothing").isEqualTo(364.0);

    TextField field = robot.lookup("#hypervolumeReference").queryAs(TextField.class);
    robot.interact(() -> field.setText("20, twenty"));
    Label error = robot.lookup("#hypervolumeReferenceError").queryAs(Label.class);
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).isEqualTo("\"twenty\" in the reference point is not a finite number");
    robot.interact(() -> field.setText("20"));
    assertThat(error.getText()).contains("needs 2 numbers").contains("\"20\" has 1");
    assertThat(series.getY(14).doubleValue()).as("the last good history stays").isEqualTo(364.0);
  }

  @Test
  void aSingleObjectiveStudyHasNoHypervolume(FxRobot robot) {
    robot.interact(() -> vm.runs().load(trials(), StudyDirection.MINIMIZE));
    ParetoFrontViewTest.selectTab(robot, "Analysis");
    ComboBox<AnalysisViewModel.Plot> chooser = robot.lookup("#analysisPlot").queryComboBox();
    robot.interact(() -> chooser.getSelectionModel().select(
        chooser.getItems().stream().filter(p -> p.id().equals("hypervolume")).findFirst().orElseThrow()));
    Label message = robot.lookup("#hypervolumeMessage").queryAs(Label.class);
    assertThat(message.isVisible()).isTrue();
    assertThat(message.getText()).contains("two or more objectives");
  }
}
