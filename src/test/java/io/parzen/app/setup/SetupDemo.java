package io.parzen.app.setup;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.FxDialogService;
import io.parzen.app.MainView;
import io.parzen.app.MainViewModel;
import io.parzen.app.StudioPreferences;
import io.parzen.app.Theme;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens the studio on a new study for looking at the setup panel: with {@code command}, a command
 * objective on a small training script after one test run; with {@code invalid}, CMA-ES with a wrong
 * sigma0 and a threshold pruner without bounds; otherwise TPE with some options set.
 * {@code java -cp ... io.parzen.app.setup.SetupDemo\$Launch [command|invalid] [dark]} (an {@code Application}
 * subclass cannot start from a plain class path, hence {@link Launch}).
 */
public final class SetupDemo extends Application {

  @Override
  public void start(Stage stage) throws Exception {
    var args = getParameters().getUnnamed();
    MainViewModel vm = new MainViewModel(new FxDialogService(stage), BackgroundExecutor.pooled(),
        StudioPreferences.forTests(UUID.randomUUID().toString()));
    Scene scene = new Scene(MainView.create(vm), 1400, 900);
    Theme.apply(scene, args.contains("dark"));
    stage.setScene(scene);
    stage.titleProperty().bind(vm.titleProperty());
    stage.show();
    vm.newStudy();
    StudySetupViewModel setup = vm.setup();
    if (args.contains("command")) {
      Path dir = Files.createTempDirectory("parzen-setup-demo");
      Path train = Files.writeString(dir.resolve("train.py"), """
          import json, math, sys
          lr, layers = float(sys.argv[2]), int(sys.argv[4])
          loss = 1.0
          for epoch in range(5):
              loss = loss * (0.6 + abs(math.log10(lr) + 2.5) / 10) + 0.01 * layers
              print(json.dumps({"step": epoch, "value": round(loss, 4)}), flush=True)
          print(f"trained {layers} layers at lr={lr}", file=sys.stderr)
          print(json.dumps({"value": round(loss, 4)}))
          """);
      vm.space().load(SearchSpace.of(Hp.loguniform("lr", 1e-4, 1e-1), Hp.randint("n_layers", 1, 5)));
      setup.studyNameProperty().set("train");
      setup.objectiveProperty().set("command");
      setup.command().templateProperty().set("python3 train.py --lr {lr} --layers {n_layers}");
      setup.command().workingDirectoryProperty().set(dir.toString());
      setup.command().timeoutSecondsProperty().set("600");
      setup.seedProperty().set("3");
      setup.prunerProperty().set("median");
      setup.command().testRun();
    } else if (args.contains("invalid")) {
      setup.samplerProperty().set("cmaes");
      setup.samplerOptions().field("sigma0").textProperty().set("1.5");
      setup.prunerProperty().set("threshold");
    } else {
      setup.seedProperty().set("42");
      setup.samplerOptions().field("n_startup_trials").textProperty().set("20");
      setup.samplerOptions().field("multivariate").textProperty().set("true");
      setup.prunerProperty().set("hyperband");
    }
  }

  /** Entry point that is not an {@code Application}, so that it runs from a class path. */
  public static final class Launch {
    private Launch() {}

    public static void main(String[] args) {
      Application.launch(SetupDemo.class, args);
    }
  }
}
