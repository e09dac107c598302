package io.parzen.app.compare;

import io.parzen.app.BackgroundExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.stage.Stage;

/**
 * Opens the Compare Studies window on branin run by TPE, random search and CMA-ES, 100 trials each
 * (written once to {@code /tmp/parzen-compare-demo/}), for looking at it:
 * {@code java -cp ... 'io.parzen.app.compare.CompareDemo$Launch' [dark] [edf] [log] [mixed] [pick]}.
 * {@code mixed} adds a maximising study, to see the refusal; {@code pick} opens a file of three
 * studies instead, to see the dialog that asks which.
 */
public final class CompareDemo extends Application {

  @Override
  public void start(Stage stage) throws Exception {
    List<String> args = getParameters().getUnnamed();
    Path dir = Files.createDirectories(Path.of("/tmp/parzen-compare-demo"));
    List<Path> files = new ArrayList<>();
    for (String sampler : List.of("tpe", "random", "cmaes")) {
      Path file = dir.resolve(sampler + ".db");
      if (!Files.exists(file)) {
        SamplerStudies.write(file, "branin-" + sampler, "branin", sampler, 100);
      }
      files.add(file);
    }
    if (args.contains("pick")) {
      Path file = dir.resolve("several.db");
      if (!Files.exists(file)) {
        for (String sampler : List.of("qmc", "gp", "hyperopt-tpe")) {
          SamplerStudies.write(file, "branin-" + sampler, "branin", sampler, 20);
        }
      }
      files.clear();
      files.add(file);
    }
    if (args.contains("mixed")) {
      Path file = dir.resolve("iris.db");
      if (!Files.exists(file)) {
        SamplerStudies.write(file, "svc-iris", "svc-iris", "random", 10);
      }
      files.add(file);
    }
    CompareViewModel vm = CompareWindow.show(null, dialogs -> new CompareViewModel(dialogs, BackgroundExecutor.pooled()),
        new SimpleBooleanProperty(args.contains("dark")));
    vm.logScaleProperty().set(args.contains("log"));
    vm.addFiles(files).thenRun(() -> {
      if (args.contains("edf")) {
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) javafx.stage.Window.getWindows().stream()
            .filter(w -> w.getScene() != null).map(w -> w.getScene().lookup("#compareTabs"))
            .filter(n -> n != null).findFirst().orElseThrow();
        tabs.getSelectionModel().select(1);
      }
    });
  }

  /** Entry point that is not an {@code Application}, so that it runs from a class path. */
  public static final class Launch {
    private Launch() {}

    public static void main(String[] args) {
      Application.launch(CompareDemo.class, args);
    }
  }
}
