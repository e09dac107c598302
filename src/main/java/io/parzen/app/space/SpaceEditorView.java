package io.parzen.app.space;

import io.parzen.app.Views;
import io.parzen.space.ParameterKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/**
 * The search space editor panel: a tree table of parameters (children under the choice value
 * that activates them), a detail form for the selected one, and a toolbar. Binds controls to a
 * {@link SpaceEditorViewModel}; all logic lives there.
 */
public final class SpaceEditorView {

  private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination REDO =
      new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

  private final SpaceEditorViewModel viewModel;
  private final Map<ParameterRow, TreeItem<ParameterRow>> items = new HashMap<>();
  private final Map<SpaceField, TextField> detailFields = new EnumMap<>(SpaceField.class);
  private final Map<SpaceField, ChangeListener<String>> detailListeners = new EnumMap<>(SpaceField.class);
  private ParameterRow detailRow;
  private boolean syncingSelection;

  @FXML private BorderPane root;
  @FXML private TreeTableView<ParameterRow> table;
  @FXML private TreeTableColumn<ParameterRow, String> nameColumn;
  @FXML private TreeTableColumn<ParameterRow, String> kindColumn;
  @FXML private TreeTableColumn<ParameterRow, String> lowColumn;
  @FXML private TreeTableColumn<ParameterRow, String> highColumn;
  @FXML private TreeTableColumn<ParameterRow, String> stepColumn;
  @FXML private TreeTableColumn<ParameterRow, String> muColumn;
  @FXML private TreeTableColumn<ParameterRow, String> sigmaColumn;
  @FXML private TreeTableColumn<ParameterRow, String> choicesColumn;
  @FXML private TreeTableColumn<ParameterRow, String> conditionColumn;
  @FXML private Button addButton;
  @FXML private MenuButton addChildButton;
  @FXML private Button duplicateButton;
  @FXML private Button deleteButton;
  @FXML private Button upButton;
  @FXML private Button downButton;
  @FXML private Button undoButton;
  @FXML private Button redoButton;
  @FXML private Label messageLine;
  @FXML private Label statusLine;
  @FXML private TextField detailName;
  @FXML private ComboBox<ParameterKind> detailKind;
  @FXML private TextField detailLow;
  @FXML private TextField detailHigh;
  @FXML private TextField detailStep;
  @FXML private TextField detailMu;
  @FXML private TextField detailSigma;
  @FXML private TextField detailChoices;
  @FXML private TextField detailCondition;
  @FXML private Label detailDescription;

