package io.parzen.app.run;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.FxDialogService;
import io.parzen.app.MainView;
import io.parzen.app.MainViewModel;
import io.parzen.app.StudioPreferences;
import io.parzen.app.Theme;
import java.nio.file.Path;
import java.util.UUID;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens a study file on the Trials tab with one trial selected, for looking at the best-trial and
 * selected-trial panes: {@code java -cp ... io.parzen.app.run.TrialsDemo\$Launch FILE [TRIAL]}.
 */
public final class TrialsDemo extends Application {

  @Override
  public void start(Stage stage) {
    var args = getParameters().getUnnamed();
    MainViewModel vm = new MainViewModel(new FxDialogService(stage), BackgroundExecutor.pooled(),
        StudioPreferences.forTests("trials-demo-" + UUID.randomUUID()));
    Scene scene = new Scene(MainView.create(vm), 1400, 900);
    Theme.apply(scene, false);
    stage.setScene(scene);
    stage.titleProperty().bind(vm.titleProperty());
    stage.show();
    int trial = args.size() > 1 ? Integer.parseInt(args.get(1)) : 0;
    vm.openFile(Path.of(args.get(0))).thenRun(() -> {
      vm.selectedPanelProperty().set(MainViewModel.Panel.TRIALS);
      vm.runs().selectedTrialProperty().set(trial);
    });
  }

  /** Entry point that is not an {@code Application}, so that it runs from a class path. */
  public static final class Launch {
    private Launch() {}

    public static void main(String[] args) {
      Application.launch(TrialsDemo.class, args);
    }
  }
}
