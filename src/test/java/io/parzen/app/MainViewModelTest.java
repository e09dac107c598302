package io.parzen.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.storage.SqliteStorage;
import io.parzen.study.StudyDefinition;
import io.parzen.study.StudyDirection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The window's commands, with fake dialogs and files in a temporary folder. */
class MainViewModelTest {

  @TempDir
  Path dir;

  private FakeDialogs dialogs;
  private MainViewModel vm;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void create() throws Exception {
    dialogs = new FakeDialogs();
    FxToolkit.setupFixture(() -> vm = new MainViewModel(dialogs, BackgroundExecutor.direct(),
        StudioPreferences.forTests(UUID.randomUUID().toString())));
  }

  @Test
  void newStudyStartsOnTheQuadraticWithItsSpace() throws Exception {
    FxToolkit.setupFixture(vm::newStudy);
    assertThat(vm.setup().objectiveProperty().get()).isEqualTo("quadratic");
    assertThat(vm.document().getSpace().names()).containsExactly("x");
    assertThat(vm.titleProperty().get()).isEqualTo("Parzen Studio — study (unsaved)");
    assertThat(vm.canRunProperty().get()).isTrue();
  }

  @Test
  void savingAndReopeningRestoresTheSetupAndTheSpace() throws Exception {
    Path file = dir.resolve("mine.db");
    SearchSpace space = SearchSpace.of(Hp.loguniform("lr", 1e-5, 1e-1), Hp.choice("opt", "adam", "sgd"));
    FxToolkit.setupFixture(() -> {
      vm.newStudy();
      vm.setup().studyNameProperty().set("tuned");
      vm.setup().directionProperty().set(StudyDirection.MAXIMIZE);
      vm.setup().seedProperty().set("7");
      vm.setup().prunerProperty().set("median");
      vm.setup().trialsProperty().set(33);
      vm.space().load(space);
    });
    assertThat(vm.document().dirtyProperty().get()).isTrue();
    dialogs.filesToSave.add(file);
    FxToolkit.setupFixture(() -> assertThat(vm.save().join()).isTrue());
    assertThat(vm.titleProperty().get()).isEqualTo("Parzen Studio — tuned (mine.db)");

    FxToolkit.setupFixture(vm::newStudy);
    FxToolkit.setupFixture(() -> assertThat(vm.openFile(file).join()).isTrue());
    assertThat(vm.setup().studyNameProperty().get()).isEqualTo("tuned");
    assertThat(vm.setup().directionProperty().get()).isEqualTo(StudyDirection.MAXIMIZE);
    assertThat(vm.setup().seedProperty().get()).isEqualTo("7");
    assertThat(vm.setup().prunerProperty().get()).isEqualTo("median");
    assertThat(vm.setup().trialsProperty().get()).isEqualTo(33);
    assertThat(vm.document().getSpace()).isEqualTo(space);
    assertThat(vm.document().dirtyProperty().get()).isFalse();
  }

