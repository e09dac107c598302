package io.parzen.app;

import io.parzen.app.preview.PreviewView;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.HistoryView;
import io.parzen.app.run.IntermediateValuesView;
import io.parzen.app.run.IntermediateValuesViewModel;
import io.parzen.app.run.SamplesView;
import io.parzen.app.run.SamplesViewModel;
import io.parzen.app.run.SliceView;
import io.parzen.app.run.SliceViewModel;
import io.parzen.app.run.TrialsView;
import io.parzen.app.setup.StudySetupView;
import io.parzen.app.space.SpaceEditorView;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** Binds the studio window (menu bar, toolbar, the three panels, status bar) to its view model. */
public final class MainView {

  @FXML private SplitPane panels;
  @FXML private TabPane resultTabs;
  @FXML private Tab previewTab;
  @FXML private Tab historyTab;
  @FXML private Tab sliceTab;
  @FXML private Tab samplesTab;
  @FXML private Tab intermediateTab;
  @FXML private Tab trialsTab;
  @FXML private Tab analysisTab;
  @FXML private Label status;
  @FXML private Button runButton;
  @FXML private Button stopButton;
  @FXML private MenuItem runItem;
  @FXML private MenuItem stopItem;
  @FXML private MenuItem stopNowItem;
  @FXML private javafx.scene.layout.VBox notices;
  @FXML private CheckMenuItem darkThemeItem;
  @FXML private javafx.scene.control.Menu recentMenu;

  private final MainViewModel viewModel;

