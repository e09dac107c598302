package io.parzen.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.FakeDialogs;
import io.parzen.app.MainView;
import io.parzen.app.MainViewModel;
import io.parzen.app.StudioPreferences;
import io.parzen.app.Theme;
import io.parzen.app.run.TrialRow;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A two-objective study in the window: the Analysis tab's Pareto front, the history's objective chooser, the table's value columns. */
@ExtendWith(ApplicationExtension.class)
class ParetoFrontViewTest {

  private final FakeDialogs dialogs = new FakeDialogs();
  private MainViewModel vm;

  @Start
  void start(Stage stage) {
    vm = new MainViewModel(dialogs, BackgroundExecutor.pooled(),
        StudioPreferences.forTests(UUID.randomUUID().toString()));
    Scene scene = new Scene(MainView.create(vm), 1300, 800);
    Theme.apply(scene, false);
    stage.setScene(scene);
    stage.show();
  }

  /** Trials 0..8 on the front f2 = 8 - f1 (minimise both), 9..14 dominated (both values larger), one failed. */
  private static List<FrozenTrial> trials() {
    List<FrozenTrial> trials = new ArrayList<>();
    Instant start = Instant.parse("2026-11-25T10:00:00Z");
    for (int i = 0; i < 15; i++) {
      List<Double> values = i < 9 ? List.of((double) i, 8.0 - i) : List.of(i - 5.0, 20.0 - i);
      trials.add(new FrozenTrial(i, i, TrialState.COMPLETE, values, start.plusSeconds(i), start.plusSeconds(i + 1),
          Map.of("x", i * 0.5), Map.of(), Map.of(), Map.of(), new TreeMap<>()));
    }
    trials.add(new FrozenTrial(15, 15, TrialState.FAIL, List.of(), start, start.plusSeconds(20), Map.of("x", 1.0),
        Map.of(), Map.of(), Map.of(), new TreeMap<>()));
    return trials;
  }

  @Test
  void theParetoFrontShowsTheBestTrialsAndSelectingOneRingsIt(FxRobot robot) {
    robot.interact(() -> vm.runs().load(trials(), List.of(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)));
    selectTab(robot, "Analysis");
    ComboBox<AnalysisViewModel.Plot> chooser = robot.lookup("#analysisPlot").queryComboBox();
    robot.interact(() -> chooser.getSelectionModel().select(
        chooser.getItems().stream().filter(p -> p.id().equals("pareto-front")).findFirst().orElseThrow()));
    WaitForAsyncUtils.waitForFxEvents();

    Parent view = robot.lookup(".analysis-plot").match(n -> n.isVisible() && n.getParent().isVisible())
        .queryAs(Parent.class);
    ParetoFrontChart chart = ParetoFrontView.chartOf(view);
    assertThat(chart.counts()).containsExactly(6, 9);
    XYDataset best = chart.chart().getXYPlot().getDataset(0);
    assertThat(best.getXValue(1, 3)).isEqualTo(3.0);
    assertThat(best.getYValue(1, 3)).isEqualTo(5.0);
    assertThat(robot.lookup("#paretoBestLabel").queryAs(Label.class).getText())
        .isEqualTo("Best trials: 9 on the Pareto front of 15 completed");
    assertThat(dialogs.errors).isEmpty();

    TableView<TrialRow> table = robot.lookup("#paretoBestTable").queryAs(TableView.class);
    assertThat(table.getItems()).extracting(TrialRow::number).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(table.getColumns()).extracting(c -> c.getText()).containsExactly("#", "Value 1", "Value 2", "x");
    robot.interact(() -> table.getSelectionModel().select(4));
    assertThat(vm.runs().selectedTrialProperty().get()).isEqualTo(4);
    XYDataset ring = chart.chart().getXYPlot().getDataset(1);
    assertThat(ring.getItemCount(0)).isEqualTo(1);
    assertThat(ring.getXValue(0, 0)).isEqualTo(4.0);

    // Swapping the axes draws objective 2 across.
    ComboBox<String> x = robot.lookup("#paretoX").queryComboBox();
    robot.interact(() -> x.getSelectionModel().select(1));
    assertThat(chart.chart().getXYPlot().getDataset(0).getXValue(1, 3)).isEqualTo(5.0);
    assertThat(chart.chart().getXYPlot().getDomainAxis().getLabel()).isEqualTo("Objective 2 (minimize)");
  }

  @Test
  void theHistoryShowsTheChosenObjectiveAndTheTableOneColumnPerObjective(FxRobot robot) {
    robot.interact(() -> vm.runs().load(trials(), List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE)));
    selectTab(robot, "History");
    ComboBox<String> objective = robot.lookup("#historyObjective").queryComboBox();
    assertThat(objective.isVisible()).isTrue();
    assertThat(objective.getItems()).containsExactly("Objective 1 (minimize)", "Objective 2 (maximize)");
    assertThat(vm.runs().history().bestValue()).contains(0.0);
    robot.interact(() -> objective.getSelectionModel().select(1));
    assertThat(vm.runs().history().bestValue()).contains(11.0);  // trial 9: 20 - 9
    assertThat(robot.lookup("#bestLabel").queryAs(Label.class).getText()).isEqualTo("2 on the Pareto front");  // (0, 8) and (4, 11)

