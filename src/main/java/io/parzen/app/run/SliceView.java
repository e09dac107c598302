package io.parzen.app.run;

import io.parzen.app.ChartTheme;
import io.parzen.app.Views;
import io.parzen.visualization.SlicePlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The slice plot panel: one {@link SliceChart} per shown parameter in a scrolling grid, bound to
 * a {@link SliceViewModel}; the charts grow batch by batch.
 */
public final class SliceView {

  private final SliceViewModel viewModel;
  private final Map<String, SliceChart> charts = new LinkedHashMap<>();
  private final Map<String, ChartViewer> viewers = new LinkedHashMap<>();
  private ChartTheme theme = ChartTheme.light();
  private PaintGate gate;

  @FXML private VBox root;
  @FXML private TilePane grid;
  @FXML private javafx.scene.control.ScrollPane scroll;
  @FXML private MenuButton parametersButton;
  @FXML private CheckBox logScaleBox;
  @FXML private Label emptyLabel;

  private SliceView(SliceViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(SliceViewModel viewModel) {
    return Views.load(new SliceView(viewModel));
  }

  /** The chart of {@code parameter} in a loaded panel, for tests; null when not shown. */
  static SliceChart chartOf(Parent sliceView, String parameter) {
    return ((SliceView) sliceView.getProperties().get(SliceView.class)).charts.get(parameter);
  }

  @FXML
  private void initialize() {
    ChartSupport.fitTiles(scroll, grid, 380, 0.7);
    root.getProperties().put(SliceView.class, this);
    gate = new PaintGate(root, viewModel::setActive);
    logScaleBox.selectedProperty().bindBidirectional(viewModel.logScaleProperty());
    viewModel.logScaleProperty().addListener((obs, old, log) -> charts.values().forEach(c -> c.setLogScale(log)));
    emptyLabel.visibleProperty().bind(Bindings.isEmpty(viewModel.parameters()));
    parametersButton.disableProperty().bind(Bindings.isEmpty(viewModel.parameters()));
    viewModel.parameters().addListener((ListChangeListener<String>) c -> fillParameterMenu());
    viewModel.shownParameters().addListener((ListChangeListener<String>) c -> layOut());
    viewModel.selectedTrialProperty().addListener((obs, old, number) ->
        charts.values().forEach(chart -> chart.select(number)));
    viewModel.addListener(new SliceViewModel.SliceListener() {
      @Override
      public void slicesReset(SlicePlot all) {
        rebuild(all);
      }

      @Override
      public void slicesAppended(SlicePlot added) {
        append(added);
      }
    });
    fillParameterMenu();
    ChartSupport.followTheme(root, t -> {
      theme = t;
      rebuild(viewModel.plot());
    });
  }

  @FXML
  private void export() {
    List<JFreeChart> shown = new ArrayList<>();
    viewModel.shownParameters().forEach(p -> {
      if (charts.containsKey(p)) {
        shown.add(charts.get(p).chart());
      }
    });
    viewModel.export(shown);
  }

  private void rebuild(SlicePlot all) {
    charts.clear();
    viewers.values().forEach(gate::remove);
    viewers.clear();
    all.slices().forEach(this::addChart);
    layOut();
  }

  private void append(SlicePlot added) {
    for (SlicePlot.Slice slice : added.slices()) {
      SliceChart chart = charts.get(slice.parameter());
      if (chart == null) {
        addChart(slice);
      } else {
        chart.add(slice);
      }
    }
    // Every dot's colour depends on the newest trial number: one redraw per chart per batch.
    charts.values().forEach(c -> {
      if (added.slice(c.parameter()).isEmpty()) {
        c.refresh();
      }
    });
    if (grid.getChildren().size() != viewModel.shownParameters().size()) {
      layOut();
    }
  }

  private void addChart(SlicePlot.Slice slice) {
    SliceChart chart = new SliceChart(theme, slice, viewModel.logScaleProperty().get(), viewModel::colorOf,
        viewModel::describe);
    chart.select(viewModel.selectedTrialProperty().get());
    charts.put(slice.parameter(), chart);
    ChartViewer viewer = new ChartViewer(chart.chart());
    viewer.setId("slice-" + slice.parameter());
    viewer.setPrefSize(420, 300);
    ChartSupport.onTrialClicked(viewer, number -> viewModel.selectedTrialProperty().set(number));
    viewers.put(slice.parameter(), viewer);
    gate.add(viewer);
  }

  private void layOut() {
    List<ChartViewer> shown = new ArrayList<>();
    for (String p : viewModel.shownParameters()) {
      if (viewers.containsKey(p)) {
        shown.add(viewers.get(p));
      }
    }
    grid.getChildren().setAll(shown);
  }

  private void fillParameterMenu() {
    List<MenuItem> items = new ArrayList<>();
    for (String p : viewModel.parameters()) {
      CheckMenuItem item = new CheckMenuItem(p);
      item.setMnemonicParsing(false);
      item.setSelected(viewModel.isShown(p));
      item.selectedProperty().addListener((obs, old, shown) -> viewModel.setShown(p, shown));
      items.add(item);
    }
    if (!items.isEmpty()) {
      MenuItem all = new MenuItem("Show all");
      all.setOnAction(e -> {
        viewModel.showAll();
        fillParameterMenu();
      });
      items.add(new SeparatorMenuItem());
      items.add(all);
    }
    parametersButton.getItems().setAll(items);
  }
}
