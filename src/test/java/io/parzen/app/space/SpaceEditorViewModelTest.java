package io.parzen.app.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.parzen.app.StudyDocument;
import io.parzen.space.Condition;
import io.parzen.space.Hp;
import io.parzen.space.NniSpaceImporter;
import io.parzen.space.Parameter;
import io.parzen.space.ParameterKind;
import io.parzen.space.SearchSpace;
import io.parzen.space.SpaceJson;
import io.parzen.space.SpaceValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The space editor's view model, without a screen. */
class SpaceEditorViewModelTest {

  private final StudyDocument document = new StudyDocument();
  private final FakeDialogs dialogs = new FakeDialogs();
  private final SpaceEditorViewModel vm = new SpaceEditorViewModel(document, dialogs);

  private static final SearchSpace CONDITIONAL = SearchSpace.of(
      Hp.loguniform("lr", 1e-5, 1e-1),
      Hp.choice("optimizer", "adam", "sgd"),
      Hp.uniform("beta1", 0.8, 0.999).withCondition(Condition.when("optimizer", "adam")),
      Hp.choice("schedule", "cosine", "step").withCondition(Condition.when("optimizer", "adam")),
      Hp.uniformint("warmup", 0, 10).withCondition(Condition.when("schedule", "cosine")),
      Hp.uniform("momentum", 0.0, 0.99).withCondition(Condition.when("optimizer", "sgd")));

