package io.parzen.app.preview;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.StudyDocument;
import io.parzen.space.Condition;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Shows the sampling preview alone, for looking at it: {@code java -cp ...
 * io.parzen.app.preview.PreviewDemo\$Launch [dark] [parameter] [second]}. (On a plain class path
 * Java refuses to start an {@code Application} subclass as the main class, hence {@link Launch}.)
 */
public final class PreviewDemo extends Application {

  @Override
  public void start(Stage stage) {
    var args = getParameters().getUnnamed();
    boolean dark = args.contains("dark");
    var names = args.stream().filter(a -> !a.equals("dark")).toList();
    Application.setUserAgentStylesheet(dark
        ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
        : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    StudyDocument document = new StudyDocument();
    document.spaceProperty().set(SearchSpace.of(
        Hp.loguniform("lr", 1e-5, 1e-1),
        Hp.pchoice("optimizer", Map.of("adam", 0.37, "sgd", 0.63)),
        Hp.uniform("momentum", 0.0, 0.99).withCondition(Condition.when("optimizer", "sgd")),
        Hp.uniformint("layers", 1, 8),
        Hp.lognormal("weight_decay", -9, 2)));
    PreviewViewModel viewModel = new PreviewViewModel(document, BackgroundExecutor.pooled());
    document.selectedParameterProperty().set(names.isEmpty() ? "lr" : names.get(0));
    viewModel.secondParameterProperty().set(names.size() > 1 ? names.get(1) : "momentum");
    Scene scene = new Scene(PreviewView.create(viewModel), 560, 820);
    scene.getStylesheets().add(io.parzen.app.Theme.class.getResource("studio.css").toExternalForm());
    scene.getRoot().getStyleClass().addAll("studio", dark ? "dark" : "light");
    stage.setTitle("Sampling preview");
    stage.setScene(scene);
    stage.show();
  }

  public static void main(String[] args) {
    launch(args);
  }

  /** Entry point that is not an {@code Application}, so that it runs from a class path. */
  public static final class Launch {
    private Launch() {}

    public static void main(String[] args) {
      Application.launch(PreviewDemo.class, args);
    }
  }
}
