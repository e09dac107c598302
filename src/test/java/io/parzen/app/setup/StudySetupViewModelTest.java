package io.parzen.app.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.StudyDocument;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.study.StudyDefinition;
import io.parzen.study.StudyDirection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sampler and pruner option forms of the setup panel, driven through the view model. */
class StudySetupViewModelTest {

  private StudyDocument document;
  private StudySetupViewModel vm;

  @BeforeEach
  void create() {
    document = new StudyDocument();
    document.spaceProperty().set(SearchSpace.of(Hp.uniform("x", -5, 5)));
    vm = new StudySetupViewModel(document, new FakeDialogs(), BackgroundExecutor.direct());
  }

  private static List<String> keys(OptionsViewModel form) {
    return form.fields().stream().map(f -> f.spec().key()).toList();
  }

  @Test
  void theSamplerFormShowsTheOptionsOfTheChosenSamplerWithTheirDefaults() {
    assertThat(vm.samplerProperty().get()).isEqualTo("tpe");
    assertThat(keys(vm.samplerOptions())).containsExactly("seed", "n_startup_trials", "n_ei_candidates",
        "multivariate", "group", "constant_liar");
    assertThat(vm.samplerOptions().field("n_startup_trials").textProperty().get()).isEqualTo("10");
    assertThat(vm.samplerOptions().field("multivariate").textProperty().get()).isEqualTo("false");
    assertThat(vm.samplerOptions().field("constant_liar").textProperty().get()).isEmpty();
    assertThat(vm.samplerOptions().field("seed").prompt()).isEqualTo("random");

    vm.samplerProperty().set("hyperopt-tpe");
    assertThat(keys(vm.samplerOptions())).containsExactly("seed", "n_startup_trials", "n_ei_candidates");
    assertThat(vm.samplerOptions().field("n_startup_trials").textProperty().get()).isEqualTo("20");

    vm.samplerProperty().set("cmaes");
    assertThat(keys(vm.samplerOptions())).containsExactly("seed", "sigma0", "popsize");
    assertThat(vm.samplerOptions().field("sigma0").prompt()).isEqualTo("auto");
    assertThat(vm.samplerOptions().field("sigma0").tooltip()).contains("1/6").contains("sigma0: a number in (0, 1]");
  }

  @Test
  void aBadValueIsFlaggedWithTheDescriptorsMessageAndMakesTheSetupInvalid() {
    vm.samplerProperty().set("cmaes");
    OptionField sigma0 = vm.samplerOptions().field("sigma0");
    sigma0.textProperty().set("0");
    assertThat(sigma0.errorProperty().get()).isEqualTo("sigma0 (0) must be a number in (0, 1] or empty for auto");
    assertThat(vm.samplerOptions().messageProperty().get()).isEqualTo(sigma0.errorProperty().get());
    assertThat(vm.validProperty().get()).isFalse();

    sigma0.textProperty().set("0.3");
    assertThat(sigma0.errorProperty().get()).isNull();
    assertThat(vm.samplerOptions().messageProperty().get()).isEmpty();
    assertThat(vm.validProperty().get()).isTrue();

    vm.seedProperty().set("seven");
    assertThat(vm.samplerOptions().field("seed").errorProperty().get())
        .isEqualTo("seed (seven) must be a whole number or empty for random");
    assertThat(vm.validProperty().get()).isFalse();
  }

  @Test
  void groupAppliesOnlyWhileMultivariateIsOn() {
    OptionField group = vm.samplerOptions().field("group");
    assertThat(group.applicableProperty().get()).isFalse();
    group.textProperty().set("true");
    assertThat(vm.toDefinition(document.getSpace()).sampler().options()).doesNotContainKey("group");

    vm.samplerOptions().field("multivariate").textProperty().set("true");
    assertThat(group.applicableProperty().get()).isTrue();
    assertThat(vm.toDefinition(document.getSpace()).sampler().options())
        .containsEntry("multivariate", true).containsEntry("group", true);
  }

  @Test
  void rulesAcrossOptionsComeFromCreatingThePruner() {
    vm.prunerProperty().set("threshold");
    assertThat(vm.prunerOptions().validProperty().get()).isFalse();
    assertThat(vm.prunerOptions().messageProperty().get()).contains("needs lower or upper");
    assertThat(vm.validProperty().get()).isFalse();
    vm.prunerOptions().field("upper").textProperty().set("0.5");
    assertThat(vm.validProperty().get()).isTrue();

    vm.prunerProperty().set("percentile");
    assertThat(vm.prunerOptions().messageProperty().get()).isEqualTo("percentile is required: a number from 0 to 100");
    vm.prunerOptions().field("percentile").textProperty().set("25");
    assertThat(vm.validProperty().get()).isTrue();

    vm.prunerProperty().set("nop");
    assertThat(vm.prunerOptions().fields()).isEmpty();
    assertThat(vm.validProperty().get()).isTrue();
  }

