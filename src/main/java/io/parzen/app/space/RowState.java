package io.parzen.app.space;

import io.parzen.space.ParameterKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An immutable snapshot of one row: its identity, kind and the text of every field as typed.
 * Undo history and conversions to engine parameters work on these.
 */
record RowState(long id, ParameterKind kind, Map<SpaceField, String> texts) {

  RowState {
    EnumMap<SpaceField, String> copy = new EnumMap<>(SpaceField.class);
    texts.forEach((field, text) -> copy.put(field, text == null ? "" : text));
    copy.put(SpaceField.KIND, kind.label());
    texts = Collections.unmodifiableMap(copy);
  }

  /** The text of {@code field}, {@code ""} when empty. */
  String text(SpaceField field) {
    return texts.getOrDefault(field, "");
  }

  String name() {
    return text(SpaceField.NAME).trim();
  }

  RowState with(SpaceField field, String text) {
    EnumMap<SpaceField, String> copy = new EnumMap<>(texts);
    copy.put(field, text);
    return new RowState(id, kind, copy);
  }

  RowState withKind(ParameterKind newKind) {
    return new RowState(id, newKind, texts);
  }

  RowState withId(long newId) {
    return new RowState(newId, kind, texts);
  }
}
