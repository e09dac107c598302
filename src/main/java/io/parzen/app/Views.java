package io.parzen.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a panel's FXML, which lies beside its controller class and is named after it. */
public final class Views {

  private Views() {}

  /** Loads {@code <ControllerClass>.fxml} with {@code controller} bound to it. */
  public static Parent load(Object controller) {
    Class<?> type = controller.getClass();
    FXMLLoader loader = new FXMLLoader(type.getResource(type.getSimpleName() + ".fxml"));
    loader.setController(controller);
    try {
      return loader.load();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the panel " + type.getSimpleName(), e);
    }
  }
}
