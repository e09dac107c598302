package io.parzen.app;

import io.parzen.space.SearchSpace;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The study open in the studio, as the panels share it: the search space the editor last built
 * (valid or not), which parameter is selected, and whether there are unsaved edits. Panels
 * observe these properties; only the FX thread writes them.
 */
public final class StudyDocument {

  private final ObjectProperty<SearchSpace> space = new SimpleObjectProperty<>(this, "space", SearchSpace.empty());
  private final BooleanProperty spaceValid = new SimpleBooleanProperty(this, "spaceValid", true);
  private final StringProperty selectedParameter = new SimpleStringProperty(this, "selectedParameter");
  private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty", false);

  /** The latest valid search space from the editor; unchanged while the editor's space is invalid. */
  public ObjectProperty<SearchSpace> spaceProperty() {
    return space;
  }

  public SearchSpace getSpace() {
    return space.get();
  }

  /** Whether the editor's rows currently form a valid space (Run is disabled otherwise). */
  public BooleanProperty spaceValidProperty() {
    return spaceValid;
  }

  /** The name of the parameter selected in the space editor, or {@code null}. */
  public StringProperty selectedParameterProperty() {
    return selectedParameter;
  }

  /** Whether the document has edits not yet saved. */
  public BooleanProperty dirtyProperty() {
    return dirty;
  }
}
