package io.parzen.space;

import static io.parzen.space.DistributionValidationTest.assertProblem;
import static io.parzen.space.DistributionValidationTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** NNI / Hyperopt {@code search_space.json} documents, including nested choices. */
class NniSpaceImporterTest {

  private static final String FILE = "search_space.json";

  private static final String NNI_EXAMPLE = """
      {"lr": {"_type": "loguniform", "_value": [1e-4, 0.1]},
       "model": {"_type": "choice", "_value": [
           {"_name": "svm", "C": {"_type": "lognormal", "_value": [0, 1]}},
           {"_name": "forest", "depth": {"_type": "randint", "_value": [2, 12]}}]}}
      """;

  private static SearchSpace read(String json) {
    return NniSpaceImporter.read(json, FILE);
  }

  private static SpaceValidationException readProblem(String json) {
    return problem(() -> read(json));
  }

  private static Parameter param(SearchSpace space, String name) {
    return space.parameter(name).orElseThrow(() -> new AssertionError("no parameter " + name + " in " + space));
  }

  @Test
  void nniExampleGivesOneParameterPerLeafInDocumentOrder() {
    SearchSpace space = read(NNI_EXAMPLE);

    assertThat(space.parameters()).extracting(Parameter::name).containsExactly("lr", "model", "C", "depth");
    assertThat(param(space, "lr")).isEqualTo(Hp.loguniform("lr", 1e-4, 0.1));
    assertThat(param(space, "model")).isEqualTo(Hp.choice("model", "svm", "forest"));
  }

  @Test
  void nniExampleMakesCActiveOnlyForSvm() {
    Parameter c = param(read(NNI_EXAMPLE), "C");

    assertThat(c).isEqualTo(Hp.lognormal("C", 0, 1).withCondition(Condition.when("model", "svm")));
    assertThat(c.kind()).isEqualTo(ParameterKind.LOG_NORMAL);
  }

  @Test
  void nniExampleMakesDepthAnIntTwoToElevenActiveOnlyForForest() {
    Parameter depth = param(read(NNI_EXAMPLE), "depth");

    assertThat(depth.distribution()).isEqualTo(IntDistribution.of(2, 11));
    assertThat(depth.condition()).isEqualTo(Condition.when("model", "forest"));
  }

