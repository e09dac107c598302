package io.parzen.cli;

import io.parzen.objective.Objectives;
import io.parzen.objective.CommandObjective;
import io.parzen.objective.MultiObjective;
import io.parzen.space.SearchSpace;
import io.parzen.sampler.Sampler;
import io.parzen.sampler.Samplers;
import io.parzen.storage.Storage;
import io.parzen.study.Budget;
import io.parzen.study.OptimizeResult;
import io.parzen.study.StopReason;
import io.parzen.study.Study;
import io.parzen.study.StudyDefinition;
import io.parzen.trial.FrozenTrial;
import io.parzen.visualization.HypervolumeHistory;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a stored study headless, as {@code run} and {@code worker} do: the objective (a built-in
 * objective of {@link Objectives}) and the sampler ({@link Samplers}) come from the study's definition; progress goes to the
 * command's output; Ctrl+C stops the run cleanly, letting running trials finish.
 */
final class StudyRunner {

  private final Storage storage;
  private final String where;
  private final String studyName;
  private final StudyDefinition definition;
  private final MultiObjective objective;
  private final String objectiveName;
  private final SearchSpace defaultSpace;
  /** How many values the built-in objective returns; 0 for a command, which may return any number. */
  private int builtinObjectives;

  StudyRunner(Storage storage, String where, String studyName) {
    this.storage = storage;
    this.where = where;
    this.studyName = studyName;
    long id = Cli.studyId(storage, where, studyName);
    try {
      this.definition = StudyDefinition.load(storage, id).orElseThrow(() -> new CliException(ExitCodes.STORAGE,
          where + ": study \"" + studyName + "\" has no definition (create it with `parzen create`)"));
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.STORAGE, where + ": the definition of study \"" + studyName
          + "\" is invalid: " + e.getMessage(), e);
    }
    if (definition.objective() == null) {
      throw new CliException(ExitCodes.STORAGE, where + ": study \"" + studyName
          + "\" names no objective; the command line runs a command or a built-in objective ("
          + String.join(", ", Objectives.names()) + ")");
    }
    try {
      String name = definition.objective().name();
      if (name.equals(CommandObjective.COMPONENT_NAME)) {
        CommandObjective command = new CommandObjective(
            CommandObjective.Config.fromOptions(definition.objective().options()));
        this.objective = command;
        this.objectiveName = "command";
        this.defaultSpace = SearchSpace.empty();
      } else {
        Objectives.Builtin builtin = Objectives.create(name);
        this.objective = builtin.objective();
        this.objectiveName = builtin.name();
        this.defaultSpace = builtin.space();
        this.builtinObjectives = builtin.objectives();
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.STORAGE, where + ": study \"" + studyName + "\": " + e.getMessage(), e);
    }
  }

  StudyDefinition definition() {
    return definition;
  }

  /** Builds the study object over the stored study, with the definition's sampler. */
  Study study() {
    Study.Builder builder = Study.builder().name(studyName).storage(storage).sampler(sampler())
        .pruner(pruner()).loadIfExists(true);
    if (definition.space().isEmpty()) {
      builder.space(defaultSpace);
    }
    Study study = builder.build();
    if (builtinObjectives > 0 && study.directions().size() != builtinObjectives) {
      throw new CliException(ExitCodes.STORAGE, where + ": study \"" + studyName + "\" has "
          + study.directions().size() + " direction(s) " + study.directions() + " but its objective " + objectiveName
          + " returns " + builtinObjectives + " values");
    }
    return study;
  }

  private io.parzen.pruner.Pruner pruner() {
    try {
      return io.parzen.pruner.Pruners.create(definition.pruner());
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.STORAGE, where + ": study \"" + studyName + "\": " + e.getMessage(), e);
    }
  }

  private Sampler sampler() {
    try {
      return Samplers.create(definition.sampler());
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.STORAGE, where + ": study \"" + studyName + "\": " + e.getMessage(), e);
    }
  }

  /**
   * Runs the study with {@code budget} on {@code workers} workers, reporting to {@code out}, and
   * returns the exit code: 0, or 1 when the run ended with an error.
   */
  int run(Study study, Budget budget, int workers, Integer expected, PrintWriter out, PrintWriter err) {
    Double bestBefore = study.isMultiObjective() ? null
        : study.findBestTrial().map(FrozenTrial::value).orElse(null);
    Progress progress = new Progress(out, System.console() != null, expected,
        study.isMultiObjective() ? null : study.direction(), bestBefore);
    study.addListener(progress);
    out.println("Running study \"" + studyName + "\" (" + objectiveName + ", " + study.sampler().describe()
        + ", " + budget + ", " + workers + (workers == 1 ? " worker" : " workers") + ")");
    out.flush();
    CountDownLatch ended = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      study.stop();
      try {
        ended.await(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "parzen-stop");
    boolean hooked = addHook(hook);
    try {
      OptimizeResult result = study.optimizeMulti(objective, budget, workers);
      progress.finish();
      return report(study, result, out, err);
    } finally {
      study.removeListener(progress);
      if (hooked) {
        removeHook(hook);
      }
      ended.countDown();
    }
  }

  private int report(Study study, OptimizeResult result, PrintWriter out, PrintWriter err) {
    out.println("Ended: " + result.reason().description() + " after " + result.trials() + " trials in "
        + String.format(Locale.ROOT, "%.1f s", result.elapsed().toMillis() / 1000.0)
        + " (" + study.trials().size() + " trials in the study)");
    if (study.isMultiObjective()) {
      List<FrozenTrial> front = study.bestTrials();
      out.println("Best trials (Pareto front): " + front.stream()
          .map(t -> Integer.toString(t.number())).collect(Collectors.joining(", ")));
      List<FrozenTrial> all = study.trials();
      List<Double> reference = HypervolumeHistory.defaultReferencePoint(all, study.directions());
      if (reference != null) {
        out.println("Hypervolume: " + Cli.number(HypervolumeHistory.of(all, study.directions(), reference).last())
            + " (" + front.size() + " trials on the front; reference point " + reference.stream().map(Cli::number)
            .collect(Collectors.joining(", ", "(", ")")) + ", Optuna's rule)");
      }
    } else {
      Optional<FrozenTrial> best = study.findBestTrial();
      if (best.isPresent()) {
        out.println("Best value: " + Cli.number(best.get().value()) + " (trial " + best.get().number() + ")");
        out.println("Best params: " + params(best.get().params()));
      } else {
        out.println("No trial has completed yet.");
      }
    }
    out.flush();
    if (result.reason() == StopReason.ERROR) {
      err.println("parzen: the study run failed: " + result.error());
      err.flush();
      return ExitCodes.STUDY_ERROR;
    }
    return ExitCodes.OK;
  }

  static String params(Map<String, Object> params) {
    return params.entrySet().stream().map(e -> e.getKey() + "=" + Cli.value(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static boolean addHook(Thread hook) {
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      return true;
    } catch (IllegalStateException e) {
      return false;  // Already shutting down.
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down: the hook is running and waits for this run, which has ended.
    }
  }
}