  @Test
  void onlyNonDefaultValuesAreStoredAndTheyReopenThroughTheStudyFileFormat() {
    vm.seedProperty().set("7");
    vm.samplerOptions().field("n_startup_trials").textProperty().set("15");
    vm.samplerOptions().field("n_ei_candidates").textProperty().set("24");
    vm.samplerOptions().field("multivariate").textProperty().set("true");
    vm.samplerOptions().field("constant_liar").textProperty().set("false");
    vm.prunerProperty().set("hyperband");
    vm.prunerOptions().field("max_resource").textProperty().set("81");
    vm.prunerOptions().field("reduction_factor").textProperty().set("3");

    StudyDefinition definition = vm.toDefinition(document.getSpace());
    assertThat(definition.sampler().options()).containsExactly(Map.entry("seed", 7L), Map.entry("n_startup_trials", 15L),
        Map.entry("multivariate", true), Map.entry("constant_liar", false));
    assertThat(definition.pruner().options()).containsExactly(Map.entry("max_resource", 81L));

    StudyDefinition reread = StudyDefinition.fromAttr(definition.toAttr());
    StudySetupViewModel reopened = new StudySetupViewModel(new StudyDocument(), new FakeDialogs(),
        BackgroundExecutor.direct());
    reopened.load("s", List.of(StudyDirection.MINIMIZE), reread, "");
    assertThat(reopened.samplerProperty().get()).isEqualTo("tpe");
    assertThat(reopened.seedProperty().get()).isEqualTo("7");
    assertThat(reopened.samplerOptions().field("n_startup_trials").textProperty().get()).isEqualTo("15");
    assertThat(reopened.samplerOptions().field("n_ei_candidates").textProperty().get()).isEqualTo("24");
    assertThat(reopened.samplerOptions().field("constant_liar").textProperty().get()).isEqualTo("false");
    assertThat(reopened.prunerProperty().get()).isEqualTo("hyperband");
    assertThat(reopened.prunerOptions().field("max_resource").textProperty().get()).isEqualTo("81");
    assertThat(reopened.validProperty().get()).isTrue();
    assertThat(reopened.toDefinition(document.getSpace()).sampler()).isEqualTo(reread.sampler());
    assertThat(reopened.toDefinition(document.getSpace()).pruner()).isEqualTo(reread.pruner());
  }

  @Test
  void aWrongValueIsSavedAsTypedAndFlaggedAgainWhenReopened() {
    vm.samplerProperty().set("grid");
    vm.samplerOptions().field("points").textProperty().set("lots");
    StudyDefinition definition = vm.toDefinition(document.getSpace());
    assertThat(definition.sampler().options()).containsEntry("points", "lots");

    StudySetupViewModel reopened = new StudySetupViewModel(new StudyDocument(), new FakeDialogs(),
        BackgroundExecutor.direct());
    reopened.load("s", List.of(), StudyDefinition.fromAttr(definition.toAttr()), "");
    assertThat(reopened.samplerOptions().field("points").textProperty().get()).isEqualTo("lots");
    assertThat(reopened.samplerOptions().field("points").errorProperty().get())
        .isEqualTo("points (lots) must be a whole number from 1 to 100000");
    assertThat(reopened.validProperty().get()).isFalse();
  }

  @Test
  void optionsTheFormDoesNotDescribeSurviveWhileThePrunerStays() {
    StudyDefinition stored = new StudyDefinition(document.getSpace(), null,
        new StudyDefinition.Component("patient", Map.of("patience", 3, "wrapped", "threshold",
            "wrapped_options", Map.of("upper", 2.0))), null, null, 1);
    vm.load("s", List.of(), stored, "");
    assertThat(vm.validProperty().get()).isTrue();
    assertThat(vm.prunerOptions().field("wrapped").textProperty().get()).isEqualTo("threshold");
    assertThat(vm.toDefinition(document.getSpace()).pruner().options()).containsExactly(
        Map.entry("wrapped_options", Map.of("upper", 2.0)), Map.entry("patience", 3L),
        Map.entry("wrapped", "threshold"));

    vm.prunerProperty().set("median");
    assertThat(vm.toDefinition(document.getSpace()).pruner().options()).isEmpty();
  }

  @Test
  void eachSamplerKeepsItsOwnEditsWhileTheSeedIsShared() {
    vm.seedProperty().set("3");
    vm.samplerOptions().field("n_startup_trials").textProperty().set("5");
    vm.samplerProperty().set("hyperopt-tpe");
    assertThat(vm.samplerOptions().field("n_startup_trials").textProperty().get()).isEqualTo("20");
    assertThat(vm.samplerOptions().field("seed").textProperty().get()).isEqualTo("3");
    vm.samplerProperty().set("tpe");
    assertThat(vm.samplerOptions().field("n_startup_trials").textProperty().get()).isEqualTo("5");
  }

  @Test
  void editingAnOptionMarksTheDocumentUnsavedButLoadingDoesNot() {
    vm.load("s", List.of(), new StudyDefinition(document.getSpace(),
        new StudyDefinition.Component("grid", Map.of("points", 4)), null, null, null, 1), "");
    assertThat(document.dirtyProperty().get()).isFalse();
    vm.samplerOptions().field("points").textProperty().set("5");
    assertThat(document.dirtyProperty().get()).isTrue();
  }

  @Test
  void aNewStudyStartsFromTheDefaults() {
    vm.samplerProperty().set("cmaes");
    vm.samplerOptions().field("popsize").textProperty().set("12");
    vm.load("s", List.of(), StudyDefinition.of(document.getSpace()), "");
    assertThat(vm.samplerProperty().get()).isEqualTo("tpe");
    assertThat(vm.prunerProperty().get()).isEqualTo("nop");
    vm.samplerProperty().set("cmaes");
    assertThat(vm.samplerOptions().field("popsize").textProperty().get()).isEmpty();
  }
}
