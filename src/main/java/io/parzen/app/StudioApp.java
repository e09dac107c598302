package io.parzen.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The Parzen Studio desktop application. */
public final class StudioApp extends Application {

  @Override
  public void start(Stage stage) {
    StudioPreferences preferences = StudioPreferences.user();
    BackgroundExecutor executor = BackgroundExecutor.pooled();
    MainViewModel viewModel = new MainViewModel(new FxDialogService(stage), executor, preferences);
    Scene scene = new Scene(MainView.create(viewModel), 1320, 820);
    Theme.apply(scene, viewModel.darkThemeProperty().get());
    viewModel.darkThemeProperty().addListener((obs, old, dark) -> Theme.apply(scene, dark));
    stage.titleProperty().bind(viewModel.titleProperty());
    stage.setScene(scene);
    stage.setOnCloseRequest(event -> {
      if (!viewModel.canClose()) {
        event.consume();
      }
    });
    stage.show();
    java.util.List<String> args = getParameters().getUnnamed();
    int compare = args.indexOf(Launcher.COMPARE);
    java.util.List<String> files = compare < 0 ? args : args.subList(0, compare);
    if (compare >= 0) {
      java.util.List<java.nio.file.Path> compared = args.subList(compare + 1, args.size()).stream()
          .map(java.nio.file.Path::of).toList();
      io.parzen.app.compare.CompareWindow.show(stage, dialogs -> {
        io.parzen.app.compare.CompareViewModel comparison = new io.parzen.app.compare.CompareViewModel(dialogs, executor);
        comparison.addFiles(compared);
        return comparison;
      }, viewModel.darkThemeProperty());
    }
    if (files.isEmpty()) {
      viewModel.openAtStart();
    } else {
      viewModel.openFile(java.nio.file.Path.of(files.get(0))).thenAccept(opened -> {
        if (!opened) {
          viewModel.openAtStart();
        }
      });
    }
  }
}
