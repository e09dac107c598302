package io.parzen.app.space;

import io.parzen.space.ParameterKind;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One parameter as the editor shows it: the text of each field as the user typed it, and the
 * engine's problem with each field (empty when none). Read-only to the view; the
 * {@link SpaceEditorViewModel} writes it, so that every change goes through undo.
 */
public final class ParameterRow {

  private final long id;
  private final ReadOnlyObjectWrapper<ParameterKind> kind = new ReadOnlyObjectWrapper<>(this, "kind");
  private final Map<SpaceField, ReadOnlyStringWrapper> texts = new EnumMap<>(SpaceField.class);
  private final Map<SpaceField, ReadOnlyStringWrapper> problems = new EnumMap<>(SpaceField.class);
  private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");

  ParameterRow(RowState state) {
    this.id = state.id();
    for (SpaceField field : SpaceField.values()) {
      texts.put(field, new ReadOnlyStringWrapper(this, field.label(), ""));
      problems.put(field, new ReadOnlyStringWrapper(this, field.label() + "Problem", ""));
    }
    apply(state);
  }

  long id() {
    return id;
  }

  public ReadOnlyObjectProperty<ParameterKind> kindProperty() {
    return kind.getReadOnlyProperty();
  }

  public ParameterKind kind() {
    return kind.get();
  }

  /** The field's text as typed; for {@link SpaceField#KIND} the kind's label. */
  public ReadOnlyStringProperty textProperty(SpaceField field) {
    return texts.get(field).getReadOnlyProperty();
  }

  public String text(SpaceField field) {
    return texts.get(field).get();
  }

  /** The parameter name as typed, trimmed. */
  public String name() {
    return text(SpaceField.NAME).trim();
  }

  /** The engine's message(s) about this field, {@code ""} when the field is fine. */
  public ReadOnlyStringProperty problemProperty(SpaceField field) {
    return problems.get(field).getReadOnlyProperty();
  }

  public String problem(SpaceField field) {
    return problems.get(field).get();
  }

  /** What the engine built from the row, such as {@code float[1.0E-5, 0.1] log}; empty when invalid. */
  public ReadOnlyStringProperty descriptionProperty() {
    return description.getReadOnlyProperty();
  }

  /** Whether the row's kind uses {@code field}. */
  public boolean uses(SpaceField field) {
    return field.appliesTo(kind());
  }

  RowState state() {
    Map<SpaceField, String> values = new EnumMap<>(SpaceField.class);
    texts.forEach((field, text) -> values.put(field, text.get()));
    return new RowState(id, kind(), values);
  }

  void apply(RowState state) {
    kind.set(state.kind());
    for (SpaceField field : SpaceField.values()) {
      texts.get(field).set(state.text(field));
    }
  }

  void clearProblems() {
    problems.values().forEach(p -> p.set(""));
    description.set("");
  }

  void addProblem(SpaceField field, String message) {
    ReadOnlyStringWrapper problem = problems.get(field);
    problem.set(problem.get().isEmpty() ? message : problem.get() + "\n" + message);
  }

  void setDescription(String text) {
    description.set(text);
  }

  @Override
  public String toString() {
    return "ParameterRow[" + name() + ", " + kind() + "]";
  }
}
