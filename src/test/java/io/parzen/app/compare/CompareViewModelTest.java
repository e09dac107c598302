package io.parzen.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.compare.CompareViewModel.ComparedStudy;
import io.parzen.storage.SqliteStorage;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.TrialState;
import io.parzen.visualization.Edf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Compare Studies model on real study files, read with an executor that runs work at once. */
class CompareViewModelTest {

  @TempDir
  static Path dir;

  static Path tpe;
  static Path random;
  static Path both;

  private final CompareDialogs dialogs = new CompareDialogs();
  private final CompareViewModel vm = new CompareViewModel(dialogs, BackgroundExecutor.direct());

  @BeforeAll
  static void writeStudies() {
    tpe = SamplerStudies.write(dir.resolve("tpe.db"), "branin-tpe", "branin", "tpe", 30);
    random = SamplerStudies.write(dir.resolve("random.db"), "branin-random", "branin", "random", 20);
    both = SamplerStudies.write(dir.resolve("both.db"), "a", "branin", "random", 5);
    SamplerStudies.write(both, "b", "branin", "qmc", 6);
    SamplerStudies.write(both, "c", "branin", "random", 7);
  }

  @Test
  void aFileWithOneStudyAddsItWithItsSamplerCountsAndBestValue() {
    assertThat(vm.addFiles(List.of(tpe, random)).join()).isEqualTo(2);
    assertThat(vm.studies()).extracting(ComparedStudy::label).containsExactly("branin-tpe", "branin-random");
    ComparedStudy first = vm.studies().get(0);
    assertThat(first.source()).isEqualTo("tpe.db");
    assertThat(first.location()).isEqualTo(tpe.toAbsolutePath().toString());
    assertThat(first.sampler()).isEqualTo("tpe");
    assertThat(first.trialCount()).isEqualTo(30);
    assertThat(first.direction()).isEqualTo(StudyDirection.MINIMIZE);
    double best = first.trials().stream().filter(t -> t.state() == TrialState.COMPLETE)
        .mapToDouble(t -> t.values().get(0)).min().orElseThrow();
    assertThat(first.bestValue()).isEqualTo(best);
    assertThat(vm.studies()).extracting(ComparedStudy::colorIndex).containsExactly(0, 1);
    assertThat(vm.statusProperty().get()).isEqualTo("2 studies (added 2)");
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void historiesAndEdfHoldEveryStudyInOrder() {
    vm.addFiles(List.of(tpe, random)).join();
    assertThat(vm.historyProperty().get().studies()).extracting(e -> e.history().completeCount())
        .containsExactly(30, 20);
    Edf edf = vm.edfProperty().get();
    assertThat(edf.lines()).extracting(Edf.Line::study).containsExactly("branin-tpe", "branin-random");
    assertThat(edf.lines()).extracting(Edf.Line::count).containsExactly(30, 20);
    assertThat(edf.x()).hasSize(Edf.POINTS);
  }

  @Test
  void aFileWithSeveralStudiesOffersThemAllAndAddsThoseTicked() {
    dialogs.ticks.add(List.of("a  (5 trials, minimize)", "c  (7 trials, minimize)"));
    assertThat(vm.addFiles(List.of(both)).join()).isEqualTo(2);
    assertThat(dialogs.offered).containsExactly(
        List.of("a  (5 trials, minimize)", "b  (6 trials, minimize)", "c  (7 trials, minimize)"));
    assertThat(vm.studies()).extracting(ComparedStudy::name).containsExactly("a", "c");
    assertThat(vm.studies()).extracting(ComparedStudy::sampler).containsExactly("random", "random");
  }

  @Test
  void cancellingThePickAddsNothingAndSaysNothing() {
    assertThat(vm.addFiles(List.of(both)).join()).isZero();
    assertThat(vm.studies()).isEmpty();
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void brokenAndMissingFilesAreNamedInOneErrorAndTheOthersAreAdded() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.db"), "this is not a study file\n".repeat(40));
    Path missing = dir.resolve("missing.db");
    assertThat(vm.addFiles(List.of(broken, tpe, missing)).join()).isEqualTo(1);
    assertThat(vm.studies()).extracting(ComparedStudy::name).containsExactly("branin-tpe");
    assertThat(dialogs.errors).hasSize(1);
    assertThat(dialogs.errors.get(0)).startsWith("Cannot add some studies: ")
        .contains(broken.toAbsolutePath().toString()).contains(missing.toAbsolutePath() + ": no such file");
    assertThat(Files.exists(missing)).as("a missing file is not created").isFalse();
  }

  @Test
  void addingAStudyTwiceKeepsOneRow() {
    vm.addFiles(List.of(tpe)).join();
    assertThat(vm.addFiles(List.of(tpe)).join()).isZero();
    assertThat(vm.studies()).hasSize(1);
  }

  @Test
  void studiesOfTheSameNameFromTwoFilesGetLabelsNamingTheFile() throws Exception {
    Path copy = dir.resolve("copy-" + System.nanoTime() + ".db");
    Files.copy(tpe, copy);
    vm.addFiles(List.of(tpe, copy)).join();
    assertThat(vm.studies()).extracting(ComparedStudy::label)
        .containsExactly("branin-tpe", "branin-tpe (" + copy.getFileName() + ")");
    assertThat(vm.edfProperty().get().lines()).hasSize(2);
  }

  @Test
  void removingAStudyFreesItsColourForTheNextAndRedraws() {
    vm.addFiles(List.of(tpe, random)).join();
    vm.remove(vm.studies().get(0));
    assertThat(vm.edfProperty().get().lines()).extracting(Edf.Line::study).containsExactly("branin-random");
    dialogs.ticks.add(List.of("b  (6 trials, minimize)"));
    vm.addFiles(List.of(both)).join();
    assertThat(vm.studies()).extracting(ComparedStudy::colorIndex).containsExactly(1, 0);
  }

  @Test
  void studiesOfDifferentDirectionsAreListedButNotDrawn() {
    Path max = dir.resolve("max-" + System.nanoTime() + ".db");
    SamplerStudies.write(max, "iris", "svc-iris", "random", 3);
    vm.addFiles(List.of(tpe, max)).join();
    assertThat(vm.studies()).hasSize(2);
    assertThat(vm.problemProperty().get()).contains("different directions")
        .contains("\"branin-tpe\" minimizes").contains("\"iris\" maximizes");
    assertThat(vm.historyProperty().get().studies()).isEmpty();
    assertThat(vm.edfProperty().get().isEmpty()).isTrue();

    vm.remove(vm.studies().get(1));
    assertThat(vm.problemProperty().get()).isEmpty();
    assertThat(vm.historyProperty().get().studies()).hasSize(1);
  }

  @Test
  void aStorageUrlListsItsStudiesWithoutThePassword() {
    dialogs.ticks.add(List.of("b  (6 trials, minimize)"));
    dialogs.texts.add("sqlite:///" + both.toAbsolutePath());
    assertThat(vm.addStorage().join()).isEqualTo(1);
    assertThat(vm.studies().get(0).name()).isEqualTo("b");
    assertThat(vm.studies().get(0).sampler()).isEqualTo("qmc");
    assertThat(vm.studies().get(0).source()).isEqualTo("sqlite:///" + both.toAbsolutePath());

    CompareViewModel other = new CompareViewModel(dialogs, BackgroundExecutor.direct());
    other.addStorage("postgresql://ann:s3cret@127.0.0.1:1/none").join();
    assertThat(dialogs.errors).hasSize(1);
    assertThat(dialogs.errors.get(0)).contains("postgresql://ann:***@127.0.0.1:1/none").doesNotContain("s3cret");
  }

  @Test
  void aMistypedFileUrlIsRefusedNotCreated() {
    Path typo = dir.resolve("typo.db");
    vm.addStorage("sqlite:///" + typo).join();
    vm.addStorage(typo.toString()).join();
    assertThat(dialogs.errors).hasSize(2).allMatch(e -> e.contains(typo + ": no such file"));
    assertThat(Files.exists(typo)).isFalse();
  }

  @Test
  void anOptunaJournalFileIsReadAsAStorage() throws Exception {
    Path journal = dir.resolve("optuna-" + System.nanoTime() + ".log");
    try (var in = getClass().getResourceAsStream("/journal/optuna-3.1.log")) {
      Files.copy(in, journal);
    }
    dialogs.tickAll = true;
    assertThat(vm.addStorage(journal.toString()).join()).isPositive();
    assertThat(dialogs.errors).isEmpty();
    assertThat(vm.studies()).allMatch(s -> s.source().equals(journal.toString()) && s.sampler().equals("—"));
  }

  @Test
  void aStudyOptunaWroteWithoutADefinitionShowsNoSampler() {
    Path plain = dir.resolve("plain-" + System.nanoTime() + ".db");
    try (SqliteStorage storage = SqliteStorage.open(plain)) {
      Study study = Study.builder().name("plain").storage(storage).build();
      study.optimize(t -> t.suggestFloat("x", 0, 1), io.parzen.study.Budget.trials(4));
    }
    vm.addFiles(List.of(plain)).join();
    assertThat(vm.studies().get(0).sampler()).isEqualTo("—");
    assertThat(vm.studies().get(0).trialCount()).isEqualTo(4);
  }

  @Test
  void aMultiObjectiveStudyIsComparedByItsFirstObjective() {
    Path two = dir.resolve("two-" + System.nanoTime() + ".db");
    try (SqliteStorage storage = SqliteStorage.open(two)) {
      Study study = Study.builder().name("pareto").directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE)
          .storage(storage).build();
      study.optimizeMulti(t -> {
        double x = t.suggestFloat("x", 0, 1);
        return new double[] {x, 10 - x};
      }, io.parzen.study.Budget.trials(5), 1);
    }
    vm.addFiles(List.of(tpe, two)).join();
    ComparedStudy pareto = vm.studies().get(1);
    assertThat(pareto.directionsText()).isEqualTo("minimize, maximize");
    assertThat(pareto.direction()).isEqualTo(StudyDirection.MINIMIZE);
    assertThat(vm.problemProperty().get()).isEmpty();
    Edf.Line line = vm.edfProperty().get().line("pareto");
    assertThat(line.count()).isEqualTo(5);
    List<Double> x = vm.edfProperty().get().x();
    int atOne = java.util.stream.IntStream.range(0, x.size()).filter(i -> x.get(i) >= 1.0).findFirst().orElseThrow();
    assertThat(line.y().get(atOne)).as("every first value x is at most 1; 10 - x would be 9 or more").isEqualTo(1.0);
  }

  @Test
  void exportWithoutStudiesSaysWhyInsteadOfAsking() {
    vm.export("compare-edf", new org.jfree.chart.JFreeChart(new org.jfree.chart.plot.XYPlot()));
    assertThat(dialogs.errors).containsExactly("Nothing to export: Add studies to compare first.");
  }
}
