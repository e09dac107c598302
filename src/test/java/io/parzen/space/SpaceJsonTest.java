package io.parzen.space;

import static io.parzen.space.DistributionValidationTest.assertProblem;
import static io.parzen.space.DistributionValidationTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The readable JSON form of a space, and the errors reading it reports. */
class SpaceJsonTest {

  private static String space(String... parameters) {
    return "{\"parameters\": [\n" + String.join(",\n", parameters) + "\n]}";
  }

  private static SpaceValidationException readProblem(String json) {
    return problem(() -> SpaceJson.read(json));
  }

  @Test
  void writtenJsonIsIndentedAndNamesEachType() {
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("adam", 0.7);
    weights.put("sgd", 0.3);
    String json = SpaceJson.write(SearchSpace.of(
        Hp.loguniform("lr", 1e-5, 0.1), Hp.uniformint("layers", 1, 4), Hp.pchoice("optimizer", weights)));

    assertThat(json)
        .contains("\"type\" : \"float\"")
        .contains("\"type\" : \"int\"")
        .contains("\"type\" : \"categorical\"")
        .contains("\"log\" : true")
        .contains("\"name\" : \"lr\"")
        .contains("\"weights\" : [ 0.7, 0.3 ]")
        .contains("\n");
  }

  @Test
  void writtenJsonOfAFloatHoldsExactlyItsFields() {
    String json = SpaceJson.write(SearchSpace.of(Hp.uniform("x", 0, 1)));

    assertThat(json.replaceAll("\\s+", "")).isEqualTo(
        "{\"parameters\":[{\"name\":\"x\",\"type\":\"float\",\"low\":0.0,\"high\":1.0}]}");
  }

  @Test
  void writtenJsonShowsStepPriorAndCondition() {
    String json = SpaceJson.write(SearchSpace.of(
        Hp.choice("model", "svm", "forest"),
        Hp.qnormal("x", 0, 1, 0.5).withCondition(Condition.when("model", "svm"))));

    assertThat(json.replaceAll("\\s+", "")).contains(
        "\"step\":0.5",
        "\"prior\":{\"shape\":\"normal\",\"mu\":0.0,\"sigma\":1.0}",
        "\"when\":{\"parent\":\"model\",\"values\":[\"svm\"]}");
  }

  @Test
  void intStepIsWrittenOnlyWhenNotOne() {
    String json = SpaceJson.write(SearchSpace.of(
        Hp.uniformint("a", 0, 9), new Parameter("b", new IntDistribution(0, 9, false, 3))));

    assertThat(json.replaceAll("\\s+", "")).contains(
        "{\"name\":\"a\",\"type\":\"int\",\"low\":0,\"high\":9}",
        "{\"name\":\"b\",\"type\":\"int\",\"low\":0,\"high\":9,\"step\":3}");
  }

  @Test
  void documentExampleReadsIntoTheExpectedSpace() {
    String json = """
        {"parameters": [
          {"name": "lr", "type": "float", "low": 1e-05, "high": 0.1, "log": true},
          {"name": "optimizer", "type": "categorical", "choices": ["adam", "sgd"], "weights": [0.7, 0.3]},
          {"name": "momentum", "type": "float", "low": 0.0, "high": 0.99,
           "when": {"parent": "optimizer", "values": ["sgd"]}},
          {"name": "C", "type": "float", "low": 3.3e-4, "high": 2981.0, "log": true,
           "prior": {"shape": "lognormal", "mu": 0.0, "sigma": 1.0}}]}
        """;

    SearchSpace space = SpaceJson.read(json);

    assertThat(space.parameters()).containsExactly(
        Hp.loguniform("lr", 1e-5, 0.1),
        new Parameter("optimizer", CategoricalDistribution.of("adam", "sgd"),
            new Prior.Weighted(List.of(0.7, 0.3)), null),
        Hp.uniform("momentum", 0, 0.99).withCondition(Condition.when("optimizer", "sgd")),
        new Parameter("C", FloatDistribution.logUniform(3.3e-4, 2981.0), new Prior.LogNormal(0, 1), null));
  }

  @Test
  void choicesKeepTheirTypesThroughJson() {
    SearchSpace space = SearchSpace.of(Hp.choice("c", "a", 1, 2.0, 2.5, true));

    SearchSpace back = SpaceJson.read(SpaceJson.write(space));

    assertThat(((CategoricalDistribution) back.parameters().get(0).distribution()).choices())
        .containsExactly("a", 1L, 2.0, 2.5, true);
    assertThat(back).isEqualTo(space);
  }

