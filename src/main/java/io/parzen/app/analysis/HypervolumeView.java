package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.app.Views;
import io.parzen.app.run.ChartSupport;
import io.parzen.app.run.LazyTips;
import io.parzen.app.run.PaintGate;
import io.parzen.app.run.TrialItem;
import io.parzen.visualization.HypervolumeHistory;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The hypervolume history panel bound to a {@link HypervolumeViewModel}: the reference point
 * field, a line of the hypervolume by trial number, and why there is none when there is none.
 */
public final class HypervolumeView {

  private final HypervolumeViewModel viewModel;
  private final XYSeries series = new XYSeries("Hypervolume", false, true);
  private JFreeChart chart;
  private PaintGate gate;

  @FXML private VBox root;
  @FXML private TextField referenceField;
  @FXML private Label referenceError;
  @FXML private Label summaryLabel;
  @FXML private Button exportButton;
  @FXML private ChartViewer chartViewer;
  @FXML private Label messageLabel;

  private HypervolumeView(HypervolumeViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(HypervolumeViewModel viewModel) {
    return Views.load(new HypervolumeView(viewModel));
  }

  /** The series of a loaded panel, for tests. */
  static XYSeries seriesOf(Parent view) {
    return ((HypervolumeView) view.getProperties().get(HypervolumeView.class)).series;
  }

  @FXML
  private void initialize() {
    root.getProperties().put(HypervolumeView.class, this);
    gate = new PaintGate(root, viewModel::setActive);
    referenceField.textProperty().bindBidirectional(viewModel.referenceProperty());
    referenceError.textProperty().bind(viewModel.referenceErrorProperty());
    referenceError.visibleProperty().bind(viewModel.referenceErrorProperty().isNotEmpty());
    referenceError.managedProperty().bind(referenceError.visibleProperty());
    viewModel.referenceErrorProperty().addListener((obs, old, error) -> {
      referenceField.getStyleClass().remove("invalid");
      if (!error.isEmpty()) {
        referenceField.getStyleClass().add("invalid");
      }
    });
    summaryLabel.textProperty().bind(viewModel.summaryProperty());
    messageLabel.textProperty().bind(viewModel.messageProperty());
    messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
    chartViewer.visibleProperty().bind(viewModel.messageProperty().isEmpty());
    exportButton.disableProperty().bind(viewModel.messageProperty().isNotEmpty());
    viewModel.historyProperty().addListener((obs, old, history) -> fill(history));
    ChartSupport.onTrialClicked(chartViewer, number -> viewModel.selectedTrialProperty().set(number));
    ChartSupport.followTheme(root, this::rebuild);
    if (chart == null) {
      rebuild(ChartTheme.light());
    }
  }

  @FXML
  private void export() {
    viewModel.export(chart);
  }

  private void rebuild(ChartTheme theme) {
    XYLineAndShapeRenderer renderer = new LazyTips.ShapeRenderer(true, true);
    NumberAxis trials = new NumberAxis("Trial");
    trials.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis volume = new NumberAxis("Hypervolume");
    volume.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(new XYSeriesCollection(series), trials, volume, renderer);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    theme.apply(chart);
    chart.setPadding(new RectangleInsets(6, 4, 4, 10));
    renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    renderer.setSeriesStroke(0, new BasicStroke(1.6f));
    renderer.setSeriesPaint(0, theme.accent());
    renderer.setDefaultToolTipGenerator((data, s, i) -> {
      int number = TrialItem.numberOf(series, i);
      return String.format(java.util.Locale.ROOT, "Hypervolume %.6g after trial %d%n", series.getY(i).doubleValue(), number)
          + viewModel.describe(number);
    });
    chartViewer.setChart(chart);
    gate.add(chartViewer);
  }

  private void fill(HypervolumeHistory history) {
    series.setNotify(false);
    series.clear();
    if (history != null) {
      for (HypervolumeHistory.Point p : history.points()) {
        series.add(new TrialItem(p.number(), p.number(), p.hypervolume()), false);
      }
    }
    series.setNotify(true);
    series.fireSeriesChanged();
  }
}
