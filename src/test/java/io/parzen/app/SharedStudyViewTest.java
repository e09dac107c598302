package io.parzen.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.objective.BenchmarkFunctions;
import io.parzen.space.SearchSpace;
import io.parzen.storage.PostgresStorage;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDefinition;
import io.parzen.study.StudyDirection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The studio following a study in PostgreSQL that a worker elsewhere fills: File ▸ Open Shared
 * Study…, then the trials table and the counts grow by polling, without reloading.
 */
@ExtendWith(ApplicationExtension.class)
class SharedStudyViewTest {

  private static EmbeddedPostgres pg;
  private static String url;
  private static final SearchSpace SPACE = BenchmarkFunctions.byName("branin").space();

  private FakeDialogs dialogs;
  private MainViewModel vm;

  @BeforeAll
  static void database() throws Exception {
    File log = Files.createTempFile("parzen-embedded-pg-", ".log").toFile();
    log.deleteOnExit();
    pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setPGStartupWait(Duration.ofSeconds(60))
        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log)).start();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE studio_shared");
    }
    url = "postgresql://postgres:not-shown@localhost:" + pg.getPort() + "/studio_shared";
    try (PostgresStorage storage = PostgresStorage.open(url)) {
      StudyFiles.save(storage, "db", "branin", List.of(StudyDirection.MINIMIZE), new StudyDefinition(SPACE, null, null,
          new StudyDefinition.Component("branin", java.util.Map.of()), Budget.trials(40), 2));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  @Start
  void start(Stage stage) {
    dialogs = new FakeDialogs();
    vm = new MainViewModel(dialogs, BackgroundExecutor.pooled(), StudioPreferences.forTests(UUID.randomUUID().toString()));
    Scene scene = new Scene(MainView.create(vm), 1300, 800);
    Theme.apply(scene, false);
    stage.setScene(scene);
    stage.show();
    vm.newStudy();
  }

  @Test
  void trialsThatAnotherWorkerRunsAppearLive(FxRobot robot) throws Exception {
    dialogs.texts.add(url);
    robot.clickOn("File").clickOn("Open Shared Study…");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, vm::isShared);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.titleProperty().get()).contains("postgresql://postgres:***@localhost:").doesNotContain("not-shown");
    assertThat(vm.setup().objectiveProperty().get()).isEqualTo("branin");
    assertThat(vm.runs().rows()).isEmpty();

    try (PostgresStorage other = PostgresStorage.open(url)) {
      Study worker = Study.builder().name("branin").storage(other).loadIfExists(true).space(SPACE).build();
      worker.optimize(BenchmarkFunctions.byName("branin")::evaluate, Budget.trials(15));
    }

    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.runs().rows().size() == 15);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.runs().completedProperty().get()).isEqualTo(15);
    assertThat(robot.lookup("#status").queryAs(Label.class).getText())
        .startsWith("Following branin at postgresql://postgres:***@localhost:");
    assertThat(dialogs.errors).isEmpty();
  }
}