  @Test
  void intConditionValuesSurviveJson() {
    SearchSpace space = SearchSpace.of(
        Hp.uniformint("layers", 1, 3),
        Hp.uniformint("units3", 8, 64).withCondition(Condition.when("layers", 3)));

    assertThat(SpaceJson.read(SpaceJson.write(space))).isEqualTo(space);
  }

  @Test
  void explicitUniformPriorAndNullStepAreAccepted() {
    SearchSpace space = SpaceJson.read(space(
        "{\"name\": \"x\", \"type\": \"float\", \"low\": 0, \"high\": 1, \"step\": null,"
            + " \"prior\": {\"shape\": \"uniform\"}, \"when\": null}"));

    assertThat(space.parameters()).containsExactly(Hp.uniform("x", 0, 1));
  }

  @Test
  void emptyParametersArrayIsAnEmptySpace() {
    assertThat(SpaceJson.read("{\"parameters\": []}")).isEqualTo(SearchSpace.empty());
  }

  // --- errors ---

  @Test
  void missingHighNamesTheParameterAndField() {
    assertProblem(readProblem(space("{\"name\": \"lr\", \"type\": \"float\", \"low\": 0.001}")),
        "lr", "high", "lr: missing number field \"high\"");
  }

  @Test
  void nonNumericLowNamesTheParameterAndField() {
    assertProblem(readProblem(space("{\"name\": \"lr\", \"type\": \"float\", \"low\": \"small\", \"high\": 1}")),
        "lr", "low", "lr: low (\"small\") is not a number");
  }

  @Test
  void fractionalIntBoundNamesTheParameterAndField() {
    assertProblem(readProblem(space("{\"name\": \"n\", \"type\": \"int\", \"low\": 1, \"high\": 2.5}")),
        "n", "high", "n: high (2.5) is not an integer");
  }

  @Test
  void missingIntLowNamesTheParameterAndField() {
    assertProblem(readProblem(space("{\"name\": \"n\", \"type\": \"int\", \"high\": 3}")),
        "n", "low", "n: missing integer field \"low\"");
  }

  @Test
  void unknownTypeNamesTheParameterAndListsTheTypes() {
    assertProblem(readProblem(space("{\"name\": \"lr\", \"type\": \"double\", \"low\": 0, \"high\": 1}")),
        "lr", "type", "lr: unknown type \"double\" (expected float, int or categorical)");
  }

  @Test
  void missingTypeNamesTheParameterAndField() {
    assertProblem(readProblem(space("{\"name\": \"lr\", \"low\": 0, \"high\": 1}")),
        "lr", "type", "lr: missing text field \"type\"");
  }

  @Test
  void unknownPriorShapeNamesTheParameterAndListsTheShapes() {
    assertProblem(readProblem(space("{\"name\": \"lr\", \"type\": \"float\", \"low\": 0, \"high\": 1,"
            + " \"prior\": {\"shape\": \"cauchy\"}}")),
        "lr", "prior",
        "lr: unknown prior shape \"cauchy\" (expected uniform, loguniform, normal or lognormal)");
  }

  @Test
  void priorWithoutSigmaNamesTheParameterAndField() {
    assertProblem(readProblem(space("{\"name\": \"x\", \"type\": \"float\", \"low\": 0, \"high\": 1,"
            + " \"prior\": {\"shape\": \"normal\", \"mu\": 0}}")),
        "x", "sigma", "x: missing number field \"sigma\"");
  }

  @Test
  void nonArrayChoicesNameTheParameterAndField() {
    assertProblem(readProblem(space("{\"name\": \"opt\", \"type\": \"categorical\", \"choices\": \"adam\"}")),
        "opt", "choices", "opt: \"choices\" must be an array");
  }

  @Test
  void nestedArrayChoiceNamesTheParameterAndField() {
    assertProblem(readProblem(space("{\"name\": \"opt\", \"type\": \"categorical\", \"choices\": [\"a\", [1]]}")),
        "opt", "choices", "opt: choices holds [1]; only strings, numbers, booleans and null are allowed");
  }

