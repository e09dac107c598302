package io.parzen.app.setup;

import io.parzen.app.Views;
import io.parzen.study.OptionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Binds an options form to its {@link OptionsViewModel}: a row per option with a text field
 * (numbers and text), a check box (true/false), or a choice box (choices, and auto/on/off for a
 * three-state option); the help as tooltip, a wrong value marked {@code invalid} with its message.
 * Controls have the id {@code <component>-<key>}, such as {@code sampler-sigma0}.
 */
public final class OptionsView {

  private static final List<String> THREE_STATES = List.of("auto", "on", "off");

  @FXML private VBox root;
  @FXML private GridPane grid;
  @FXML private Label message;

  private final OptionsViewModel viewModel;
  /** Undoes the bindings of the current rows, so fields do not keep controls of a former component. */
  private final List<Runnable> unbind = new ArrayList<>();

  private OptionsView(OptionsViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Loads the form bound to {@code viewModel}. */
  public static Parent create(OptionsViewModel viewModel) {
    return Views.load(new OptionsView(viewModel));
  }

  @FXML
  private void initialize() {
    root.getStyleClass().add(viewModel.component() + "-options");
    root.visibleProperty().bind(Bindings.isNotEmpty(viewModel.fields()));
    root.managedProperty().bind(root.visibleProperty());
    message.textProperty().bind(viewModel.messageProperty());
    message.visibleProperty().bind(viewModel.validProperty().not());
    message.managedProperty().bind(message.visibleProperty());
    rebuild();
    viewModel.fields().addListener((ListChangeListener<OptionField>) change -> rebuild());
  }

  private void rebuild() {
    unbind.forEach(Runnable::run);
    unbind.clear();
    grid.getChildren().clear();
    int row = 0;
    for (OptionField field : viewModel.fields()) {
      Label label = new Label(field.spec().label());
      label.setTooltip(new Tooltip(field.tooltip()));
      label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      Control control = control(field);
      control.setId(viewModel.component() + "-" + field.spec().key());
      control.setMaxWidth(Double.MAX_VALUE);
      Tooltip tip = new Tooltip();
      tip.textProperty().bind(Bindings.createStringBinding(() -> field.errorProperty().get() == null
          ? field.tooltip() : field.errorProperty().get() + "\n\n" + field.tooltip(), field.errorProperty()));
      tip.setWrapText(true);
      tip.setMaxWidth(420);
      control.setTooltip(tip);
      control.disableProperty().bind(field.applicableProperty().not());
      label.disableProperty().bind(field.applicableProperty().not());
      ChangeListener<String> flag = (obs, old, error) -> {
        control.getStyleClass().remove("invalid");
        if (error != null) {
          control.getStyleClass().add("invalid");
        }
      };
      field.errorProperty().addListener(flag);
      flag.changed(null, null, field.errorProperty().get());
      unbind.add(() -> {
        field.errorProperty().removeListener(flag);
        tip.textProperty().unbind();
        control.disableProperty().unbind();
        label.disableProperty().unbind();
      });
      grid.addRow(row++, label, control);
    }
  }

  private Control control(OptionField field) {
    OptionSpec spec = field.spec();
    if (spec.kind() == OptionSpec.Kind.BOOLEAN && spec.defaultValue() != null) {
      CheckBox box = new CheckBox();
      sync(box.selectedProperty(), field.textProperty(), text -> "true".equalsIgnoreCase(text.strip()),
          selected -> Boolean.toString(selected));
      return box;
    }
    if (spec.kind() == OptionSpec.Kind.BOOLEAN) {
      ChoiceBox<String> box = new ChoiceBox<>();
      box.getItems().setAll(THREE_STATES);
      sync(box.valueProperty(), field.textProperty(), text -> switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "", "auto" -> "auto";
        case "true" -> "on";
        case "false" -> "off";
        default -> null;
      }, state -> state == null || state.equals("auto") ? "" : state.equals("on") ? "true" : "false");
      return box;
    }
    if (spec.kind() == OptionSpec.Kind.CHOICE) {
      ChoiceBox<String> box = new ChoiceBox<>();
      box.getItems().setAll(spec.choices());
      sync(box.valueProperty(), field.textProperty(),
          text -> spec.choices().stream().filter(c -> c.equalsIgnoreCase(text.strip())).findFirst().orElse(null),
          choice -> choice == null ? "" : choice);
      return box;
    }
    TextField text = new TextField();
    text.setPromptText(field.prompt());
    text.textProperty().bindBidirectional(field.textProperty());
    unbind.add(() -> text.textProperty().unbindBidirectional(field.textProperty()));
    return text;
  }

  /** Keeps {@code control} and the field's {@code text} in step, each way once per change. */
  private <T> void sync(Property<T> control, StringProperty text, Function<String, T> toControl,
      Function<T, String> toText) {
    boolean[] syncing = {false};
    ChangeListener<String> fromText = (obs, old, now) -> {
      if (!syncing[0]) {
        syncing[0] = true;
        control.setValue(toControl.apply(now == null ? "" : now));
        syncing[0] = false;
      }
    };
    ChangeListener<T> fromControl = (obs, old, now) -> {
      if (!syncing[0]) {
        syncing[0] = true;
        text.set(toText.apply(now));
        syncing[0] = false;
      }
    };
    control.setValue(toControl.apply(text.get() == null ? "" : text.get()));
    text.addListener(fromText);
    control.addListener(fromControl);
    unbind.add(() -> text.removeListener(fromText));
  }
}
