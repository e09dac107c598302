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

/** The rank panel: two parameter pickers and a {@link RankChart}, bound to a {@link RankViewModel}. */
public final class RankView {

  private final RankViewModel viewModel;
  private RankChart chart;
  private ChartViewer viewer;
  private PaintGate gate;

  @FXML private VBox root;
  @FXML private StackPane chartPane;
  @FXML private ComboBox<String> xBox;
  @FXML private ComboBox<String> yBox;
  @FXML private Label messageLabel;
  @FXML private ProgressIndicator busyIndicator;

  private RankView(RankViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(RankViewModel viewModel) {
    return Views.load(new RankView(viewModel));
  }

  /** The chart of a loaded panel, for tests. */
  static RankChart chartOf(Parent rankView) {
    return ((RankView) rankView.getProperties().get(RankView.class)).chart;
  }

  @FXML
  private void initialize() {
    root.getProperties().put(RankView.class, this);
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
    viewer.setId("rankChart");
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
    chart = new RankChart(theme, viewModel::describe);
    chart.show(viewModel.plotProperty().get(), viewModel.selectedTrialProperty().get());
    viewer.setChart(chart.chart());
    gate.add(viewer);
  }
}
