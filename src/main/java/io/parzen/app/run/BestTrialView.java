package io.parzen.app.run;

import io.parzen.app.Views;
import io.parzen.trial.ParamsSnippet;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The "Best trial" panel: binds {@code BestTrialView.fxml} to a {@link BestTrialViewModel}. */
public final class BestTrialView {

  private final BestTrialViewModel viewModel;

  @FXML private Label title;
  @FXML private Label details;
  @FXML private Label status;
  @FXML private TableView<BestTrialViewModel.Param> table;
  @FXML private TableColumn<BestTrialViewModel.Param, String> nameColumn;
  @FXML private TableColumn<BestTrialViewModel.Param, String> valueColumn;
  @FXML private Button jsonButton;
  @FXML private Button pythonButton;
  @FXML private Button javaButton;

  private BestTrialView(BestTrialViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the panel bound to {@code viewModel}. */
  public static Parent create(BestTrialViewModel viewModel) {
    return Views.load(new BestTrialView(viewModel));
  }

  @FXML
  private void initialize() {
    title.textProperty().bind(viewModel.titleProperty());
    details.textProperty().bind(viewModel.detailsProperty());
    status.textProperty().bind(viewModel.statusProperty());
    table.setItems(viewModel.params());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    nameColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
    valueColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().value()));
    bindCopy(jsonButton, ParamsSnippet.JSON);
    bindCopy(pythonButton, ParamsSnippet.PYTHON);
    bindCopy(javaButton, ParamsSnippet.JAVA);
  }

  private void bindCopy(Button button, ParamsSnippet kind) {
    button.disableProperty().bind(viewModel.availableProperty().not());
    button.setOnAction(e -> {
      ClipboardContent content = new ClipboardContent();
      content.putString(viewModel.snippet(kind));
      Clipboard.getSystemClipboard().setContent(content);
      viewModel.copied(kind);
    });
  }
}