  private MainView(MainViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the window's content bound to {@code viewModel}. */
  public static Parent create(MainViewModel viewModel) {
    return Views.load(new MainView(viewModel));
  }

  @FXML
  private void initialize() {
    previewTab.setContent(PreviewView.create(viewModel.preview()));
    ChartExporter exporter = new ChartExporter(viewModel.dialogs());
    historyTab.setContent(HistoryView.create(viewModel.runs(), exporter));
    sliceTab.setContent(SliceView.create(new SliceViewModel(viewModel.runs(), exporter)));
    samplesTab.setContent(SamplesView.create(new SamplesViewModel(viewModel.runs(), exporter)));
    intermediateTab.setContent(IntermediateValuesView.create(
        new IntermediateValuesViewModel(viewModel.runs(), exporter)));
    Tab bestTab = new Tab("Best trial", io.parzen.app.run.BestTrialView.create(viewModel.bestTrial()));
    Tab selectedTab = new Tab("Selected trial",
        io.parzen.app.run.TrialDetailView.create(new io.parzen.app.run.TrialDetailViewModel(viewModel.runs())));
    bestTab.setId("bestTab");
    selectedTab.setId("selectedTrialTab");
    TabPane bestAndSelected = new TabPane(bestTab, selectedTab);
    bestAndSelected.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    viewModel.runs().selectedTrialProperty().addListener((obs, old, number) ->
        bestAndSelected.getSelectionModel().select(number == null ? bestTab : selectedTab));
    SplitPane trialsAndBest = new SplitPane(TrialsView.create(viewModel.runs()), bestAndSelected);
    trialsAndBest.setOrientation(javafx.geometry.Orientation.VERTICAL);
    trialsAndBest.setDividerPositions(viewModel.preferences().dividers("trials", 0.62));
    trialsAndBest.getDividers().forEach(d -> d.positionProperty().addListener((obs, old, pos) ->
        viewModel.preferences().setDividers("trials", trialsAndBest.getDividerPositions())));
    trialsTab.setContent(trialsAndBest);
    analysisTab.setContent(AnalysisPanels.create(viewModel, exporter));
    panels.getItems().setAll(StudySetupView.create(viewModel.setup()), SpaceEditorView.create(viewModel.space()),
        resultTabs);
    bindSelectedTab();
    panels.setDividerPositions(viewModel.preferences().dividers("main", 0.2, 0.59));
    panels.getDividers().forEach(d -> d.positionProperty().addListener((obs, old, pos) ->
        viewModel.preferences().setDividers("main", panels.getDividerPositions())));
    status.textProperty().bind(viewModel.statusProperty());
    runButton.disableProperty().bind(viewModel.canRunProperty().not());
    runItem.disableProperty().bind(viewModel.canRunProperty().not());
    stopButton.disableProperty().bind(viewModel.runningProperty().not());
    stopItem.disableProperty().bind(viewModel.runningProperty().not().or(viewModel.stoppingProperty()));
    stopNowItem.disableProperty().bind(viewModel.runningProperty().not());
    stopButton.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.stoppingProperty())
        .then("■ Stop now").otherwise("■ Stop"));
    viewModel.noticeProperty().addListener((obs, old, notice) -> {
      if (notice != null) {
        show(notice);
      }
    });
    darkThemeItem.selectedProperty().bindBidirectional(viewModel.darkThemeProperty());
    fillRecent();
    viewModel.recentFiles().addListener((javafx.collections.ListChangeListener<java.nio.file.Path>) c -> fillRecent());
  }

  /** Keeps the selected tab and the view model's {@link MainViewModel.Panel} in step. */
  private void bindSelectedTab() {
    java.util.Map<MainViewModel.Panel, Tab> tabs = java.util.Map.of(MainViewModel.Panel.PRIOR_SAMPLES, previewTab,
        MainViewModel.Panel.HISTORY, historyTab, MainViewModel.Panel.SLICE, sliceTab, MainViewModel.Panel.SAMPLES,
        samplesTab, MainViewModel.Panel.INTERMEDIATE_VALUES, intermediateTab, MainViewModel.Panel.TRIALS, trialsTab,
        MainViewModel.Panel.ANALYSIS, analysisTab);
    resultTabs.getSelectionModel().select(tabs.get(viewModel.selectedPanelProperty().get()));
    viewModel.selectedPanelProperty().addListener((obs, old, panel) -> resultTabs.getSelectionModel().select(tabs.get(panel)));
    resultTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> tabs.forEach((panel, t) -> {
      if (t == tab) {
        viewModel.selectedPanelProperty().set(panel);
      }
    }));
  }

  /** Shows {@code notice} in the bottom-right corner for a while; newest at the bottom, at most three. */
  private void show(MainViewModel.Notice notice) {
    atlantafx.base.controls.Notification note = new atlantafx.base.controls.Notification(
        notice.title() + "\n" + notice.message());
    note.getStyleClass().addAll(atlantafx.base.theme.Styles.ELEVATED_1,
        notice.problem() ? atlantafx.base.theme.Styles.DANGER : atlantafx.base.theme.Styles.SUCCESS);
    note.setId("notice-" + notice.serial());
    note.setPrefWidth(400);
    note.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    note.setOnClose(e -> notices.getChildren().remove(note));
    notices.getChildren().add(note);
    if (notices.getChildren().size() > 3) {
      notices.getChildren().remove(0);
    }
    javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(12));
    wait.setOnFinished(e -> notices.getChildren().remove(note));
    wait.play();
  }

  private void fillRecent() {
    recentMenu.getItems().clear();
    for (java.nio.file.Path path : viewModel.recentFiles()) {
      MenuItem item = new MenuItem(path.getFileName() + "  —  " + path.getParent());
      item.setMnemonicParsing(false);
      item.setOnAction(e -> viewModel.openRecent(path));
      recentMenu.getItems().add(item);
    }
    recentMenu.setDisable(recentMenu.getItems().isEmpty());
  }

  @FXML private void close() {
    viewModel.close();
  }

  @FXML private void newStudy() {
    viewModel.newStudy();
  }

  @FXML private void open() {
    viewModel.open();
  }

  @FXML private void openShared() {
    viewModel.openShared();
  }

  @FXML private void compareStudies() {
    io.parzen.app.compare.CompareWindow.show(panels.getScene().getWindow(), viewModel::compareStudies,
        viewModel.darkThemeProperty());
  }

  @FXML private void save() {
    viewModel.save();
  }

  @FXML private void saveAs() {
    viewModel.saveAs();
  }

  @FXML private void exportJson() {
    viewModel.exportJson();
  }

  @FXML private void exportCsv() {
    viewModel.exportCsv();
  }

  @FXML private void run() {
    viewModel.run();
  }

  @FXML private void stop() {
    viewModel.stop();
  }

  @FXML private void stopNow() {
    viewModel.stopNow();
  }

  @FXML private void quit() {
    if (viewModel.canClose()) {
      panels.getScene().getWindow().hide();
    }
  }
}
