package io.parzen.app.run;

import io.parzen.app.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * Opens the studio window on a new quadratic study in a temporary file and runs it, for looking
 * at the live History tab: {@code java -cp ... io.parzen.app.run.RunDemo\$Launch [dark] [trials]}.
 * (On a plain class path Java refuses to start an {@code Application} subclass, hence {@link Launch}.)
 */
public final class RunDemo extends Application {

  @Override
  public void start(Stage stage) throws Exception {
    var args = getParameters().getUnnamed();
    int trials = args.stream().filter(a -> a.matches("\\d+")).map(Integer::parseInt).findFirst().orElse(80);
    Path file = Files.createTempDirectory("parzen-run-demo").resolve("quadratic.db");
    MainViewModel vm = RunViewTest.quadraticWindow(stage, file, trials);
    vm.darkThemeProperty().addListener((obs, old, dark) -> io.parzen.app.Theme.apply(stage.getScene(), dark));
    vm.darkThemeProperty().set(args.contains("dark"));
    stage.titleProperty().bind(vm.titleProperty());
    vm.run();
  }

  /** Entry point that is not an {@code Application}, so that it runs from a class path. */
  public static final class Launch {
    private Launch() {}

    public static void main(String[] args) {
      Application.launch(RunDemo.class, args);
    }
  }
}
