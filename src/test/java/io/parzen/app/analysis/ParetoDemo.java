package io.parzen.app.analysis;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.FakeDialogs;
import io.parzen.app.MainView;
import io.parzen.app.MainViewModel;
import io.parzen.app.StudioPreferences;
import io.parzen.app.Theme;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;

/**
 * Opens the studio on the Analysis tab's Pareto front of DTLZ2 (2 or 3 objectives, 400 random
 * trials), for looking at it: {@code java -cp ... io.parzen.app.analysis.ParetoDemo\$Launch [dark] [2|3] [flat]
 * [select=N]}; {@code flat} shows two objectives of a three-objective study.
 */
public final class ParetoDemo extends Application {

  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getUnnamed();
    boolean dark = args.contains("dark");
    int objectives = args.contains("2") ? 2 : 3;
    MainViewModel vm = new MainViewModel(new FakeDialogs(), BackgroundExecutor.pooled(),
        StudioPreferences.forTests(UUID.randomUUID().toString()));
    Scene scene = new Scene(MainView.create(vm), 1400, 900);
    Theme.apply(scene, dark);
    stage.setScene(scene);
    stage.setTitle("Parzen Studio — Pareto demo");
    stage.show();
    vm.runs().load(dtlz2(400, objectives), Collections.nCopies(objectives, StudyDirection.MINIMIZE));
    vm.selectedPanelProperty().set(MainViewModel.Panel.ANALYSIS);
    @SuppressWarnings("unchecked")
    ComboBox<AnalysisViewModel.Plot> chooser = (ComboBox<AnalysisViewModel.Plot>) scene.lookup("#analysisPlot");
    chooser.getItems().stream().filter(p -> p.id().equals("pareto-front")).findFirst()
        .ifPresent(chooser.getSelectionModel()::select);
    if (args.contains("flat")) {
      ((javafx.scene.control.CheckBox) scene.lookup("#pareto3d")).setSelected(false);
    }
    args.stream().filter(a -> a.startsWith("select=")).map(a -> Integer.parseInt(a.substring(7))).findFirst()
        .ifPresent(vm.runs().selectedTrialProperty()::set);
  }

  /** DTLZ2 with four variables drawn at random: the front is the unit sphere's positive part. */
  static List<FrozenTrial> dtlz2(int n, int objectives) {
    Random random = new Random(3);
    List<FrozenTrial> trials = new ArrayList<>();
    Instant start = Instant.parse("2026-11-25T10:00:00Z");
    for (int i = 0; i < n; i++) {
      double[] x = new double[4];
      Map<String, Object> params = new TreeMap<>();
      for (int k = 0; k < x.length; k++) {
        // Later trials nearer the front, as a sampler would get them.
        x[k] = k < objectives - 1 ? random.nextDouble() : 0.5 + (random.nextDouble() - 0.5) * (1.0 - i / (double) n);
        params.put("x" + k, x[k]);
      }
      double g = 0;
      for (int k = objectives - 1; k < x.length; k++) {
        g += (x[k] - 0.5) * (x[k] - 0.5);
      }
      List<Double> f = new ArrayList<>();
      for (int m = 0; m < objectives; m++) {
        double v = 1 + g;
        for (int k = 0; k < objectives - 1 - m; k++) {
          v *= Math.cos(x[k] * Math.PI / 2);
        }
        if (m > 0) {
          v *= Math.sin(x[objectives - 1 - m] * Math.PI / 2);
        }
        f.add(v);
      }
      trials.add(new FrozenTrial(i, i, TrialState.COMPLETE, f, start.plusSeconds(i), start.plusSeconds(i + 1), params,
          Map.of(), Map.of(), Map.of(), new TreeMap<>()));
    }
    return trials;
  }

  /** Entry point that is not an {@code Application}, so that it runs from a class path. */
  public static final class Launch {
    private Launch() {}

    public static void main(String[] args) {
      Application.launch(ParetoDemo.class, args);
    }
  }
}