    selectTab(robot, "Trials");
    TableView<TrialRow> table = robot.lookup("#trialsTable").queryAs(TableView.class);
    assertThat(table.getColumns()).extracting(c -> c.getText()).containsSubsequence("#", "State", "Value 1", "Value 2");

    robot.interact(() -> vm.runs().load(trials(), StudyDirection.MINIMIZE));
    assertThat(objective.isVisible()).isFalse();
    assertThat(table.getColumns()).extracting(c -> c.getText()).contains("Value").doesNotContain("Value 2");
  }

  @Test
  void aSingleObjectiveStudySaysWhatTheParetoFrontNeeds(FxRobot robot) {
    robot.interact(() -> vm.runs().load(trials(), StudyDirection.MINIMIZE));
    selectTab(robot, "Analysis");
    ComboBox<AnalysisViewModel.Plot> chooser = robot.lookup("#analysisPlot").queryComboBox();
    robot.interact(() -> chooser.getSelectionModel().select(
        chooser.getItems().stream().filter(p -> p.id().equals("pareto-front")).findFirst().orElseThrow()));
    Label empty = robot.lookup("#paretoEmpty").queryAs(Label.class);
    assertThat(empty.isVisible()).isTrue();
    assertThat(empty.getText()).contains("two or more objectives");
  }

  @Test
  void threeObjectivesAreDrawnInABoxThatADragTurns(FxRobot robot) {
    robot.interact(() -> vm.runs().load(ParetoDemo.dtlz2(120, 3), List.of(StudyDirection.MINIMIZE,
        StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)));
    selectTab(robot, "Analysis");
    ComboBox<AnalysisViewModel.Plot> chooser = robot.lookup("#analysisPlot").queryComboBox();
    robot.interact(() -> chooser.getSelectionModel().select(
        chooser.getItems().stream().filter(p -> p.id().equals("pareto-front")).findFirst().orElseThrow()));
    Parent view = robot.lookup(".analysis-plot").match(n -> n.isVisible() && n.getParent().isVisible())
        .queryAs(Parent.class);
    ParetoFrontChart chart = ParetoFrontView.chartOf(view);
    javafx.scene.control.CheckBox threeD = robot.lookup("#pareto3d").queryAs(javafx.scene.control.CheckBox.class);
    assertThat(threeD.isSelected()).isTrue();
    assertThat(chart.isThreeD()).isTrue();
    int[] counts = chart.counts();
    assertThat(counts[0] + counts[1]).isEqualTo(120);
    // Twelve edges, and each axis's name, minimum and maximum.
    assertThat(chart.chart().getXYPlot().getAnnotations()).hasSize(12 + 9);
    XYDataset points = chart.chart().getXYPlot().getDataset(0);
    double before = points.getXValue(1, 0);

    robot.drag("#paretoChart").moveBy(60, 0).drop();
    assertThat(points.getXValue(1, 0)).as("turned").isNotEqualTo(before);
    assertThat(chart.chart().getXYPlot().getDomainAxis().getRange().getLength()).as("not zoomed").isEqualTo(2.0);

    robot.clickOn("#pareto3d");
    assertThat(chart.isThreeD()).isFalse();
    assertThat(chart.chart().getXYPlot().getAnnotations()).isEmpty();
    assertThat(points.getXValue(1, 0)).isEqualTo(vm.runs().paretoFront().best().get(0).value(0));
  }

  @Test
  void addingAnObjectiveInTheSetupMakesTheStudyMultiObjective(FxRobot robot) {
    robot.interact(vm::newStudy);
    robot.clickOn("#addObjective");
    ComboBox<StudyDirection> second = robot.lookup("#direction2").queryComboBox();
    assertThat(second.getValue()).isEqualTo(StudyDirection.MINIMIZE);
    robot.interact(() -> second.getSelectionModel().select(StudyDirection.MAXIMIZE));
    assertThat(vm.setup().directions()).containsExactly(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
    assertThat(robot.lookup("Objective 1").tryQuery()).isPresent();
    robot.clickOn("#removeObjective2");
    assertThat(vm.setup().directions()).containsExactly(StudyDirection.MINIMIZE);
    assertThat(robot.lookup("#direction2").tryQuery()).isEmpty();
  }

  static void selectTab(FxRobot robot, String name) {
    robot.clickOn((javafx.scene.Node n) -> n instanceof Label l
        && l.getStyleClass().contains("tab-label") && name.equals(l.getText()));
    WaitForAsyncUtils.waitForFxEvents();
  }
}
