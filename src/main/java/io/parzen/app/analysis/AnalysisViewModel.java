package io.parzen.app.analysis;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Analysis tab: a choice of plots that help understand a study (importance, contour, parallel
 * coordinates, …), one shown at a time. Each plot is a {@link Plot} with its own view model; only
 * the plot shown while the tab is shown is active (computes and repaints), the others keep their
 * trials and catch up when chosen. FX thread only.
 */
public final class AnalysisViewModel {

  /**
   * One plot of the tab.
   *
   * @param id stable identifier (remembered between sessions, used for node ids)
   * @param title what the chooser shows
   * @param description one line under the chooser saying what the plot tells
   * @param activation told whether the plot is shown (tab shown and plot chosen)
   */
  public record Plot(String id, String title, String description, Consumer<Boolean> activation) {

    public Plot {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(activation, "activation");
    }

    @Override
    public String toString() {
      return title;
    }
  }

  private final ObservableList<Plot> plots = FXCollections.observableArrayList();
  private final ObjectProperty<Plot> selected = new SimpleObjectProperty<>(this, "selected");
  private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", false);
  private Plot active;

  public AnalysisViewModel() {
    selected.addListener((obs, old, plot) -> updateActive());
    shown.addListener((obs, old, now) -> updateActive());
  }

  /** Adds {@code plot} to the choice; the first plot added is chosen. */
  public void add(Plot plot) {
    if (find(plot.id()).isPresent()) {
      throw new IllegalArgumentException("a plot with id \"" + plot.id() + "\" is already in the Analysis tab");
    }
    plot.activation().accept(false);
    plots.add(plot);
    if (selected.get() == null) {
      selected.set(plot);
    }
  }

  /** The plots to choose from, in the order added. */
  public ObservableList<Plot> plots() {
    return FXCollections.unmodifiableObservableList(plots);
  }

  /** The plot chosen. */
  public ObjectProperty<Plot> selectedProperty() {
    return selected;
  }

  /** Chooses the plot with {@code id}; an unknown id (say, from older preferences) changes nothing. */
  public void select(String id) {
    find(id).ifPresent(selected::set);
  }

  /** Whether the Analysis tab is shown; the view sets it. */
  public BooleanProperty shownProperty() {
    return shown;
  }

  /** The plot computing and repainting now: the chosen one while the tab is shown, else none. */
  public Optional<Plot> active() {
    return Optional.ofNullable(active);
  }

  private Optional<Plot> find(String id) {
    return plots.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  private void updateActive() {
    Plot now = shown.get() ? selected.get() : null;
    if (now == active) {
      return;
    }
    if (active != null) {
      active.activation().accept(false);
    }
    active = now;
    if (active != null) {
      active.activation().accept(true);
    }
  }
}
