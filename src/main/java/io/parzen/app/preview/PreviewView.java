package io.parzen.app.preview;

import io.parzen.app.Views;
import io.parzen.app.ChartTheme;
import io.parzen.visualization.JointPreview;
import io.parzen.visualization.PriorPreview;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/**
 * The sampling preview panel: binds {@code PreviewView.fxml} to a {@link PreviewViewModel} and
 * draws its records with {@link PreviewCharts}, in the chart theme matching the window's light or
 * dark look.
 */
public final class PreviewView {

  private static final String NO_SECOND_PARAMETER = "(none)";

  private final PreviewViewModel viewModel;
  /** Held here because a bidirectional binding keeps only a weak reference to it. */
  private ObjectProperty<Integer> sampleCount;

  @FXML private VBox root;
  @FXML private Label titleLabel;
  @FXML private Label activityLabel;
  @FXML private Label summaryLabel;
  @FXML private Label messageLabel;
  @FXML private Spinner<Integer> sampleCountSpinner;
  @FXML private ComboBox<String> secondParameterBox;
  @FXML private ProgressIndicator busyIndicator;
  @FXML private StackPane priorPane;
  @FXML private StackPane jointPane;
  @FXML private ChartViewer priorChart;
  @FXML private ChartViewer jointChart;

  private PreviewView(PreviewViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(PreviewViewModel viewModel) {
    return Views.load(new PreviewView(viewModel));
  }

  @FXML
  private void initialize() {
    titleLabel.textProperty().bind(viewModel.titleProperty());
    activityLabel.textProperty().bind(viewModel.activityProperty());
    activityLabel.visibleProperty().bind(viewModel.activityProperty().isNotEmpty());
    activityLabel.managedProperty().bind(activityLabel.visibleProperty());
    summaryLabel.textProperty().bind(viewModel.summaryProperty());
    messageLabel.textProperty().bind(viewModel.messageProperty());
    messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
    busyIndicator.visibleProperty().bind(viewModel.busyProperty());

    SpinnerValueFactory.IntegerSpinnerValueFactory counts = new SpinnerValueFactory.IntegerSpinnerValueFactory(
        PreviewViewModel.MIN_SAMPLE_COUNT, PreviewViewModel.MAX_SAMPLE_COUNT,
        viewModel.sampleCountProperty().get(), 500);
    sampleCountSpinner.setValueFactory(counts);
    sampleCount = viewModel.sampleCountProperty().asObject();
    counts.valueProperty().bindBidirectional(sampleCount);
    // An edited number counts once the field loses focus, not only on Enter.
    sampleCountSpinner.focusedProperty().addListener((obs, was, focused) -> {
      if (!focused) {
        commitSpinnerText();
      }
    });

    secondParameterBox.setItems(withNone(viewModel));
    secondParameterBox.setButtonCell(new ListCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? NO_SECOND_PARAMETER : item);
      }
    });
    secondParameterBox.setValue(valueOrNone(viewModel.secondParameterProperty().get()));
    secondParameterBox.valueProperty().addListener((obs, old, name) ->
        viewModel.secondParameterProperty().set(name == null || NO_SECOND_PARAMETER.equals(name) ? null : name));
    viewModel.secondParameterProperty().addListener((obs, old, name) -> secondParameterBox.setValue(valueOrNone(name)));

    priorPane.visibleProperty().bind(viewModel.priorProperty().isNotNull());
    jointPane.visibleProperty().bind(viewModel.jointProperty().isNotNull());
    jointPane.managedProperty().bind(jointPane.visibleProperty());
    viewModel.priorProperty().addListener((obs, old, preview) -> drawPrior(preview));
    viewModel.jointProperty().addListener((obs, old, preview) -> drawJoint(preview));
    root.sceneProperty().addListener((obs, old, scene) -> followTheme(scene));
    drawPrior(viewModel.priorProperty().get());
    drawJoint(viewModel.jointProperty().get());
  }

  @FXML
  private void resample() {
    viewModel.resample();
  }

  private static ObservableList<String> withNone(PreviewViewModel viewModel) {
    ObservableList<String> items = FXCollections.observableArrayList();
    Runnable fill = () -> {
      items.setAll(NO_SECOND_PARAMETER);
      items.addAll(viewModel.parameterNames());
    };
    fill.run();
    viewModel.parameterNames().addListener((ListChangeListener<String>) change -> fill.run());
    return items;
  }

  private static String valueOrNone(String name) {
    return name == null ? NO_SECOND_PARAMETER : name;
  }

  private void commitSpinnerText() {
    String text = sampleCountSpinner.getEditor().getText();
    try {
      sampleCountSpinner.getValueFactory().setValue(
          sampleCountSpinner.getValueFactory().getConverter().fromString(text.replace(",", "").trim()));
    } catch (RuntimeException e) {
      sampleCountSpinner.getEditor().setText(String.valueOf(sampleCountSpinner.getValue()));
    }
  }

  private void drawPrior(PriorPreview preview) {
    if (preview != null) {
      priorChart.setChart(PreviewCharts.prior(preview, theme()));
    }
  }

  private void drawJoint(JointPreview preview) {
    if (preview != null) {
      jointChart.setChart(PreviewCharts.joint(preview, theme()));
    }
  }

  private ChartTheme theme() {
    Scene scene = root.getScene();
    return ChartTheme.of(scene != null && scene.getRoot() != null && scene.getRoot().getStyleClass().contains("dark"));
  }

  /** Redraws when the window switches between its light and dark looks (a style class on its root). */
  private void followTheme(Scene scene) {
    if (scene == null || scene.getRoot() == null) {
      return;
    }
    scene.getRoot().getStyleClass().addListener((ListChangeListener<String>) change -> {
      drawPrior(viewModel.priorProperty().get());
      drawJoint(viewModel.jointProperty().get());
    });
    drawPrior(viewModel.priorProperty().get());
    drawJoint(viewModel.jointProperty().get());
  }
}
