package io.parzen.app.analysis;

import io.parzen.app.ChartTheme;
import io.parzen.app.Views;
import io.parzen.app.run.ChartSupport;
import io.parzen.app.run.PaintGate;
import io.parzen.importance.ParamImportances.Method;
import io.parzen.visualization.ImportancePlot;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;

/** The parameter importance panel: binds {@code ImportanceView.fxml} to an {@link ImportanceViewModel}. */
public final class ImportanceView {

  private final ImportanceViewModel viewModel;
  private ImportanceChart chart;
  private PaintGate gate;

  @FXML private VBox root;
  @FXML private ComboBox<Method> methodBox;
  @FXML private ProgressIndicator computingIndicator;
  @FXML private Label noteLabel;
  @FXML private Label messageLabel;
  @FXML private Label emptyLabel;
  @FXML private ChartViewer chartViewer;

  private ImportanceView(ImportanceViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(ImportanceViewModel viewModel) {
    return Views.load(new ImportanceView(viewModel));
  }

  /** The chart of a loaded panel, for tests. */
  static ImportanceChart chartOf(Parent importanceView) {
    return ((ImportanceView) importanceView.getProperties().get(ImportanceView.class)).chart;
  }

  @FXML
  private void initialize() {
    root.getProperties().put(ImportanceView.class, this);
    methodBox.getItems().setAll(viewModel.methods());
    methodBox.setConverter(new StringConverter<>() {
      @Override
      public String toString(Method m) {
        return m == null ? "" : ImportancePlot.nameOf(m);
      }

      @Override
      public Method fromString(String text) {
        return viewModel.methods().stream().filter(m -> ImportancePlot.nameOf(m).equals(text)).findFirst()
            .orElse(null);
      }
    });
    methodBox.valueProperty().bindBidirectional(viewModel.methodProperty());
    computingIndicator.visibleProperty().bind(viewModel.computingProperty());
    noteLabel.textProperty().bind(viewModel.noteProperty());
    noteLabel.managedProperty().bind(viewModel.noteProperty().isNotEmpty());
    noteLabel.visibleProperty().bind(noteLabel.managedProperty());
    BooleanBinding noBars = Bindings.createBooleanBinding(() -> viewModel.plotProperty().get() == null
        || viewModel.plotProperty().get().bars().isEmpty(), viewModel.plotProperty());
    emptyLabel.textProperty().bind(viewModel.messageProperty());
    emptyLabel.visibleProperty().bind(noBars);
    messageLabel.textProperty().bind(viewModel.messageProperty());
    messageLabel.managedProperty().bind(noBars.not().and(viewModel.messageProperty().isNotEmpty()));
    messageLabel.visibleProperty().bind(messageLabel.managedProperty());
    chartViewer.visibleProperty().bind(noBars.not());
    gate = new PaintGate(root, viewModel::setActive);
    viewModel.plotProperty().addListener((obs, old, plot) -> chart.show(plot));
    ChartSupport.followTheme(root, this::rebuild);
    if (chart == null) {
      rebuild(ChartTheme.light());
    }
  }

  @FXML
  private void export() {
    ImportancePlot plot = viewModel.plotProperty().get();
    if (plot == null || plot.bars().isEmpty()) {
      viewModel.export(null);
    } else {
      chart.exportTitled(() -> viewModel.export(chart.chart()));
    }
  }

  private void rebuild(ChartTheme theme) {
    chart = new ImportanceChart(theme, viewModel::describe);
    chart.show(viewModel.plotProperty().get());
    chartViewer.setChart(chart.chart());
    gate.add(chartViewer);
  }
}