  private SpaceEditorView(SpaceEditorViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(SpaceEditorViewModel viewModel) {
    return Views.load(new SpaceEditorView(viewModel));
  }

  @FXML
  private void initialize() {
    bindColumns();
    bindDetailForm();
    bindTree();
    bindToolbar();
    messageLine.textProperty().bind(viewModel.summaryProperty());
    messageLine.tooltipProperty().bind(Bindings.createObjectBinding(
        () -> viewModel.messages().isEmpty() ? null : new Tooltip(String.join("\n", viewModel.messages())),
        viewModel.messages()));
    viewModel.validProperty().addListener((obs, old, valid) -> showValidity(valid));
    showValidity(viewModel.validProperty().get());
    statusLine.textProperty().bind(viewModel.statusProperty());
    root.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
      if (REDO.match(event)) {
        viewModel.redo();
        event.consume();
      } else if (UNDO.match(event)) {
        viewModel.undo();
        event.consume();
      }
    });
  }

  private void showValidity(boolean valid) {
    messageLine.getStyleClass().removeAll("valid", "invalid");
    messageLine.getStyleClass().add(valid ? "valid" : "invalid");
  }

  private void bindColumns() {
    Map<SpaceField, TreeTableColumn<ParameterRow, String>> columns = new EnumMap<>(SpaceField.class);
    columns.put(SpaceField.NAME, nameColumn);
    columns.put(SpaceField.LOW, lowColumn);
    columns.put(SpaceField.HIGH, highColumn);
    columns.put(SpaceField.STEP, stepColumn);
    columns.put(SpaceField.MU, muColumn);
    columns.put(SpaceField.SIGMA, sigmaColumn);
    columns.put(SpaceField.CHOICES, choicesColumn);
    columns.put(SpaceField.CONDITION, conditionColumn);
    columns.forEach((field, column) -> {
      column.setCellValueFactory(cell -> cell.getValue().getValue().textProperty(field));
      column.setCellFactory(c -> new FieldCell(field));
      column.setOnEditCommit(event -> viewModel.edit(event.getRowValue().getValue(), field, event.getNewValue()));
    });
    kindColumn.setCellValueFactory(cell -> cell.getValue().getValue().textProperty(SpaceField.KIND));
    kindColumn.setCellFactory(c -> new KindCell(viewModel));
  }

  private void bindTree() {
    TreeItem<ParameterRow> top = new TreeItem<>();
    top.setExpanded(true);
    table.setRoot(top);
    table.setShowRoot(false);
    table.setEditable(true);
    table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    DraggableRow.DragState drag = new DraggableRow.DragState();
    table.setRowFactory(t -> new DraggableRow(viewModel, drag));
    rebuildTree();
    viewModel.structureVersionProperty().addListener((obs, old, v) -> rebuildTree());
    table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
      if (!syncingSelection && item != null) {
        viewModel.selectedRowProperty().set(item.getValue());
      }
    });
    viewModel.selectedRowProperty().addListener((obs, old, row) -> selectInTable(row));
    selectInTable(viewModel.getSelectedRow());
  }

  /** Mirrors the view model's tree in the table, keeping each row's item (and its expansion). */
  private void rebuildTree() {
    Set<ParameterRow> alive = new HashSet<>(viewModel.rows());
    items.keySet().retainAll(alive);
    for (ParameterRow row : viewModel.rows()) {
      TreeItem<ParameterRow> item = items.computeIfAbsent(row, r -> {
        TreeItem<ParameterRow> created = new TreeItem<>(r);
        created.setExpanded(true);
        return created;
      });
      TreeItem<ParameterRow> wanted = parentItem(row);
      if (item.getParent() != null && item.getParent() != wanted) {
        item.getParent().getChildren().remove(item);
      }
    }
    fill(table.getRoot(), null);
    syncingSelection = true;
    selectInTable(viewModel.getSelectedRow());
    syncingSelection = false;
  }

  private TreeItem<ParameterRow> parentItem(ParameterRow row) {
    ParameterRow parent = viewModel.treeParentOf(row);
    return parent == null ? table.getRoot() : items.get(parent);
  }

  private void fill(TreeItem<ParameterRow> item, ParameterRow parent) {
    List<TreeItem<ParameterRow>> children = viewModel.childrenOf(parent).stream().map(items::get).toList();
    if (!item.getChildren().equals(children)) {
      item.getChildren().setAll(children);
    }
    for (TreeItem<ParameterRow> child : children) {
      fill(child, child.getValue());
    }
  }

  private void selectInTable(ParameterRow row) {
    TreeItem<ParameterRow> item = row == null ? null : items.get(row);
    if (item == null) {
      table.getSelectionModel().clearSelection();
    } else if (table.getSelectionModel().getSelectedItem() != item) {
      boolean wasSyncing = syncingSelection;
      syncingSelection = true;
      table.getSelectionModel().select(item);
      syncingSelection = wasSyncing;
      int index = table.getRow(item);
      if (index >= 0) {
        table.scrollTo(index);
      }
    }
    showDetail(row);
  }

  private void bindToolbar() {
    var noSelection = viewModel.selectedRowProperty().isNull();
    duplicateButton.disableProperty().bind(noSelection);
    deleteButton.disableProperty().bind(noSelection);
    upButton.disableProperty().bind(noSelection);
    downButton.disableProperty().bind(noSelection);
    addChildButton.disableProperty().bind(viewModel.canAddChildProperty().not());
    undoButton.disableProperty().bind(viewModel.canUndoProperty().not());
    redoButton.disableProperty().bind(viewModel.canRedoProperty().not());
    addChildButton.setOnShowing(event -> {
      ParameterRow parent = viewModel.getSelectedRow();
      addChildButton.getItems().setAll(viewModel.childValues(parent).stream().map(value -> {
        MenuItem item = new MenuItem("when " + parent.name() + " = " + value);
        item.setOnAction(e -> viewModel.addChild(parent, value));
        return item;
      }).toList());
    });
  }

  private void bindDetailForm() {
    detailFields.put(SpaceField.NAME, detailName);
    detailFields.put(SpaceField.LOW, detailLow);
    detailFields.put(SpaceField.HIGH, detailHigh);
    detailFields.put(SpaceField.STEP, detailStep);
    detailFields.put(SpaceField.MU, detailMu);
    detailFields.put(SpaceField.SIGMA, detailSigma);
    detailFields.put(SpaceField.CHOICES, detailChoices);
    detailFields.put(SpaceField.CONDITION, detailCondition);
    detailFields.forEach((field, textField) -> {
      textField.setOnAction(e -> commitDetail(field, textField));
      textField.focusedProperty().addListener((obs, was, focused) -> {
        if (!focused) {
          commitDetail(field, textField);
        }
      });
      detailListeners.put(field, (obs, old, text) -> showDetailField(field));
    });
    detailKind.setItems(FXCollections.observableArrayList(ParameterKind.values()));
    detailKind.valueProperty().addListener((obs, old, kind) -> {
      if (detailRow != null && kind != null && kind != detailRow.kind()) {
        viewModel.setKind(detailRow, kind);
      }
    });
  }

  private void commitDetail(SpaceField field, TextField textField) {
    if (detailRow != null && !textField.getText().equals(detailRow.text(field))) {
      viewModel.edit(detailRow, field, textField.getText());
    }
  }

  private void showDetail(ParameterRow row) {
    if (detailRow != null) {
      ParameterRow old = detailRow;
      detailListeners.forEach((field, listener) -> {
        old.textProperty(field).removeListener(listener);
        old.problemProperty(field).removeListener(listener);
      });
      old.kindProperty().removeListener(kindListener);
    }
    detailRow = row;
    detailDescription.textProperty().unbind();
    if (row == null) {
      detailFields.values().forEach(t -> {
        t.setText("");
        t.setDisable(true);
      });
      detailKind.setValue(null);
      detailKind.setDisable(true);
      detailDescription.setText("Select a parameter, or press Add.");
      return;
    }
    detailListeners.forEach((field, listener) -> {
      row.textProperty(field).addListener(listener);
      row.problemProperty(field).addListener(listener);
    });
    row.kindProperty().addListener(kindListener);
    detailDescription.textProperty().bind(row.descriptionProperty());
    detailKind.setDisable(false);
    showKind();
    detailFields.keySet().forEach(this::showDetailField);
  }

  private final ChangeListener<ParameterKind> kindListener = (obs, old, kind) -> showKind();

  private void showKind() {
    if (detailRow != null) {
      detailKind.setValue(detailRow.kind());
      detailFields.keySet().forEach(this::showDetailField);
    }
  }

  private void showDetailField(SpaceField field) {
    TextField textField = detailFields.get(field);
    if (detailRow == null || textField == null) {
      return;
    }
    textField.setText(detailRow.text(field));
    textField.setDisable(!detailRow.uses(field));
    String problem = detailRow.problem(field);
    textField.pseudoClassStateChanged(FieldCell.INVALID, !problem.isEmpty());
    textField.getStyleClass().remove("invalid");
    if (!problem.isEmpty()) {
      textField.getStyleClass().add("invalid");
    }
    textField.setTooltip(problem.isEmpty() ? null : new Tooltip(problem));
  }

  @FXML private void addParameter() {
    viewModel.addParameter();
  }

  @FXML private void duplicateSelected() {
    viewModel.duplicateSelected();
  }

  @FXML private void removeSelected() {
    viewModel.removeSelected();
  }

  @FXML private void moveUp() {
    viewModel.moveUp();
  }

  @FXML private void moveDown() {
    viewModel.moveDown();
  }

  @FXML private void undo() {
    viewModel.undo();
  }

  @FXML private void redo() {
    viewModel.redo();
  }

  @FXML private void importFile() {
    viewModel.importFile();
  }

  @FXML private void exportFile() {
    viewModel.exportFile();
  }
}
