package io.parzen.app.setup;

import io.parzen.app.Views;
import io.parzen.objective.CommandObjective;
import io.parzen.study.StudyDirection;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * Binds the study setup form to its {@link StudySetupViewModel}, with the command objective's form
 * (while the objective is {@code command}) and the sampler's and pruner's option forms.
 */
public final class StudySetupView {

  @FXML private TextField studyName;
  @FXML private ComboBox<StudyDirection> direction;
  @FXML private javafx.scene.control.Label directionLabel;
  @FXML private VBox moreDirectionsBox;
  @FXML private ComboBox<String> objective;
  @FXML private ComboBox<String> sampler;
  @FXML private ComboBox<String> pruner;
  @FXML private VBox commandBox;
  @FXML private VBox samplerOptionsBox;
  @FXML private VBox prunerOptionsBox;
  @FXML private Spinner<Integer> trials;
  @FXML private Spinner<Integer> timeout;
  @FXML private Spinner<Integer> workers;
  @FXML private Label description;
  @FXML private VBox root;

  private final StudySetupViewModel viewModel;

  private StudySetupView(StudySetupViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the form bound to {@code viewModel}. */
  public static Parent create(StudySetupViewModel viewModel) {
    return Views.load(new StudySetupView(viewModel));
  }

  @FXML
  private void initialize() {
    studyName.textProperty().bindBidirectional(viewModel.studyNameProperty());
    direction.getItems().setAll(StudyDirection.values());
    direction.setConverter(DIRECTION_TEXT);
    direction.valueProperty().bindBidirectional(viewModel.directionProperty());
    viewModel.moreDirections().addListener((javafx.collections.ListChangeListener<StudyDirection>) c -> fillMoreDirections());
    fillMoreDirections();
    objective.setItems(viewModel.objectives());
    objective.valueProperty().bindBidirectional(viewModel.objectiveProperty());
    sampler.setItems(viewModel.samplers());
    sampler.valueProperty().bindBidirectional(viewModel.samplerProperty());
    samplerOptionsBox.getChildren().setAll(OptionsView.create(viewModel.samplerOptions()));
    prunerOptionsBox.getChildren().setAll(OptionsView.create(viewModel.prunerOptions()));
    commandBox.getChildren().setAll(CommandObjectiveView.create(viewModel.command()));
    commandBox.visibleProperty().bind(viewModel.objectiveProperty().isEqualTo(CommandObjective.COMPONENT_NAME));
    commandBox.managedProperty().bind(commandBox.visibleProperty());
    for (VBox box : java.util.List.of(samplerOptionsBox, prunerOptionsBox)) {
      Parent form = (Parent) box.getChildren().get(0);
      box.visibleProperty().bind(form.visibleProperty());
      box.managedProperty().bind(box.visibleProperty());
    }
    pruner.setItems(viewModel.pruners());
    pruner.valueProperty().bindBidirectional(viewModel.prunerProperty());
    bind(trials, viewModel.trialsProperty(), 0, 1_000_000, 10);
    bind(timeout, viewModel.timeoutSecondsProperty(), 0, 7 * 24 * 3600, 60);
    bind(workers, viewModel.workersProperty(), 1, 256, 1);
    description.textProperty().bind(viewModel.descriptionProperty());
    root.disableProperty().bind(viewModel.editableProperty().not());
  }

  /** "minimize" / "maximize", as Optuna spells them. */
  private static final javafx.util.StringConverter<StudyDirection> DIRECTION_TEXT = new javafx.util.StringConverter<>() {
    @Override
    public String toString(StudyDirection d) {
      return d == null ? "" : d.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public StudyDirection fromString(String text) {
      return StudyDirection.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
  };

  @FXML
  private void addObjective() {
    viewModel.addObjective();
  }

  /** One row per objective after the first: its direction and a button that removes it. */
  private void fillMoreDirections() {
    java.util.List<StudyDirection> more = viewModel.moreDirections();
    directionLabel.setText(more.isEmpty() ? "Direction" : "Objective 1");
    java.util.List<javafx.scene.Node> rows = new java.util.ArrayList<>();
    for (int i = 0; i < more.size(); i++) {
      int index = i + 1;
      javafx.scene.control.Label label = new javafx.scene.control.Label("Objective " + (index + 1));
      label.setMinWidth(86);
      label.setPrefWidth(86);
      ComboBox<StudyDirection> box = new ComboBox<>();
      box.setId("direction" + (index + 1));
      box.getItems().setAll(StudyDirection.values());
      box.setConverter(DIRECTION_TEXT);
      box.setValue(more.get(i));
      box.setMaxWidth(Double.MAX_VALUE);
      javafx.scene.layout.HBox.setHgrow(box, javafx.scene.layout.Priority.ALWAYS);
      box.valueProperty().addListener((obs, old, value) -> {
        if (value != null && viewModel.moreDirections().size() >= index && viewModel.moreDirections().get(index - 1) != value) {
          viewModel.moreDirections().set(index - 1, value);
        }
      });
      javafx.scene.control.Hyperlink remove = new javafx.scene.control.Hyperlink("✕");
      remove.setId("removeObjective" + (index + 1));
      remove.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      remove.setTooltip(new javafx.scene.control.Tooltip("Remove objective " + (index + 1)));
      remove.setOnAction(e -> viewModel.removeObjective(index));
      javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, label, box, remove);
      javafx.scene.layout.HBox.setMargin(remove, new javafx.geometry.Insets(0, -6, 0, -6));
      row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
      rows.add(row);
    }
    moreDirectionsBox.getChildren().setAll(rows);
    moreDirectionsBox.setVisible(!rows.isEmpty());
    moreDirectionsBox.setManaged(!rows.isEmpty());
  }

  private static void bind(Spinner<Integer> spinner, javafx.beans.property.IntegerProperty property, int min,
      int max, int step) {
    SpinnerValueFactory.IntegerSpinnerValueFactory factory =
        new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, property.get(), step);
    spinner.setValueFactory(factory);
    spinner.setEditable(true);
    factory.valueProperty().addListener((obs, old, value) -> property.set(value == null ? min : value));
    property.addListener((obs, old, value) -> factory.setValue(value.intValue()));
  }
}
