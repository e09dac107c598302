package io.parzen.app.compare;

import io.parzen.app.ChartTheme;
import io.parzen.app.Views;
import io.parzen.app.analysis.EdfChart;
import io.parzen.app.compare.CompareViewModel.ComparedStudy;
import io.parzen.app.run.ChartSupport;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * Binds the Compare Studies window to a {@link CompareViewModel}: the table of studies (colour,
 * name, source, sampler, trials, best value, Remove) and the History and EDF tabs, redrawn when a
 * study is added or removed and when the window switches between light and dark.
 */
public final class CompareView {

  private final CompareViewModel viewModel;
  private ChartTheme theme = ChartTheme.light();
  private CompareHistoryChart historyChart;
  private EdfChart edfChart;

  @FXML private BorderPane root;
  @FXML private TableView<ComparedStudy> studiesTable;
  @FXML private TableColumn<ComparedStudy, Integer> colorColumn;
  @FXML private TableColumn<ComparedStudy, String> nameColumn;
  @FXML private TableColumn<ComparedStudy, String> sourceColumn;
  @FXML private TableColumn<ComparedStudy, String> samplerColumn;
  @FXML private TableColumn<ComparedStudy, String> directionColumn;
  @FXML private TableColumn<ComparedStudy, Integer> trialsColumn;
  @FXML private TableColumn<ComparedStudy, String> bestColumn;
  @FXML private TableColumn<ComparedStudy, ComparedStudy> removeColumn;
  @FXML private TabPane tabs;
  @FXML private Tab historyTab;
  @FXML private ChartViewer historyViewer;
  @FXML private ChartViewer edfViewer;
  @FXML private Label messageLabel;
  @FXML private Label statusLabel;
  @FXML private CheckBox logScaleBox;
  @FXML private ProgressIndicator busyIndicator;

  private CompareView(CompareViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the window's content bound to {@code viewModel}. */
  public static Parent create(CompareViewModel viewModel) {
    return Views.load(new CompareView(viewModel));
  }

  /** The History chart of a loaded window, for tests. */
  static JFreeChart historyChartOf(Parent compareView) {
    return ((ChartViewer) compareView.lookup("#compareHistoryChart")).getChart();
  }

  /** The EDF chart of a loaded window, for tests. */
  static JFreeChart edfChartOf(Parent compareView) {
    return ((ChartViewer) compareView.lookup("#compareEdfChart")).getChart();
  }

  @FXML
  private void initialize() {
    studiesTable.setItems(viewModel.studies());
    studiesTable.setPlaceholder(new Label("No studies yet"));
    colorColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().colorIndex()));
    colorColumn.setCellFactory(column -> new TableCell<>() {
      @Override
      protected void updateItem(Integer index, boolean empty) {
        super.updateItem(index, empty);
        if (empty || index == null) {
          setGraphic(null);
          return;
        }
        Region swatch = new Region();
        swatch.getStyleClass().add("study-swatch");
        swatch.setStyle("-fx-background-color: " + StudyColors.css(index, theme.isDark()) + ";");
        setGraphic(swatch);
      }
    });
    nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
    sourceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().source()));
    sourceColumn.setCellFactory(column -> new TableCell<>() {
      @Override
      protected void updateItem(String source, boolean empty) {
        super.updateItem(source, empty);
        setText(empty ? null : source);
        ComparedStudy study = empty || getTableRow() == null ? null : getTableRow().getItem();
        setTooltip(study == null ? null : new Tooltip(study.location()));
      }
    });
    samplerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sampler()));
    directionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().directionsText()));
    trialsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().trialCount()));
    bestColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().bestText()));
    removeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    removeColumn.setCellFactory(column -> new TableCell<>() {
      private final Button remove = new Button("Remove");

      {
        remove.getStyleClass().addAll("small", "remove-study");
        remove.setOnAction(e -> {
          if (getItem() != null) {
            viewModel.remove(getItem());
          }
        });
      }

      @Override
      protected void updateItem(ComparedStudy study, boolean empty) {
        super.updateItem(study, empty);
        setGraphic(empty || study == null ? null : remove);
        remove.setId(study == null ? null : "remove-" + study.label());
      }
    });

    logScaleBox.selectedProperty().bindBidirectional(viewModel.logScaleProperty());
    viewModel.logScaleProperty().addListener((obs, old, log) -> {
      historyChart.setLogScale(log);
      edfChart.setLogScale(log);
    });
    busyIndicator.visibleProperty().bind(viewModel.busyProperty());
    statusLabel.textProperty().bind(viewModel.statusProperty());
    messageLabel.textProperty().bind(Bindings.createStringBinding(() -> !viewModel.problemProperty().get().isEmpty()
        ? viewModel.problemProperty().get()
        : "Add study files or a storage URL to compare studies: their optimisation histories side by side, and "
            + "the EDF, the fraction of each study's trials that reached a value. Studies of one objective run "
            + "with different samplers compare best.", viewModel.problemProperty()));
    messageLabel.visibleProperty().bind(Bindings.isEmpty(viewModel.studies())
        .or(viewModel.problemProperty().isNotEmpty()));
    viewModel.problemProperty().addListener((obs, old, problem) -> {
      messageLabel.getStyleClass().remove("compare-problem");
      if (!problem.isEmpty()) {
        messageLabel.getStyleClass().add("compare-problem");
      }
    });
    viewModel.historyProperty().addListener((obs, old, overlay) -> historyChart.show(overlay, this::color));
    viewModel.edfProperty().addListener((obs, old, edf) -> edfChart.show(edf, this::color));
    viewModel.studies().addListener((ListChangeListener<ComparedStudy>) c -> studiesTable.refresh());
    rebuild();
    ChartSupport.followTheme(root, t -> {
      theme = t;
      rebuild();
      studiesTable.refresh();
    });
  }

  /** The colour of line {@code i}: the colour of the {@code i}-th study compared. */
  private java.awt.Color color(int i) {
    int index = i < viewModel.studies().size() ? viewModel.studies().get(i).colorIndex() : i;
    return StudyColors.awt(index, theme.isDark(), 255);
  }

  private void rebuild() {
    boolean log = viewModel.logScaleProperty().get();
    historyChart = new CompareHistoryChart(theme, log);
    historyChart.show(viewModel.historyProperty().get(), this::color);
    historyViewer.setChart(historyChart.chart());
    edfChart = new EdfChart(theme, log, this::color);
    edfChart.show(viewModel.edfProperty().get());
    edfViewer.setChart(edfChart.chart());
  }

  @FXML
  private void addFiles() {
    viewModel.addFiles();
  }

  @FXML
  private void addStorage() {
    viewModel.addStorage();
  }

  @FXML
  private void export() {
    boolean history = tabs.getSelectionModel().getSelectedItem() == historyTab;
    viewModel.export(history ? "compare-history" : "compare-edf", history ? historyChart.chart() : edfChart.chart());
  }
}
