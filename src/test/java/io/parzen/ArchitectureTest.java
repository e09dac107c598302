package io.parzen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of DEVELOPERS.md, checked on the compiled main classes. */
class ArchitectureTest {

  private static final String[] ENGINE = {
      "io.parzen.space..", "io.parzen.trial..", "io.parzen.study..", "io.parzen.sampler..",
      "io.parzen.pruner..", "io.parzen.storage..", "io.parzen.objective..", "io.parzen.importance..",
      "io.parzen.visualization..", "io.parzen.multi.."};

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("/test-classes/"))
        .importPackages("io.parzen");
  }

  @Test
  void engineDoesNotDependOnUserInterfaceLibraries() {
    ArchRule rule = noClasses().that().resideInAnyPackage(ENGINE)
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "picocli..")
        .because("the engine runs headless, in workers and the CLI");
    rule.check(classes);
  }

  @Test
  void engineDoesNotDependOnTheAppOrCli() {
    noClasses().that().resideInAnyPackage(ENGINE)
        .should().dependOnClassesThat().resideInAnyPackage("io.parzen.app..", "io.parzen.cli..")
        .check(classes);
  }

  @Test
  void onlyTheCliWritesToStandardStreams() {
    noClasses().that().resideOutsideOfPackage("io.parzen.cli..")
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .because("the engine logs through SLF4J and the studio shows messages in its window")
        .check(classes);
  }

  @Test
  void viewModelsDoNotTouchNodesOrStages() {
    noClasses().that().haveSimpleNameEndingWith("ViewModel")
        .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theEngineNeverStartsBareThreads() {
    noClasses().that().resideInAnyPackage(ENGINE)
        .should().callMethod(Thread.class, "start")
        .because("background work goes through an executor")
        .check(classes);
  }
}
