package io.parzen.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The Parzen Studio desktop application. */
public final class StudioApp extends Application {

  @Override
  public void start(Stage stage) {
    StudioPreferences preferences = StudioPreferences.user();
    MainViewModel viewModel = new MainViewModel(new FxDialogService(stage), BackgroundExecutor.pooled(), preferences);
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
    java.util.List<String> files = getParameters().getUnnamed();
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
