package io.parzen.app.analysis;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.Theme;
import io.parzen.app.run.ChartExporter;
import io.parzen.app.run.RunViewModel;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Runs 200 TPE trials of {@link AnalysisStudy} into the contour, parallel coordinate and rank
 * panels, for looking at them: {@code java -cp ... 'io.parzen.app.analysis.AnalysisDemo$Launch'
 * [dark] [contour|parallel|rank] [trials] [max] [select=N] [brush]}. {@code brush} brushes the
 * objective's lower third and lr once the run ends.
 */
public final class AnalysisDemo extends Application {

  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getUnnamed();
    boolean dark = args.contains("dark");
    boolean maximise = args.contains("max");
    int trials = args.stream().filter(a -> a.matches("\\d+")).map(Integer::parseInt).findFirst().orElse(200);
    Integer select = args.stream().filter(a -> a.startsWith("select=")).map(a -> Integer.parseInt(a.substring(7)))
        .findFirst().orElse(null);
    BackgroundExecutor executor = BackgroundExecutor.pooled();
    RunViewModel runs = new RunViewModel();
    ChartExporter exporter = new ChartExporter(new io.parzen.app.FxDialogService(stage));
    ContourViewModel contour = new ContourViewModel(runs, exporter, executor);
    ParallelCoordinatesViewModel parallel = new ParallelCoordinatesViewModel(runs, exporter, executor);
    RankViewModel rank = new RankViewModel(runs, exporter, executor);
    TabPane tabs = new TabPane(tab("Contour", ContourView.create(contour)),
        tab("Parallel coordinates", ParallelCoordinatesView.create(parallel)), tab("Rank", RankView.create(rank)));
    tabs.getSelectionModel().select(args.contains("parallel") ? 1 : args.contains("rank") ? 2 : 0);
    Scene scene = new Scene(tabs, 1200, 760);
    Theme.apply(scene, dark);
    stage.setScene(scene);
    stage.setTitle("Parzen Studio — analysis demo");
    stage.show();
    Study study = AnalysisStudy.create(7, maximise ? StudyDirection.MAXIMIZE : StudyDirection.MINIMIZE);
    runs.attach(study, Budget.trials(trials));
    // The study gets its own two threads: on the studio's pool (as MainViewModel runs it) two
    // workers would take both threads of a two-core machine and the plots would wait for the run.
    java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "demo-worker");
      t.setDaemon(true);
      return t;
    });
    study.optimizeAsync(AnalysisStudy.objective(maximise).asMulti(), Budget.trials(trials), 2, workers)
        .whenComplete((result, error) -> Platform.runLater(() -> {
          runs.detach();
          if (select != null) {
            runs.selectedTrialProperty().set(select);
          }
          if (args.contains("brush")) {
            parallel.plotProperty().addListener((obs, old, plot) -> brush(parallel));
            brush(parallel);
          }
        }));
  }

  private static void brush(ParallelCoordinatesViewModel parallel) {
    if (parallel.plotProperty().get() != null) {
      parallel.brush(ParallelCoordinatesViewModel.OBJECTIVE, 0, 0.33);
      parallel.brush("lr", 0.3, 0.8);
    }
  }

  private static Tab tab(String title, Parent content) {
    Tab tab = new Tab(title, content);
    tab.setClosable(false);
    return tab;
  }

  /** Entry point that is not an {@code Application}, so that it runs from a class path. */
  public static final class Launch {
    private Launch() {}

    public static void main(String[] args) {
      Application.launch(AnalysisDemo.class, args);
    }
  }
}
