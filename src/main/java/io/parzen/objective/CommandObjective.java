package io.parzen.objective;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.parzen.trial.Trial;
import io.parzen.trial.TrialPruned;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An objective that runs an external program once per trial, such as
 * {@code python3 train.py --lr {lr} --layers {n_layers}}.
 *
 * <p><b>Command line.</b> The template is split into arguments once, on whitespace, with
 * {@code "..."} and {@code '...'} grouping words in the template (inside double quotes,
 * {@code \"} and {@code \\} are escapes). Each {@code {name}} in an argument is replaced by the
 * trial's value of the declared parameter {@code name}, also inside a larger argument such as
 * {@code --lr={lr}}. The program is started directly, without a shell: a value is always part of
 * exactly the argument its placeholder was in, whatever characters it holds, and is never
 * expanded again. A placeholder naming an inactive conditional parameter becomes the empty
 * string; a placeholder naming no parameter of the study's space fails the trial.
 *
 * <p><b>Environment.</b> The process inherits the JVM's environment plus the configured entries,
 * {@code PARZEN_TRIAL_NUMBER} and {@code PARZEN_PARAMS} (every parameter of the trial as a JSON
 * object). It runs in the configured working directory, or the JVM's.
 *
 * <p><b>Result protocol.</b> Standard output is read line by line as it comes:
 * <ul>
 *   <li>{@code {"step": 3, "value": 0.41}} reports an intermediate value at once and asks the
 *       pruner; if it says prune, the process tree is destroyed and the trial ends PRUNED;
 *   <li>{@code {"value": 0.93}} or {@code {"values": [0.93, 12]}} gives the result (the last
 *       such line wins);
 *   <li>otherwise the last line that is a plain number ({@code nan} and {@code inf} included) is
 *       the value.
 * </ul>
 * A non-zero exit status, the time limit, or no value at all fails the trial with a message
 * carrying the status (or "timed out after N s", "printed no value") and the last
 * {@value #STDERR_LINES} lines of standard error. An interrupt of the worker thread (as sent by
 * {@code Study.cancel()}) destroys the process tree and throws {@link InterruptedException}.
 *
 * <p>The last 1 MiB of each stream is kept in memory while the process runs; the last
 * {@value #ATTR_TAIL_CHARS} characters are saved as the trial's user attributes
 * {@value #STDOUT_ATTR} and {@value #STDERR_ATTR} however the trial ends, and the exit status as
 * {@value #EXIT_STATUS_ATTR} once the process has ended (a stopped process has the status its
 * signal gives, such as 143).
 *
 * <p>Implements {@link MultiObjective}; {@link #asObjective()} gives the single-objective view.
 * Thread-safe: one instance serves any number of parallel workers.
 */
public final class CommandObjective implements MultiObjective {

  /** The name of this objective in a study definition's component. */
  public static final String COMPONENT_NAME = "command";
  public static final String STDOUT_ATTR = "stdout_tail";
  public static final String STDERR_ATTR = "stderr_tail";
  public static final String EXIT_STATUS_ATTR = "exit_status";
  public static final String TRIAL_NUMBER_ENV = "PARZEN_TRIAL_NUMBER";
  public static final String PARAMS_ENV = "PARZEN_PARAMS";

  static final int BUFFER_CHARS = 1 << 20;
  static final int ATTR_TAIL_CHARS = 4096;
  static final int STDERR_LINES = 20;
  private static final int MAX_LINE_CHARS = 64 * 1024;
  private static final long KILL_GRACE_MILLIS = 2_000;
  /** How long to wait for the end of output after the process exited (a child may hold the pipe). */
  private static final long DRAIN_MILLIS = 1_000;
  private static final long POLL_MILLIS = 50;

  private static final Logger LOG = LoggerFactory.getLogger(CommandObjective.class);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.\\-]*)\\}");
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();
  private static final AtomicInteger IO_THREADS = new AtomicInteger();
  /** Reads the output of every running command; daemon threads, created as needed. */
  private static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "parzen-command-io-" + IO_THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private final Config config;
  private final List<String> argvTemplate;
  private final Set<String> placeholders;

  public CommandObjective(Config config) {
    this.config = config;
    this.argvTemplate = List.copyOf(parseTemplate(config.template()));
    if (argvTemplate.isEmpty()) {
      throw new IllegalArgumentException("the command is empty");
    }
    Set<String> names = new LinkedHashSet<>();
    for (String arg : argvTemplate) {
      Matcher m = PLACEHOLDER.matcher(arg);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    this.placeholders = Collections.unmodifiableSet(names);
  }

  /** A command objective with no extra environment, the JVM's directory and no time limit. */
  public static CommandObjective of(String template) {
    return new CommandObjective(new Config(template, null, Map.of(), null));
  }

  public Config config() {
    return config;
  }

  /** The template split into arguments, placeholders not yet replaced. */
  public List<String> argumentTemplate() {
    return argvTemplate;
  }

  /** The parameter names the template refers to, in order of appearance. */
  public Set<String> placeholders() {
    return placeholders;
  }

  /**
   * The placeholders naming no parameter of {@code space}: a study would fail every trial. The
   * studio calls this before it starts a study.
   */
  public List<String> unknownPlaceholders(io.parzen.space.SearchSpace space) {
    return placeholders.stream().filter(p -> space.parameter(p).isEmpty()).toList();
  }

  /** This objective for a single-objective study: the program must give exactly one value. */
  public Objective asObjective() {
    return trial -> {
      double[] values = evaluate(trial);
      if (values.length != 1) {
        throw new CommandFailedException(
            "`" + shortCommand() + "` gave " + values.length + " values; a single-objective study needs one");
      }
      return values[0];
    };
  }

  // ---- the template

  /** Splits {@code template} on whitespace, grouping quoted words; placeholders stay as they are. */
  static List<String> parseTemplate(String template) {
    if (template == null) {
      throw new IllegalArgumentException("the command is missing");
    }
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inToken = false;
    char quote = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (quote == '"' && c == '\\' && i + 1 < template.length()
            && (template.charAt(i + 1) == '"' || template.charAt(i + 1) == '\\')) {
          current.append(template.charAt(++i));
        } else {
          current.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (inToken) {
          args.add(current.toString());
          current.setLength(0);
          inToken = false;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inToken = true;
      } else {
        current.append(c);
        inToken = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("the command has an unterminated " + quote + " quote: " + template);
    }
    if (inToken) {
      args.add(current.toString());
    }
    return args;
  }

  /**
   * The command line this objective runs for {@code trial}, every placeholder replaced by the
   * trial's value: what {@link #evaluate} starts, for showing it to the user. Suggests the
   * trial's parameters as {@link Trial#params()} does.
   */
  public List<String> commandLine(Trial trial) {
    return argv(trial, trial.params());
  }

  /** The command line for {@code trial}: every placeholder replaced by the parameter's value. */
  List<String> argv(Trial trial, Map<String, Object> params) {
    List<String> argv = new ArrayList<>(argvTemplate.size());
    for (String arg : argvTemplate) {
      Matcher m = PLACEHOLDER.matcher(arg);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, Matcher.quoteReplacement(valueOf(trial, params, m.group(1))));
      }
      m.appendTail(out);
      argv.add(out.toString());
    }
    return argv;
  }

  private static String valueOf(Trial trial, Map<String, Object> params, String name) {
    if (params.containsKey(name)) {
      return format(params.get(name));
    }
    if (trial.currentParams().containsKey(name)) {
      return format(trial.currentParams().get(name));
    }
    if (trial.space().parameter(name).isPresent()) {
      return "";  // A conditional parameter that is inactive for this trial.
    }
    throw new IllegalArgumentException("the command refers to {" + name + "}, but the study declares no parameter \""
        + name + "\"" + (trial.space().isEmpty() ? "" : " (it has " + String.join(", ", trial.space().names()) + ")"));
  }

  private static String format(Object value) {
    return String.valueOf(value);  // Floats keep their point ("2.0"), integers have none.
  }

  // ---- running

  @Override
  public double[] evaluate(Trial trial) throws Exception {
    Map<String, Object> params = trial.params();  // Suggests every active declared parameter.
    List<String> argv = argv(trial, params);
    Map<String, Object> all = new LinkedHashMap<>(trial.currentParams());
    all.putAll(params);

    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.environment().putAll(config.environment());
    builder.environment().put(TRIAL_NUMBER_ENV, Integer.toString(trial.number()));
    builder.environment().put(PARAMS_ENV, JSON.writeValueAsString(all));
    if (config.workingDirectory() != null) {
      builder.directory(config.workingDirectory().toFile());
    }
    Run run = new Run(trial, argv);
    try {
      return run.execute(builder);
    } finally {
      run.close();
    }
  }

  private String shortCommand() {
    String s = String.join(" ", argvTemplate);
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  /** One execution of the command for one trial, on the trial's worker thread. */
  private final class Run {
    private final Trial trial;
    private final List<String> argv;
    private final TailBuffer stdout = new TailBuffer(BUFFER_CHARS);
    private final TailBuffer stderr = new TailBuffer(BUFFER_CHARS);
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(1024);
    private volatile boolean abandoned;
    private Process process;
    private Future<?> stdoutReader;
    private Future<?> stderrReader;
    private double[] jsonResult;
    private Double lastNumber;

    Run(Trial trial, List<String> argv) {
      this.trial = trial;
      this.argv = argv;
    }

    double[] execute(ProcessBuilder builder) throws Exception {
      long started = System.nanoTime();
      boolean limited = config.timeout() != null;
      long deadline = limited ? started + config.timeout().toNanos() : 0;
      long poll = TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
      if (Thread.interrupted()) {
        throw new InterruptedException("cancelled before the command started");
      }
      process = builder.start();
      LOG.debug("trial {}: started pid {}: {}", trial.number(), process.pid(), argv);
      process.getOutputStream().close();
      stdoutReader = IO.submit(() -> read(process.getInputStream(), stdout, true));
      stderrReader = IO.submit(() -> read(process.getErrorStream(), stderr, false));

      boolean eof = false;
      long exitSeen = -1;
      while (true) {
        long now = System.nanoTime();
        if (limited && now - deadline >= 0) {
          killTree();
          throw failure("timed out after " + seconds(config.timeout()));
        }
        long wait = limited ? Math.min(poll, deadline - now) : poll;
        if (eof) {
          if (process.waitFor(wait, TimeUnit.NANOSECONDS)) {
            break;
          }
          continue;
        }
        String line = lines.poll(wait, TimeUnit.NANOSECONDS);
        if (line == EOF) {
          eof = true;
        } else if (line != null) {
          handle(line);
        } else if (!process.isAlive()) {
          // The program exited but a child of it may still hold standard output open.
          if (exitSeen < 0) {
            exitSeen = now;
          } else if (now - exitSeen > TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS)) {
            LOG.debug("trial {}: output still open {} ms after the command exited", trial.number(), DRAIN_MILLIS);
            break;
          }
        }
      }
      int status = process.exitValue();
      awaitReader(stderrReader);
      if (status != 0) {
        throw failure("exited with status " + status);
      }
      if (jsonResult != null) {
        return jsonResult;
      }
      if (lastNumber != null) {
        return new double[] {lastNumber};
      }
      throw failure("printed no value");
    }

    private void handle(String raw) {
      String line = raw.strip();
      if (line.isEmpty()) {
        return;
      }
      if (line.startsWith("{")) {
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          return;  // Not our protocol; just output.
        }
        if (node == null || !node.isObject()) {
          return;
        }
        JsonNode step = node.get("step");
        JsonNode value = node.get("value");
        JsonNode values = node.get("values");
        if (step != null && step.canConvertToInt() && step.isIntegralNumber() && value != null && value.isNumber()) {
          trial.report(step.intValue(), value.doubleValue());
          if (trial.shouldPrune()) {
            LOG.debug("trial {}: pruned at step {}; destroying pid {}", trial.number(), step.intValue(), process.pid());
            killTree();
            throw new TrialPruned("pruned at step " + step.intValue());
          }
        } else if (step == null && value != null && value.isNumber()) {
          jsonResult = new double[] {value.doubleValue()};
        } else if (step == null && values != null && values.isArray()) {
          double[] result = new double[values.size()];
          for (int i = 0; i < result.length; i++) {
            JsonNode v = values.get(i);
            result[i] = v.isNumber() ? v.doubleValue() : Double.NaN;
          }
          jsonResult = result;
        }
        return;
      }
      Double number = parseNumber(line);
      if (number != null) {
        lastNumber = number;
      }
    }

    private CommandFailedException failure(String what) {
      String tail = String.join("\n", stderr.lastLines(STDERR_LINES));
      String message = "`" + shortCommand() + "` " + what
          + (tail.isBlank() ? "" : "; stderr (last " + STDERR_LINES + " lines):\n" + tail);
      return new CommandFailedException(message);
    }

    /** Destroys the process and its descendants: politely, then, after a grace period, forcibly. */
    private void killTree() {
      if (process == null) {
        return;
      }
      boolean interrupted = Thread.interrupted();  // Waiting below must not be cut short.
      try {
        // Descendants first: once the process is gone its children belong to init and cannot be
        // found. The process may be forking meanwhile, so look again until it is gone too.
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        destroyNewDescendants(tree);
        destroyNewDescendants(tree);
        tree.add(process.toHandle());
        process.destroy();
        // Polls: onExit() of a process that is not our child checks only every 300 ms or more.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_GRACE_MILLIS);
        while (System.nanoTime() - deadline < 0 && tree.stream().anyMatch(ProcessHandle::isAlive)) {
          destroyNewDescendants(tree);
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        destroyNewDescendants(tree);
        for (ProcessHandle h : tree) {
          if (h.isAlive()) {
            LOG.debug("trial {}: pid {} ignored SIGTERM; killing it", trial.number(), h.pid());
            h.destroyForcibly();
          }
        }
        try {
          process.waitFor(KILL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private void destroyNewDescendants(Set<ProcessHandle> seen) {
      if (!process.isAlive()) {
        return;
      }
      for (ProcessHandle h : process.descendants().toList()) {
        if (seen.add(h)) {
          h.destroy();
        }
      }
    }

    /** Called however the run ends: no process outlives it, and the output tails are saved. */
    void close() {
      if (process != null && process.isAlive()) {
        killTree();
      }
      abandoned = true;
      lines.clear();
      try {
        trial.setUserAttr(STDOUT_ATTR, stdout.tail(ATTR_TAIL_CHARS));
        trial.setUserAttr(STDERR_ATTR, stderr.tail(ATTR_TAIL_CHARS));
        if (process != null && !process.isAlive()) {
          trial.setUserAttr(EXIT_STATUS_ATTR, process.exitValue());
        }
      } catch (RuntimeException e) {
        LOG.warn("trial {}: could not save the command's output", trial.number(), e);
      }
    }

    private void awaitReader(Future<?> reader) {
      boolean interrupted = Thread.interrupted();
      try {
        reader.get(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException | TimeoutException e) {
        // The tail read so far will do.
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /** Reads {@code in} to its end in lines (of at most 64 Ki characters each). */
    private void read(InputStream in, TailBuffer buffer, boolean forward) {
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        char[] chunk = new char[8192];
        StringBuilder line = new StringBuilder();
        int n;
        while ((n = reader.read(chunk)) >= 0) {
          for (int i = 0; i < n; i++) {
            char c = chunk[i];
            if (c == '\n' || line.length() >= MAX_LINE_CHARS) {
              emit(line, buffer, forward);
              if (c == '\n') {
                continue;
              }
            }
            line.append(c);
          }
        }
        if (line.length() > 0) {
          emit(line, buffer, forward);
        }
      } catch (IOException e) {
        LOG.debug("trial {}: reading command output: {}", trial.number(), e.toString());
      } finally {
        if (forward) {
          offer(EOF);
        }
      }
    }

    private void emit(StringBuilder line, TailBuffer buffer, boolean forward) {
      int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
      String text = line.substring(0, end);
      line.setLength(0);
      buffer.add(text);
      if (forward) {
        offer(text);
      }
    }

    private void offer(String line) {
      try {
        while (!abandoned && !lines.offer(line, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          // The worker is busy; wait for room unless it has gone.
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The end of standard output, compared by identity. */
  @SuppressWarnings("StringOperationCanBeSimplified")
  private static final String EOF = new String("<eof>");

  static Double parseNumber(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    switch (s) {
      case "nan", "+nan", "-nan":
        return Double.NaN;
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.endsWith("."))) {
      return null;  // Rejects Java-only forms such as "1d" or "0x1p3f".
    }
    if (s.startsWith("0x") || s.startsWith("-0x") || s.startsWith("+0x")) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String seconds(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
  }

  /** The last lines of a stream, at most {@code capacity} characters. Thread-safe. */
  static final class TailBuffer {
    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();
    private long chars;

    TailBuffer(int capacity) {
      this.capacity = capacity;
    }

    synchronized void add(String line) {
      lines.addLast(line);
      chars += line.length() + 1;
      while (chars > capacity && lines.size() > 1) {
        chars -= lines.removeFirst().length() + 1;
      }
    }

    synchronized List<String> lastLines(int n) {
      List<String> all = new ArrayList<>(lines);
      return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /** The last {@code maxChars} characters of the stream, lines joined with newlines. */
    synchronized String tail(int maxChars) {
      StringBuilder out = new StringBuilder();
      var it = lines.descendingIterator();
      List<String> picked = new ArrayList<>();
      int total = 0;
      while (it.hasNext() && total < maxChars) {
        String l = it.next();
        picked.add(l);
        total += l.length() + 1;
      }
      Collections.reverse(picked);
      for (String l : picked) {
        out.append(l).append('\n');
      }
      return out.length() > maxChars ? out.substring(out.length() - maxChars) : out.toString();
    }
  }

  /**
   * The command failed: it exited with a non-zero status, timed out or printed no value. Its
   * {@link #toString()} is the bare message, which the study stores as the trial's fail reason.
   */
  public static final class CommandFailedException extends Exception {
    public CommandFailedException(String message) {
      super(message);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }

  /**
   * The options of a command objective.
   *
   * @param template the command line with {@code {param}} placeholders
   * @param workingDirectory where the command runs; {@code null} for the JVM's directory
   * @param environment extra environment entries
   * @param timeout the time limit of one trial; {@code null} for none
   */
  public record Config(String template, Path workingDirectory, Map<String, String> environment, Duration timeout) {

    public Config {
      if (template == null || template.isBlank()) {
        throw new IllegalArgumentException("command: the command line is missing");
      }
      environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout_seconds (" + timeout.toMillis() / 1000.0 + ") must be > 0");
      }
    }

    /** The options of a study definition's objective component: command, cwd, env, timeout_seconds. */
    public Map<String, Object> toOptions() {
      Map<String, Object> options = new LinkedHashMap<>();
      options.put("command", template);
      if (workingDirectory != null) {
        options.put("cwd", workingDirectory.toString());
      }
      if (!environment.isEmpty()) {
        options.put("env", new LinkedHashMap<>(environment));
      }
      if (timeout != null) {
        long millis = timeout.toMillis();
        options.put("timeout_seconds", millis % 1000 == 0 ? (Object) (millis / 1000) : (Object) (millis / 1000.0));
      }
      return options;
    }

    /** Reads the options written by {@link #toOptions()}; unknown keys are an error. */
    public static Config fromOptions(Map<String, ?> options) {
      for (String key : options.keySet()) {
        if (!Set.of("command", "cwd", "env", "timeout_seconds").contains(key)) {
          throw new IllegalArgumentException("command: unknown option \"" + key + "\"");
        }
      }
      Object command = options.get("command");
      if (!(command instanceof String template)) {
        throw new IllegalArgumentException("command: \"command\" must be a string");
      }
      Object cwd = options.get("cwd");
      if (cwd != null && !(cwd instanceof String)) {
        throw new IllegalArgumentException("command: \"cwd\" must be a string");
      }
      Map<String, String> env = new LinkedHashMap<>();
      Object envOption = options.get("env");
      if (envOption instanceof Map<?, ?> m) {
        m.forEach((k, v) -> {
          if (!(k instanceof String) || v == null || v instanceof Map || v instanceof List) {
            throw new IllegalArgumentException("command: \"env\" must map names to strings");
          }
          env.put((String) k, String.valueOf(v));
        });
      } else if (envOption != null) {
        throw new IllegalArgumentException("command: \"env\" must be an object");
      }
      Object t = options.get("timeout_seconds");
      Duration timeout = null;
      if (t instanceof Number n) {
        timeout = Duration.ofMillis(Math.round(n.doubleValue() * 1000));
      } else if (t != null) {
        throw new IllegalArgumentException("command: \"timeout_seconds\" must be a number");
      }
      return new Config(template, cwd == null || ((String) cwd).isBlank() ? null : Path.of((String) cwd), env, timeout);
    }
  }
}
