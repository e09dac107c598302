package io.parzen.app.space;

import io.parzen.space.ParameterKind;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The kind column: the kind under its Hyperopt/Optuna label with a drop-down arrow; a click (or
 * Space, Enter or F4 once Tab has reached it) opens the list of kinds. The cell looks like a combo box
 * from the start but makes its {@link ComboBox} only when first opened: a combo box carries a
 * list view with its own scroll bars, ~25 nodes, and opening a study of ten parameters made nine
 * of them at once for nothing.
 */
final class KindCell extends TreeTableCell<ParameterRow, String> {

  private static final PseudoClass INVALID = FieldCell.INVALID;

  private final SpaceEditorViewModel viewModel;
  private final Label kindLabel = new Label();
  private final HBox display;
  private ComboBox<ParameterKind> combo;
  private final javafx.beans.value.ChangeListener<String> problemListener = (obs, old, now) -> showProblem();
  private ParameterRow observed;
  private boolean updating;

  KindCell(SpaceEditorViewModel viewModel) {
    this.viewModel = viewModel;
    getStyleClass().add("field-kind");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Region arrow = new Region();
    arrow.getStyleClass().add("kind-arrow");
    display = new HBox(kindLabel, spacer, arrow);
    display.getStyleClass().add("kind-display");
    display.setMaxWidth(Double.MAX_VALUE);
    setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    display.setOnMousePressed(e -> {
      if (e.getButton() == MouseButton.PRIMARY) {
        e.consume();
        open();
      }
    });
    display.setFocusTraversable(true);  // Tab reaches it, as it reached the combo boxes
    display.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F4) {
        e.consume();
        open();
      }
    });
  }

  /** Puts the combo box in place of the display, making it the first time, and shows its list. */
  private void open() {
    if (observed == null) {
      return;
    }
    ComboBox<ParameterKind> c = combo();
    updating = true;
    c.setValue(observed.kind());
    updating = false;
    setGraphic(c);
    c.applyCss();  // gives it its skin now, so that it can show its list at once
    c.requestFocus();
    c.show();
  }

  private ComboBox<ParameterKind> combo() {
    if (combo == null) {
      combo = new ComboBox<>(FXCollections.observableArrayList(ParameterKind.values()));
      combo.setMaxWidth(Double.MAX_VALUE);
      combo.getStyleClass().add("kind-combo");
      combo.setVisibleRowCount(ParameterKind.values().length);
      combo.valueProperty().addListener((obs, old, kind) -> {
        ParameterRow row = getTableRow() == null ? null : getTableRow().getItem();
        if (!updating && row != null && kind != null) {
          viewModel.selectedRowProperty().set(row);
          viewModel.setKind(row, kind);
        }
      });
    }
    return combo;
  }

  @Override
  protected void updateItem(String item, boolean empty) {
    super.updateItem(item, empty);
    ParameterRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
    if (row != observed) {
      if (observed != null) {
        observed.problemProperty(SpaceField.KIND).removeListener(problemListener);
      }
      observed = row;
      if (row != null) {
        row.problemProperty(SpaceField.KIND).addListener(problemListener);
      }
    }
    if (row == null) {
      setGraphic(null);
      setTooltip(null);
      pseudoClassStateChanged(INVALID, false);
      getStyleClass().remove("invalid");
      return;
    }
    if (combo != null) {  // once made, the cell keeps its combo box
      updating = true;
      combo.setValue(row.kind());
      updating = false;
      setGraphic(combo);
    } else {
      kindLabel.setText(row.kind().toString());
      setGraphic(display);
    }
    showProblem();
  }

  private void showProblem() {
    String problem = observed == null ? "" : observed.problem(SpaceField.KIND);
    pseudoClassStateChanged(INVALID, !problem.isEmpty());
    getStyleClass().remove("invalid");
    if (!problem.isEmpty()) {
      getStyleClass().add("invalid");
    }
    setTooltip(problem.isEmpty() ? null : new Tooltip(problem));
  }
}
