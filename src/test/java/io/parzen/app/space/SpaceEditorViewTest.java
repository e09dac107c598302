package io.parzen.app.space;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.StudyDocument;
import io.parzen.space.Condition;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.space.SpaceValidationException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The space editor panel driven through its real controls. */
@ExtendWith(ApplicationExtension.class)
class SpaceEditorViewTest {

  private StudyDocument document;
  private SpaceEditorViewModel vm;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    document = new StudyDocument();
    vm = new SpaceEditorViewModel(document, new FakeDialogs());
    stage.setScene(new Scene(SpaceEditorView.create(vm), 1280, 720));
    stage.show();
  }

  private static TreeTableCell<?, ?> cell(FxRobot robot, int row, String field) {
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup(".field-" + field).queryAllAs(TreeTableCell.class).stream()
        .filter(c -> c.getIndex() == row && !c.isEmpty() && c.isVisible())
        .findFirst().orElseThrow(() -> new AssertionError("no " + field + " cell in row " + row));
  }

  private static void typeInCell(FxRobot robot, int row, String field, String text) {
    robot.doubleClickOn(cell(robot, row, field));
    robot.push(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN));
    robot.write(text).type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void pickKind(FxRobot robot, int row, String kind) {
    robot.clickOn(cell(robot, row, "kind"));
    robot.clickOn((Node n) -> n instanceof ListCell<?> c && kind.equals(c.getText())
        && n.getScene() != null && n.getScene().getWindow() instanceof javafx.stage.PopupWindow);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @SuppressWarnings("unchecked")
  private static TreeTableView<ParameterRow> table(FxRobot robot) {
    return robot.lookup(".space-table").queryAs(TreeTableView.class);
  }

  @Test
  void addingAParameterThenTypingInCellsAndPickingAKindBuildsTheSpace(FxRobot robot) {
    robot.clickOn("Add");
    typeInCell(robot, 0, "name", "lr");
    typeInCell(robot, 0, "low", "0.0001");
    typeInCell(robot, 0, "high", "0.1");
    pickKind(robot, 0, "log-uniform");

    assertThat(document.getSpace()).isEqualTo(SearchSpace.of(Hp.loguniform("lr", 1e-4, 0.1)));
    assertThat(document.spaceValidProperty().get()).isTrue();
    assertThat(document.dirtyProperty().get()).isTrue();
    assertThat(document.selectedParameterProperty().get()).isEqualTo("lr");
  }

  @Test
  void kindCellsShowTheKindAndMakeTheirComboBoxOnlyWhenOpened(FxRobot robot) {
    robot.interact(() -> vm.load(SearchSpace.of(Hp.uniform("a", 0, 1), Hp.loguniform("b", 1e-3, 1),
        Hp.uniform("c", 0, 1))));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup(".field-kind .combo-box").queryAll()).isEmpty();
    assertThat(cell(robot, 1, "kind").lookup(".kind-display .label")).isInstanceOfSatisfying(
        javafx.scene.control.Label.class, label -> assertThat(label.getText()).isEqualTo("log-uniform"));

    pickKind(robot, 1, "int log");

    assertThat(vm.rows().get(1).kind()).isEqualTo(io.parzen.space.ParameterKind.INT_LOG);
    assertThat(robot.lookup(".field-kind .combo-box").queryAll()).hasSize(1);
    Node third = cell(robot, 2, "kind").lookup(".kind-display");
    assertThat(third.isFocusTraversable()).isTrue();
    robot.interact(third::requestFocus);
    robot.type(KeyCode.SPACE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup(".field-kind .combo-box").queryAllAs(javafx.scene.control.ComboBox.class))
        .hasSize(2).anyMatch(javafx.scene.control.ComboBox::isShowing);
    robot.type(KeyCode.ESCAPE);
  }

  @Test
  void addChildPutsANewParameterUnderTheChosenValueOfAChoice(FxRobot robot) {
    robot.clickOn("Add");
    typeInCell(robot, 0, "name", "optimizer");
    pickKind(robot, 0, "choice");
    typeInCell(robot, 0, "choices", "adam, sgd");

    robot.clickOn("Add child");
    robot.clickOn("when optimizer = adam");
    WaitForAsyncUtils.waitForFxEvents();
    typeInCell(robot, 1, "name", "beta1");

    TreeItem<ParameterRow> root = table(robot).getRoot();
    assertThat(root.getChildren()).hasSize(1);
    assertThat(root.getChildren().get(0).getChildren()).extracting(item -> item.getValue().name())
        .containsExactly("beta1");
    assertThat(document.getSpace()).isEqualTo(SearchSpace.of(
        Hp.choice("optimizer", "adam", "sgd"),
        Hp.uniform("beta1", 0, 1).withCondition(Condition.when("optimizer", "adam"))));
  }

  @Test
  void lowAboveHighMarksTheLowCellInvalidUntilUndone(FxRobot robot) {
    robot.interact(() -> vm.load(SearchSpace.of(Hp.uniform("dropout", 0.0, 0.5))));

    typeInCell(robot, 0, "low", "0.9");

    String engine = org.assertj.core.api.Assertions.catchThrowableOfType(
        SpaceValidationException.class, () -> Hp.uniform("dropout", 0.9, 0.5)).getMessage();
    TreeTableCell<?, ?> low = cell(robot, 0, "low");
    assertThat(low.getStyleClass()).contains("invalid");
    assertThat(low.getPseudoClassStates()).contains(FieldCell.INVALID);
    assertThat(low.getTooltip().getText()).isEqualTo(engine);
    assertThat(cell(robot, 0, "high").getStyleClass()).doesNotContain("invalid");
    assertThat(robot.lookup(".message-line").queryAs(Label.class).getText()).isEqualTo(engine);
    assertThat(document.spaceValidProperty().get()).isFalse();

    robot.push(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(cell(robot, 0, "low").getStyleClass()).doesNotContain("invalid");
    assertThat(vm.rows().get(0).text(SpaceField.LOW)).isEqualTo("0");
    assertThat(document.spaceValidProperty().get()).isTrue();
  }

  @Test
  void deletingAParentRemovesItsSubtreeAndUndoBringsItBack(FxRobot robot) {
    SearchSpace space = SearchSpace.of(
        Hp.choice("optimizer", "adam", "sgd"),
        Hp.uniform("beta1", 0.8, 0.999).withCondition(Condition.when("optimizer", "adam")),
        Hp.uniform("momentum", 0.0, 0.99).withCondition(Condition.when("optimizer", "sgd")),
        Hp.uniformint("layers", 1, 4));
    robot.interact(() -> vm.load(space));

    robot.clickOn(cell(robot, 0, "name"));
    robot.clickOn("Delete");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(table(robot).getRoot().getChildren()).extracting(item -> item.getValue().name())
        .containsExactly("layers");

    robot.clickOn("Undo");
    WaitForAsyncUtils.waitForFxEvents();
    TreeItem<ParameterRow> root = table(robot).getRoot();
    assertThat(root.getChildren()).extracting(item -> item.getValue().name()).containsExactly("optimizer", "layers");
    assertThat(root.getChildren().get(0).getChildren()).extracting(item -> item.getValue().name())
        .containsExactly("beta1", "momentum");
    assertThat(document.getSpace()).isEqualTo(space);
  }

  private static javafx.scene.control.TreeTableRow<?> tableRow(FxRobot robot, String name) {
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup(".tree-table-row-cell").queryAllAs(javafx.scene.control.TreeTableRow.class).stream()
        .filter(r -> r.getItem() instanceof ParameterRow p && p.name().equals(name) && r.isVisible())
        .findFirst().orElseThrow(() -> new AssertionError("no row " + name));
  }

  private static javafx.geometry.Point2D pointIn(Node node, double yFraction) {
    javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
    return new javafx.geometry.Point2D(b.getMinX() + 120, b.getMinY() + b.getHeight() * yFraction);
  }

  @Test
  void draggingARowOntoTheMiddleOfAChoiceMakesItAChildOfTheValuePicked(FxRobot robot) {
    robot.interact(() -> vm.load(SearchSpace.of(
        Hp.choice("optimizer", "adam", "sgd"),
        Hp.uniform("beta1", 0.8, 0.999).withCondition(Condition.when("optimizer", "adam")),
        Hp.uniform("momentum", 0.0, 0.99))));

    javafx.geometry.Point2D from = pointIn(tableRow(robot, "momentum"), 0.5);
    javafx.geometry.Point2D to = pointIn(tableRow(robot, "optimizer"), 0.5);
    robot.drag(from).moveTo(to).drop();
    robot.clickOn("only when optimizer = sgd");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(document.getSpace().parameter("momentum").orElseThrow().condition())
        .isEqualTo(Condition.when("optimizer", "sgd"));
    TreeItem<ParameterRow> optimizer = table(robot).getRoot().getChildren().get(0);
    assertThat(optimizer.getChildren()).extracting(item -> item.getValue().name()).containsExactly("beta1", "momentum");
  }

  @Test
  void draggingAChildAboveATopLevelRowMovesItOutOfItsParent(FxRobot robot) {
    robot.interact(() -> vm.load(SearchSpace.of(
        Hp.loguniform("lr", 1e-5, 1e-1),
        Hp.choice("optimizer", "adam", "sgd"),
        Hp.uniform("beta1", 0.8, 0.999).withCondition(Condition.when("optimizer", "adam")))));

    javafx.geometry.Point2D from = pointIn(tableRow(robot, "beta1"), 0.5);
    javafx.geometry.Point2D to = pointIn(tableRow(robot, "lr"), 0.35);
    robot.drag(from).moveTo(to).drop();
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(table(robot).getRoot().getChildren()).extracting(item -> item.getValue().name())
        .containsExactly("beta1", "lr", "optimizer");
    assertThat(document.getSpace().parameter("beta1").orElseThrow().condition()).isNull();

    robot.push(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(document.getSpace().parameter("beta1").orElseThrow().condition())
        .isEqualTo(Condition.when("optimizer", "adam"));
  }
}
