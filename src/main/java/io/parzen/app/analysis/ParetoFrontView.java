package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.app.Views;
import io.parzen.app.run.ChartSupport;
import io.parzen.app.run.PaintGate;
import io.parzen.app.run.TrialColumns;
import io.parzen.app.run.TrialRow;
import io.parzen.visualization.ParetoFront;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Pareto front panel bound to a {@link ParetoFrontViewModel}: the chart of two chosen
 * objectives and the table of the best trials; selecting a row or clicking a point selects the
 * trial everywhere.
 */
public final class ParetoFrontView {

  private final ParetoFrontViewModel viewModel;
  private ParetoFrontChart chart;
  private PaintGate gate;
  private boolean syncing;

  @FXML private VBox root;
  @FXML private ComboBox<String> xBox;
  @FXML private ComboBox<String> yBox;
  @FXML private ComboBox<String> zBox;
  @FXML private Label zLabel;
  @FXML private javafx.scene.control.CheckBox threeDBox;
  @FXML private Button exportButton;
  @FXML private ChartViewer chartViewer;
  @FXML private Label emptyLabel;
  @FXML private Label bestLabel;
  @FXML private TableView<TrialRow> bestTable;

  private ParetoFrontView(ParetoFrontViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(ParetoFrontViewModel viewModel) {
    return Views.load(new ParetoFrontView(viewModel));
  }

  /** The chart of a loaded panel, for tests. */
  static ParetoFrontChart chartOf(Parent view) {
    return ((ParetoFrontView) view.getProperties().get(ParetoFrontView.class)).chart;
  }

  @FXML
  private void initialize() {
    root.getProperties().put(ParetoFrontView.class, this);
    gate = new PaintGate(root, viewModel::setActive);
    xBox.setItems(viewModel.objectiveNames());
    yBox.setItems(viewModel.objectiveNames());
    bindAxis(xBox, viewModel.xObjectiveProperty());
    bindAxis(yBox, viewModel.yObjectiveProperty());
    zBox.setItems(viewModel.objectiveNames());
    bindAxis(zBox, viewModel.zObjectiveProperty());
    viewModel.objectiveNames().addListener((ListChangeListener<String>) c -> {
      xBox.getSelectionModel().select(viewModel.xObjectiveProperty().get());
      yBox.getSelectionModel().select(viewModel.yObjectiveProperty().get());
      zBox.getSelectionModel().select(viewModel.zObjectiveProperty().get());
    });
    threeDBox.selectedProperty().bindBidirectional(viewModel.threeDProperty());
    javafx.beans.binding.BooleanBinding canTurn = javafx.beans.binding.Bindings.size(viewModel.objectiveNames())
        .greaterThanOrEqualTo(3);
    threeDBox.visibleProperty().bind(canTurn);
    threeDBox.managedProperty().bind(canTurn);
    zBox.visibleProperty().bind(canTurn.and(viewModel.threeDProperty()));
    zBox.managedProperty().bind(zBox.visibleProperty());
    zLabel.visibleProperty().bind(zBox.visibleProperty());
    zLabel.managedProperty().bind(zBox.visibleProperty());
    for (javafx.beans.Observable o : java.util.List.of(viewModel.zObjectiveProperty(), viewModel.threeDProperty(),
        viewModel.yawProperty(), viewModel.pitchProperty())) {
      o.addListener(obs -> redraw());
    }
    turnOnDrag();
    bestTable.setItems(viewModel.bestRows());
    bestTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    bestTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
      if (!syncing && row != null) {
        viewModel.selectedTrialProperty().set(row.number());
      }
    });
    viewModel.selectedTrialProperty().addListener((obs, old, number) -> {
      chart.select(number);
      selectRow(number);
    });
    viewModel.parameterNames().addListener((ListChangeListener<String>) c -> fillColumns());
    viewModel.objectiveNames().addListener((ListChangeListener<String>) c -> fillColumns());
    viewModel.frontProperty().addListener((obs, old, front) -> redraw());
    viewModel.xObjectiveProperty().addListener((obs, old, x) -> redraw());
    viewModel.yObjectiveProperty().addListener((obs, old, y) -> redraw());
    ChartSupport.onTrialClicked(chartViewer, number -> viewModel.selectedTrialProperty().set(number));
    ChartSupport.followTheme(root, this::rebuild);
    if (chart == null) {
      rebuild(ChartTheme.light());
    }
    fillColumns();
  }

  @FXML
  private void export() {
    viewModel.export(chart.chart());
  }

  private void bindAxis(ComboBox<String> box, IntegerProperty objective) {
    // The list says "Objective 2 (maximize)"; the box itself only "Obj. 2", to stay narrow.
    box.setButtonCell(new javafx.scene.control.ListCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item.replaceFirst("^Objective (\\d+).*", "Obj. $1"));
      }
    });
    box.getSelectionModel().select(objective.get());
    box.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
      if (index.intValue() >= 0) {
        objective.set(index.intValue());
      }
    });
    objective.addListener((obs, old, index) -> box.getSelectionModel().select(index.intValue()));
  }

  private void rebuild(ChartTheme theme) {
    chart = new ParetoFrontChart(theme, viewModel::colorOf, viewModel::describe);
    chartViewer.setChart(chart.chart());
    gate.add(chartViewer);
    chart.select(viewModel.selectedTrialProperty().get());
    redraw();
  }

  private void redraw() {
    if (chart == null) {
      return;
    }
    ParetoFront front = viewModel.frontProperty().get();
    syncZoom();
    if (isThreeD()) {
      chart.show3d(front, viewModel.xObjectiveProperty().get(), viewModel.yObjectiveProperty().get(),
          viewModel.zObjectiveProperty().get(), viewModel.objectiveNames(), viewModel.yawProperty().get(),
          viewModel.pitchProperty().get());
    } else {
      chart.show(front, viewModel.xObjectiveProperty().get(), viewModel.yObjectiveProperty().get(),
          viewModel.objectiveNames());
    }
    String empty = viewModel.emptyText().orElse(null);
    emptyLabel.setText(empty == null ? "" : empty);
    emptyLabel.setVisible(empty != null);
    chartViewer.setVisible(viewModel.hasFront());
    boolean multi = viewModel.hasFront();
    xBox.setDisable(!multi);
    yBox.setDisable(!multi);
    exportButton.setDisable(!multi);
    bestLabel.setText(!multi ? "" : String.format(Locale.ROOT, "Best trials: %d on the Pareto front of %d completed",
        front.best().size(), front.best().size() + front.dominated().size()));
  }

  private boolean isThreeD() {
    return viewModel.threeDProperty().get() && viewModel.objectiveNames().size() >= 3;
  }

  private void syncZoom() {
    chartViewer.getCanvas().setDomainZoomable(!isThreeD());
    chartViewer.getCanvas().setRangeZoomable(!isThreeD());
  }

  /** In the 3D view a drag on the chart turns the box (instead of zooming). */
  private void turnOnDrag() {
    double[] last = new double[2];
    chartViewer.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
      last[0] = e.getX();
      last[1] = e.getY();
    });
    chartViewer.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, e -> {
      if (isThreeD()) {
        viewModel.turn(e.getX() - last[0], e.getY() - last[1]);
        last[0] = e.getX();
        last[1] = e.getY();
        e.consume();
      }
    });
    chartViewer.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
      if (isThreeD() && !e.isStillSincePress()) {
        // The drag turned the box; it was no zoom.
        chartViewer.hideZoomRectangle();
        chartViewer.getCanvas().clearLiveHandler();
        e.consume();
      }
    });
  }

  /** Number, one column per objective, one per parameter. */
  private void fillColumns() {
    List<TableColumn<TrialRow, ?>> columns = new ArrayList<>();
    columns.add(column("#", 56, TrialRow::number, n -> Integer.toString(n)));
    for (int i = 0; i < viewModel.objectiveNames().size(); i++) {
      int index = i;
      TableColumn<TrialRow, Double> c = column("Value " + (i + 1), 100, row -> row.value(index), ParetoFrontView::number);
      c.setId("pareto-value-" + (i + 1));
      columns.add(c);
    }
    for (String name : viewModel.parameterNames()) {
      columns.add(column(name, 100, row -> row.params().get(name), TrialColumns::parameter));
    }
    bestTable.getColumns().setAll(columns);
  }

  private void selectRow(Integer number) {
    syncing = true;
    try {
      if (number == null) {
        bestTable.getSelectionModel().clearSelection();
        return;
      }
      for (int i = 0; i < bestTable.getItems().size(); i++) {
        if (bestTable.getItems().get(i).number() == number) {
          bestTable.getSelectionModel().select(i);
          bestTable.scrollTo(i);
          return;
        }
      }
      bestTable.getSelectionModel().clearSelection();
    } finally {
      syncing = false;
    }
  }

  private static <T> TableColumn<TrialRow, T> column(String title, double width, Function<TrialRow, T> value,
      Function<T, String> text) {
    return TrialColumns.column(title, width, value, text);
  }

  private static String number(double v) {
    return TrialColumns.number(v);
  }
}
