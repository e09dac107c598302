package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.app.Views;
import io.parzen.app.run.ChartSupport;
import io.parzen.app.run.PaintGate;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The EDF panel: an {@link EdfChart} of the study's completed trials bound to an
 * {@link EdfViewModel}, with the selected trial's value marked by a dashed line.
 */
public final class EdfView {

  private final EdfViewModel viewModel;
  private EdfChart chart;
  private ChartTheme theme = ChartTheme.light();
  private PaintGate gate;

  @FXML private VBox root;
  @FXML private ChartViewer chartViewer;
  @FXML private CheckBox logScaleBox;
  @FXML private Label emptyLabel;

  private EdfView(EdfViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(EdfViewModel viewModel) {
    return Views.load(new EdfView(viewModel));
  }

  /** The chart shown, for tests. */
  static JFreeChart chartOf(Parent edfView) {
    return ((ChartViewer) edfView.lookup("#edfChart")).getChart();
  }

  @FXML
  private void initialize() {
    gate = new PaintGate(root, viewModel::setActive);
    logScaleBox.selectedProperty().bindBidirectional(viewModel.logScaleProperty());
    viewModel.logScaleProperty().addListener((obs, old, log) -> chart.setLogScale(log));
    emptyLabel.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> viewModel.edfProperty().get().isEmpty(), viewModel.edfProperty()));
    viewModel.edfProperty().addListener((obs, old, edf) -> chart.show(edf));
    viewModel.selectedValueProperty().addListener((obs, old, value) -> chart.mark(value));
    rebuild();
    ChartSupport.followTheme(root, t -> {
      theme = t;
      rebuild();
    });
  }

  private void rebuild() {
    chart = new EdfChart(theme, viewModel.logScaleProperty().get(), i -> theme.accent());
    chart.show(viewModel.edfProperty().get());
    chart.mark(viewModel.selectedValueProperty().get());
    chartViewer.setChart(chart.chart());
    gate.add(chartViewer);
  }

  @FXML
  private void export() {
    viewModel.export(chart.chart());
  }
}
