package io.parzen.app.compare;

import io.parzen.app.DialogService;
import io.parzen.app.FxDialogService;
import io.parzen.app.Theme;
import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Opens a Compare Studies window beside the studio's: a window of its own that the studio's can
 * come in front of, following its light or dark look and closing with it.
 */
public final class CompareWindow {

  private CompareWindow() {}

  /**
   * Shows a new Compare Studies window that closes when {@code owner} does ({@code null}: none);
   * its view model comes from {@code viewModel}, given the window's own dialogs. Returns that model.
   */
  public static CompareViewModel show(Window owner, Function<DialogService, CompareViewModel> viewModel,
      ObservableBooleanValue dark) {
    Stage stage = new Stage();
    // Not owned, so that the studio can come in front of it; it closes with the studio all the same.
    EventHandler<WindowEvent> closeWithOwner = e -> stage.hide();
    if (owner != null) {
      owner.addEventHandler(WindowEvent.WINDOW_HIDDEN, closeWithOwner);
    }
    CompareViewModel vm = viewModel.apply(new FxDialogService(stage));
    Scene scene = new Scene(CompareView.create(vm), 1100, 760);
    Theme.apply(scene, dark.get());
    javafx.beans.value.ChangeListener<Boolean> follow = (obs, old, isDark) -> Theme.apply(scene, isDark);
    dark.addListener(follow);
    stage.setOnHidden(e -> {
      dark.removeListener(follow);
      if (owner != null) {
        owner.removeEventHandler(WindowEvent.WINDOW_HIDDEN, closeWithOwner);
      }
    });
    stage.setTitle("Parzen Studio — Compare studies");
    stage.setScene(scene);
    stage.show();
    return vm;
  }
}
