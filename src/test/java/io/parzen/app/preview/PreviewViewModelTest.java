package io.parzen.app.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.ManualExecutor;
import io.parzen.app.StudyDocument;
import io.parzen.space.Condition;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.visualization.PriorPreview;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PreviewViewModelTest {

  private static final SearchSpace SPACE = SearchSpace.of(
      Hp.loguniform("lr", 1e-5, 1e-1),
      Hp.pchoice("optimizer", Map.of("adam", 0.37, "sgd", 0.63)),
      Hp.uniform("momentum", 0.0, 0.99).withCondition(Condition.when("optimizer", "sgd")));

  private final StudyDocument document = new StudyDocument();

  private PreviewViewModel directViewModel() {
    document.spaceProperty().set(SPACE);
    return new PreviewViewModel(document, BackgroundExecutor.direct());
  }

  @Test
  void showsNothingButAHintUntilAParameterIsSelected() {
    PreviewViewModel vm = directViewModel();
    assertThat(vm.priorProperty().get()).isNull();
    assertThat(vm.messageProperty().get()).contains("Select a parameter");
    assertThat(vm.parameterNames()).containsExactly("lr", "optimizer", "momentum");
  }

  @Test
  void selectingAParameterPreviewsItWithTheDefaultSampleCount() {
    PreviewViewModel vm = directViewModel();
    document.selectedParameterProperty().set("lr");
    PriorPreview prior = vm.priorProperty().get();
    assertThat(prior.parameterName()).isEqualTo("lr");
    assertThat(prior.draws()).isEqualTo(PreviewViewModel.DEFAULT_SAMPLE_COUNT);
    assertThat(prior.totalCount()).isEqualTo(1_000);
    assertThat(prior.logScale()).isTrue();
    assertThat(vm.titleProperty().get()).isEqualTo("lr · log-uniform");
    assertThat(vm.activityProperty().get()).isEmpty();
    assertThat(vm.messageProperty().get()).isEmpty();
    assertThat(vm.summaryProperty().get()).startsWith("1,000 draws · min ");
  }

  @Test
  void conditionalParameterShowsHowOftenItIsActive() {
    PreviewViewModel vm = directViewModel();
    vm.sampleCountProperty().set(20_000);
    document.selectedParameterProperty().set("momentum");
    assertThat(vm.activityProperty().get()).isEqualTo("active in 63% of draws");
    assertThat(vm.priorProperty().get().totalCount()).isEqualTo(vm.priorProperty().get().activeDraws());
  }

  @Test
  void changingTheSampleCountRecomputes() {
    PreviewViewModel vm = directViewModel();
    document.selectedParameterProperty().set("optimizer");
    vm.sampleCountProperty().set(2_500);
    assertThat(vm.priorProperty().get().draws()).isEqualTo(2_500);
    assertThat(vm.priorProperty().get().totalCount()).isEqualTo(2_500);
  }

  @Test
  void editingTheSpaceRecomputesAndDroppingTheSelectedParameterClearsThePreview() {
    PreviewViewModel vm = directViewModel();
    document.selectedParameterProperty().set("lr");
    document.spaceProperty().set(SearchSpace.of(Hp.loguniform("lr", 1e-3, 1.0), Hp.uniform("x", 0, 1)));
    assertThat(vm.priorProperty().get().low()).isEqualTo(1e-3);
    document.spaceProperty().set(SearchSpace.of(Hp.uniform("x", 0, 1)));
    assertThat(vm.priorProperty().get()).isNull();
    assertThat(vm.parameterNames()).containsExactly("x");
  }

  @Test
  void secondParameterAddsAJointPreviewOfDrawsWhereBothAreActive() {
    PreviewViewModel vm = directViewModel();
    document.selectedParameterProperty().set("lr");
    vm.secondParameterProperty().set("momentum");
    assertThat(vm.jointProperty().get().points().size())
        .isEqualTo(PriorPreview.of(SPACE, "momentum", 1_000, vm.seedProperty().get()).activeDraws());
    vm.secondParameterProperty().set(null);
    assertThat(vm.jointProperty().get()).isNull();
  }

  @Test
  void secondParameterRemovedFromTheSpaceIsForgotten() {
    PreviewViewModel vm = directViewModel();
    document.selectedParameterProperty().set("lr");
    vm.secondParameterProperty().set("momentum");
    document.spaceProperty().set(SearchSpace.of(Hp.loguniform("lr", 1e-5, 1e-1)));
    assertThat(vm.secondParameterProperty().get()).isNull();
    assertThat(vm.jointProperty().get()).isNull();
  }

  @Test
  void resampleDrawsAgainWithANewSeedAndTheSameSeedRepeats() {
    PreviewViewModel vm = directViewModel();
    document.selectedParameterProperty().set("lr");
    PriorPreview first = vm.priorProperty().get();
    vm.resample();
    assertThat(vm.priorProperty().get()).isNotEqualTo(first);
    vm.seedProperty().set(vm.seedProperty().get() - 1);
    assertThat(vm.priorProperty().get()).isEqualTo(first);
  }

  @Test
  void burstOfEditsWhileComputingRunsOnlyTheLatestRequestAndAppliesOnlyItsResult() {
    ManualExecutor executor = new ManualExecutor();
    document.spaceProperty().set(SPACE);
    PreviewViewModel vm = new PreviewViewModel(document, executor);
    document.selectedParameterProperty().set("lr");
    assertThat(executor.queued()).isEqualTo(1);
    assertThat(vm.busyProperty().get()).isTrue();
    for (int n = 100; n <= 900; n += 100) {
      vm.sampleCountProperty().set(n);
    }
    assertThat(executor.queued()).as("edits wait for the running computation").isEqualTo(1);

    executor.runNext();
    assertThat(vm.priorProperty().get()).as("a stale result is dropped").isNull();
    assertThat(executor.queued()).as("one follow-up for the whole burst").isEqualTo(1);

    executor.runNext();
    assertThat(vm.priorProperty().get().draws()).isEqualTo(900);
    assertThat(executor.queued()).isZero();
    assertThat(vm.busyProperty().get()).isFalse();
  }

  @Test
  void errorInTheBackgroundIsShownAsAMessage() {
    document.spaceProperty().set(SPACE);
    BackgroundExecutor failing = new BackgroundExecutor() {
      // No @Override: stays valid whether or not the interface declares it.
      public java.util.concurrent.Executor executor() {
        return Runnable::run;
      }

      @Override
      public <T> CompletableFuture<T> submit(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        onError.accept(new IllegalStateException("boom"));
        return CompletableFuture.failedFuture(new IllegalStateException("boom"));
      }
    };
    PreviewViewModel vm = new PreviewViewModel(document, failing);
    document.selectedParameterProperty().set("lr");
    assertThat(vm.messageProperty().get()).isEqualTo("No preview: boom");
    assertThat(vm.busyProperty().get()).isFalse();
  }
}
