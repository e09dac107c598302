package io.parzen.app.run;

import io.parzen.app.Views;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;

/** The "Selected trial" pane: binds {@code TrialDetailView.fxml} to a {@link TrialDetailViewModel}. */
public final class TrialDetailView {

  private final TrialDetailViewModel viewModel;

  @FXML private Label title;
  @FXML private Label summary;
  @FXML private TextArea stdout;
  @FXML private TextArea stderr;

  private TrialDetailView(TrialDetailViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the pane bound to {@code viewModel}. */
  public static Parent create(TrialDetailViewModel viewModel) {
    return Views.load(new TrialDetailView(viewModel));
  }

  @FXML
  private void initialize() {
    title.textProperty().bind(viewModel.titleProperty());
    summary.textProperty().bind(viewModel.summaryProperty());
    stdout.textProperty().bind(viewModel.stdoutProperty());
    stderr.textProperty().bind(viewModel.stderrProperty());
  }
}
