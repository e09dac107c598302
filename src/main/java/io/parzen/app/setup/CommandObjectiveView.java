package io.parzen.app.setup;

import io.parzen.app.Views;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.VBox;

/** Binds the command objective's form and its test run to a {@link CommandObjectiveViewModel}. */
public final class CommandObjectiveView {

  @FXML private VBox root;
  @FXML private javafx.scene.control.TextField template;
  @FXML private Label placeholders;
  @FXML private javafx.scene.control.TextField workingDirectory;
  @FXML private Button browse;
  @FXML private TextArea environment;
  @FXML private javafx.scene.control.TextField timeout;
  @FXML private Label message;
  @FXML private Button testRun;
  @FXML private Button stopTest;
  @FXML private Label summary;
  @FXML private TextArea report;

  private final CommandObjectiveViewModel viewModel;

  private CommandObjectiveView(CommandObjectiveViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the form bound to {@code viewModel}. */
  public static Parent create(CommandObjectiveViewModel viewModel) {
    return Views.load(new CommandObjectiveView(viewModel));
  }

  @FXML
  private void initialize() {
    template.setPromptText(CommandObjectiveViewModel.TEMPLATE_HINT);
    bind(template, viewModel.templateProperty(), viewModel.templateErrorProperty());
    bind(workingDirectory, viewModel.workingDirectoryProperty(), viewModel.workingDirectoryErrorProperty());
    bind(environment, viewModel.environmentProperty(), viewModel.environmentErrorProperty());
    bind(timeout, viewModel.timeoutSecondsProperty(), viewModel.timeoutErrorProperty());
    placeholders.textProperty().bind(viewModel.placeholdersProperty());
    message.textProperty().bind(viewModel.messageProperty());
    message.visibleProperty().bind(viewModel.validProperty().not());
    message.managedProperty().bind(message.visibleProperty());
    testRun.disableProperty().bind(viewModel.canTestRunProperty().not());
    stopTest.visibleProperty().bind(viewModel.testRunningProperty());
    stopTest.managedProperty().bind(stopTest.visibleProperty());
    summary.textProperty().bind(viewModel.testRunSummaryProperty());
    summary.visibleProperty().bind(viewModel.testRunSummaryProperty().isNotEmpty());
    summary.managedProperty().bind(summary.visibleProperty());
    viewModel.lastTestRunProperty().addListener((obs, old, run) -> {
      summary.getStyleClass().removeAll("succeeded", "failed");
      if (run != null) {
        summary.getStyleClass().add(run.succeeded() ? "succeeded" : "failed");
      }
    });
    report.textProperty().bind(viewModel.testRunReportProperty());
    report.visibleProperty().bind(viewModel.testRunReportProperty().isNotEmpty());
    report.managedProperty().bind(report.visibleProperty());
  }

  private static void bind(TextInputControl control, javafx.beans.property.StringProperty text,
      ObservableStringValue error) {
    control.textProperty().bindBidirectional(text);
    Runnable flag = () -> {
      control.getStyleClass().remove("invalid");
      if (error.get() != null) {
        control.getStyleClass().add("invalid");
      }
    };
    error.addListener((obs, old, now) -> flag.run());
    flag.run();
  }

  @FXML
  private void browse() {
    viewModel.browseWorkingDirectory();
  }

  @FXML
  private void testRun() {
    viewModel.testRun();
  }

  @FXML
  private void stopTest() {
    viewModel.stopTestRun();
  }
}
