package io.parzen.cli;

import io.parzen.storage.Storage;
import io.parzen.storage.StorageException;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDefinition;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parzen worker}: joins a shared study and runs trials until the study-wide budget is used.
 * The definition's trial count (or {@code study_total}) counts every trial of the study, so three
 * workers on a 300-trial study run 300 trials between them.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {"Joins a study in a shared storage and runs trials until its study-wide budget is used.",
        "Start as many workers as you like, on one machine or many (PostgreSQL); they share the budget."})
final class WorkerCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--storage", required = true, paramLabel = "URL",
      description = "sqlite:///FILE, a study file path, or postgresql://USER@HOST/DB.")
  String storageUrl;

  @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study to work on.")
  String study;

  @Option(names = "--trials", paramLabel = "N", description = "Run at most N trials in this worker.")
  Integer trials;

  @Override
  public Integer call() {
    if (trials != null && trials < 0) {
      throw new CliException(ExitCodes.USAGE, "--trials must not be negative");
    }
    try (Storage storage = Cli.open(storageUrl, true)) {
      StudyRunner runner = new StudyRunner(storage, storageUrl, study);
      StudyDefinition definition = runner.definition();
      Budget stored = definition.budget() == null ? Budget.unlimited() : definition.budget();
      Integer total = stored.studyTotal() != null ? stored.studyTotal() : stored.trials();
      Budget budget = new Budget(trials, stored.timeout(), total);
      Study s = runner.study();
      Integer expected = trials;
      if (total != null) {
        int left = Math.max(0, total - s.trials().size());
        expected = expected == null ? left : Math.min(expected, left);
      }
      return runner.run(s, budget, 1, expected, spec.commandLine().getOut(), spec.commandLine().getErr());
    } catch (StorageException e) {
      throw Cli.storageError(storageUrl, e);
    }
  }
}
