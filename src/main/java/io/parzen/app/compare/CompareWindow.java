package io.parzen.app.compare;

import io.parzen.app.DialogService;
import io.parzen.app.FxDialogService;
import io.parzen.app.Theme;
import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens a Compare Studies window beside the studio's, following its light or dark look. */
public final class CompareWindow {

  private CompareWindow() {}

  /**
   * Shows a new Compare Studies window owned by {@code owner} (may be {@code null}); its view model
   * comes from {@code viewModel}, given the window's own dialogs. Returns the window's view model.
   */
  public static CompareViewModel show(Window owner, Function<DialogService, CompareViewModel> viewModel,
      ObservableBooleanValue dark) {
    Stage stage = new Stage();
    if (owner != null) {
      stage.initOwner(owner);
    }
    CompareViewModel vm = viewModel.apply(new FxDialogService(stage));
    Scene scene = new Scene(CompareView.create(vm), 1100, 760);
    Theme.apply(scene, dark.get());
    javafx.beans.value.ChangeListener<Boolean> follow = (obs, old, isDark) -> Theme.apply(scene, isDark);
    dark.addListener(follow);
    stage.setOnHidden(e -> dark.removeListener(follow));
    stage.setTitle("Parzen Studio — Compare studies");
    stage.setScene(scene);
    stage.show();
    return vm;
  }
}
