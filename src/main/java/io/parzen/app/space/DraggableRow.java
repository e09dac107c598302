package io.parzen.app.space;

import java.util.List;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.MouseDragEvent;

/**
 * A row of the space editor's tree table that can be dragged onto another row: dropped on the
 * upper quarter of a row it lands before it, on the lower quarter after it (as its sibling), and
 * in the middle of a choice or int it becomes that parameter's child — a small menu asks for which
 * value. The row shows where the drop would land while the mouse is over it.
 *
 * <p>Uses JavaFX's full press-drag-release gesture (no system drag and drop), so nothing leaves
 * the window and headless tests drive it with the mouse.
 */
final class DraggableRow extends TreeTableRow<ParameterRow> {

  static final PseudoClass DROP_BEFORE = PseudoClass.getPseudoClass("drop-before");
  static final PseudoClass DROP_AFTER = PseudoClass.getPseudoClass("drop-after");
  static final PseudoClass DROP_INTO = PseudoClass.getPseudoClass("drop-into");

  /** Where a drop on this row would land. */
  enum Zone { BEFORE, AFTER, INTO }

  private final SpaceEditorViewModel viewModel;
  private final DragState drag;

  /** The row being dragged, shared by all rows of one table. */
  static final class DragState {
    ParameterRow dragged;
  }

  DraggableRow(SpaceEditorViewModel viewModel, DragState drag) {
    this.viewModel = viewModel;
    this.drag = drag;
    setOnDragDetected(event -> {
      if (getItem() != null && !isEditingAnything()) {
        drag.dragged = getItem();
        startFullDrag();
        event.consume();
      }
    });
    addEventHandler(MouseDragEvent.MOUSE_DRAG_OVER, event -> showZone(zone(event.getY())));
    addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED_TARGET, event -> showZone(null));
    addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, event -> {
      Zone zone = zone(event.getY());
      showZone(null);
      ParameterRow moved = drag.dragged;
      drag.dragged = null;
      if (zone != null) {
        drop(moved, zone, event.getScreenX(), event.getScreenY());
      }
      event.consume();
    });
  }

  private boolean isEditingAnything() {
    return getTreeTableView() != null && getTreeTableView().getEditingCell() != null;
  }

  /** Where a drop at {@code y} (in this row's coordinates) lands, or {@code null} when it cannot. */
  Zone zone(double y) {
    ParameterRow target = getItem();
    if (isEmpty() || target == null || !viewModel.canMove(drag.dragged, target)) {
      return null;
    }
    double h = Math.max(1, getHeight());
    boolean canHoldChildren = !viewModel.childValues(target).isEmpty();
    if (canHoldChildren && y > h * 0.25 && y < h * 0.75) {
      return Zone.INTO;
    }
    return y < h / 2 ? Zone.BEFORE : Zone.AFTER;
  }

  private void showZone(Zone zone) {
    pseudoClassStateChanged(DROP_BEFORE, zone == Zone.BEFORE);
    pseudoClassStateChanged(DROP_AFTER, zone == Zone.AFTER);
    pseudoClassStateChanged(DROP_INTO, zone == Zone.INTO);
  }

  private void drop(ParameterRow moved, Zone zone, double screenX, double screenY) {
    ParameterRow target = getItem();
    switch (zone) {
      case BEFORE -> viewModel.move(moved, target, SpaceEditorViewModel.DropPosition.BEFORE);
      case AFTER -> viewModel.move(moved, target, SpaceEditorViewModel.DropPosition.AFTER);
      case INTO -> askValue(target, value -> viewModel.moveInto(moved, target, value), screenX, screenY);
    }
  }

  /** Shows a menu of the values a child of {@code parent} can be conditioned on. */
  private void askValue(ParameterRow parent, Consumer<String> chosen, double screenX, double screenY) {
    List<String> values = viewModel.childValues(parent);
    ContextMenu menu = new ContextMenu();
    menu.getStyleClass().add("drop-value-menu");
    for (String value : values) {
      MenuItem item = new MenuItem("only when " + parent.name() + " = " + value);
      item.setMnemonicParsing(false);
      item.setOnAction(e -> chosen.accept(value));
      menu.getItems().add(item);
    }
    if (screenX == 0 && screenY == 0) {
      menu.show(this, Side.BOTTOM, 0, 0);
    } else {
      menu.show(this, screenX, screenY);
    }
  }
}
