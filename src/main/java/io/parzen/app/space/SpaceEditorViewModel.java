package io.parzen.app.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parzen.app.DialogService;
import io.parzen.app.FxDialogService;
import io.parzen.app.StudyDocument;
import io.parzen.space.NniSpaceImporter;
import io.parzen.space.Parameter;
import io.parzen.space.ParameterKind;
import io.parzen.space.SearchSpace;
import io.parzen.space.SpaceJson;
import io.parzen.space.SpaceValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The search space editor: rows of parameters, nested under the choice value that activates them,
 * validated by the engine after every edit.
 *
 * <p>Every edit goes through a command here, is undoable, marks the document dirty and
 * revalidates: each row is built into a {@link Parameter} and the whole list checked by
 * {@link SearchSpace#validate}; each problem lands on the field it names
 * ({@link ParameterRow#problemProperty}) and in {@link #messages()}. The document's space is
 * replaced only while the rows form a valid space. FX thread only.
 */
public final class SpaceEditorViewModel {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> JSON_FILES = List.of("*.json");

  private final StudyDocument document;
  private final DialogService dialogs;
  private final ObservableList<ParameterRow> rows = FXCollections.observableArrayList();
  private final ObservableList<ParameterRow> rowsView = FXCollections.unmodifiableObservableList(rows);
  private final ObjectProperty<ParameterRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
  private final ObservableList<String> messages = FXCollections.observableArrayList();
  private final ObservableList<String> messagesView = FXCollections.unmodifiableObservableList(messages);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
  private final ReadOnlyBooleanWrapper canAddChild = new ReadOnlyBooleanWrapper(this, "canAddChild");
  private final ReadOnlyIntegerWrapper structureVersion = new ReadOnlyIntegerWrapper(this, "structureVersion");
  private final Deque<Snapshot> undoStack = new ArrayDeque<>();
  private final Deque<Snapshot> redoStack = new ArrayDeque<>();
  private Map<ParameterRow, ParameterRow> treeParents = new IdentityHashMap<>();
  private List<ParameterRow> treeOrder = List.of();
  private long nextId = 1;

  /** The rows as they were, with the selection, for undo. */
  private record Snapshot(List<RowState> rows, long selectedId) {}

  /** An editor of {@code document}'s space whose Import… and Export… use JavaFX file choosers. */
  public SpaceEditorViewModel(StudyDocument document) {
    this(document, new FxDialogService(null));
  }

  /** An editor whose file choosers go through {@code dialogs} (a fake in tests). */
  public SpaceEditorViewModel(StudyDocument document, DialogService dialogs) {
    this.document = Objects.requireNonNull(document);
    this.dialogs = Objects.requireNonNull(dialogs);
    selectedRow.addListener((obs, old, row) -> selectionChanged());
    loadRows(rowsOf(document.getSpace()));
  }

  // ---- properties -------------------------------------------------------------------------

  /** The rows in declaration order (parents need not come first). */
  public ObservableList<ParameterRow> rows() {
    return rowsView;
  }

  /** The row the user works on; the view writes it from the table's selection. */
  public ObjectProperty<ParameterRow> selectedRowProperty() {
    return selectedRow;
  }

  public ParameterRow getSelectedRow() {
    return selectedRow.get();
  }

  /** Every problem of the rows, as the engine words it; empty when the space is valid. */
  public ObservableList<String> messages() {
    return messagesView;
  }

  /** The line under the table: the problems, or a short description of the valid space. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** The outcome of the last import or export. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** Whether the selected row can have children: it is a choice or an int. */
  public ReadOnlyBooleanProperty canAddChildProperty() {
    return canAddChild.getReadOnlyProperty();
  }

  /** Changes whenever rows move in the tree (added, removed, reordered, re-parented). */
  public ReadOnlyIntegerProperty structureVersionProperty() {
    return structureVersion.getReadOnlyProperty();
  }

  /** The rows shown under {@code parent} (under the root for {@code null}), in declaration order. */
  public List<ParameterRow> childrenOf(ParameterRow parent) {
    List<ParameterRow> children = new ArrayList<>();
    for (ParameterRow row : rows) {
      if (treeParents.get(row) == parent) {
        children.add(row);
      }
    }
    return children;
  }

  /** The row {@code row} is shown under, or {@code null} for a top-level row. */
  public ParameterRow treeParentOf(ParameterRow row) {
    return treeParents.get(row);
  }

  /**
   * The values a child of {@code parent} can be conditioned on: its choices, or for an int its
   * first values. Empty when the parent is neither or cannot be built.
   */
  public List<String> childValues(ParameterRow parent) {
    if (parent == null) {
      return List.of();
    }
    try {
      Parameter p = RowParameters.toParameter(parent.state());
      if (p.distribution() instanceof io.parzen.space.CategoricalDistribution c) {
        return c.choices().stream().map(RowParameters::formatValue).toList();
      }
      if (p.distribution() instanceof io.parzen.space.IntDistribution i) {
        List<String> values = new ArrayList<>();
        for (long v = i.low(); v <= i.high() && values.size() < 20; v += i.step()) {
          values.add(Long.toString(v));
        }
        return values;
      }
    } catch (SpaceValidationException e) {
      return List.of();
    }
    return List.of();
  }

  // ---- loading and file commands -----------------------------------------------------------

  /** Replaces all rows with {@code space}'s parameters and forgets the undo history. */
  public void load(SearchSpace space) {
    loadRows(rowsOf(space));
    undoStack.clear();
    redoStack.clear();
    updateUndoState();
  }

  /**
   * Replaces the rows with a space read from {@code text}: our {@link SpaceJson} format (an object
   * with a {@code parameters} array) or an NNI / Hyperopt {@code search_space.json}. Undoable.
   * Returns false, leaving the rows unchanged and the reason in {@link #statusProperty()}, when
   * the text is not a valid space.
   */
  public boolean importJson(String text, String sourceName) {
    SearchSpace space;
    try {
      space = isSpaceJson(text) ? SpaceJson.read(text) : NniSpaceImporter.read(text, sourceName);
    } catch (SpaceValidationException e) {
      status.set("Import failed: " + e.getMessage());
      return false;
    }
    Snapshot before = snapshot();
    List<RowState> states = rowsOf(space);
    restore(new Snapshot(states, states.isEmpty() ? 0 : states.get(0).id()));
    recordEdit(before);
    status.set("Imported " + space.size() + " parameters from " + sourceName);
    return true;
  }

  /** The rows as {@link SpaceJson} text; throws the first problem when they are not a valid space. */
  public String exportJson() {
    return SpaceJson.write(SearchSpace.of(buildAll()));
  }

  /** Asks for a file and imports it (see {@link #importJson}). */
  public void importFile() {
    dialogs.chooseFileToOpen("Import search space", JSON_FILES).ifPresent(path -> {
      try {
        importJson(Files.readString(path), path.getFileName().toString());
      } catch (IOException e) {
        status.set("Cannot read " + path + ": " + e.getMessage());
      }
    });
  }

  /** Asks for a file and writes the space to it; refuses while the space is invalid. */
  public void exportFile() {
    if (!valid.get()) {
      status.set("Fix the problems before exporting: " + messages.get(0));
      return;
    }
    String json = exportJson();
    dialogs.chooseFileToSave("Export search space", "search_space.json", JSON_FILES).ifPresent(path -> {
      try {
        Files.writeString(path, json);
        status.set("Exported " + rows.size() + " parameters to " + path.getFileName());
      } catch (IOException e) {
        status.set("Cannot write " + path + ": " + e.getMessage());
      }
    });
  }

  // ---- editing commands ----------------------------------------------------------------------

  /** Adds a top-level uniform parameter named {@code paramN} and selects it. */
  public ParameterRow addParameter() {
    Snapshot before = snapshot();
    ParameterRow row = newRow(uniqueName("param"), ParameterKind.UNIFORM, "");
    rows.add(row);
    finishEdit(before, row);
    return row;
  }

  /**
   * Adds a parameter active only when {@code parent} takes {@code value} (for example
   * {@code optimizer = adam}), placed after the parent's subtree, and selects it.
   */
  public ParameterRow addChild(ParameterRow parent, String value) {
    Objects.requireNonNull(parent, "parent");
    Snapshot before = snapshot();
    String condition = RowParameters.conditionText(parent.name(), List.of(RowParameters.values(value).isEmpty()
        ? value : RowParameters.values(value).get(0)));
    ParameterRow row = newRow(uniqueName(parent.name() + "_" + stripQuotes(value) + "_param"),
        ParameterKind.UNIFORM, condition);
    int at = rows.indexOf(lastOfSubtree(parent)) + 1;
    rows.add(at, row);
    finishEdit(before, row);
    return row;
  }

  /** Removes the selected row and every row nested under it. */
  public void removeSelected() {
    ParameterRow selected = selectedRow.get();
    if (selected == null) {
      return;
    }
    Snapshot before = snapshot();
    List<ParameterRow> subtree = subtree(selected);
    int index = rows.indexOf(selected);
    ParameterRow parent = treeParents.get(selected);
    rows.removeAll(subtree);
    ParameterRow next = index < rows.size() ? rows.get(index) : parent != null ? parent
        : rows.isEmpty() ? null : rows.get(rows.size() - 1);
    finishEdit(before, next);
  }

  /**
   * Adds a copy of the selected row and of every row nested under it, right after its subtree.
   * Each copy gets a new unique name ({@code name_copy}), and the copied children are conditioned
   * on the copied parents, so the copy is a second, independent branch. Selects the copied root.
   */
  public ParameterRow duplicateSelected() {
    ParameterRow selected = selectedRow.get();
    if (selected == null) {
      return null;
    }
    Snapshot before = snapshot();
    List<ParameterRow> subtree = subtree(selected);
    Map<String, String> renamed = new HashMap<>();
    Set<String> taken = new HashSet<>();
    rows.forEach(r -> taken.add(r.name()));
    for (ParameterRow row : subtree) {
      String name = uniqueName(row.name() + "_copy", taken);
      taken.add(name);
      renamed.put(row.name(), name);
    }
    List<ParameterRow> copies = new ArrayList<>();
    for (ParameterRow row : subtree) {
      RowState copy = row.state().with(SpaceField.NAME, renamed.get(row.name())).withId(nextId++);
      String condition = copy.text(SpaceField.CONDITION);
      String parent = RowParameters.conditionParent(condition);
      if (row != selected && parent != null && renamed.containsKey(parent)) {
        copy = copy.with(SpaceField.CONDITION, renamed.get(parent) + " " + condition.substring(condition.indexOf('=')));
      }
      copies.add(new ParameterRow(copy));
    }
    rows.addAll(rows.indexOf(lastOfSubtree(selected)) + 1, copies);
    finishEdit(before, copies.get(0));
    return copies.get(0);
  }

  /** Where a dragged row lands relative to the row it is dropped on. */
  public enum DropPosition {
    /** Before the target, as its sibling (same condition). */
    BEFORE,
    /** After the target and its subtree, as its sibling (same condition). */
    AFTER
  }

  /**
   * Whether {@code moved} (with its subtree) can be dropped on {@code target}: not on itself and
   * not on a row nested under it, which would make the space cyclic.
   */
  public boolean canMove(ParameterRow moved, ParameterRow target) {
    return moved != null && target != null && rows.contains(moved) && rows.contains(target)
        && !subtree(moved).contains(target);
  }

  /**
   * Moves {@code moved} with its subtree next to {@code target} and makes it {@code target}'s
   * sibling: it takes {@code target}'s condition (none for a top-level target). One undoable edit;
   * does nothing when {@link #canMove} says no.
   */
  public void move(ParameterRow moved, ParameterRow target, DropPosition position) {
    if (!canMove(moved, target)) {
      return;
    }
    Snapshot before = snapshot();
    moved.apply(moved.state().with(SpaceField.CONDITION, target.text(SpaceField.CONDITION)));
    placeSubtree(moved, position == DropPosition.BEFORE ? target : null, position == DropPosition.AFTER ? target : null);
    finishEdit(before, moved);
  }

  /**
   * Moves {@code moved} with its subtree under {@code parent}, active only when {@code parent}
   * takes {@code value} (one of {@link #childValues}), after the parent's other children. One
   * undoable edit; does nothing when {@link #canMove} says no.
   */
  public void moveInto(ParameterRow moved, ParameterRow parent, String value) {
    if (!canMove(moved, parent)) {
      return;
    }
    Snapshot before = snapshot();
    List<Object> values = RowParameters.values(value);
    moved.apply(moved.state().with(SpaceField.CONDITION,
        RowParameters.conditionText(parent.name(), List.of(values.isEmpty() ? value : values.get(0)))));
    placeSubtree(moved, null, parent);
    finishEdit(before, moved);
  }

  /** Puts {@code moved}'s subtree before {@code before}, or after {@code after}'s subtree. */
  private void placeSubtree(ParameterRow moved, ParameterRow before, ParameterRow after) {
    List<ParameterRow> block = subtree(moved);
    List<ParameterRow> rest = new ArrayList<>(rows);
    rest.removeAll(block);
    int at;
    if (before != null) {
      at = rest.indexOf(before);
    } else {
      List<ParameterRow> afterSubtree = subtree(after);
      afterSubtree.removeAll(block);
      at = rest.indexOf(afterSubtree.get(afterSubtree.size() - 1)) + 1;
    }
    rest.addAll(at, block);
    rows.setAll(rest);
  }

  /** Moves the selected row, with its subtree, before its previous sibling. */
  public void moveUp() {
    ParameterRow selected = selectedRow.get();
    ParameterRow previous = sibling(selected, -1);
    if (previous != null) {
      Snapshot before = snapshot();
      moveSubtreeBefore(selected, previous);
      finishEdit(before, selected);
    }
  }

  /** Moves the selected row, with its subtree, after its next sibling. */
  public void moveDown() {
    ParameterRow selected = selectedRow.get();
    ParameterRow next = sibling(selected, +1);
    if (next != null) {
      Snapshot before = snapshot();
      moveSubtreeBefore(next, selected);
      finishEdit(before, selected);
    }
  }

  /**
   * Sets one field of {@code row} from the text the user typed. Renaming a parameter renames the
   * parent in its children's conditions too. For {@link SpaceField#KIND} the text is a kind label
   * or Hyperopt name.
   */
  public void edit(ParameterRow row, SpaceField field, String text) {
    if (field == SpaceField.KIND) {
      setKind(row, ParameterKind.byName(text.trim()));
      return;
    }
    String value = text == null ? "" : text;
    if (row == null || value.equals(row.text(field))) {
      return;
    }
    Snapshot before = snapshot();
    String oldName = row.name();
    row.apply(row.state().with(field, value));
    if (field == SpaceField.NAME && !oldName.isEmpty()) {
      renameParent(oldName, row.name());
    }
    finishEdit(before, row);
  }

  /**
   * Changes the kind of {@code row}: fields the new kind does not use are cleared, and the ones it
   * needs get defaults when empty (choices keep their values across choice and weighted choice).
   */
  public void setKind(ParameterRow row, ParameterKind kind) {
    if (row == null || kind == null || kind == row.kind()) {
      return;
    }
    Snapshot before = snapshot();
    row.apply(withKindDefaults(row.state(), kind));
    finishEdit(before, row);
  }

  /** Restores the rows as they were before the last edit. */
  public void undo() {
    if (!undoStack.isEmpty()) {
      redoStack.push(snapshot());
      restore(undoStack.pop());
      afterChange();
    }
  }

  /** Applies again the edit undone last. */
  public void redo() {
    if (!redoStack.isEmpty()) {
      undoStack.push(snapshot());
      restore(redoStack.pop());
      afterChange();
    }
  }

  // ---- internals -----------------------------------------------------------------------------

  private static boolean isSpaceJson(String text) {
    try {
      JsonNode root = JSON.readTree(text);
      return root != null && root.isObject() && root.path("parameters").isArray();
    } catch (JsonProcessingException e) {
      return false;  // the importer reports the syntax error with the file name
    }
  }

  private List<RowState> rowsOf(SearchSpace space) {
    List<RowState> states = new ArrayList<>();
    for (Parameter p : space.parameters()) {
      states.add(RowParameters.toRow(nextId++, p));
    }
    return states;
  }

  private void loadRows(List<RowState> states) {
    restore(new Snapshot(states, states.isEmpty() ? 0 : states.get(0).id()));
    revalidate();
  }

  private ParameterRow newRow(String name, ParameterKind kind, String condition) {
    Map<SpaceField, String> texts = new EnumMap<>(SpaceField.class);
    texts.put(SpaceField.NAME, name);
    texts.put(SpaceField.CONDITION, condition);
    RowState state = withKindDefaults(new RowState(nextId++, kind, texts), kind);
    return new ParameterRow(state);
  }

  private static RowState withKindDefaults(RowState state, ParameterKind kind) {
    ParameterKind old = state.kind();
    RowState s = state.withKind(kind);
    for (SpaceField f : List.of(SpaceField.LOW, SpaceField.HIGH, SpaceField.STEP, SpaceField.MU,
        SpaceField.SIGMA, SpaceField.CHOICES)) {
      if (!f.appliesTo(kind)) {
        s = s.with(f, "");
      }
    }
    boolean log = kind == ParameterKind.LOG_UNIFORM || kind == ParameterKind.QUANTIZED_LOG_UNIFORM
        || kind == ParameterKind.INT_LOG;
    if (kind.isCategorical()) {
      String choices = s.text(SpaceField.CHOICES);
      if (kind == ParameterKind.WEIGHTED_CHOICE && old != ParameterKind.WEIGHTED_CHOICE && !choices.isBlank()) {
        List<Object> values = RowParameters.values(choices);
        String weight = RowParameters.number(1.0 / values.size());
        choices = String.join(", ", values.stream().map(v -> RowParameters.formatValue(v) + ":" + weight).toList());
      } else if (kind == ParameterKind.CHOICE && old == ParameterKind.WEIGHTED_CHOICE) {
        choices = choices.replaceAll(":\\s*[-+0-9.eE]+\\s*(,|$)", "$1");
      }
      if (choices.isBlank()) {
        choices = kind == ParameterKind.WEIGHTED_CHOICE ? "a:0.5, b:0.5" : "a, b";
      }
      s = s.with(SpaceField.CHOICES, choices);
    } else if (kind.hasNormalPrior()) {
      if (!old.hasNormalPrior()) {
        s = s.with(SpaceField.LOW, "").with(SpaceField.HIGH, "");  // derived from mu ± 8 sigma
      }
      s = defaultIfBlank(s, SpaceField.MU, "0");
      s = defaultIfBlank(s, SpaceField.SIGMA, "1");
    } else {
      s = defaultIfBlank(s, SpaceField.LOW, log ? "1" : "0");
      s = defaultIfBlank(s, SpaceField.HIGH, kind.isInteger() ? "10" : log ? "100" : "1");
    }
    if (kind.isQuantized()) {
      s = defaultIfBlank(s, SpaceField.STEP, "1");
    }
    if (kind.isInteger() && !old.isInteger()) {
      s = s.with(SpaceField.LOW, integral(s.text(SpaceField.LOW))).with(SpaceField.HIGH, integral(s.text(SpaceField.HIGH)));
    }
    return s;
  }

  private static String integral(String text) {
    try {
      double v = Double.parseDouble(text.trim());
      return v == Math.rint(v) ? Long.toString((long) v) : text;
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static RowState defaultIfBlank(RowState s, SpaceField field, String value) {
    return s.text(field).isBlank() ? s.with(field, value) : s;
  }

  private static String stripQuotes(String value) {
    return value.replace("\"", "").trim();
  }

  private String uniqueName(String base) {
    Set<String> names = new HashSet<>();
    rows.forEach(r -> names.add(r.name()));
    return uniqueName(base, names);
  }

  private static String uniqueName(String base, Set<String> names) {
    if (!base.equals("param") && !names.contains(base)) {
      return base;
    }
    for (int n = 1; ; n++) {
      if (!names.contains(base + n)) {
        return base + n;
      }
    }
  }

  private void renameParent(String oldName, String newName) {
    for (ParameterRow r : rows) {
      String condition = r.text(SpaceField.CONDITION);
      if (oldName.equals(RowParameters.conditionParent(condition))) {
        r.apply(r.state().with(SpaceField.CONDITION, newName + " " + condition.substring(condition.indexOf('='))));
      }
    }
  }

  /** {@code row} and all rows nested under it, in declaration order. */
  private List<ParameterRow> subtree(ParameterRow root) {
    List<ParameterRow> result = new ArrayList<>();
    for (ParameterRow row : rows) {
      for (ParameterRow r = row; r != null; r = treeParents.get(r)) {
        if (r == root) {
          result.add(row);
          break;
        }
      }
    }
    return result;
  }

  private ParameterRow lastOfSubtree(ParameterRow root) {
    List<ParameterRow> subtree = subtree(root);
    return subtree.get(subtree.size() - 1);
  }

  private ParameterRow sibling(ParameterRow row, int direction) {
    if (row == null) {
      return null;
    }
    List<ParameterRow> siblings = childrenOf(treeParents.get(row));
    int index = siblings.indexOf(row) + direction;
    return index >= 0 && index < siblings.size() ? siblings.get(index) : null;
  }

  /** Moves {@code moved} and its subtree to just before {@code target} in declaration order. */
  private void moveSubtreeBefore(ParameterRow moved, ParameterRow target) {
    List<ParameterRow> block = subtree(moved);
    List<ParameterRow> rest = new ArrayList<>(rows);
    rest.removeAll(block);
    rest.addAll(rest.indexOf(target), block);
    rows.setAll(rest);
  }

  private Snapshot snapshot() {
    ParameterRow selected = selectedRow.get();
    return new Snapshot(rows.stream().map(ParameterRow::state).toList(), selected == null ? 0 : selected.id());
  }

  /** Puts the rows back as {@code snapshot} has them, reusing row objects so the view keeps its items. */
  private void restore(Snapshot snapshot) {
    Map<Long, ParameterRow> existing = new HashMap<>();
    rows.forEach(r -> existing.put(r.id(), r));
    List<ParameterRow> restored = new ArrayList<>();
    ParameterRow selected = null;
    for (RowState state : snapshot.rows()) {
      ParameterRow row = existing.get(state.id());
      if (row == null) {
        row = new ParameterRow(state);
      } else {
        row.apply(state);
      }
      restored.add(row);
      if (state.id() == snapshot.selectedId()) {
        selected = row;
      }
    }
    rows.setAll(restored);
    selectedRow.set(selected);
  }

  private void finishEdit(Snapshot before, ParameterRow select) {
    recordEdit(before);
    selectedRow.set(select);
    afterChange();
  }

  private void recordEdit(Snapshot before) {
    undoStack.push(before);
    redoStack.clear();
    afterChange();
  }

  private void afterChange() {
    document.dirtyProperty().set(true);
    revalidate();
    updateUndoState();
  }

  private void updateUndoState() {
    canUndo.set(!undoStack.isEmpty());
    canRedo.set(!redoStack.isEmpty());
  }

  private void selectionChanged() {
    ParameterRow row = selectedRow.get();
    document.selectedParameterProperty().set(row == null ? null : row.name());
    canAddChild.set(row != null && (row.kind().isCategorical() || row.kind() == ParameterKind.INT
        || row.kind() == ParameterKind.INT_LOG || row.kind() == ParameterKind.RANDINT));
  }

  /** Builds every row; throws the first problem. */
  private List<Parameter> buildAll() {
    List<Parameter> parameters = new ArrayList<>();
    for (ParameterRow row : rows) {
      parameters.add(RowParameters.toParameter(row.state()));
    }
    return parameters;
  }

  private void revalidate() {
    updateTree();
    List<String> problems = new ArrayList<>();
    List<Parameter> built = new ArrayList<>();
    Map<String, List<ParameterRow>> rowsByName = new LinkedHashMap<>();
    Set<String> unbuilt = new HashSet<>();
    for (ParameterRow row : rows) {
      row.clearProblems();
      try {
        Parameter p = RowParameters.toParameter(row.state());
        built.add(p);
        rowsByName.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(row);
        row.setDescription(describe(p));
      } catch (SpaceValidationException e) {
        row.addProblem(SpaceField.ofEngineField(e.field()), e.getMessage());
        problems.add(e.getMessage());
        unbuilt.add(row.name());
      }
    }
    Map<String, Integer> duplicatesSeen = new HashMap<>();
    for (SpaceValidationException e : SearchSpace.validate(built)) {
      String name = e.parameter();
      Parameter p = built.stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
      boolean parentUnbuilt = p != null && p.isConditional() && unbuilt.contains(p.condition().parent())
          && e.getMessage().contains("unknown parameter");
      if (parentUnbuilt) {
        continue;  // the parent's own problem says it all
      }
      List<ParameterRow> candidates = rowsByName.getOrDefault(name, List.of());
      int index = 0;
      if (e.getMessage().endsWith("duplicate parameter name")) {
        index = Math.min(candidates.size() - 1, duplicatesSeen.merge(name, 1, Integer::sum));
      }
      if (!candidates.isEmpty()) {
        candidates.get(index).addProblem(SpaceField.ofEngineField(e.field()), e.getMessage());
      }
      problems.add(e.getMessage());
    }
    messages.setAll(problems);
    valid.set(problems.isEmpty());
    document.spaceValidProperty().set(problems.isEmpty());
    if (problems.isEmpty()) {
      SearchSpace space = SearchSpace.of(built);
      if (!space.equals(document.getSpace())) {
        document.spaceProperty().set(space);
      }
      long conditional = built.stream().filter(Parameter::isConditional).count();
      summary.set("Valid search space: " + built.size() + (built.size() == 1 ? " parameter" : " parameters")
          + (conditional > 0 ? ", " + conditional + " conditional" : ""));
    } else {
      summary.set(problems.size() == 1 ? problems.get(0)
          : problems.size() + " problems — " + String.join("  •  ", problems));
    }
    selectionChanged();
  }

  private static String describe(Parameter p) {
    String prior = p.prior().toString().replaceAll("^(\\w+)\\[\\]$", "$1").replace("[", "(").replace("]", ")");
    return p.distribution().describe() + ", prior " + prior.toLowerCase(java.util.Locale.ROOT)
        + (p.isConditional() ? ", when " + p.condition() : "");
  }

  /** Works out which row each row is shown under: its condition's parent, unless that forms a cycle. */
  private void updateTree() {
    Map<String, ParameterRow> byName = new HashMap<>();
    for (ParameterRow row : rows) {
      byName.putIfAbsent(row.name(), row);
    }
    Map<ParameterRow, ParameterRow> parents = new IdentityHashMap<>();
    for (ParameterRow row : rows) {
      String parentName = RowParameters.conditionParent(row.text(SpaceField.CONDITION));
      ParameterRow parent = parentName == null ? null : byName.get(parentName);
      Set<ParameterRow> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      seen.add(row);
      for (ParameterRow p = parent; p != null; ) {
        if (!seen.add(p)) {
          parent = null;  // a cycle: show the row at the top level, where its problem is listed
          break;
        }
        String next = RowParameters.conditionParent(p.text(SpaceField.CONDITION));
        p = next == null ? null : byName.get(next);
      }
      if (parent != null) {
        parents.put(row, parent);
      }
    }
    List<ParameterRow> order = List.copyOf(rows);
    if (!parents.equals(treeParents) || !order.equals(treeOrder)) {
      treeParents = parents;
      treeOrder = order;
      structureVersion.set(structureVersion.get() + 1);
    }
  }
}
