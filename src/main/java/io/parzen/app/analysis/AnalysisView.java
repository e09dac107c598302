package io.parzen.app.analysis;

import io.parzen.app.Views;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Analysis tab: a chooser of plots over the chosen plot's panel. A plot's panel is loaded the
 * first time it is chosen; each sits in its own holder whose visibility says whether the plot is
 * shown (chosen, and the tab selected), so the panel's own {@code PaintGate} sees it.
 */
public final class AnalysisView {

  private final AnalysisViewModel viewModel;
  private final Map<String, Supplier<Parent>> panels;
  private final Map<String, StackPane> holders = new HashMap<>();
  private final ChangeListener<Boolean> tabVisibility = (obs, was, now) -> updateShown();

  @FXML private VBox root;
  @FXML private ComboBox<AnalysisViewModel.Plot> plotChooser;
  @FXML private Label description;
  @FXML private StackPane content;

  private AnalysisView(AnalysisViewModel viewModel, Map<String, Supplier<Parent>> panels) {
    this.viewModel = viewModel;
    this.panels = Map.copyOf(panels);
  }

  /**
   * Loads the tab bound to {@code viewModel}; {@code panels} makes each plot's panel (by plot id)
   * when it is first chosen.
   */
  public static Parent create(AnalysisViewModel viewModel, Map<String, Supplier<Parent>> panels) {
    return Views.load(new AnalysisView(viewModel, panels));
  }

  @FXML
  private void initialize() {
    plotChooser.setItems(viewModel.plots());
    plotChooser.valueProperty().bindBidirectional(viewModel.selectedProperty());
    viewModel.selectedProperty().addListener((obs, old, plot) -> showPlot(plot));
    root.parentProperty().addListener((obs, old, parent) -> {
      if (old != null) {
        old.visibleProperty().removeListener(tabVisibility);
      }
      if (parent != null) {
        parent.visibleProperty().addListener(tabVisibility);
      }
      updateShown();
    });
    root.visibleProperty().addListener(tabVisibility);
    showPlot(viewModel.selectedProperty().get());
  }

  private void showPlot(AnalysisViewModel.Plot plot) {
    description.setText(plot == null ? "" : plot.description());
    if (plot != null && !holders.containsKey(plot.id())) {
      Supplier<Parent> panel = panels.get(plot.id());
      if (panel == null) {
        throw new IllegalStateException("no panel for the plot \"" + plot.id() + "\"");
      }
      StackPane holder = new StackPane();
      holder.setId("analysis-" + plot.id());
      holder.setVisible(false);
      holders.put(plot.id(), holder);
      content.getChildren().add(holder);
      holder.getChildren().add(panel.get());
    }
    holders.forEach((id, holder) -> {
      boolean chosen = plot != null && id.equals(plot.id());
      holder.setManaged(chosen);
      holder.setVisible(chosen && viewModel.shownProperty().get());
    });
  }

  private void updateShown() {
    Node parent = root.getParent();
    boolean shown = root.isVisible() && parent != null && parent.isVisible();
    viewModel.shownProperty().set(shown);
    showPlot(viewModel.selectedProperty().get());
  }
}
