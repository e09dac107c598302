package io.parzen.app.setup;

import io.parzen.app.BackgroundExecutor;
import io.parzen.app.DialogService;
import io.parzen.objective.CommandObjective;
import io.parzen.space.SearchSpace;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The form of the command objective ({@link CommandObjective}): the argument template, working
 * directory, extra environment ({@code KEY=VALUE} lines) and per-trial time limit, each checked as
 * typed; placeholders naming no parameter of the space are flagged. {@link #testRun()} runs the
 * command once in the background on values drawn from the space's priors and shows what happened,
 * without touching the study.
 */
public final class CommandObjectiveViewModel {

  /** What the template field suggests. */
  public static final String TEMPLATE_HINT = "python3 train.py --lr {lr} --layers {n_layers}";

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ObservableValue<SearchSpace> space;
  private final DialogService dialogs;
  private final BackgroundExecutor executor;
  private final Supplier<Long> seed;
  private final Runnable onEdit;

  private final StringProperty template = new SimpleStringProperty(this, "template", "");
  private final StringProperty workingDirectory = new SimpleStringProperty(this, "workingDirectory", "");
  private final StringProperty environment = new SimpleStringProperty(this, "environment", "");
  private final StringProperty timeoutSeconds = new SimpleStringProperty(this, "timeoutSeconds", "");
  private final ReadOnlyStringWrapper templateError = new ReadOnlyStringWrapper(this, "templateError");
  private final ReadOnlyStringWrapper workingDirectoryError = new ReadOnlyStringWrapper(this, "workingDirectoryError");
  private final ReadOnlyStringWrapper environmentError = new ReadOnlyStringWrapper(this, "environmentError");
  private final ReadOnlyStringWrapper timeoutError = new ReadOnlyStringWrapper(this, "timeoutError");
  private final ReadOnlyStringWrapper placeholders = new ReadOnlyStringWrapper(this, "placeholders", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
  private final ReadOnlyBooleanWrapper testRunning = new ReadOnlyBooleanWrapper(this, "testRunning");
  private final ReadOnlyObjectWrapper<TestRun> lastTestRun = new ReadOnlyObjectWrapper<>(this, "lastTestRun");
  private final ReadOnlyStringWrapper testRunSummary = new ReadOnlyStringWrapper(this, "testRunSummary", "");
  private final ReadOnlyStringWrapper testRunReport = new ReadOnlyStringWrapper(this, "testRunReport", "");
  private final BooleanBinding canTestRun;
  private final Object runLock = new Object();
  private Thread runner;
  private int testRuns;
  private boolean loading;

  /**
   * @param space the study's current search space
   * @param seed the sampler's seed, which also seeds the test runs' draws ({@code null}: 0)
   * @param onEdit called when the user changes a value
   */
  CommandObjectiveViewModel(ObservableValue<SearchSpace> space, DialogService dialogs, BackgroundExecutor executor,
      Supplier<Long> seed, Runnable onEdit) {
    this.space = space;
    this.dialogs = dialogs;
    this.executor = executor;
    this.seed = seed;
    this.onEdit = onEdit;
    for (StringProperty p : List.of(template, workingDirectory, environment, timeoutSeconds)) {
      p.addListener((obs, old, now) -> {
        check();
        if (!loading) {
          onEdit.run();
        }
      });
    }
    space.addListener((obs, old, now) -> check());
    canTestRun = valid.and(testRunning.not());
    check();
  }

  /** The command line with {@code {name}} placeholders, such as {@value #TEMPLATE_HINT}. */
  public StringProperty templateProperty() {
    return template;
  }

  /** Where the command runs; empty for the studio's own directory. */
  public StringProperty workingDirectoryProperty() {
    return workingDirectory;
  }

  /** Extra environment entries, one {@code KEY=VALUE} a line; blank lines and {@code #} comments are skipped. */
  public StringProperty environmentProperty() {
    return environment;
  }

  /** The time limit of one trial in seconds; empty for none. */
  public StringProperty timeoutSecondsProperty() {
    return timeoutSeconds;
  }

  /** What is wrong with the template (including placeholders the space lacks); {@code null} when fine. */
  public ReadOnlyStringProperty templateErrorProperty() {
    return templateError.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty workingDirectoryErrorProperty() {
    return workingDirectoryError.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty environmentErrorProperty() {
    return environmentError.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty timeoutErrorProperty() {
    return timeoutError.getReadOnlyProperty();
  }

  /** The placeholders the space offers, such as "Placeholders: {lr} {n_layers}". */
  public ReadOnlyStringProperty placeholdersProperty() {
    return placeholders.getReadOnlyProperty();
  }

  /** The first problem of the form; empty when valid. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty testRunningProperty() {
    return testRunning.getReadOnlyProperty();
  }

  /** Whether Test run can start: the form is valid and no test runs. */
  public BooleanBinding canTestRunProperty() {
    return canTestRun;
  }

  /** The last test run, or {@code null}. */
  public ReadOnlyObjectProperty<TestRun> lastTestRunProperty() {
    return lastTestRun.getReadOnlyProperty();
  }

  /** One line on the last test run: its value, or FAIL and why; "Running…" meanwhile. */
  public ReadOnlyStringProperty testRunSummaryProperty() {
    return testRunSummary.getReadOnlyProperty();
  }

  /** The full account of the last test run ({@link TestRun#report()}). */
  public ReadOnlyStringProperty testRunReportProperty() {
    return testRunReport.getReadOnlyProperty();
  }

  // ---- commands

  /** Asks for the working directory. */
  public void browseWorkingDirectory() {
    Path initial = null;
    try {
      initial = workingDirectory.get().isBlank() ? null : Path.of(workingDirectory.get().trim());
    } catch (InvalidPathException e) {
      // Start wherever the chooser likes.
    }
    dialogs.chooseDirectory("Working directory of the command", initial)
        .ifPresent(dir -> workingDirectory.set(dir.toString()));
  }

  /**
   * Runs the command once in the background, as trial 0 of no study, on one draw from the space's
   * priors (seeded by the sampler's seed and the number of test runs so far), and shows the result.
   */
  public void testRun() {
    if (!canTestRun.get()) {
      return;
    }
    CommandObjective objective = new CommandObjective(config());
    SearchSpace current = space.getValue();
    long base = seed.get() == null ? 0 : seed.get();
    Map<String, Object> drawn = current.sample(new SplittableRandom(base + testRuns++));
    testRunning.set(true);
    testRunSummary.set("Running…");
    testRunReport.set("$ " + String.join(" ", objective.argumentTemplate()) + "\nrunning…\n");
    executor.submit(() -> run(objective, current, drawn), this::show,
        error -> show(new TestRun(List.of(), drawn, null, null, "the test run broke: " + error, List.of(), "", "",
            Duration.ZERO)));
  }

  /** Stops a running test run, ending its process tree. */
  public void stopTestRun() {
    synchronized (runLock) {
      if (runner != null) {
        runner.interrupt();
      }
    }
  }

  private TestRun run(CommandObjective objective, SearchSpace current, Map<String, Object> drawn) {
    synchronized (runLock) {
      runner = Thread.currentThread();
    }
    long started = System.nanoTime();
    TestRunTrial trial = new TestRunTrial(current, drawn);
    List<String> commandLine = List.of();
    double[] values = null;
    String failure = null;
    try {
      commandLine = objective.commandLine(trial);
      values = objective.evaluate(trial);
    } catch (InterruptedException e) {
      failure = "stopped before it ended";
    } catch (Exception e) {
      failure = e instanceof CommandObjective.CommandFailedException ? e.getMessage() : e.toString();
    } finally {
      synchronized (runLock) {
        runner = null;
        Thread.interrupted();  // A stop that came as it ended must not reach the pool's next task.
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Map<String, Object> attrs = trial.userAttrs();
    Object status = attrs.get(CommandObjective.EXIT_STATUS_ATTR);
    return new TestRun(commandLine, trial.currentParams().isEmpty() ? drawn : trial.currentParams(),
        status instanceof Integer i ? i : null, failure == null ? values : null, failure, trial.steps(),
        (String) attrs.get(CommandObjective.STDOUT_ATTR), (String) attrs.get(CommandObjective.STDERR_ATTR), took);
  }

  private void show(TestRun run) {
    lastTestRun.set(run);
    testRunSummary.set(run.summary());
    testRunReport.set(run.report());
    testRunning.set(false);
  }

  // ---- the definition

  /**
   * The objective's configuration as the form holds it.
   *
   * @throws IllegalArgumentException naming what is wrong when the form is not valid
   */
  public CommandObjective.Config config() {
    if (!valid.get()) {
      throw new IllegalArgumentException(message.get());
    }
    return CommandObjective.Config.fromOptions(toOptions());
  }

  /** The options of the study definition's objective component; wrong values are kept as typed. */
  Map<String, Object> toOptions() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("command", template.get().strip());
    if (!workingDirectory.get().isBlank()) {
      options.put("cwd", workingDirectory.get().strip());
    }
    if (!environment.get().isBlank()) {
      try {
        options.put("env", environment(environment.get()));
      } catch (IllegalArgumentException e) {
        options.put("env", environment.get());
      }
    }
    if (!timeoutSeconds.get().isBlank()) {
      try {
        double seconds = seconds(timeoutSeconds.get());
        options.put("timeout_seconds", seconds == Math.rint(seconds) && seconds < 1e15 ? (Object) (long) seconds
            : (Object) seconds);
      } catch (IllegalArgumentException e) {
        options.put("timeout_seconds", timeoutSeconds.get().strip());
      }
    }
    return options;
  }

  /** Shows stored options; whatever is there is shown as it is, to be flagged if wrong. */
  void load(Map<String, Object> options) {
    loading = true;
    try {
      template.set(text(options.get("command")));
      workingDirectory.set(text(options.get("cwd")));
      Object env = options.get("env");
      environment.set(env instanceof Map<?, ?> m ? m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("\n")) : text(env));
      Object timeout = options.get("timeout_seconds");
      timeoutSeconds.set(timeout instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
          ? Long.toString(n.longValue()) : text(timeout));
    } finally {
      loading = false;
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  // ---- checking

  private void check() {
    SearchSpace current = space.getValue() == null ? SearchSpace.empty() : space.getValue();
    placeholders.set(current.isEmpty() ? "The space has no parameters yet: add some to use {name} placeholders."
        : "Placeholders: " + current.names().stream().map(n -> "{" + n + "}").collect(Collectors.joining(" ")));
    templateError.set(templateProblem(current));
    workingDirectoryError.set(directoryProblem());
    String envProblem = null;
    try {
      environment(environment.get());
    } catch (IllegalArgumentException e) {
      envProblem = e.getMessage();
    }
    environmentError.set(envProblem);
    String timeoutProblem = null;
    try {
      if (!timeoutSeconds.get().isBlank()) {
        seconds(timeoutSeconds.get());
      }
    } catch (IllegalArgumentException e) {
      timeoutProblem = e.getMessage();
    }
    timeoutError.set(timeoutProblem);
    String first = java.util.stream.Stream.of(templateError.get(), workingDirectoryError.get(), environmentError.get(),
        timeoutError.get()).filter(java.util.Objects::nonNull).findFirst().orElse("");
    message.set(first);
    valid.set(first.isEmpty());
  }

  private String templateProblem(SearchSpace current) {
    if (template.get().isBlank()) {
      return "command: the command line is missing (for example " + TEMPLATE_HINT + ")";
    }
    CommandObjective objective;
    try {
      objective = CommandObjective.of(template.get());
    } catch (IllegalArgumentException e) {
      return "command: " + e.getMessage();
    }
    List<String> unknown = objective.unknownPlaceholders(current);
    if (unknown.isEmpty()) {
      return null;
    }
    String names = unknown.stream().map(n -> "{" + n + "}").collect(Collectors.joining(", "));
    return "command: " + names + (unknown.size() == 1 ? " is not a parameter" : " are not parameters")
        + " of the space" + (current.isEmpty() ? ", which is empty" : " (it has " + String.join(", ", current.names()) + ")");
  }

  private String directoryProblem() {
    String dir = workingDirectory.get().strip();
    if (dir.isEmpty()) {
      return null;
    }
    try {
      Path path = Path.of(dir);
      if (!Files.exists(path)) {
        return "working directory " + dir + " does not exist";
      }
      return Files.isDirectory(path) ? null : "working directory " + dir + " is not a directory";
    } catch (InvalidPathException e) {
      return "working directory " + dir + " is not a path: " + e.getReason();
    }
  }

  /** The environment lines as a map; throws naming the line that is not {@code KEY=VALUE}. */
  static Map<String, String> environment(String text) {
    Map<String, String> env = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>(text.lines().toList());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("environment line " + (i + 1) + " (" + line + ") must be KEY=VALUE");
      }
      String key = line.substring(0, eq).strip();
      if (!ENV_NAME.matcher(key).matches()) {
        throw new IllegalArgumentException("environment line " + (i + 1) + ": \"" + key
            + "\" is not a variable name (letters, digits, _)");
      }
      env.put(key, line.substring(eq + 1).strip());
    }
    return env;
  }

  private static double seconds(String text) {
    double seconds;
    try {
      seconds = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      seconds = Double.NaN;
    }
    if (!(seconds > 0 && seconds <= 365 * 24 * 3600.0) || !text.strip().matches("[0-9.eE+-]+")) {
      throw new IllegalArgumentException("time limit (" + text.strip() + ") must be a number of seconds > 0");
    }
    return seconds;
  }
}
