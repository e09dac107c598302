package io.parzen.app.run;

import io.parzen.app.ChartTheme;
import io.parzen.app.Views;
import io.parzen.visualization.IntermediateValues;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/** The intermediate-values panel: an {@link IntermediateValuesChart} bound to an {@link IntermediateValuesViewModel}. */
public final class IntermediateValuesView {

  private final IntermediateValuesViewModel viewModel;
  private IntermediateValuesChart chart;
  private PaintGate gate;

  @FXML private VBox root;
  @FXML private CheckBox logScaleBox;
  @FXML private Label summaryLabel;
  @FXML private Label emptyLabel;
  @FXML private ChartViewer chartViewer;

  private IntermediateValuesView(IntermediateValuesViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(IntermediateValuesViewModel viewModel) {
    return Views.load(new IntermediateValuesView(viewModel));
  }

  /** The chart of a loaded panel, for tests. */
  static IntermediateValuesChart chartOf(Parent view) {
    return ((IntermediateValuesView) view.getProperties().get(IntermediateValuesView.class)).chart;
  }

  @FXML
  private void initialize() {
    root.getProperties().put(IntermediateValuesView.class, this);
    gate = new PaintGate(root);
    logScaleBox.selectedProperty().bindBidirectional(viewModel.logScaleProperty());
    viewModel.logScaleProperty().addListener((obs, old, log) -> chart.setLogScale(log));
    summaryLabel.textProperty().bind(viewModel.summaryProperty());
    emptyLabel.visibleProperty().bind(viewModel.summaryProperty().isEmpty());
    viewModel.selectedTrialProperty().addListener((obs, old, number) -> chart.select(number));
    ChartSupport.onTrialClicked(chartViewer, number -> viewModel.selectedTrialProperty().set(number));
    rebuild(ChartTheme.light());
    viewModel.addListener(new IntermediateValuesViewModel.CurvesListener() {
      @Override
      public void curvesReset(IntermediateValues all) {
        chart.reset(all);
      }

      @Override
      public void curvesChanged(List<IntermediateValues.Curve> added, List<Integer> removed) {
        chart.change(added, removed);
      }
    });
    ChartSupport.followTheme(root, this::rebuild);
  }

  @FXML
  private void export() {
    viewModel.export(List.of(chart.chart()));
  }

  private void rebuild(ChartTheme theme) {
    chart = new IntermediateValuesChart(theme, viewModel.logScaleProperty().get(), viewModel::describe);
    chart.reset(viewModel.values());
    chart.select(viewModel.selectedTrialProperty().get());
    chartViewer.setChart(chart.chart());
    gate.add(chartViewer);
  }
}
