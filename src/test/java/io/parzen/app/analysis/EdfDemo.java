package io.parzen.app.analysis;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.FxDialogService;
import io.parzen.app.Theme;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.RunViewModel;
import io.parzen.objective.Objectives;
import io.parzen.sampler.Samplers;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Shows the EDF panel while TPE runs 200 trials of the built-in Hartmann 6 objective, for looking
 * at it: {@code java -cp ... 'io.parzen.app.analysis.EdfDemo$Launch' [dark] [log] [select=N]}.
 */
public final class EdfDemo extends Application {

  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getUnnamed();
    Integer select = args.stream().filter(a -> a.startsWith("select=")).map(a -> Integer.parseInt(a.substring(7)))
        .findFirst().orElse(null);
    BackgroundExecutor executor = BackgroundExecutor.pooled();
    RunViewModel runs = new RunViewModel();
    EdfViewModel vm = new EdfViewModel(runs, new ChartExporter(new FxDialogService(stage)));
    vm.logScaleProperty().set(args.contains("log"));
    Scene scene = new Scene(EdfView.create(vm), 900, 600);
    Theme.apply(scene, args.contains("dark"));
    stage.setScene(scene);
    stage.setTitle("Parzen Studio — EDF demo");
    stage.show();
    Objectives.Builtin objective = Objectives.create("hartmann6");
    Study study = Study.builder().name("hartmann6").direction(StudyDirection.MINIMIZE).space(objective.space())
        .sampler(Samplers.create("tpe", Map.of("seed", 3))).build();
    runs.attach(study, Budget.trials(200));
    study.optimizeAsync(objective.objective(), Budget.trials(200), 2, executor.executor())
        .whenComplete((result, error) -> Platform.runLater(() -> {
          runs.detach();
          if (select != null) {
            runs.selectedTrialProperty().set(select);
          }
        }));
  }

  /** Entry point that is not an {@code Application}, so that it runs from a class path. */
  public static final class Launch {
    private Launch() {}

    public static void main(String[] args) {
      Application.launch(EdfDemo.class, args);
    }
  }
}
