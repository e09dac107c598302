package io.parzen.space;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@code SpaceJson.read(SpaceJson.write(space))} gives back the same space. */
class SpaceJsonRoundTripPropertiesTest {

  @Provide
  Arbitrary<SearchSpace> spaces() {
    return SpaceArbitraries.spaces();
  }

  @Provide
  Arbitrary<Parameter> parameters() {
    return SpaceArbitraries.parameter("p");
  }

  @Property(tries = 1000)
  void anySpaceSurvivesAJsonRoundTrip(@ForAll("spaces") SearchSpace space) {
    String json = SpaceJson.write(space);

    assertThat(SpaceJson.read(json)).as(json).isEqualTo(space);
  }

  @Property(tries = 1000)
  void anyParameterSurvivesAJsonRoundTrip(@ForAll("parameters") Parameter p) {
    SearchSpace space = SearchSpace.of(p);

    SearchSpace back = SpaceJson.read(SpaceJson.write(space));

    assertThat(back.parameters()).containsExactly(p);
    assertThat(back.parameters().get(0).kind()).isEqualTo(p.kind());
  }

  @Property(tries = 300)
  void writingIsStableAfterOneRoundTrip(@ForAll("spaces") SearchSpace space) {
    String json = SpaceJson.write(space);

    assertThat(SpaceJson.write(SpaceJson.read(json))).isEqualTo(json);
  }

  @Property(tries = 300)
  void treeRoundTripEqualsTextRoundTrip(@ForAll("spaces") SearchSpace space) {
    assertThat(SpaceJson.fromTree(SpaceJson.toTree(space))).isEqualTo(space);
  }
}