  @Test
  void aMultiObjectiveSetupIsSavedWithItsDirectionsAndReopened() throws Exception {
    Path file = dir.resolve("two-objectives.db");
    FxToolkit.setupFixture(() -> {
      vm.newStudy();
      vm.setup().studyNameProperty().set("pareto");
      vm.document().dirtyProperty().set(false);
      vm.setup().addObjective();
      vm.setup().moreDirections().set(0, StudyDirection.MAXIMIZE);
      vm.setup().addObjective();
    });
    assertThat(vm.document().dirtyProperty().get()).isTrue();
    assertThat(vm.setup().directions()).containsExactly(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE,
        StudyDirection.MINIMIZE);
    FxToolkit.setupFixture(() -> vm.setup().removeObjective(2));
    assertThatThrownBy(() -> vm.setup().removeObjective(0)).hasMessageContaining("no objective 1 to remove");
    dialogs.filesToSave.add(file);
    FxToolkit.setupFixture(() -> assertThat(vm.save().join()).isTrue());
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      assertThat(storage.directions(storage.findStudyId("pareto").orElseThrow()))
          .containsExactly(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
    }

    FxToolkit.setupFixture(vm::newStudy);
    assertThat(vm.setup().directions()).containsExactly(StudyDirection.MINIMIZE);
    FxToolkit.setupFixture(() -> assertThat(vm.openFile(file).join()).isTrue());
    assertThat(vm.setup().directions()).containsExactly(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
    assertThat(vm.runs().directionsProperty().get()).containsExactly(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
    assertThat(vm.document().dirtyProperty().get()).isFalse();
  }

  @Test
  void aBrokenFileShowsAnErrorNamingItAndIsLeftAlone() throws Exception {
    Path broken = dir.resolve("notes.db");
    Files.writeString(broken, "not a database");
    FxToolkit.setupFixture(() -> assertThat(vm.openFile(broken).join()).isFalse());
    assertThat(dialogs.errors).containsExactly("Cannot open the study file: " + broken.toAbsolutePath()
        + ": not a study file: it is not a SQLite database");
    assertThat(Files.readString(broken)).isEqualTo("not a database");
  }

  @Test
  void aFileWithSeveralStudiesAsksWhichToOpen() throws Exception {
    Path file = dir.resolve("two.db");
    StudyFiles.save(file, "first", List.of(StudyDirection.MINIMIZE), StudyDefinition.of(SearchSpace.of(Hp.uniform("a", 0, 1))));
    StudyFiles.save(file, "second", List.of(StudyDirection.MINIMIZE), StudyDefinition.of(SearchSpace.of(Hp.uniform("b", 0, 1))));
    dialogs.choices.add("second");
    FxToolkit.setupFixture(() -> assertThat(vm.openFile(file).join()).isTrue());
    assertThat(vm.setup().studyNameProperty().get()).isEqualTo("second");
    assertThat(vm.document().getSpace().names()).containsExactly("b");
  }

  @Test
  void theFirstLaunchOpensTheExampleStudy() throws Exception {
    Path example = StudyFiles.installExample(dir.resolve("examples/branin.db"));
    FxToolkit.setupFixture(() -> assertThat(vm.openFile(example).join()).isTrue());
    assertThat(vm.setup().objectiveProperty().get()).isEqualTo("branin");
    assertThat(vm.document().getSpace().names()).containsExactly("x0", "x1");
    assertThat(vm.setup().trialsProperty().get()).isEqualTo(50);
    try (SqliteStorage storage = SqliteStorage.open(example)) {
      assertThat(storage.findStudyId("branin")).isPresent();
    }
  }

  @Test
  void unsavedChangesAreNotDiscardedWithoutAsking() throws Exception {
    FxToolkit.setupFixture(() -> {
      vm.newStudy();
      vm.setup().studyNameProperty().set("changed");
    });
    dialogs.confirmAnswer = false;
    FxToolkit.setupFixture(vm::newStudy);
    assertThat(dialogs.confirmations).isEqualTo(1);
    assertThat(vm.setup().studyNameProperty().get()).isEqualTo("changed");
  }

  @Test
  void openedAndSavedFilesAreRememberedNewestFirst() throws Exception {
    Path a = StudyFiles.installExample(dir.resolve("a/branin.db"));
    Path b = StudyFiles.installExample(dir.resolve("b/branin.db"));
    FxToolkit.setupFixture(() -> {
      vm.openFile(a);
      vm.openFile(b);
      vm.openFile(a);
    });
    assertThat(vm.recentFiles()).containsExactly(a.toAbsolutePath(), b.toAbsolutePath());
  }

  @Test
  void closingWithUnsavedChangesAsksFirst() throws Exception {
    FxToolkit.setupFixture(() -> {
      vm.newStudy();
      vm.setup().trialsProperty().set(7);
    });
    dialogs.confirmAnswer = false;
    assertThat(vm.canClose()).isFalse();
    dialogs.confirmAnswer = true;
    assertThat(vm.canClose()).isTrue();
  }

  @Test
  void pickingAnotherObjectiveBringsItsParametersAndDirection() throws Exception {
    FxToolkit.setupFixture(() -> {
      vm.newStudy();
      vm.setup().objectiveProperty().set("svc-iris");
    });
    assertThat(vm.document().getSpace().names()).containsExactlyInAnyOrder("C", "gamma");
    assertThat(vm.setup().directionProperty().get()).isEqualTo(StudyDirection.MAXIMIZE);
    FxToolkit.setupFixture(() -> vm.setup().objectiveProperty().set("branin"));
    assertThat(vm.document().getSpace().names()).containsExactly("x0", "x1");
    assertThat(vm.setup().directionProperty().get()).isEqualTo(StudyDirection.MINIMIZE);
  }

  @Test
  void openingAStudyKeepsItsOwnSpaceEvenIfItDiffersFromTheObjective() throws Exception {
    Path file = dir.resolve("custom.db");
    SearchSpace custom = SearchSpace.of(Hp.uniform("x0", 0, 1), Hp.uniform("x1", 0, 1), Hp.uniform("extra", 0, 1));
    StudyFiles.save(file, "custom", List.of(StudyDirection.MINIMIZE), new StudyDefinition(custom, null, null,
        new StudyDefinition.Component("quadratic", java.util.Map.of()), null, 1));
    FxToolkit.setupFixture(() -> assertThat(vm.openFile(file).join()).isTrue());
    assertThat(vm.document().getSpace()).isEqualTo(custom);
  }

  @Test
  void filesAreReadAndWrittenOffTheFxThreadWhileRunWaits() throws Exception {
    ManualExecutor background = new ManualExecutor();
    Path example = StudyFiles.installExample(dir.resolve("examples/branin.db"));
    java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Boolean>> opened =
        new java.util.concurrent.atomic.AtomicReference<>();
    FxToolkit.setupFixture(() -> {
      vm = new MainViewModel(dialogs, background, StudioPreferences.forTests(UUID.randomUUID().toString()));
      vm.newStudy();
      opened.set(vm.openFile(example));
    });

    assertThat(opened.get()).isNotDone();
    assertThat(background.queued()).isPositive();
    assertThat(vm.busyProperty().get()).isTrue();
    assertThat(vm.canRunProperty().get()).isFalse();
    assertThat(vm.statusProperty().get()).isEqualTo("Opening branin.db…");

    FxToolkit.setupFixture(background::runAll);  // the study names, then the study and its trials
    assertThat(opened.get().join()).isTrue();
    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(vm.canRunProperty().get()).isTrue();
    assertThat(vm.setup().objectiveProperty().get()).isEqualTo("branin");
  }

  @Test
  void anEditMadeWhileSavingKeepsTheStudyUnsaved() throws Exception {
    ManualExecutor background = new ManualExecutor();
    Path file = dir.resolve("slow.db");
    java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Boolean>> saved =
        new java.util.concurrent.atomic.AtomicReference<>();
    FxToolkit.setupFixture(() -> {
      vm = new MainViewModel(dialogs, background, StudioPreferences.forTests(UUID.randomUUID().toString()));
      vm.newStudy();
      dialogs.filesToSave.add(file);
      saved.set(vm.save());
      vm.setup().trialsProperty().set(12);
    });

    FxToolkit.setupFixture(background::runAll);

    assertThat(saved.get().join()).isTrue();
    assertThat(Files.exists(file)).isTrue();
    assertThat(vm.document().dirtyProperty().get()).isTrue();
  }

  @Test
  void aSharedStudyFollowsTrialsThatAnotherWorkerAdds() throws Exception {
    Path file = dir.resolve("shared.db");
    StudyFiles.save(file, "shared", List.of(StudyDirection.MINIMIZE), StudyDefinition.of(SearchSpace.of(Hp.uniform("x", -1, 1))));
    String url = "sqlite:///" + file.toAbsolutePath();
    FxToolkit.setupFixture(() -> assertThat(vm.openShared(url).join()).isTrue());
    assertThat(vm.isShared()).isTrue();
    assertThat(vm.titleProperty().get()).isEqualTo("Parzen Studio — shared (" + url + ")");
    assertThat(vm.runs().rows()).isEmpty();

    try (SqliteStorage other = SqliteStorage.open(file)) {
      io.parzen.study.Study worker = io.parzen.study.Study.builder().name("shared").storage(other).loadIfExists(true)
          .space(SearchSpace.of(Hp.uniform("x", -1, 1))).build();
      worker.optimize(t -> t.suggestFloat("x", -1, 1) * t.suggestFloat("x", -1, 1), io.parzen.study.Budget.trials(7));
    }
    FxToolkit.setupFixture(vm::pollShared);

    assertThat(vm.runs().rows()).hasSize(7);
    assertThat(vm.runs().completedProperty().get()).isEqualTo(7);
    assertThat(vm.statusProperty().get()).startsWith("Following shared at " + url + ": ");

    FxToolkit.setupFixture(vm::newStudy);
    assertThat(vm.isShared()).isFalse();
  }

  @Test
  void aSharedUrlIsShownAndRememberedWithoutItsPassword() {
    assertThat(SharedStudy.displayUrl("postgresql://ann:s3cret@db.lab:5432/hpo"))
        .isEqualTo("postgresql://ann:***@db.lab:5432/hpo");
    assertThat(SharedStudy.displayUrl("jdbc:postgresql://db.lab/hpo?user=ann&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db.lab/hpo?user=ann&password=***&ssl=true");
    StudioPreferences preferences = StudioPreferences.forTests(UUID.randomUUID().toString());
    preferences.setLastSharedUrl("postgresql://ann:s3cret@db.lab:5432/hpo");
    assertThat(preferences.lastSharedUrl()).contains("postgresql://ann@db.lab:5432/hpo");
  }

  @Test
  void aSharedStorageThatCannotBeReadSaysWhy() throws Exception {
    Path broken = dir.resolve("broken.db");
    Files.writeString(broken, "not a database");
    FxToolkit.setupFixture(() -> assertThat(vm.openShared("sqlite:///" + broken.toAbsolutePath()).join()).isFalse());
    assertThat(dialogs.errors).singleElement().asString().startsWith("Cannot open the shared study: sqlite:///"
        + broken.toAbsolutePath() + ": ").contains("not a SQLite database");
    assertThat(vm.isShared()).isFalse();
  }
}
