package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.app.Views;
import io.parzen.app.run.ChartSupport;
import io.parzen.app.run.PaintGate;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/** The contour panel: two parameter pickers and a {@link ContourChart}, bound to a {@link ContourViewModel}. */
public final class ContourView {

  private final ContourViewModel viewModel;
  private ContourChart chart;
  private ChartViewer viewer;
  private PaintGate gate;

  @FXML private VBox root;
  @FXML private StackPane chartPane;
  @FXML private ComboBox<String> xBox;
  @FXML private ComboBox<String> yBox;
  @FXML private Label messageLabel;
  @FXML private ProgressIndicator busyIndicator;

  private ContourView(ContourViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(ContourViewModel viewModel) {
    return Views.load(new ContourView(viewModel));
  }

  /** The chart of a loaded panel, for tests. */
  static ContourChart chartOf(Parent contourView) {
    return ((ContourView) contourView.getProperties().get(ContourView.class)).chart;
  }

  @FXML
  private void initialize() {
    root.getProperties().put(ContourView.class, this);
    xBox.setItems(viewModel.parameters());
    yBox.setItems(viewModel.parameters());
    xBox.valueProperty().bindBidirectional(viewModel.xParameterProperty());
    yBox.valueProperty().bindBidirectional(viewModel.yParameterProperty());
    xBox.disableProperty().bind(Bindings.isEmpty(viewModel.parameters()));
    yBox.disableProperty().bind(Bindings.isEmpty(viewModel.parameters()));
    messageLabel.textProperty().bind(viewModel.messageProperty());
    messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
    busyIndicator.visibleProperty().bind(viewModel.computingProperty());
    viewer = new ChartViewer();
    viewer.setId("contourChart");
    chartPane.getChildren().add(0, viewer);
    gate = new PaintGate(root, viewModel::setActive);
    ChartSupport.onTrialClicked(viewer, number -> viewModel.selectedTrialProperty().set(number));
    viewModel.plotProperty().addListener((obs, old, plot) -> chart.show(plot, viewModel.selectedTrialProperty().get()));
    viewModel.selectedTrialProperty().addListener((obs, old, number) -> chart.select(number));
    ChartSupport.followTheme(root, this::rebuild);
    if (chart == null) {
      rebuild(ChartTheme.light());
    }
  }

  @FXML
  private void export() {
    viewModel.export(chart.chart());
  }

  private void rebuild(ChartTheme theme) {
    chart = new ContourChart(theme, viewModel::describe);
    chart.show(viewModel.plotProperty().get(), viewModel.selectedTrialProperty().get());
    viewer.setChart(chart.chart());
    gate.add(viewer);
  }
}
