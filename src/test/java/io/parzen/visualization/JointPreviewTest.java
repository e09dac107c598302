package io.parzen.visualization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parzen.space.Condition;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.visualization.JointPreview.Point;
import org.junit.jupiter.api.Test;

class JointPreviewTest {

  private static final SearchSpace SPACE = SearchSpace.of(
      Hp.loguniform("lr", 1e-5, 1e-1),
      Hp.choice("optimizer", "adam", "sgd"),
      Hp.uniform("momentum", 0.0, 0.99).withCondition(Condition.when("optimizer", "sgd")));

  @Test
  void unconditionalPairHasOnePointPerDrawWithinBothBounds() {
    JointPreview joint = JointPreview.of(SPACE, "lr", "optimizer", 1_000, 3);
    assertThat(joint.points()).hasSize(1_000);
    assertThat(joint.points()).allSatisfy(p -> {
      assertThat(p.x()).isBetween(1e-5, 1e-1);
      assertThat(p.y()).isIn(0.0, 1.0);
    });
    assertThat(joint.x().logScale()).isTrue();
    assertThat(joint.y().categorical()).isTrue();
    assertThat(joint.y().choices()).containsExactly("adam", "sgd");
  }

  @Test
  void integerParameterAxisSaysItTakesOnlyIntegers() {
    SearchSpace space = SearchSpace.of(Hp.uniformint("layers", 1, 8), Hp.uniform("x", 0, 1));
    JointPreview joint = JointPreview.of(space, "layers", "x", 200, 1);
    assertThat(joint.x().integer()).isTrue();
    assertThat(joint.y().integer()).isFalse();
    assertThat(joint.points()).extracting(JointPreview.Point::x).allSatisfy(x -> assertThat(x).isEqualTo(Math.rint(x)));
  }

  @Test
  void conditionalPairKeepsOnlyDrawsWhereBothWereActive() {
    JointPreview joint = JointPreview.of(SPACE, "lr", "momentum", 4_000, 5);
    assertThat(joint.points().size() / 4_000.0).isCloseTo(0.5, within(0.04));
    assertThat(joint.points()).extracting(Point::y).allSatisfy(y -> assertThat(y).isBetween(0.0, 0.99));
  }

  @Test
  void jointPreviewMatchesTheMarginalPreviewOfTheSameDraws() {
    JointPreview joint = JointPreview.of(SPACE, "optimizer", "momentum", 2_000, 8);
    PriorPreview momentum = PriorPreview.of(SPACE, "momentum", 2_000, 8);
    assertThat(joint.points()).hasSize(momentum.activeDraws());
    assertThat(joint.points()).extracting(Point::x).containsOnly(1.0);
  }

  @Test
  void sameSeedGivesTheSamePoints() {
    assertThat(JointPreview.of(SPACE, "lr", "momentum", 500, 1))
        .isEqualTo(JointPreview.of(SPACE, "lr", "momentum", 500, 1));
  }
}
