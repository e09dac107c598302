package io.parzen.app.run;

import io.parzen.app.Views;
import io.parzen.app.ChartTheme;
import io.parzen.visualization.OptimizationHistory;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The optimisation history panel: binds {@code HistoryView.fxml} to a {@link RunViewModel}: its
 * counters, progress and the {@link HistoryChart}, which grows batch by batch as the model applies
 * finished trials.
 */
public final class HistoryView {

  private final RunViewModel viewModel;
  private final ChartExporter exporter;
  private HistoryChart chart;
  private PaintGate gate;

  @FXML private VBox root;
  @FXML private CheckBox logScaleBox;
  @FXML private javafx.scene.control.ComboBox<String> objectiveBox;
  @FXML private Button exportButton;
  @FXML private Label completedLabel;
  @FXML private Label prunedLabel;
  @FXML private Label failedLabel;
  @FXML private Label bestLabel;
  @FXML private Label elapsedLabel;
  @FXML private Label etaLabel;
  @FXML private ProgressBar progressBar;
  @FXML private ChartViewer chartViewer;
  @FXML private Label emptyLabel;

  private HistoryView(RunViewModel viewModel, ChartExporter exporter) {
    this.viewModel = viewModel;
    this.exporter = exporter;
  }

  /** Loads the panel bound to {@code viewModel}, without export. */
  public static Parent create(RunViewModel viewModel) {
    return Views.load(new HistoryView(viewModel, null));
  }

  /** Loads the panel bound to {@code viewModel}, exporting its chart through {@code exporter}. */
  public static Parent create(RunViewModel viewModel, ChartExporter exporter) {
    return Views.load(new HistoryView(viewModel, exporter));
  }

  @FXML
  private void initialize() {
    logScaleBox.selectedProperty().bindBidirectional(viewModel.logScaleProperty());
    completedLabel.textProperty().bind(viewModel.completedProperty().asString("%d complete"));
    prunedLabel.textProperty().bind(viewModel.prunedProperty().asString("%d pruned"));
    failedLabel.textProperty().bind(viewModel.failedProperty().asString("%d failed"));
    viewModel.failedProperty().addListener((obs, old, n) -> markFailures(n.intValue()));
    markFailures(viewModel.failedProperty().get());
    bestLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.isMultiObjective()
        ? viewModel.paretoSizeProperty().get() + " on the Pareto front"
        : viewModel.bestValueProperty().get() == null
        ? "best —" : String.format(Locale.ROOT, "best %.6g", viewModel.bestValueProperty().get()),
        viewModel.bestValueProperty(), viewModel.paretoSizeProperty(), viewModel.directionsProperty()));
    fillObjectives(viewModel.directionsProperty().get());
    viewModel.directionsProperty().addListener((obs, old, directions) -> fillObjectives(directions));
    objectiveBox.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
      if (index.intValue() >= 0) {
        viewModel.historyObjectiveProperty().set(index.intValue());
      }
    });
    viewModel.historyObjectiveProperty().addListener((obs, old, index) ->
        objectiveBox.getSelectionModel().select(index.intValue()));
    elapsedLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.runningProperty().get()
        || !viewModel.elapsedProperty().get().isZero()
        ? RunViewModel.durationText(viewModel.elapsedProperty().get()) + " elapsed" : "",
        viewModel.elapsedProperty(), viewModel.runningProperty()));
    etaLabel.textProperty().bind(viewModel.etaTextProperty());
    progressBar.progressProperty().bind(viewModel.progressProperty());
    progressBar.visibleProperty().bind(viewModel.runningProperty());
    emptyLabel.visibleProperty().bind(viewModel.completedProperty().add(viewModel.prunedProperty())
        .add(viewModel.failedProperty()).isEqualTo(0));

    gate = new PaintGate(root);
    viewModel.logScaleProperty().addListener((obs, old, log) -> chart.setLogScale(log));
    exportButton.setVisible(exporter != null);
    exportButton.setManaged(exporter != null);
    viewModel.selectedTrialProperty().addListener((obs, old, number) -> chart.select(number));
    ChartSupport.onTrialClicked(chartViewer, number -> viewModel.selectedTrialProperty().set(number));
    rebuild(false);
    viewModel.addHistoryListener(new RunViewModel.HistoryListener() {
      @Override
      public void historyReset(OptimizationHistory all) {
        chart.reset(all);
      }

      @Override
      public void historyAppended(OptimizationHistory added) {
        chart.append(added);
      }
    });
    root.sceneProperty().addListener((obs, old, scene) -> followTheme(scene));
  }

  /** The objective chooser: shown only for a study with several objectives. */
  private void fillObjectives(java.util.List<io.parzen.study.StudyDirection> directions) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < directions.size(); i++) {
      names.add("Objective " + (i + 1) + " (" + directions.get(i).name().toLowerCase(Locale.ROOT) + ")");
    }
    objectiveBox.getItems().setAll(names);
    objectiveBox.getSelectionModel().select(Math.min(viewModel.historyObjectiveProperty().get(), names.size() - 1));
    objectiveBox.setVisible(names.size() > 1);
    objectiveBox.setManaged(names.size() > 1);
  }

  @FXML
  private void export() {
    exporter.export("optimization-history", java.util.List.of(chart.chart()), 1);
  }

  /** Failures are shown in the danger colour only when there are some. */
  private void markFailures(int failed) {
    failedLabel.getStyleClass().remove("run-failed");
    if (failed > 0) {
      failedLabel.getStyleClass().add("run-failed");
    }
  }

  /** The chart shown, for tests. */
  public static JFreeChart chartOf(Parent historyView) {
    return ((ChartViewer) historyView.lookup("#historyChart")).getChart();
  }

  private void rebuild(boolean dark) {
    chart = new HistoryChart(ChartTheme.of(dark), viewModel.logScaleProperty().get());
    chart.setDescriber(viewModel::describe);
    chart.select(viewModel.selectedTrialProperty().get());
    chart.reset(viewModel.history());
    chartViewer.setChart(chart.chart());
    gate.add(chartViewer);
  }

  /** Redraws when the window switches between its light and dark looks (a style class on its root). */
  private void followTheme(Scene scene) {
    if (scene == null || scene.getRoot() == null) {
      return;
    }
    Runnable redraw = () -> rebuild(scene.getRoot().getStyleClass().contains("dark"));
    scene.getRoot().getStyleClass().addListener((ListChangeListener<String>) change -> redraw.run());
    redraw.run();
  }
}
