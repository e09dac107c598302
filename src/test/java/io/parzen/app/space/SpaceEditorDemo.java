package io.parzen.app.space;

import io.parzen.app.StudyDocument;
import io.parzen.space.Condition;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Shows the space editor alone with a sample conditional space, for looking at it. The main class
 * does not extend {@code Application}, so it starts from a plain class path.
 */
public final class SpaceEditorDemo {

  public static void main(String[] args) {
    Application.launch(DemoApp.class, args);
  }

  /** The demo window. */
  public static final class DemoApp extends Application {

  @Override
  public void start(Stage stage) {
    Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    Map<Object, Double> weights = new LinkedHashMap<>();
    weights.put("adam", 0.7);
    weights.put("sgd", 0.3);
    SpaceEditorViewModel vm = new SpaceEditorViewModel(new StudyDocument(), new FakeDialogs());
    vm.load(SearchSpace.of(
        Hp.loguniform("lr", 1e-5, 1e-1),
        Hp.pchoice("optimizer", weights),
        Hp.uniform("beta1", 0.8, 0.999).withCondition(Condition.when("optimizer", "adam")),
        Hp.choice("schedule", "cosine", "step").withCondition(Condition.when("optimizer", "adam")),
        Hp.uniformint("warmup", 0, 10).withCondition(Condition.when("schedule", "cosine")),
        Hp.quniform("momentum", 0.0, 0.99, 0.01).withCondition(Condition.when("optimizer", "sgd")),
        Hp.lognormal("weight_decay", -9, 2),
        Hp.uniformint("layers", 1, 8)));
    vm.edit(vm.rows().get(7), SpaceField.LOW, "12");
    vm.selectedRowProperty().set(vm.rows().get(2));
    stage.setTitle("Search space editor");
    stage.setScene(new Scene(SpaceEditorView.create(vm), 1200, 640));
    stage.show();
  }
  }
}
