package io.parzen.app.run;

import io.parzen.app.ChartTheme;
import io.parzen.app.Views;
import io.parzen.visualization.SampleHistogram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/** The histogram-of-samples panel: one {@link SamplesChart} per parameter, bound to a {@link SamplesViewModel}. */
public final class SamplesView {

  private final SamplesViewModel viewModel;
  private final Map<String, SamplesChart> charts = new LinkedHashMap<>();
  private ChartTheme theme = ChartTheme.light();
  private PaintGate gate;

  @FXML private VBox root;
  @FXML private TilePane grid;
  @FXML private javafx.scene.control.ScrollPane scroll;
  @FXML private Label noteLabel;
  @FXML private Label emptyLabel;

  private SamplesView(SamplesViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(SamplesViewModel viewModel) {
    return Views.load(new SamplesView(viewModel));
  }

  /** The chart of {@code parameter} in a loaded panel, for tests; null when there is none. */
  static SamplesChart chartOf(Parent samplesView, String parameter) {
    return ((SamplesView) samplesView.getProperties().get(SamplesView.class)).charts.get(parameter);
  }

  @FXML
  private void initialize() {
    ChartSupport.fitTiles(scroll, grid, 380, 0.7);
    root.getProperties().put(SamplesView.class, this);
    gate = new PaintGate(root, viewModel::setActive);
    noteLabel.textProperty().bind(viewModel.noteProperty());
    noteLabel.visibleProperty().bind(viewModel.noteProperty().isNotEmpty());
    noteLabel.managedProperty().bind(noteLabel.visibleProperty());
    viewModel.selectedTrialProperty().addListener((obs, old, number) -> markSelected());
    viewModel.addListener(this::show);
    ChartSupport.followTheme(root, t -> {
      theme = t;
      charts.clear();
      show(viewModel.histograms());
    });
  }

  @FXML
  private void export() {
    viewModel.export(charts.values().stream().map(SamplesChart::chart).toList());
  }

  /** Updates the charts in place; builds them anew only when the parameters changed. */
  private void show(List<SampleHistogram> histograms) {
    boolean sameParameters = histograms.size() == charts.size()
        && histograms.stream().allMatch(h -> charts.containsKey(h.parameter()));
    if (sameParameters) {
      histograms.forEach(h -> charts.get(h.parameter()).update(h));
      return;
    }
    charts.clear();
    grid.getChildren().forEach(n -> gate.remove((ChartViewer) n));
    List<ChartViewer> viewers = new ArrayList<>();
    for (SampleHistogram h : histograms) {
      SamplesChart chart = new SamplesChart(theme, h);
      charts.put(h.parameter(), chart);
      ChartViewer viewer = new ChartViewer(chart.chart());
      viewer.setId("samples-" + h.parameter());
      viewer.setPrefSize(420, 300);
      viewers.add(viewer);
      gate.add(viewer);
    }
    grid.getChildren().setAll(viewers);
    emptyLabel.setVisible(histograms.isEmpty());
    markSelected();
  }

  private void markSelected() {
    Map<String, Object> params = viewModel.selectedParams();
    charts.forEach((name, chart) -> chart.select(params.get(name)));
  }
}