  @Test
  void nniExampleSamplesOnlyTheChosenBranch() {
    SearchSpace space = read(NNI_EXAMPLE);
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      Map<String, Object> sample = space.sample(rng);
      if (sample.get("model").equals("svm")) {
        assertThat(sample.keySet()).containsExactlyInAnyOrder("lr", "model", "C");
      } else {
        assertThat(sample.keySet()).containsExactlyInAnyOrder("lr", "model", "depth");
      }
    }
  }

  @Test
  void choicesNestTwoLevelsDeep() {
    SearchSpace space = read("""
        {"model": {"_type": "choice", "_value": [
            {"_name": "svm", "kernel": {"_type": "choice", "_value": [
                {"_name": "rbf", "gamma": {"_type": "loguniform", "_value": [1e-4, 10]}},
                {"_name": "poly", "degree": {"_type": "uniformint", "_value": [2, 5]}}]}},
            {"_name": "forest", "depth": {"_type": "randint", "_value": [2, 12]}}]}}
        """);

    assertThat(space.parameters()).extracting(Parameter::name)
        .containsExactly("model", "kernel", "gamma", "degree", "depth");
    assertThat(param(space, "kernel")).isEqualTo(
        Hp.choice("kernel", "rbf", "poly").withCondition(Condition.when("model", "svm")));
    assertThat(param(space, "gamma").condition()).isEqualTo(Condition.when("kernel", "rbf"));
    assertThat(param(space, "degree")).isEqualTo(
        Hp.uniformint("degree", 2, 5).withCondition(Condition.when("kernel", "poly")));
    assertThat(space.activeNames(Map.of("model", "svm", "kernel", "poly", "degree", 3L)))
        .containsExactlyInAnyOrder("model", "kernel", "degree");
    assertThat(space.activeNames(Map.of("model", "forest", "kernel", "poly")))
        .containsExactlyInAnyOrder("model", "depth");
  }

  @Test
  void identicalParameterInTwoBranchesIsOneParameterActiveInBoth() {
    SearchSpace space = read("""
        {"model": {"_type": "choice", "_value": [
            {"_name": "svm", "C": {"_type": "loguniform", "_value": [0.01, 100]}},
            {"_name": "logreg", "C": {"_type": "loguniform", "_value": [0.01, 100]}},
            {"_name": "forest"}]}}
        """);

    assertThat(space.parameters()).extracting(Parameter::name).containsExactly("model", "C");
    assertThat(param(space, "C")).isEqualTo(
        Hp.loguniform("C", 0.01, 100).withCondition(Condition.when("model", "svm", "logreg")));
  }

  @Test
  void differentParametersWithTheSameNameAreQualifiedByTheirBranch() {
    SearchSpace space = read("""
        {"model": {"_type": "choice", "_value": [
            {"_name": "svm", "C": {"_type": "loguniform", "_value": [0.01, 100]}},
            {"_name": "forest", "C": {"_type": "uniformint", "_value": [1, 10]}}]}}
        """);

    assertThat(space.names()).containsExactly("model", "svm.C", "forest.C");
    assertThat(param(space, "svm.C")).isEqualTo(
        Hp.loguniform("svm.C", 0.01, 100).withCondition(Condition.when("model", "svm")));
    assertThat(param(space, "forest.C")).isEqualTo(
        Hp.uniformint("forest.C", 1, 10).withCondition(Condition.when("model", "forest")));
  }

  @Test
  void identicalNestedChoiceInTwoBranchesMergesItsChildrenWithoutRepeatingValues() {
    SearchSpace space = read("""
        {"model": {"_type": "choice", "_value": [
            {"_name": "svm", "kernel": {"_type": "choice", "_value": [
                "rbf", {"_name": "poly", "degree": {"_type": "uniformint", "_value": [2, 5]}}]}},
            {"_name": "krr", "kernel": {"_type": "choice", "_value": [
                "rbf", {"_name": "poly", "degree": {"_type": "uniformint", "_value": [2, 5]}}]}}]}}
        """);

    assertThat(space.names()).containsExactly("model", "kernel", "degree");
    assertThat(param(space, "kernel").condition()).isEqualTo(Condition.when("model", "svm", "krr"));
    assertThat(param(space, "degree").condition()).isEqualTo(Condition.when("kernel", "poly"));
  }

  @Test
  void aThirdBranchIdenticalToAQualifiedParameterJoinsIt() {
    SearchSpace space = read("""
        {"model": {"_type": "choice", "_value": [
            {"_name": "svm", "C": {"_type": "loguniform", "_value": [0.01, 100]}},
            {"_name": "forest", "C": {"_type": "uniformint", "_value": [1, 10]}},
            {"_name": "logreg", "C": {"_type": "loguniform", "_value": [0.01, 100]}}]}}
        """);

    assertThat(space.names()).containsExactly("model", "svm.C", "forest.C");
    assertThat(param(space, "svm.C").condition()).isEqualTo(Condition.when("model", "svm", "logreg"));
  }

  @Test
  void branchParameterClashingWithATopLevelOneIsQualifiedAndTheTopLevelKeepsItsName() {
    SearchSpace space = read("""
        {"model": {"_type": "choice", "_value": [
            {"_name": "svm", "lr": {"_type": "uniform", "_value": [0, 1]}}]},
         "lr": {"_type": "loguniform", "_value": [1e-4, 0.1]}}
        """);

    assertThat(space.names()).containsExactlyInAnyOrder("model", "svm.lr", "lr");
    assertThat(param(space, "lr")).isEqualTo(Hp.loguniform("lr", 1e-4, 0.1));
    assertThat(param(space, "svm.lr").condition()).isEqualTo(Condition.when("model", "svm"));
  }

  @Test
  void qualifiedNestedChoiceKeepsItsChildrenAttached() {
    SearchSpace space = read("""
        {"model": {"_type": "choice", "_value": [
            {"_name": "svm", "kernel": {"_type": "choice", "_value": [
                {"_name": "poly", "degree": {"_type": "uniformint", "_value": [2, 5]}}, "rbf"]}},
            {"_name": "gp", "kernel": {"_type": "choice", "_value": ["matern", "rbf"]}}]}}
        """);

    assertThat(space.names()).containsExactly("model", "svm.kernel", "degree", "gp.kernel");
    assertThat(param(space, "degree").condition()).isEqualTo(Condition.when("svm.kernel", "poly"));
    assertThat(param(space, "gp.kernel").distribution()).isEqualTo(CategoricalDistribution.of("matern", "rbf"));
  }

  @Test
  void everyNniTypeIsImported() {
    SearchSpace space = read("""
        {"a": {"_type": "choice", "_value": ["x", 1, 2.5, true]},
         "b": {"_type": "pchoice", "_value": [[0.7, "adam"], [0.3, "sgd"]]},
         "c": {"_type": "randint", "_value": [10]},
         "d": {"_type": "randint", "_value": [-3, 3]},
         "e": {"_type": "uniformint", "_value": [1, 4]},
         "f": {"_type": "int_log", "_value": [1, 1024]},
         "g": {"_type": "uniform", "_value": [-1, 1]},
         "h": {"_type": "quniform", "_value": [0, 10, 2]},
         "i": {"_type": "loguniform", "_value": [1e-5, 1]},
         "j": {"_type": "qloguniform", "_value": [1, 100, 1]},
         "k": {"_type": "normal", "_value": [0, 1]},
         "l": {"_type": "qnormal", "_value": [0, 1, 0.5]},
         "m": {"_type": "lognormal", "_value": [0, 1]},
         "n": {"_type": "qlognormal", "_value": [0, 1, 1]}}
        """);

    assertThat(space.parameters()).containsExactly(
        Hp.choice("a", "x", 1, 2.5, true),
        new Parameter("b", CategoricalDistribution.of("adam", "sgd"), new Prior.Weighted(List.of(0.7, 0.3)), null),
        Hp.randint("c", 10),
        Hp.randint("d", -3, 3),
        Hp.uniformint("e", 1, 4),
        Hp.intLog("f", 1, 1024),
        Hp.uniform("g", -1, 1),
        Hp.quniform("h", 0, 10, 2),
        Hp.loguniform("i", 1e-5, 1),
        Hp.qloguniform("j", 1, 100, 1),
        Hp.normal("k", 0, 1),
        Hp.qnormal("l", 0, 1, 0.5),
        Hp.lognormal("m", 0, 1),
        Hp.qlognormal("n", 0, 1, 1));
    assertThat(NniSpaceImporter.TYPES).hasSize(13);
  }

  @Test
  void pchoiceBranchesNestLikeChoiceBranches() {
    SearchSpace space = read("""
        {"opt": {"_type": "pchoice", "_value": [
            [0.8, {"_name": "sgd", "momentum": {"_type": "uniform", "_value": [0, 0.99]}}],
            [0.2, "adam"]]}}
        """);

    assertThat(param(space, "opt").prior()).isEqualTo(new Prior.Weighted(List.of(0.8, 0.2)));
    assertThat(param(space, "momentum").condition()).isEqualTo(Condition.when("opt", "sgd"));
  }

  // --- errors ---

  @Test
  void unknownTypeNamesTheFileTheParameterAndTheKnownTypes() {
    SpaceValidationException e = readProblem("{\"lr\": {\"_type\": \"gaussian\", \"_value\": [0, 1]}}");

    assertProblem(e, "lr", "_type", "search_space.json: lr: unknown _type \"gaussian\" (known: choice, pchoice,"
        + " randint, uniformint, int_log, uniform, quniform, loguniform, qloguniform, normal, qnormal,"
        + " lognormal, qlognormal)");
  }

  @Test
  void unknownTypeInsideABranchNamesTheNestedParameter() {
    SpaceValidationException e = readProblem("""
        {"model": {"_type": "choice", "_value": [
            {"_name": "svm", "C": {"_type": "cauchy", "_value": [0, 1]}}]}}
        """);

    assertThat(e.getMessage()).startsWith("search_space.json: C: unknown _type \"cauchy\" (known: choice, ");
    assertThat(e.parameter()).isEqualTo("C");
  }

  @Test
  void tooFewValuesIsAnArityError() {
    assertProblem(readProblem("{\"lr\": {\"_type\": \"uniform\", \"_value\": [0]}}"),
        "lr", "_value", "search_space.json: lr: \"_value\" needs 2 numbers, got 1");
  }

  @Test
  void tooManyValuesIsAnArityError() {
    assertProblem(readProblem("{\"x\": {\"_type\": \"quniform\", \"_value\": [0, 1, 0.1, 5]}}"),
        "x", "_value", "search_space.json: x: \"_value\" needs 3 numbers, got 4");
  }

  @Test
  void randintWithThreeValuesIsAnArityError() {
    assertProblem(readProblem("{\"n\": {\"_type\": \"randint\", \"_value\": [1, 2, 3]}}"),
        "n", "_value", "search_space.json: n: \"_value\" needs 2 numbers, got 3");
  }

  @Test
  void nonNumericValueIsNamedByIndex() {
    assertProblem(readProblem("{\"lr\": {\"_type\": \"uniform\", \"_value\": [0, \"1\"]}}"),
        "lr", "_value", "search_space.json: lr: \"_value\"[1] (\"1\") is not a number");
  }

  @Test
  void fractionalIntegerBoundIsRejected() {
    assertProblem(readProblem("{\"n\": {\"_type\": \"randint\", \"_value\": [1, 2.5]}}"),
        "n", "_value", "search_space.json: n: \"_value\"[1] (2.5) is not an integer");
  }

  @Test
  void valueThatIsNotAnArrayIsRejected() {
    assertProblem(readProblem("{\"lr\": {\"_type\": \"uniform\", \"_value\": 1}}"),
        "lr", "_value", "search_space.json: lr: \"_value\" must be an array");
  }

  @Test
  void entryWithoutTypeIsRejected() {
    assertProblem(readProblem("{\"lr\": 0.1}"),
        "lr", "_type", "search_space.json: lr: expected {\"_type\": ..., \"_value\": [...]}, got 0.1");
  }

  @Test
  void invalidRangeIsReportedOnceWithTheFileAndParameter() {
    assertProblem(readProblem("{\"lr\": {\"_type\": \"loguniform\", \"_value\": [0, 0.1]}}"),
        "lr", "low", "search_space.json: lr: low (0.0) must be > 0 when log is true");
  }

  @Test
  void nestedChoiceWithoutNameIsReportedOnceWithTheFileAndParameter() {
    assertProblem(readProblem("""
            {"model": {"_type": "choice", "_value": [{"C": {"_type": "uniform", "_value": [0, 1]}}]}}
            """),
        "model", "_name", "search_space.json: model: a nested choice needs a \"_name\" in"
            + " {\"C\":{\"_type\":\"uniform\",\"_value\":[0,1]}}");
  }

  @Test
  void malformedPchoicePairIsRejected() {
    assertProblem(readProblem("{\"opt\": {\"_type\": \"pchoice\", \"_value\": [[\"adam\", 0.5]]}}"),
        "opt", "_value", "search_space.json: opt: pchoice needs [[probability, value], ...], got [\"adam\",0.5]");
  }

  @Test
  void duplicateChoiceIsReportedWithTheFile() {
    assertProblem(readProblem("{\"opt\": {\"_type\": \"choice\", \"_value\": [\"adam\", \"adam\"]}}"),
        "opt", "choices", "search_space.json: opt: duplicate choice \"adam\"");
  }

  @Test
  void malformedJsonNamesTheFile() {
    SpaceValidationException e = readProblem("{\"lr\": ");

    assertThat(e.getMessage()).startsWith("search_space.json: not valid JSON: ");
  }

  @Test
  void documentThatIsNotAnObjectIsRejected() {
    assertProblem(readProblem("[1, 2]"), null, null, "search_space.json: the search space must be a JSON object");
  }
}
