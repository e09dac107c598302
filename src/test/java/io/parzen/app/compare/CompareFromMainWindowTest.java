package io.parzen.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.MainViewModel;
import io.parzen.app.StudioPreferences;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** File ▸ Compare Studies… starts with the study the window shows, once it is saved. */
class CompareFromMainWindowTest {

  @TempDir
  Path dir;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void aSavedStudyIsComparedFromTheStartAndAnUnsavedOneIsNot() throws Exception {
    CompareDialogs dialogs = new CompareDialogs();
    AtomicReference<MainViewModel> main = new AtomicReference<>();
    FxToolkit.setupFixture(() -> {
      main.set(new MainViewModel(dialogs, BackgroundExecutor.direct(),
          StudioPreferences.forTests(UUID.randomUUID().toString())));
      main.get().newStudy();
      main.get().setup().studyNameProperty().set("mine");
    });
    AtomicReference<CompareViewModel> unsaved = new AtomicReference<>();
    FxToolkit.setupFixture(() -> unsaved.set(main.get().compareStudies(dialogs)));
    assertThat(unsaved.get().studies()).isEmpty();

    Path file = SamplerStudies.write(dir.resolve("mine.db"), "mine", "quadratic", "random", 6);
    FxToolkit.setupFixture(() -> main.get().openFile(file).join());
    AtomicReference<CompareViewModel> saved = new AtomicReference<>();
    FxToolkit.setupFixture(() -> saved.set(main.get().compareStudies(dialogs)));
    assertThat(saved.get().studies()).extracting(CompareViewModel.ComparedStudy::name).containsExactly("mine");
    assertThat(saved.get().studies().get(0).trialCount()).isEqualTo(6);
    assertThat(dialogs.errors).isEmpty();
  }
}
