package io.parzen.app;

import io.parzen.objective.BenchmarkFunction;
import io.parzen.objective.BenchmarkFunctions;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The Parzen Studio desktop application. For now a first window listing the built-in objectives;
 * the search space editor and live plots replace it as they land.
 */
public final class StudioApp extends Application {

  @Override
  public void start(Stage stage) {
    ListView<String> objectives = new ListView<>();
    for (BenchmarkFunction f : BenchmarkFunctions.all()) {
      objectives.getItems().add(f.name() + " — " + f.description());
    }
    Label title = new Label("Parzen Studio — built-in objectives");
    title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
    BorderPane root = new BorderPane(objectives);
    root.setTop(title);
    BorderPane.setMargin(title, new Insets(0, 0, 8, 0));
    root.setPadding(new Insets(12));
    stage.setTitle("Parzen Studio");
    stage.setScene(new Scene(root, 900, 600));
    stage.show();
  }
}
