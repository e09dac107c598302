package io.parzen.app.analysis;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.Theme;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.RunViewModel;
import io.parzen.objective.MultiObjective;
import io.parzen.objective.Objectives;
import io.parzen.sampler.Samplers;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.TrialPruned;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/**
 * Shows the importance and timeline panels side by side while a TPE study of a built-in
 * objective runs on two workers, for looking at them:
 * {@code java -cp ... 'io.parzen.app.analysis.ImportanceTimelineDemo$Launch' [dark] [OBJECTIVE] [trials] [select=N] [ped]}.
 * Each trial also sleeps 20-80 ms so that the timeline has something to show; every ninth trial
 * is pruned and every thirteenth fails. With {@code load=N} it shows N made-up trials of four
 * overlapping workers instead (the timeline of {@code io.parzen.bench.ImportanceTimelineBench}).
 */
public final class ImportanceTimelineDemo extends Application {

  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getUnnamed();
    boolean dark = args.contains("dark");
    int trials = args.stream().filter(a -> a.matches("\\d+")).map(Integer::parseInt).findFirst().orElse(200);
    String name = args.stream().filter(a -> a.matches("[a-z][a-z0-9-]+") && !a.equals("dark") && !a.equals("ped"))
        .findFirst().orElse("hartmann6");
    Integer select = args.stream().filter(a -> a.startsWith("select=")).map(a -> Integer.parseInt(a.substring(7)))
        .findFirst().orElse(null);
    BackgroundExecutor executor = BackgroundExecutor.pooled();
    RunViewModel runs = new RunViewModel();
    ChartExporter exporter = new ChartExporter(new AnalysisFixtures.Dialogs());
    ImportanceViewModel importance = new ImportanceViewModel(runs, exporter, executor);
    if (args.contains("ped")) {
      importance.methodProperty().set(io.parzen.importance.ParamImportances.Method.PED_ANOVA);
    }
    TimelineViewModel timeline = new TimelineViewModel(runs, exporter);
    SplitPane split = new SplitPane(ImportanceView.create(importance), TimelineView.create(timeline));
    split.setOrientation(Orientation.HORIZONTAL);
    Scene scene = new Scene(split, 1400, 800);
    Theme.apply(scene, dark);
    stage.setScene(scene);
    stage.setTitle("Parzen Studio — analysis demo: " + name);
    stage.show();

    Integer load = args.stream().filter(a -> a.startsWith("load=")).map(a -> Integer.parseInt(a.substring(5)))
        .findFirst().orElse(null);
    if (load != null) {
      runs.load(io.parzen.bench.ImportanceTimelineBench.timed(load, 1), StudyDirection.MINIMIZE);
      runs.selectedTrialProperty().set(select);
      return;
    }
    Objectives.Builtin builtin = Objectives.create(name);
    Study study = Study.builder().name(name).direction(builtin.maximize() ? StudyDirection.MAXIMIZE
        : StudyDirection.MINIMIZE).space(builtin.space()).sampler(Samplers.create("tpe", Map.of("seed", 7))).build();
    MultiObjective inner = builtin.objective();
    MultiObjective slowed = trial -> {
      Thread.sleep(20 + (trial.number() * 37L) % 61);
      double[] values = inner.evaluate(trial);
      if (trial.number() % 9 == 4) {
        throw new TrialPruned("demo");
      }
      if (trial.number() % 13 == 7) {
        throw new IllegalStateException("demo failure");
      }
      return values;
    };
    runs.attach(study, Budget.trials(trials));
    // The workers get threads of their own: on the BackgroundExecutor's pool (two threads on a
    // two-core machine) they would hold every thread and the importances would wait for the run.
    java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "demo-worker");
      t.setDaemon(true);
      return t;
    });
    study.optimizeAsync(slowed, Budget.trials(trials), 2, workers)
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
      Application.launch(ImportanceTimelineDemo.class, args);
    }
  }
}
