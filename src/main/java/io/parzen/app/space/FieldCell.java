package io.parzen.app.space;

import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.cell.TextFieldTreeTableCell;
import javafx.util.converter.DefaultStringConverter;

/**
 * A text cell of the space table: editable when the row's kind uses the field, marked
 * {@code invalid} (style class and pseudo-class) with the engine's message as tooltip when the
 * field has a problem.
 */
final class FieldCell extends TextFieldTreeTableCell<ParameterRow, String> {

  static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

  private final SpaceField field;
  private final ChangeListener<Object> refresh = (obs, old, now) -> showState();
  private ParameterRow observed;

  FieldCell(SpaceField field) {
    super(new DefaultStringConverter());
    this.field = field;
    getStyleClass().add("field-" + field.label());
  }

  @Override
  public void updateItem(String item, boolean empty) {
    super.updateItem(item, empty);
    TreeTableRow<ParameterRow> tableRow = getTableRow();
    ParameterRow row = empty || tableRow == null ? null : tableRow.getItem();
    if (row != observed) {
      if (observed != null) {
        observed.problemProperty(field).removeListener(refresh);
        observed.kindProperty().removeListener(refresh);
      }
      observed = row;
      if (row != null) {
        row.problemProperty(field).addListener(refresh);
        row.kindProperty().addListener(refresh);
      }
    }
    showState();
  }

  @Override
  public void startEdit() {
    if (observed != null && observed.uses(field)) {
      super.startEdit();
    }
  }

  private void showState() {
    String problem = observed == null ? "" : observed.problem(field);
    boolean invalid = !problem.isEmpty();
    pseudoClassStateChanged(INVALID, invalid);
    getStyleClass().remove("invalid");
    if (invalid) {
      getStyleClass().add("invalid");
    }
    getStyleClass().remove("unused");
    if (observed != null && !observed.uses(field)) {
      getStyleClass().add("unused");
    }
    setTooltip(invalid ? new Tooltip(problem) : null);
  }
}
