package io.parzen.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX dialogs owned by the studio's window. */
public final class FxDialogService implements DialogService {

  private final Window owner;

  public FxDialogService(Window owner) {
    this.owner = owner;
  }

  @Override
  public void showError(String title, String message) {
    Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
    alert.initOwner(owner);
    alert.setTitle(title);
    alert.setHeaderText(title);
    alert.showAndWait();
  }

  @Override
  public boolean confirm(String title, String message) {
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.YES, ButtonType.NO);
    alert.initOwner(owner);
    alert.setTitle(title);
    alert.setHeaderText(title);
    return alert.showAndWait().filter(ButtonType.YES::equals).isPresent();
  }

  @Override
  public Optional<String> choose(String title, String message, List<String> options) {
    ChoiceDialog<String> dialog = new ChoiceDialog<>(options.get(0), options);
    dialog.initOwner(owner);
    dialog.setTitle(title);
    dialog.setHeaderText(message);
    return dialog.showAndWait();
  }

  @Override
  public Optional<String> askText(String title, String message, String initial) {
    javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(initial);
    dialog.initOwner(owner);
    dialog.setTitle(title);
    dialog.setHeaderText(message);
    dialog.getEditor().setPrefColumnCount(40);
    return dialog.showAndWait().map(String::trim).filter(text -> !text.isEmpty());
  }

  @Override
  public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
    File file = chooser(title, extensions).showOpenDialog(owner);
    return Optional.ofNullable(file).map(File::toPath);
  }

  @Override
  public List<Path> chooseFilesToOpen(String title, List<String> extensions) {
    List<File> files = chooser(title, extensions).showOpenMultipleDialog(owner);
    return files == null ? List.of() : files.stream().map(File::toPath).toList();
  }

  @Override
  public List<String> chooseSeveral(String title, String message, List<String> options) {
    javafx.scene.control.Dialog<List<String>> dialog = new javafx.scene.control.Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(title);
    dialog.setHeaderText(message);
    javafx.scene.layout.VBox boxes = new javafx.scene.layout.VBox(6);
    List<javafx.scene.control.CheckBox> checks = options.stream().map(option -> {
      javafx.scene.control.CheckBox box = new javafx.scene.control.CheckBox(option);
      box.setMnemonicParsing(false);
      box.setSelected(true);
      return box;
    }).toList();
    boxes.getChildren().setAll(checks);
    javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(boxes);
    scroll.setFitToWidth(true);
    scroll.setPrefViewportHeight(Math.min(320, 28.0 * options.size()));
    dialog.getDialogPane().setContent(scroll);
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.setResultConverter(button -> button == ButtonType.OK
        ? checks.stream().filter(javafx.scene.control.CheckBox::isSelected).map(javafx.scene.control.CheckBox::getText)
            .toList()
        : List.of());
    return dialog.showAndWait().orElse(List.of());
  }

  @Override
  public Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions) {
    FileChooser chooser = chooser(title, extensions);
    chooser.setInitialFileName(suggestedName);
    return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
  }

  @Override
  public Optional<Path> chooseDirectory(String title, Path initial) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(title);
    if (initial != null && initial.toFile().isDirectory()) {
      chooser.setInitialDirectory(initial.toFile());
    }
    return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
  }

  private static FileChooser chooser(String title, List<String> extensions) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", extensions), extensions));
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
    return chooser;
  }
}
