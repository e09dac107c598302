package io.parzen.storage.interop;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.parzen.storage.RdbSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Python scripts of {@code src/test/resources/interop/} with the system's Python 3 and
 * its Optuna (Debian's python3-optuna), and decides in one place ({@link #verdict()}) what happens
 * when they are missing: the interop tests are skipped, unless {@code PARZEN_REQUIRE_OPTUNA=1} is
 * set, in which case they fail.
 */
final class OptunaPython {

  /** Set to {@code 1} (or {@code true}) to make a missing Python or Optuna a test failure. */
  static final String REQUIRE_ENV = "PARZEN_REQUIRE_OPTUNA";

  /** The interpreter; {@code -Dparzen.python=...} overrides it. Not a pyenv shim on purpose. */
  static final Path PYTHON = Path.of(System.getProperty("parzen.python", "/usr/bin/python3"));

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_OUTPUT_IN_MESSAGE = 8_000;

  /** What the probe found: whether Optuna runs, and if so its version and RDB schema head. */
  record Probe(boolean available, String detail, String version, RdbSchema schema) {

    static Probe missing(String detail) {
      return new Probe(false, detail, null, null);
    }
  }

  private static Probe probe;

  private OptunaPython() {}

  /** What the interop tests do: run, be skipped, or fail because Optuna is required but missing. */
  enum Decision { RUN, SKIP, FAIL }

  /** A decision and the message that explains it. */
  record Verdict(Decision decision, String message) {}

  /**
   * The single gate of the interop tests, applied by {@link RequiresOptuna}: run when Optuna can
   * be used; otherwise skip, or fail when {@code PARZEN_REQUIRE_OPTUNA=1} is set.
   */
  static Verdict verdict() {
    return verdict(probe(), System.getenv(REQUIRE_ENV));
  }

  /** The decision of {@link #verdict()}, apart from the environment, so that it can be tested. */
  static Verdict verdict(Probe p, String requireValue) {
    if (p.available()) {
      return new Verdict(Decision.RUN, p.detail());
    }
    if (isRequired(requireValue)) {
      return new Verdict(Decision.FAIL, REQUIRE_ENV + "=" + requireValue + " is set, so Optuna is required for the "
          + "interop tests, but " + p.detail() + ". Install it (apt-get install python3-optuna) or unset "
          + REQUIRE_ENV + ".");
    }
    return new Verdict(Decision.SKIP, "Optuna interop tests skipped: " + p.detail()
        + " (set " + REQUIRE_ENV + "=1 to make this a failure)");
  }

  static boolean isRequired(String value) {
    return value != null && (value.trim().equals("1") || value.trim().equalsIgnoreCase("true"));
  }

  /** Probes {@link #PYTHON} once per JVM. */
  static synchronized Probe probe() {
    if (probe == null) {
      probe = probe(PYTHON);
    }
    return probe;
  }

  /** Whether {@code python} runs and imports a usable Optuna. */
  static Probe probe(Path python) {
    if (!Files.isExecutable(python)) {
      return Probe.missing(python + " does not exist or is not executable");
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("parzen-optuna-probe");
    } catch (IOException e) {
      return Probe.missing("cannot create a temporary folder: " + e.getMessage());
    }
    try {
      Result r = start(python, dir, "optuna_probe.py", List.of(), PROBE_TIMEOUT);
      if (r.timedOut()) {
        return Probe.missing(python + " optuna_probe.py did not finish within " + PROBE_TIMEOUT.toSeconds() + " s");
      }
      if (r.exitCode() != 0) {
        return Probe.missing(python + " cannot import optuna (exit " + r.exitCode() + "): " + lastLine(r.stderr()));
      }
      JsonNode json = InteropJson.MAPPER.readTree(lastLine(r.stdout()));
      String version = json.path("version").asText();
      String head = json.path("alembic_head").asText();
      RdbSchema schema = RdbSchema.byAlembicVersion(head);
      if (schema == null) {
        return Probe.missing("Optuna " + version + " uses schema revision " + head
            + ", which Parzen Studio cannot write");
      }
      return new Probe(true, "Optuna " + version + " (" + head + ")", version, schema);
    } catch (IOException | RuntimeException e) {
      return Probe.missing("probing " + python + " failed: " + e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * Runs {@code script} (a resource of {@code interop/}, copied into {@code workDir}) with
   * {@code args} and returns its standard output; fails the test with its standard error when it
   * exits with a non-zero status or takes longer than a minute.
   */
  static String run(Path workDir, String script, Object... args) {
    List<String> list = new ArrayList<>();
    for (Object a : args) {
      list.add(a.toString());
    }
    Result r = start(PYTHON, workDir, script, list, SCRIPT_TIMEOUT);
    String command = PYTHON + " " + script + " " + String.join(" ", list);
    if (r.timedOut()) {
      fail(command + " did not finish within " + SCRIPT_TIMEOUT.toSeconds() + " s and was killed"
          + output(r));
    }
    if (r.exitCode() != 0) {
      fail(command + " exited with status " + r.exitCode() + output(r));
    }
    return r.stdout();
  }

  /** The result of one script run. */
  record Result(int exitCode, boolean timedOut, String stdout, String stderr) {}

  private static Result start(Path python, Path workDir, String script, List<String> args, Duration timeout) {
    try {
      Files.createDirectories(workDir);
      Path scriptFile = workDir.resolve(script);
      try (InputStream in = OptunaPython.class.getResourceAsStream("/interop/" + script)) {
        if (in == null) {
          throw new IllegalStateException("no test resource interop/" + script);
        }
        Files.copy(in, scriptFile, StandardCopyOption.REPLACE_EXISTING);
      }
      Path out = Files.createTempFile(workDir, script, ".stdout");
      Path err = Files.createTempFile(workDir, script, ".stderr");
      List<String> command = new ArrayList<>(List.of(python.toString(), scriptFile.toString()));
      command.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      environment(pb.environment());
      Process process = pb.start();
      boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
      return new Result(done ? process.exitValue() : -1, !done, read(out), read(err));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + python + " " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + script, e);
    }
  }

  /**
   * A clean environment for the system Python: nothing from pyenv or a virtualenv leaks in, and
   * Python's local time is the JVM's, since both sides read and write Optuna's naive local times.
   */
  private static void environment(Map<String, String> env) {
    env.keySet().removeIf(k -> k.startsWith("PYTHON") || k.startsWith("PYENV") || k.equals("VIRTUAL_ENV"));
    env.put("PYTHONNOUSERSITE", "1");
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    env.put("PYTHONIOENCODING", "utf-8");
    ZoneId zone = ZoneId.systemDefault();
    if (!(zone instanceof ZoneOffset) && Files.exists(Path.of("/usr/share/zoneinfo", zone.getId()))) {
      env.put("TZ", zone.getId());
    }
  }

  private static String output(Result r) {
    return "\n--- stderr ---\n" + tail(r.stderr()) + "\n--- stdout ---\n" + tail(r.stdout());
  }

  private static String tail(String s) {
    return s.length() <= MAX_OUTPUT_IN_MESSAGE ? s : "..." + s.substring(s.length() - MAX_OUTPUT_IN_MESSAGE);
  }

  private static String lastLine(String s) {
    String[] lines = s.strip().split("\n");
    return lines[lines.length - 1];
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temporary folder is harmless.
    }
  }
}
