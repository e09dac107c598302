package io.parzen.app.run;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.MainView;
import io.parzen.app.MainViewModel;
import io.parzen.app.StudioPreferences;
import io.parzen.app.Theme;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens the studio window and runs the {@link TrainingStudy} into its live plots, for looking at
 * them: {@code java -cp ... io.parzen.app.run.PlotsDemo\$Launch [dark] [PANEL] [trials] [select=N] [hide=a,b]}
 * where PANEL is a {@link MainViewModel.Panel} name such as {@code slice}. With {@code select=N}
 * trial N is selected once the run ends; {@code hide=} hides those parameters' slices.
 */
public final class PlotsDemo extends Application {

  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getUnnamed();
    boolean dark = args.contains("dark");
    int trials = args.stream().filter(a -> a.matches("\\d+")).map(Integer::parseInt).findFirst().orElse(120);
    MainViewModel.Panel panel = args.stream().filter(a -> a.matches("[a-z_]+") && !a.equals("dark"))
        .map(a -> MainViewModel.Panel.valueOf(a.toUpperCase(Locale.ROOT))).findFirst()
        .orElse(MainViewModel.Panel.SLICE);
    Integer select = args.stream().filter(a -> a.startsWith("select=")).map(a -> Integer.parseInt(a.substring(7)))
        .findFirst().orElse(null);
    List<String> hide = args.stream().filter(a -> a.startsWith("hide=")).flatMap(a -> List.of(a.substring(5)
        .split(",")).stream()).toList();
    BackgroundExecutor executor = BackgroundExecutor.pooled();
    MainViewModel vm = new MainViewModel(RunViewTest.savingTo(null), executor,
        StudioPreferences.forTests(UUID.randomUUID().toString()));
    Scene scene = new Scene(MainView.create(vm), 1400, 900);
    Theme.apply(scene, dark);
    stage.setScene(scene);
    stage.setTitle("Parzen Studio — plots demo");
    stage.show();
    vm.selectedPanelProperty().set(panel);
    Study study = TrainingStudy.create(11);
    vm.runs().attach(study, Budget.trials(trials));
    study.optimizeAsync(TrainingStudy.objective().asMulti(), Budget.trials(trials), 2, executor.executor())
        .whenComplete((result, error) -> Platform.runLater(() -> {
          vm.runs().detach();
          if (select != null) {
            vm.runs().selectedTrialProperty().set(select);
          }
          hide.forEach(name -> ((javafx.scene.control.MenuButton) scene.lookup("#sliceParameters")).getItems().stream()
              .filter(i -> name.equals(i.getText())).forEach(i -> ((javafx.scene.control.CheckMenuItem) i)
                  .setSelected(false)));
        }));
  }

  /** Entry point that is not an {@code Application}, so that it runs from a class path. */
  public static final class Launch {
    private Launch() {}

    public static void main(String[] args) {
      Application.launch(PlotsDemo.class, args);
    }
  }
}
