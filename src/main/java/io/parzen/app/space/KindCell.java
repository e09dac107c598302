package io.parzen.app.space;

import io.parzen.space.ParameterKind;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;

/** The kind column: an always-visible combo box of the kinds under their Hyperopt/Optuna labels. */
final class KindCell extends TreeTableCell<ParameterRow, String> {

  private static final PseudoClass INVALID = FieldCell.INVALID;

  private final SpaceEditorViewModel viewModel;
  private final ComboBox<ParameterKind> combo = new ComboBox<>(FXCollections.observableArrayList(ParameterKind.values()));
  private final javafx.beans.value.ChangeListener<String> problemListener = (obs, old, now) -> showProblem();
  private ParameterRow observed;
  private boolean updating;

  KindCell(SpaceEditorViewModel viewModel) {
    this.viewModel = viewModel;
    getStyleClass().add("field-kind");
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
    setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
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
    updating = true;
    combo.setValue(row.kind());
    updating = false;
    setGraphic(combo);
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
