package io.parzen.app.analysis;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The two parameters a contour or rank plot shows, chosen among the study's parameters: by
 * default the first two (the only one twice when there is one), kept while they exist when the
 * parameters change. FX thread only.
 */
final class PairChoice {

  private final ObservableList<String> parameters = FXCollections.observableArrayList();
  private final ObservableList<String> readOnly = FXCollections.unmodifiableObservableList(parameters);
  private final ObjectProperty<String> x = new SimpleObjectProperty<>(this, "x");
  private final ObjectProperty<String> y = new SimpleObjectProperty<>(this, "y");

  ObservableList<String> parameters() {
    return readOnly;
  }

  ObjectProperty<String> x() {
    return x;
  }

  ObjectProperty<String> y() {
    return y;
  }

  /** Takes the parameters now known; fills in a default pair where none or a vanished one was chosen. */
  void update(List<String> names) {
    if (!names.equals(parameters)) {
      parameters.setAll(names);
    }
    if (names.isEmpty()) {
      x.set(null);
      y.set(null);
      return;
    }
    if (x.get() == null || !names.contains(x.get())) {
      x.set(names.get(0));
    }
    if (y.get() == null || !names.contains(y.get()) || (y.get().equals(x.get()) && names.size() > 1)) {
      y.set(names.stream().filter(n -> !n.equals(x.get())).findFirst().orElse(names.get(0)));
    }
  }
}
