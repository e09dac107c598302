package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.app.Views;
import io.parzen.app.run.ChartSupport;
import io.parzen.app.run.PaintGate;
import io.parzen.visualization.TimelinePlot;
import java.awt.geom.Rectangle2D;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.XYPlot;

/**
 * The timeline panel: binds {@code TimelineView.fxml} to a {@link TimelineViewModel}. Hovering a
 * bar tells its trial, state and duration; clicking it selects the trial everywhere.
 */
public final class TimelineView {

  /** How far from a bar, in pixels, the mouse still points at it. */
  static final double REACH = 3;

  private final TimelineViewModel viewModel;
  private final Tooltip tip = new Tooltip();
  private TimelineChart chart;
  private PaintGate gate;

  @FXML private VBox root;
  @FXML private Label summaryLabel;
  @FXML private Label emptyLabel;
  @FXML private ChartViewer chartViewer;

  private TimelineView(TimelineViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(TimelineViewModel viewModel) {
    return Views.load(new TimelineView(viewModel));
  }

  /** The chart of a loaded panel, for tests. */
  static TimelineChart chartOf(Parent timelineView) {
    return ((TimelineView) timelineView.getProperties().get(TimelineView.class)).chart;
  }

  @FXML
  private void initialize() {
    root.getProperties().put(TimelineView.class, this);
    summaryLabel.textProperty().bind(viewModel.summaryProperty());
    emptyLabel.visibleProperty().bind(viewModel.summaryProperty().isEmpty());
    chartViewer.getCanvas().setTooltipEnabled(false);
    chartViewer.addChartMouseListener(new ChartMouseListenerFX() {
      @Override
      public void chartMouseClicked(ChartMouseEventFX event) {
        if (event.getTrigger().isStillSincePress()) {
          barUnder(event.getTrigger()).ifPresent(bar -> viewModel.select(bar.number()));
        }
      }

      @Override
      public void chartMouseMoved(ChartMouseEventFX event) {
        hover(event.getTrigger());
      }
    });
    chartViewer.getCanvas().setOnMouseExited(e -> tip.hide());
    gate = new PaintGate(root, viewModel::setActive);
    viewModel.plotProperty().addListener((obs, old, plot) -> chart.show(plot));
    viewModel.selectedTrialProperty().addListener((obs, old, number) -> chart.select(number));
    ChartSupport.followTheme(root, this::rebuild);
    if (chart == null) {
      rebuild(ChartTheme.light());
    }
  }

  @FXML
  private void export() {
    viewModel.export(viewModel.plotProperty().get().bars().isEmpty() ? null : chart.chart());
  }

  private void rebuild(ChartTheme theme) {
    chart = new TimelineChart(theme);
    chart.show(viewModel.plotProperty().get());
    chart.select(viewModel.selectedTrialProperty().get());
    chartViewer.setChart(chart.chart());
    gate.add(chartViewer);
  }

  private void hover(MouseEvent e) {
    Optional<TimelinePlot.Bar> bar = barUnder(e);
    if (bar.isEmpty()) {
      tip.hide();
      return;
    }
    tip.setText(viewModel.describe(bar.get()));
    if (!tip.isShowing()) {
      tip.show(chartViewer, e.getScreenX() + 14, e.getScreenY() + 14);
    } else {
      tip.setAnchorX(e.getScreenX() + 14);
      tip.setAnchorY(e.getScreenY() + 14);
    }
  }

  /** The bar under the mouse (within {@link #REACH} pixels), by the axes of the last repaint. */
  Optional<TimelinePlot.Bar> barUnder(MouseEvent e) {
    return barAt(e.getX(), e.getY());
  }

  /** The bar at a point of the chart canvas, for the mouse handlers and tests. */
  Optional<TimelinePlot.Bar> barAt(double x, double y) {
    if (chartViewer.getRenderingInfo() == null) {
      return Optional.empty();
    }
    Rectangle2D area = chartViewer.getRenderingInfo().getPlotInfo().getDataArea();
    if (area == null || !area.contains(x, y)) {
      return Optional.empty();
    }
    XYPlot plot = chart.plot();
    double time = plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge());
    double number = plot.getRangeAxis().java2DToValue(y, area, plot.getRangeAxisEdge());
    double msPerPixel = plot.getDomainAxis().getRange().getLength() / area.getWidth();
    double numbersPerPixel = plot.getRangeAxis().getRange().getLength() / area.getHeight();
    Duration reach = Duration.ofNanos(Math.round(REACH * msPerPixel * 1e6));
    return viewModel.barAt(Instant.ofEpochMilli(Math.round(time)), number, reach,
        Math.max(TimelineChart.HALF_HEIGHT, REACH * numbersPerPixel));
  }

  /** Where trial {@code number}'s bar is drawn (its middle), in canvas coordinates, for tests. */
  static Optional<javafx.geometry.Point2D> pointOf(Parent timelineView, int number) {
    TimelineView view = (TimelineView) timelineView.getProperties().get(TimelineView.class);
    Optional<TimelinePlot.Bar> bar = view.viewModel.plotProperty().get().bar(number);
    if (bar.isEmpty() || view.chartViewer.getRenderingInfo() == null) {
      return Optional.empty();
    }
    Rectangle2D area = view.chartViewer.getRenderingInfo().getPlotInfo().getDataArea();
    XYPlot plot = view.chart.plot();
    double middle = (bar.get().start().toEpochMilli() + bar.get().end().toEpochMilli()) / 2.0;
    double x = plot.getDomainAxis().valueToJava2D(middle, area, plot.getDomainAxisEdge());
    double y = plot.getRangeAxis().valueToJava2D(number, area, plot.getRangeAxisEdge());
    return Optional.of(new javafx.geometry.Point2D(x, y));
  }
}
