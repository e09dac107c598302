package io.parzen.space;

import static io.parzen.space.DistributionValidationTest.assertProblem;
import static io.parzen.space.DistributionValidationTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Space-level validation: names, conditions and cycles, all reported by {@link SearchSpace#validate}. */
class SearchSpaceValidationTest {

  private static final Parameter CLASSIFIER = Hp.choice("classifier", "svm", "forest");

  @Test
  void validSpaceHasNoProblems() {
    assertThat(SearchSpace.validate(List.of(
        CLASSIFIER,
        Hp.lognormal("C", 0, 1).withCondition(Condition.when("classifier", "svm")),
        Hp.uniformint("depth", 2, 12).withCondition(Condition.when("classifier", "forest")))))
        .isEmpty();
  }

  @Test
  void duplicateParameterNameNamesTheParameterAndField() {
    List<SpaceValidationException> problems =
        SearchSpace.validate(List.of(Hp.uniform("x", 0, 1), Hp.uniform("y", 0, 1), Hp.uniformint("x", 0, 3)));

    assertThat(problems).hasSize(1);
    assertProblem(problems.get(0), "x", "name", "x: duplicate parameter name");
  }

  @Test
  void conditionOnUnknownParentNamesTheChildAndTheMissingParent() {
    List<SpaceValidationException> problems = SearchSpace.validate(List.of(
        CLASSIFIER, Hp.uniform("gamma", 0, 1).withCondition(Condition.when("kernel", "rbf"))));

    assertThat(problems).hasSize(1);
    assertProblem(problems.get(0), "gamma", "condition", "gamma: condition on unknown parameter \"kernel\"");
  }

  @Test
  void conditionValueACategoricalParentCannotTakeIsReported() {
    List<SpaceValidationException> problems = SearchSpace.validate(List.of(
        CLASSIFIER, Hp.uniform("C", 0, 1).withCondition(Condition.when("classifier", "svm", "knn"))));

    assertThat(problems).hasSize(1);
    assertProblem(problems.get(0), "C", "condition",
        "C: condition value \"knn\" is not a value \"classifier\" can take (choice[svm, forest])");
  }

  @Test
  void conditionValueOfTheWrongTypeForACategoricalParentIsReported() {
    List<SpaceValidationException> problems = SearchSpace.validate(List.of(
        Hp.choice("layers", 1, 2, 3), Hp.uniform("x", 0, 1).withCondition(Condition.when("layers", "2"))));

    assertProblem(problems.get(0), "x", "condition",
        "x: condition value \"2\" is not a value \"layers\" can take (choice[1, 2, 3])");
  }

  @Test
  void conditionValueOutsideAnIntParentIsReported() {
    List<SpaceValidationException> problems = SearchSpace.validate(List.of(
        Hp.uniformint("layers", 1, 4), Hp.uniformint("units", 8, 64).withCondition(Condition.when("layers", 3, 5))));

    assertThat(problems).hasSize(1);
    assertProblem(problems.get(0), "units", "condition",
        "units: condition value 5 is not a value \"layers\" can take (int[1, 4])");
  }

  @Test
  void conditionValueOffAnIntParentsStepGridIsReported() {
    Parameter layers = new Parameter("layers", new IntDistribution(0, 10, false, 5));
    List<SpaceValidationException> problems = SearchSpace.validate(List.of(
        layers, Hp.uniform("x", 0, 1).withCondition(Condition.when("layers", 5, 7))));

    assertThat(problems).hasSize(1);
    assertProblem(problems.get(0), "x", "condition",
        "x: condition value 7 is not a value \"layers\" can take (int[0, 10] step 5)");
  }

  @Test
  void nonIntegralConditionValueOnAnIntParentIsReported() {
    List<SpaceValidationException> problems = SearchSpace.validate(List.of(
        Hp.uniformint("layers", 1, 4), Hp.uniform("x", 0, 1).withCondition(Condition.when("layers", 2.5))));

    assertProblem(problems.get(0), "x", "condition",
        "x: condition value 2.5 is not a value \"layers\" can take (int[1, 4])");
  }

  @Test
  void everyBadConditionValueIsReportedSeparately() {
    List<SpaceValidationException> problems = SearchSpace.validate(List.of(
        CLASSIFIER, Hp.uniform("C", 0, 1).withCondition(Condition.when("classifier", "knn", "lda"))));

    assertThat(problems).extracting(Throwable::getMessage).containsExactly(
        "C: condition value \"knn\" is not a value \"classifier\" can take (choice[svm, forest])",
        "C: condition value \"lda\" is not a value \"classifier\" can take (choice[svm, forest])");
  }

  @Test
  void conditionOnAFloatParentIsReported() {
    List<SpaceValidationException> problems = SearchSpace.validate(List.of(
        Hp.loguniform("lr", 1e-4, 1e-1), Hp.uniform("momentum", 0, 1).withCondition(Condition.when("lr", 0.01))));

    assertThat(problems).hasSize(1);
    assertProblem(problems.get(0), "momentum", "condition",
        "momentum: condition on \"lr\", which is a float; the parent must be a choice or an int");
  }

  @Test
  void selfConditionIsReportedOnceAndNotAsACycle() {
    List<SpaceValidationException> problems = SearchSpace.validate(List.of(
        Hp.choice("a", "x", "y").withCondition(Condition.when("a", "x"))));

    assertThat(problems).hasSize(1);
    assertProblem(problems.get(0), "a", "condition", "a: condition on itself");
  }

  @Test
  void twoParameterCycleIsReportedForBothMembers() {
    List<SpaceValidationException> problems = SearchSpace.validate(List.of(
        Hp.choice("a", "x", "y").withCondition(Condition.when("b", "u")),
        Hp.choice("b", "u", "v").withCondition(Condition.when("a", "x"))));

    assertThat(problems).hasSize(2);
    assertProblem(problems.get(0), "a", "condition", "a: conditions form a cycle: a -> b -> a");
    assertProblem(problems.get(1), "b", "condition", "b: conditions form a cycle: b -> a -> b");
  }

  @Test
  void threeParameterCycleShowsTheWholePath() {
    List<SpaceValidationException> problems = SearchSpace.validate(List.of(
        Hp.choice("a", "x", "y").withCondition(Condition.when("b", "u")),
        Hp.choice("b", "u", "v").withCondition(Condition.when("c", 1)),
        Hp.uniformint("c", 0, 3).withCondition(Condition.when("a", "y"))));

    assertThat(problems).extracting(Throwable::getMessage).containsExactly(
        "a: conditions form a cycle: a -> b -> c -> a",
        "b: conditions form a cycle: b -> c -> a -> b",
        "c: conditions form a cycle: c -> a -> b -> c");
    assertThat(problems).extracting(SpaceValidationException::field).containsOnly("condition");
  }

  @Test
  void childOfACycleIsNotItselfReportedAsInACycle() {
    List<SpaceValidationException> problems = SearchSpace.validate(List.of(
        Hp.choice("a", "x", "y").withCondition(Condition.when("b", "u")),
        Hp.choice("b", "u", "v").withCondition(Condition.when("a", "x")),
        Hp.uniform("d", 0, 1).withCondition(Condition.when("a", "y"))));

    assertThat(problems).extracting(SpaceValidationException::parameter).containsExactly("a", "b");
  }

  @Test
  void validateReturnsEveryProblemInDeclarationOrder() {
    List<SpaceValidationException> problems = SearchSpace.validate(List.of(
        CLASSIFIER,
        Hp.uniform("classifier", 0, 1),
        Hp.uniform("gamma", 0, 1).withCondition(Condition.when("kernel", "rbf")),
        Hp.uniform("momentum", 0, 1).withCondition(Condition.when("gamma", 0.5))));

    assertThat(problems).extracting(Throwable::getMessage).containsExactly(
        "classifier: duplicate parameter name",
        "gamma: condition on unknown parameter \"kernel\"",
        "momentum: condition on \"gamma\", which is a float; the parent must be a choice or an int");
  }

  @Test
  void constructingAnInvalidSpaceThrowsTheFirstProblem() {
    SpaceValidationException e = problem(() -> SearchSpace.of(
        CLASSIFIER,
        Hp.uniform("x", 0, 1).withCondition(Condition.when("nope", 1)),
        Hp.uniform("x", 0, 1)));

    assertProblem(e, "x", "name", "x: duplicate parameter name");
  }

  @Test
  void constructingASpaceWithACycleThrowsInsteadOfLooping() {
    SpaceValidationException e = problem(() -> SearchSpace.of(
        Hp.choice("a", "x").withCondition(Condition.when("b", "u")),
        Hp.choice("b", "u").withCondition(Condition.when("a", "x"))));

    assertProblem(e, "a", "condition", "a: conditions form a cycle: a -> b -> a");
  }

  @Test
  void conditionWithoutValuesIsRejected() {
    assertProblem(problem(() -> new Condition("classifier", List.of())),
        null, "condition", "condition on \"classifier\" needs at least one value");
  }

  @Test
  void conditionWithoutParentIsRejected() {
    assertProblem(problem(() -> Condition.when(" ", "svm")),
        null, "condition", "condition needs a parent parameter");
  }

  @Test
  void sampleOrderPutsParentsBeforeChildrenDeclaredEarlier() {
    SearchSpace space = SearchSpace.of(
        Hp.uniformint("degree", 2, 5).withCondition(Condition.when("kernel", "poly")),
        Hp.choice("kernel", "rbf", "poly").withCondition(Condition.when("classifier", "svm")),
        CLASSIFIER);

    assertThat(space.sampleOrder()).extracting(Parameter::name).containsExactly("classifier", "kernel", "degree");
    assertThat(space.parameters()).extracting(Parameter::name).containsExactly("degree", "kernel", "classifier");
  }

  @Test
  void childrenListsTheParametersConditionedOnAParent() {
    SearchSpace space = SearchSpace.of(
        CLASSIFIER,
        Hp.uniform("C", 0, 1).withCondition(Condition.when("classifier", "svm")),
        Hp.uniformint("depth", 1, 3).withCondition(Condition.when("classifier", "forest")),
        Hp.uniform("lr", 0, 1));

    assertThat(space.children("classifier")).extracting(Parameter::name).containsExactly("C", "depth");
    assertThat(space.children("lr")).isEmpty();
    assertThat(space.isConditional()).isTrue();
    assertThat(space.names()).containsExactly("classifier", "C", "depth", "lr");
  }

  @Test
  void activeNamesFollowConditionsUpToTheRoot() {
    SearchSpace space = SearchSpace.of(
        CLASSIFIER,
        Hp.choice("kernel", "rbf", "poly").withCondition(Condition.when("classifier", "svm")),
        Hp.uniformint("degree", 2, 5).withCondition(Condition.when("kernel", "poly")));

    assertThat(space.activeNames(Map.of("classifier", "svm", "kernel", "poly")))
        .containsExactlyInAnyOrder("classifier", "kernel", "degree");
    // A stale kernel value does not activate degree when kernel itself is inactive.
    assertThat(space.activeNames(Map.of("classifier", "forest", "kernel", "poly")))
        .containsExactlyInAnyOrder("classifier");
  }

  @Test
  void conditionOnAnIntParentMatchesSampledLongValues() {
    SearchSpace space = SearchSpace.of(
        Hp.uniformint("layers", 1, 3),
        Hp.uniformint("units2", 8, 64).withCondition(Condition.when("layers", 2, 3)));

    assertThat(space.activeNames(Map.of("layers", 2L))).containsExactlyInAnyOrder("layers", "units2");
    assertThat(space.activeNames(Map.of("layers", 1L))).containsExactlyInAnyOrder("layers");
  }

  @Test
  void integralDoubleConditionValueOnAnIntParentMatchesSampledLongValues() {
    // Validation accepts 2.0 for an int parent, so a sampled 2L must activate the child.
    SearchSpace space = SearchSpace.of(
        Hp.uniformint("layers", 1, 3),
        Hp.uniform("x", 0, 1).withCondition(Condition.when("layers", 2.0)));

    assertThat(space.activeNames(Map.of("layers", 2L))).containsExactlyInAnyOrder("layers", "x");
    assertThat(space.activeNames(Map.of("layers", 2.0))).containsExactlyInAnyOrder("layers", "x");
    assertThat(space.activeNames(Map.of("layers", 3L))).containsExactlyInAnyOrder("layers");
  }

  @Test
  void emptySpaceHasNoParametersAndSamplesNothing() {
    SearchSpace space = SearchSpace.empty();

    assertThat(space.isEmpty()).isTrue();
    assertThat(space.size()).isZero();
    assertThat(space.sample(new java.util.SplittableRandom(1))).isEmpty();
  }

  @Test
  void spacesWithEqualParametersAreEqual() {
    SearchSpace a = SearchSpace.of(Hp.uniform("x", 0, 1), Hp.choice("c", "a", "b"));
    SearchSpace b = SearchSpace.of(List.of(Hp.uniform("x", 0, 1), Hp.choice("c", "a", "b")));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(SearchSpace.of(Hp.choice("c", "a", "b"), Hp.uniform("x", 0, 1)));
  }
}