  private ParameterRow row(String name) {
    return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private static SpaceValidationException engineProblem(Runnable construction) {
    return catchThrowableOfType(SpaceValidationException.class, construction::run);
  }

  @Test
  void buildsAConditionalSpaceByCommands() {
    ParameterRow optimizer = vm.addParameter();
    vm.edit(optimizer, SpaceField.NAME, "optimizer");
    vm.setKind(optimizer, ParameterKind.CHOICE);
    vm.edit(optimizer, SpaceField.CHOICES, "adam, sgd");
    ParameterRow beta1 = vm.addChild(optimizer, "adam");
    vm.edit(beta1, SpaceField.NAME, "beta1");
    vm.edit(beta1, SpaceField.LOW, "0.8");
    vm.edit(beta1, SpaceField.HIGH, "0.999");

    assertThat(document.getSpace()).isEqualTo(SearchSpace.of(
        Hp.choice("optimizer", "adam", "sgd"),
        Hp.uniform("beta1", 0.8, 0.999).withCondition(Condition.when("optimizer", "adam"))));
    assertThat(beta1.text(SpaceField.CONDITION)).isEqualTo("optimizer = adam");
    assertThat(vm.childrenOf(optimizer)).containsExactly(beta1);
    assertThat(vm.childrenOf(null)).containsExactly(optimizer);
    assertThat(document.spaceValidProperty().get()).isTrue();
    assertThat(document.dirtyProperty().get()).isTrue();
    assertThat(document.selectedParameterProperty().get()).isEqualTo("beta1");
  }

  @Test
  void renamingAParentRenamesItInItsChildrensConditions() {
    vm.load(CONDITIONAL);

    vm.edit(row("optimizer"), SpaceField.NAME, "opt");

    assertThat(row("beta1").text(SpaceField.CONDITION)).isEqualTo("opt = adam");
    assertThat(document.spaceValidProperty().get()).isTrue();
    assertThat(document.getSpace().parameter("momentum").orElseThrow().condition())
        .isEqualTo(Condition.when("opt", "sgd"));
  }

  @Test
  void aBoundProblemIsTheEnginesMessageOnTheLowCell() {
    ParameterRow lr = vm.addParameter();
    vm.edit(lr, SpaceField.NAME, "lr");
    SearchSpace lastValid = document.getSpace();

    vm.edit(lr, SpaceField.LOW, "5");

    String expected = engineProblem(() -> Hp.uniform("lr", 5, 1)).getMessage();
    assertThat(lr.problem(SpaceField.LOW)).isEqualTo(expected).isEqualTo("lr: low (5.0) must be <= high (1.0)");
    assertThat(lr.problem(SpaceField.HIGH)).isEmpty();
    assertThat(vm.messages()).containsExactly(expected);
    assertThat(vm.summaryProperty().get()).isEqualTo(expected);
    assertThat(document.spaceValidProperty().get()).isFalse();
    assertThat(document.getSpace()).isSameAs(lastValid);
  }

  @Test
  void spaceProblemsLandOnTheRowAndFieldTheEngineNames() {
    vm.load(CONDITIONAL);
    vm.edit(row("beta1"), SpaceField.CONDITION, "optimizer = rmsprop");
    vm.edit(row("momentum"), SpaceField.NAME, "beta1");

    List<Parameter> built = new java.util.ArrayList<>(CONDITIONAL.parameters());
    built.set(2, built.get(2).withCondition(Condition.when("optimizer", "rmsprop")));
    built.set(5, built.get(5).withName("beta1"));
    List<String> engine = SearchSpace.validate(built).stream().map(Throwable::getMessage).toList();

    assertThat(vm.messages()).containsExactlyElementsOf(engine);
    assertThat(vm.rows().get(2).problem(SpaceField.CONDITION))
        .isEqualTo("beta1: condition value \"rmsprop\" is not a value \"optimizer\" can take (choice[adam, sgd])");
    assertThat(vm.rows().get(5).problem(SpaceField.NAME)).isEqualTo("beta1: duplicate parameter name");
    assertThat(vm.rows().get(2).problem(SpaceField.NAME)).isEmpty();
    assertThat(document.spaceValidProperty().get()).isFalse();
  }

  @Test
  void weightedChoicesAndNormalPriorsBuildAsTheHpFactoriesDo() {
    ParameterRow optimizer = vm.addParameter();
    vm.edit(optimizer, SpaceField.NAME, "optimizer");
    vm.setKind(optimizer, ParameterKind.WEIGHTED_CHOICE);
    vm.edit(optimizer, SpaceField.CHOICES, "adam:0.7, sgd:0.3");
    ParameterRow c = vm.addParameter();
    vm.edit(c, SpaceField.NAME, "C");
    vm.setKind(c, ParameterKind.LOG_NORMAL);

    Map<Object, Double> weights = new LinkedHashMap<>();
    weights.put("adam", 0.7);
    weights.put("sgd", 0.3);
    assertThat(c.text(SpaceField.LOW)).isEmpty();
    assertThat(document.getSpace()).isEqualTo(SearchSpace.of(Hp.pchoice("optimizer", weights), Hp.lognormal("C", 0, 1)));
  }

  @Test
  void changingTheKindClearsFieldsTheNewKindDoesNotUse() {
    ParameterRow p = vm.addParameter();
    vm.setKind(p, ParameterKind.CHOICE);

    assertThat(p.text(SpaceField.LOW)).isEmpty();
    assertThat(p.text(SpaceField.HIGH)).isEmpty();
    assertThat(p.text(SpaceField.CHOICES)).isEqualTo("a, b");
    assertThat(p.uses(SpaceField.LOW)).isFalse();
  }

  @Test
  void undoRestoresADeletedSubtreeAndRedoDeletesItAgain() {
    vm.load(CONDITIONAL);
    String before = vm.exportJson();
    vm.selectedRowProperty().set(row("optimizer"));

    vm.removeSelected();
    assertThat(vm.rows()).extracting(ParameterRow::name).containsExactly("lr");
    assertThat(vm.canUndoProperty().get()).isTrue();

    vm.undo();
    assertThat(vm.exportJson()).isEqualTo(before);
    assertThat(vm.childrenOf(row("optimizer"))).extracting(ParameterRow::name)
        .containsExactly("beta1", "schedule", "momentum");
    assertThat(vm.childrenOf(row("schedule"))).extracting(ParameterRow::name).containsExactly("warmup");
    assertThat(vm.getSelectedRow()).isSameAs(row("optimizer"));
    assertThat(document.getSpace()).isEqualTo(CONDITIONAL);

    vm.redo();
    assertThat(vm.rows()).extracting(ParameterRow::name).containsExactly("lr");
  }

  @Test
  void everyEditIsUndoable() {
    vm.load(CONDITIONAL);
    String loaded = vm.exportJson();
    assertThat(vm.canUndoProperty().get()).isFalse();

    vm.selectedRowProperty().set(row("lr"));
    vm.edit(row("lr"), SpaceField.HIGH, "0.5");
    vm.setKind(row("lr"), ParameterKind.UNIFORM);
    vm.duplicateSelected();
    vm.moveDown();
    vm.addChild(row("optimizer"), "sgd");
    vm.importJson("{\"x\": {\"_type\": \"uniform\", \"_value\": [0, 1]}}", "x.json");
    for (int i = 0; i < 6; i++) {
      vm.undo();
    }

    assertThat(vm.canUndoProperty().get()).isFalse();
    assertThat(vm.canRedoProperty().get()).isTrue();
    assertThat(vm.exportJson()).isEqualTo(loaded);
  }

  @Test
  void moveUpMovesARowWithItsSubtreeBeforeItsPreviousSibling() {
    vm.load(CONDITIONAL);
    vm.selectedRowProperty().set(row("momentum"));

    vm.moveUp();

    assertThat(vm.rows()).extracting(ParameterRow::name)
        .containsExactly("lr", "optimizer", "beta1", "momentum", "schedule", "warmup");
    vm.selectedRowProperty().set(row("schedule"));
    vm.moveUp();
    vm.moveUp();
    assertThat(vm.rows()).extracting(ParameterRow::name)
        .containsExactly("lr", "optimizer", "schedule", "warmup", "beta1", "momentum");
  }

  @Test
  void importsAnNniSpaceWithNestedChoicesAsConditionalRows() {
    String nni = """
        {"lr": {"_type": "loguniform", "_value": [1e-4, 0.1]},
         "model": {"_type": "choice", "_value": [
             {"_name": "svm", "C": {"_type": "lognormal", "_value": [0, 1]},
                              "kernel": {"_type": "choice", "_value": [
                                  {"_name": "rbf", "gamma": {"_type": "loguniform", "_value": [1e-3, 1]}},
                                  {"_name": "linear"}]}},
             {"_name": "forest", "depth": {"_type": "randint", "_value": [2, 12]}}]}}
        """;

    assertThat(vm.importJson(nni, "search_space.json")).isTrue();

    assertThat(document.getSpace()).isEqualTo(NniSpaceImporter.read(nni, "search_space.json"));
    assertThat(vm.rows()).extracting(ParameterRow::name).containsExactly("lr", "model", "C", "kernel", "gamma", "depth");
    assertThat(row("gamma").text(SpaceField.CONDITION)).isEqualTo("kernel = rbf");
    assertThat(row("kernel").text(SpaceField.CONDITION)).isEqualTo("model = svm");
    assertThat(vm.treeParentOf(row("gamma"))).isSameAs(row("kernel"));
    assertThat(vm.childrenOf(row("model"))).extracting(ParameterRow::name).containsExactly("C", "kernel", "depth");
    assertThat(row("model").text(SpaceField.CHOICES)).isEqualTo("svm, forest");
    assertThat(row("C").text(SpaceField.LOW)).as("default mu ± 8 sigma bounds stay implicit").isEmpty();
    assertThat(vm.statusProperty().get()).isEqualTo("Imported 6 parameters from search_space.json");
  }

  @Test
  void importDetectsOurOwnFormat() {
    assertThat(vm.importJson(SpaceJson.write(CONDITIONAL), "space.json")).isTrue();

    assertThat(document.getSpace()).isEqualTo(CONDITIONAL);
  }

  @Test
  void aBrokenImportLeavesTheRowsAndSaysWhy() {
    vm.load(CONDITIONAL);

    assertThat(vm.importJson("{\"x\": {\"_type\": \"gauss\", \"_value\": [0, 1]}}", "bad.json")).isFalse();

    assertThat(vm.rows()).hasSize(6);
    assertThat(vm.statusProperty().get()).startsWith("Import failed: bad.json: x: unknown _type \"gauss\"");
  }

  @Test
  void loadThenExportEqualsSpaceJsonWriteForEveryKind() {
    Map<Object, Double> weights = new LinkedHashMap<>();
    weights.put("adam", 0.7);
    weights.put(32L, 0.2);
    weights.put(true, 0.1);
    SearchSpace space = SearchSpace.of(
        Hp.uniform("u", -1.5, 2.25),
        Hp.loguniform("lu", 1e-7, 1e3),
        Hp.quniform("qu", 0, 1, 0.1),
        Hp.qloguniform("qlu", 1, 100, 5),
        Hp.normal("n", 0.5, 0.1),
        Hp.qnormal("qn", 10, 2, 0.5),
        Hp.lognormal("ln", -2, 0.5),
        Hp.qlognormal("qln", 1, 1, 1),
        Hp.uniformint("i", -3, 17),
        Hp.intLog("il", 1, 1024),
        Hp.randint("r", 5),
        Hp.choice("c", java.util.Arrays.asList("a, b", "32", 32L, 0.5, 1.0, null)),
        Hp.pchoice("w", weights).withCondition(Condition.when("c", 32L)),
        new Parameter("n2", io.parzen.space.FloatDistribution.uniform(0, 1), new io.parzen.space.Prior.Normal(0.5, 2), null));

    vm.load(space);

    assertThat(vm.messages()).isEmpty();
    assertThat(vm.exportJson()).isEqualTo(SpaceJson.write(space));
    assertThat(document.getSpace()).isEqualTo(space);
  }

  @Test
  void importAndExportGoThroughTheFileDialogs(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.json");
    Files.writeString(in, SpaceJson.write(CONDITIONAL));
    dialogs.fileToOpen = in;
    dialogs.fileToSave = dir.resolve("out.json");

    vm.importFile();
    vm.exportFile();

    assertThat(Files.readString(dir.resolve("out.json"))).isEqualTo(SpaceJson.write(CONDITIONAL));
  }

  @Test
  void duplicateCopiesTheSubtreeAsAnIndependentBranch() {
    vm.load(CONDITIONAL);
    vm.selectedRowProperty().set(row("schedule"));

    ParameterRow copy = vm.duplicateSelected();

    assertThat(copy.name()).isEqualTo("schedule_copy");
    assertThat(vm.getSelectedRow()).isSameAs(copy);
    assertThat(vm.rows()).extracting(ParameterRow::name).containsExactly(
        "lr", "optimizer", "beta1", "schedule", "warmup", "schedule_copy", "warmup_copy", "momentum");
    assertThat(copy.text(SpaceField.CONDITION)).isEqualTo(row("schedule").text(SpaceField.CONDITION));
    assertThat(RowParameters.conditionParent(row("warmup_copy").text(SpaceField.CONDITION))).isEqualTo("schedule_copy");
    assertThat(vm.treeParentOf(row("warmup_copy"))).isSameAs(copy);
    assertThat(vm.validProperty().get()).isTrue();

    vm.undo();
    assertThat(vm.rows()).extracting(ParameterRow::name)
        .containsExactly("lr", "optimizer", "beta1", "schedule", "warmup", "momentum");
  }

  @Test
  void duplicatingTwiceKeepsNamesUnique() {
    vm.load(CONDITIONAL);
    vm.selectedRowProperty().set(row("schedule"));
    vm.duplicateSelected();
    vm.selectedRowProperty().set(row("schedule"));
    vm.duplicateSelected();

    assertThat(vm.rows()).extracting(ParameterRow::name).doesNotHaveDuplicates()
        .contains("schedule_copy1", "warmup_copy1");
    assertThat(vm.validProperty().get()).isTrue();
  }

  @Test
  void droppingBeforeARowMakesTheMovedSubtreeItsSibling() {
    vm.load(CONDITIONAL);

    vm.move(row("schedule"), row("momentum"), SpaceEditorViewModel.DropPosition.BEFORE);

    assertThat(vm.rows()).extracting(ParameterRow::name)
        .containsExactly("lr", "optimizer", "beta1", "schedule", "warmup", "momentum");
    assertThat(row("schedule").text(SpaceField.CONDITION)).isEqualTo(row("momentum").text(SpaceField.CONDITION));
    assertThat(vm.treeParentOf(row("warmup"))).isSameAs(row("schedule"));
    assertThat(vm.getSelectedRow()).isSameAs(row("schedule"));
    assertThat(vm.validProperty().get()).isTrue();
  }

  @Test
  void droppingAfterATopLevelRowMakesAConditionalRowTopLevel() {
    vm.load(CONDITIONAL);

    vm.move(row("beta1"), row("lr"), SpaceEditorViewModel.DropPosition.AFTER);

    assertThat(vm.rows()).extracting(ParameterRow::name)
        .containsExactly("lr", "beta1", "optimizer", "schedule", "warmup", "momentum");
    assertThat(row("beta1").text(SpaceField.CONDITION)).isEmpty();
    assertThat(vm.treeParentOf(row("beta1"))).isNull();

    vm.undo();
    assertThat(vm.rows()).extracting(ParameterRow::name)
        .containsExactly("lr", "optimizer", "beta1", "schedule", "warmup", "momentum");
    assertThat(vm.treeParentOf(row("beta1"))).isSameAs(row("optimizer"));
  }

  @Test
  void droppingAfterARowGoesPastItsSubtree() {
    vm.load(CONDITIONAL);

    vm.move(row("lr"), row("optimizer"), SpaceEditorViewModel.DropPosition.AFTER);

    assertThat(vm.rows()).extracting(ParameterRow::name)
        .containsExactly("optimizer", "beta1", "schedule", "warmup", "momentum", "lr");
  }

  @Test
  void droppingIntoAChoiceConditionsTheRowOnTheChosenValue() {
    vm.load(CONDITIONAL);

    vm.moveInto(row("lr"), row("optimizer"), "sgd");

    assertThat(RowParameters.conditionParent(row("lr").text(SpaceField.CONDITION))).isEqualTo("optimizer");
    assertThat(vm.treeParentOf(row("lr"))).isSameAs(row("optimizer"));
    assertThat(vm.childrenOf(row("optimizer"))).extracting(ParameterRow::name)
        .containsExactly("beta1", "schedule", "momentum", "lr");
    assertThat(document.getSpace().parameter("lr").orElseThrow().condition()).isEqualTo(Condition.when("optimizer", "sgd"));
  }

  @Test
  void aRowCannotBeDroppedOnItselfOrItsDescendants() {
    vm.load(CONDITIONAL);
    String before = vm.exportJson();

    assertThat(vm.canMove(row("optimizer"), row("warmup"))).isFalse();
    assertThat(vm.canMove(row("optimizer"), row("optimizer"))).isFalse();
    assertThat(vm.canMove(row("warmup"), row("optimizer"))).isTrue();
    vm.moveInto(row("optimizer"), row("schedule"), "cosine");
    vm.move(row("optimizer"), row("warmup"), SpaceEditorViewModel.DropPosition.BEFORE);

    assertThat(vm.exportJson()).isEqualTo(before);
    assertThat(vm.canUndoProperty().get()).isFalse();
  }
}
