package io.parzen.cli;

import io.parzen.storage.Storage;
import io.parzen.storage.StorageException;
import io.parzen.storage.StudySummary;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDefinition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parzen run}: runs a study of a study file headless, with its stored definition. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs a study headless with the objective, sampler, budget and workers of its definition.",
        "Ctrl+C stops it cleanly: running trials finish and every finished trial stays in the file."})
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STUDY_FILE", description = "The study file (or a storage URL).")
  String file;

  @Option(names = "--study", paramLabel = "NAME", description = "The study to run; needed when the file holds several.")
  String study;

  @Option(names = "--trials", paramLabel = "N", description = "Run N trials (overrides the definition's budget).")
  Integer trials;

  @Option(names = "--timeout", paramLabel = "S", description = "Start no trial after S seconds (overrides the definition).")
  Double timeout;

  @Option(names = "--workers", paramLabel = "K", description = "Parallel workers (overrides the definition).")
  Integer workers;

  @Override
  public Integer call() {
    if (trials != null && trials < 0 || timeout != null && timeout < 0 || workers != null && workers < 1) {
      throw new CliException(ExitCodes.USAGE, "--trials and --timeout must not be negative, --workers must be >= 1");
    }
    try (Storage storage = Cli.open(file, true)) {
      String name = study != null ? study : onlyStudy(storage);
      StudyRunner runner = new StudyRunner(storage, file, name);
      StudyDefinition definition = runner.definition();
      Budget stored = definition.budget() == null ? Budget.unlimited() : definition.budget();
      Budget budget = stored;
      if (trials != null || timeout != null) {
        budget = new Budget(trials, timeout == null ? null : Duration.ofMillis(Math.round(timeout * 1000)), null);
      }
      Study s = runner.study();
      Integer expected = budget.trials();
      if (expected == null && budget.studyTotal() != null) {
        expected = Math.max(0, budget.studyTotal() - s.trials().size());
      }
      return runner.run(s, budget, workers != null ? workers : definition.workers(), expected,
          spec.commandLine().getOut(), spec.commandLine().getErr());
    } catch (StorageException e) {
      throw Cli.storageError(file, e);
    }
  }

  private String onlyStudy(Storage storage) {
    List<StudySummary> studies = storage.studies();
    if (studies.size() == 1) {
      return studies.get(0).name();
    }
    if (studies.isEmpty()) {
      throw new CliException(ExitCodes.NO_SUCH_STUDY, file + " holds no study");
    }
    throw new CliException(ExitCodes.USAGE, file + " holds several studies; choose one with --study: "
        + studies.stream().map(StudySummary::name).collect(Collectors.joining(", ")));
  }
}
