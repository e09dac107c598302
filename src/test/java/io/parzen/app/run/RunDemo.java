package io.parzen.app.run;

import io.parzen.app.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * Opens the studio window on a new quadratic study in a temporary file and runs it, for looking
 * at the live plots: {@code java -cp ... io.parzen.app.run.RunDemo\$Launch [dark] [trials] [objective=NAME]
 * [panel=slice|samples|intermediate|trials|history|analysis] [plot=contour|rank|...] [workers=N]}; {@code plot=}
 * chooses a plot of the Analysis tab by id.
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
    for (String arg : args) {
      if (arg.startsWith("objective=")) {
        vm.setup().objectiveProperty().set(arg.substring("objective=".length()));
      } else if (arg.startsWith("workers=")) {
        vm.setup().workersProperty().set(Integer.parseInt(arg.substring("workers=".length())));
      }
    }
    vm.run().thenRun(() -> args.stream().filter(a -> a.startsWith("panel=")).findFirst().ifPresent(a ->
        vm.selectedPanelProperty().set(MainViewModel.Panel.valueOf(
            a.substring("panel=".length()).toUpperCase(java.util.Locale.ROOT).replace("INTERMEDIATE", "INTERMEDIATE_VALUES")))))
        .thenRun(() -> javafx.application.Platform.runLater(() -> args.stream().filter(a -> a.startsWith("plot="))
            .findFirst().ifPresent(a -> {
              @SuppressWarnings("unchecked")
              var chooser = (javafx.scene.control.ComboBox<io.parzen.app.analysis.AnalysisViewModel.Plot>)
                  stage.getScene().lookup("#analysisPlot");
              chooser.getItems().stream().filter(p -> p.id().equals(a.substring("plot=".length()))).findFirst()
                  .ifPresent(chooser.getSelectionModel()::select);
            })));
  }

  /** Entry point that is not an {@code Application}, so that it runs from a class path. */
  public static final class Launch {
    private Launch() {}

    public static void main(String[] args) {
      Application.launch(RunDemo.class, args);
    }
  }
}
