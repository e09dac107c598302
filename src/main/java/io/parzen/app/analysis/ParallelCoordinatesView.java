package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.app.Views;
import io.parzen.app.preview.ShortNumberFormat;
import io.parzen.app.run.ChartSupport;
import io.parzen.app.run.PaintGate;
import io.parzen.visualization.ParallelCoordinates;
import io.parzen.visualization.ParallelCoordinates.Brush;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The parallel coordinate panel, bound to a {@link ParallelCoordinatesViewModel}: drag along an
 * axis to brush a range, double-click an axis to clear its brush, click a line to select its
 * trial; the toolbar counts the trials in the brushed ranges.
 */
public final class ParallelCoordinatesView {

  /** How far from an axis, in pixels, a press still grabs it. */
  private static final double GRAB = 10;

  private final ParallelCoordinatesViewModel viewModel;
  private ParallelCoordinatesPlot plot;
  private JFreeChart chart;
  private ChartViewer viewer;
  private PaintGate gate;
  private ChartTheme theme = ChartTheme.light();
  private final Tooltip tip = new Tooltip();
  /** The axis being brushed and where the drag started (normalised), or -1. */
  private int dragAxis = -1;
  private double dragFrom;
  private boolean dragged;

  @FXML private VBox root;
  @FXML private StackPane chartPane;
  @FXML private Label summaryLabel;
  @FXML private Label messageLabel;
  @FXML private Button clearButton;
  @FXML private CheckBox logObjectiveBox;

  private ParallelCoordinatesView(ParallelCoordinatesViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(ParallelCoordinatesViewModel viewModel) {
    return Views.load(new ParallelCoordinatesView(viewModel));
  }

  /** The plot of a loaded panel, for tests. */
  static ParallelCoordinatesPlot plotOf(Parent view) {
    return ((ParallelCoordinatesView) view.getProperties().get(ParallelCoordinatesView.class)).plot;
  }

  /** The chart viewer of a loaded panel, for tests. */
  static ChartViewer viewerOf(Parent view) {
    return ((ParallelCoordinatesView) view.getProperties().get(ParallelCoordinatesView.class)).viewer;
  }

  @FXML
  private void initialize() {
    root.getProperties().put(ParallelCoordinatesView.class, this);
    summaryLabel.textProperty().bind(viewModel.summaryProperty());
    messageLabel.textProperty().bind(viewModel.messageProperty());
    messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
    clearButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.brushes()));
    logObjectiveBox.selectedProperty().bindBidirectional(viewModel.logObjectiveProperty());
    viewer = new ChartViewer();
    viewer.setId("parallelChart");
    chartPane.getChildren().add(0, viewer);
    gate = new PaintGate(root, viewModel::setActive);
    viewModel.passingProperty().addListener((obs, old, now) -> refresh());
    viewModel.brushes().addListener((MapChangeListener<String, Brush>) c -> refresh());
    viewModel.plotProperty().addListener((obs, old, now) -> rebuild(theme));
    viewModel.selectedTrialProperty().addListener((obs, old, number) -> plot.select(number));
    listenToMouse();
    ChartSupport.followTheme(root, this::rebuild);
    if (plot == null) {
      rebuild(theme);
    }
  }

  @FXML
  private void export() {
    viewModel.export(chart);
  }

  @FXML
  private void clearBrushes() {
    viewModel.clearBrushes();
  }

  private void rebuild(ChartTheme newTheme) {
    theme = newTheme;
    plot = new ParallelCoordinatesPlot(theme);
    chart = new JFreeChart("Parallel coordinates", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    theme.apply(chart);
    chart.getTitle().setFont(theme.font(java.awt.Font.BOLD, 12));
    chart.setPadding(new RectangleInsets(6, 4, 4, 6));
    ParallelCoordinates data = viewModel.plotProperty().get();
    if (data != null) {
      NumberAxis values = new NumberAxis(ParallelCoordinatesViewModel.OBJECTIVE);
      values.setNumberFormatOverride(new ShortNumberFormat());
      double low = data.minValue();
      double high = data.maxValue() > low ? data.maxValue() : low + 1;
      values.setRange(low, high);
      chart.addSubtitle(ParamAxes.colorBar(theme, ParamAxes.paintScale(low, high,
          v -> ParallelCoordinatesPlot.lineColor(data, v, theme)), values));
    }
    plot.select(viewModel.selectedTrialProperty().get());
    refresh();
    viewer.setChart(chart);
    gate.add(viewer);
  }

  private void refresh() {
    ParallelCoordinates data = viewModel.plotProperty().get();
    if (plot == null) {
      return;
    }
    Map<Integer, Brush> byIndex = new HashMap<>();
    if (data != null) {
      for (int d = 0; d < data.dimensions().size(); d++) {
        Brush b = viewModel.brushes().get(data.dimensions().get(d).label());
        if (b != null) {
          byIndex.put(d, b);
        }
      }
    }
    plot.show(data, viewModel.passingProperty().get(), byIndex);
  }

  private Rectangle2D dataArea() {
    if (viewer.getCanvas() == null || viewer.getCanvas().getRenderingInfo() == null) {
      return null;
    }
    return viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
  }

  private void listenToMouse() {
    javafx.scene.Node canvas = viewer.getCanvas();
    canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
      Rectangle2D area = dataArea();
      if (area == null || e.getButton() != MouseButton.PRIMARY) {
        return;
      }
      dragAxis = plot.axisNear(area, e.getX(), e.getY(), GRAB);
      dragged = false;
      if (dragAxis >= 0) {
        dragFrom = ParallelCoordinatesPlot.positionAt(area, e.getY());
      }
      e.consume();
    });
    canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
      Rectangle2D area = dataArea();
      if (area != null && dragAxis >= 0 && plot.data() != null) {
        double to = ParallelCoordinatesPlot.positionAt(area, e.getY());
        if (dragged || Math.abs(to - dragFrom) * area.getHeight() >= 3) {
          dragged = true;
          viewModel.brush(plot.data().dimensions().get(dragAxis).label(), dragFrom, to);
        }
      }
      e.consume();
    });
    canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
      dragAxis = -1;
      e.consume();
    });
    canvas.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
      Rectangle2D area = dataArea();
      if (area == null || dragged || plot.data() == null || e.getButton() != MouseButton.PRIMARY) {
        e.consume();
        return;
      }
      int axis = plot.axisNear(area, e.getX(), e.getY(), GRAB);
      if (axis >= 0 && e.getClickCount() == 2) {
        viewModel.clearBrush(plot.data().dimensions().get(axis).label());
      } else if (axis < 0) {
        int number = plot.lineNear(area, e.getX(), e.getY(), 4);
        if (number >= 0) {
          viewModel.selectedTrialProperty().set(number);
        }
      }
      e.consume();
    });
    canvas.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
      Rectangle2D area = dataArea();
      if (area == null) {
        return;
      }
      boolean onAxis = plot.axisNear(area, e.getX(), e.getY(), GRAB) >= 0;
      canvas.setCursor(onAxis ? javafx.scene.Cursor.V_RESIZE : javafx.scene.Cursor.DEFAULT);
      int number = onAxis ? -1 : plot.lineNear(area, e.getX(), e.getY(), 4);
      if (number >= 0) {
        tip.setText(viewModel.describe(number));
        Tooltip.install(canvas, tip);
      } else {
        Tooltip.uninstall(canvas, tip);
      }
    });
  }
}
