package io.parzen.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;

/** A panel counts as shown only while every node above it is visible. */
class PaintGateTest {

  @Test
  void followsTheVisibilityOfEveryAncestorAsTheyChange() {
    StackPane panel = new StackPane();
    VBox middle = new VBox(panel);
    StackPane top = new StackPane(middle);
    List<Boolean> told = new ArrayList<>();
    PaintGate gate = new PaintGate(panel, told::add);
    assertThat(gate.isShown()).isTrue();

    top.setVisible(false);
    assertThat(gate.isShown()).isFalse();
    top.setVisible(true);
    middle.setVisible(false);
    assertThat(gate.isShown()).isFalse();

    // Moved under a visible parent, it is shown again; the old hidden ancestor no longer counts.
    StackPane elsewhere = new StackPane();
    middle.getChildren().remove(panel);
    elsewhere.getChildren().add(panel);
    assertThat(gate.isShown()).isTrue();
    middle.setVisible(true);
    middle.setVisible(false);
    assertThat(gate.isShown()).isTrue();
    assertThat(told).containsExactly(false, true, false, true);
  }
}