  @Test
  void duplicateChoicesInJsonNameTheParameter() {
    assertProblem(readProblem(space("{\"name\": \"opt\", \"type\": \"categorical\", \"choices\": [\"a\", \"a\"]}")),
        "opt", "choices", "opt: duplicate choice \"a\"");
  }

  @Test
  void nonNumericWeightNamesTheParameterAndField() {
    assertProblem(readProblem(space("{\"name\": \"opt\", \"type\": \"categorical\", \"choices\": [\"a\", \"b\"],"
            + " \"weights\": [1, \"x\"]}")),
        "opt", "weights", "opt: weight \"x\" is not a number");
  }

  @Test
  void weightsCountMismatchInJsonNamesTheParameter() {
    assertProblem(readProblem(space("{\"name\": \"opt\", \"type\": \"categorical\", \"choices\": [\"a\", \"b\"],"
            + " \"weights\": [1]}")),
        "opt", "weights", "opt: has 1 weights for 2 choices");
  }

  @Test
  void invalidBoundsInJsonNameTheParameter() {
    assertProblem(readProblem(space("{\"name\": \"lr\", \"type\": \"float\", \"low\": 0, \"high\": 1, \"log\": true}")),
        "lr", "low", "lr: low (0.0) must be > 0 when log is true");
  }

  @Test
  void intStepInJsonNamesTheParameter() {
    assertProblem(readProblem(space("{\"name\": \"n\", \"type\": \"int\", \"low\": 0, \"high\": 9, \"step\": 0}")),
        "n", "step", "n: step (0) must be a positive integer");
  }

  @Test
  void conditionWithoutValuesArrayNamesTheParameter() {
    assertProblem(readProblem(space(
            "{\"name\": \"opt\", \"type\": \"categorical\", \"choices\": [\"a\"]}",
            "{\"name\": \"x\", \"type\": \"float\", \"low\": 0, \"high\": 1, \"when\": {\"parent\": \"opt\"}}")),
        "x", "condition", "x: \"when\" needs a \"values\" array");
  }

  @Test
  void conditionWithoutParentNamesTheParameter() {
    assertProblem(readProblem(space(
            "{\"name\": \"x\", \"type\": \"float\", \"low\": 0, \"high\": 1, \"when\": {\"values\": [1]}}")),
        "x", "parent", "x: missing text field \"parent\"");
  }

  @Test
  void conditionOnAnUnknownParentInJsonNamesTheParameter() {
    assertProblem(readProblem(space(
            "{\"name\": \"x\", \"type\": \"float\", \"low\": 0, \"high\": 1,"
                + " \"when\": {\"parent\": \"opt\", \"values\": [\"a\"]}}")),
        "x", "condition", "x: condition on unknown parameter \"opt\"");
  }

  @Test
  void parameterWithoutNameIsIdentifiedByItsIndex() {
    assertProblem(readProblem(space(
            "{\"name\": \"x\", \"type\": \"float\", \"low\": 0, \"high\": 1}",
            "{\"type\": \"float\", \"low\": 0, \"high\": 1}")),
        null, "name", "parameters[1] has no \"name\"");
  }

  @Test
  void nonObjectParameterIsIdentifiedByItsIndex() {
    assertProblem(readProblem(space("42")),
        null, null, "parameters[0] must be an object, got 42");
  }

  @Test
  void documentWithoutParametersArrayIsRejected() {
    assertProblem(readProblem("{\"params\": []}"),
        null, "parameters", "a search space must be an object with a \"parameters\" array");
    assertProblem(readProblem("[1, 2]"),
        null, "parameters", "a search space must be an object with a \"parameters\" array");
  }

  @Test
  void malformedJsonReportsLineAndColumn() {
    SpaceValidationException e = readProblem("{\"parameters\": [\n  {\"name\": \"x\",\n   \"type\" \"float\"}]}");

    assertThat(e.getMessage()).startsWith("not valid JSON: Unexpected character ('\"' (code 34))")
        .endsWith("(line 3, column 11)");
    assertThat(e.parameter()).isNull();
    assertThat(e.field()).isNull();
  }

  @Test
  void truncatedJsonReportsWhereItEnded() {
    SpaceValidationException e = readProblem("{\"parameters\": [\n");

    assertThat(e.getMessage()).startsWith("not valid JSON: Unexpected end-of-input").endsWith("(line 2, column 1)");
  }
}
