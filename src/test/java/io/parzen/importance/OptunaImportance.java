package io.parzen.importance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parzen.space.Distribution;
import io.parzen.storage.OptunaJson;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code interop/optuna_importance.py} with /usr/bin/python3 (or {@code -Dparzen.python}) on
 * the given trials. {@code -Dparzen.optunaPath=DIR} puts another Optuna (a source checkout) first
 * on the Python path, to compare with a newer Optuna than Debian's.
 */
public final class OptunaImportance {

  static final String REQUIRE_ENV = "PARZEN_REQUIRE_OPTUNA";
  static final Path PYTHON = Path.of(System.getProperty("parzen.python", "/usr/bin/python3"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private OptunaImportance() {}

  /** Optuna's normalised importances, its version and the wall and CPU seconds its evaluator took. */
  public record Result(String version, Map<String, Double> importances, double seconds, double cpuSeconds) {}

  /** Why Optuna with scikit-learn cannot run here, or {@code null} when it can. */
  public static String missing() {
    if (!Files.isExecutable(PYTHON)) {
      return PYTHON + " does not exist or is not executable";
    }
    try {
      Process p = process(List.of(PYTHON.toString(), "-c", "import optuna, sklearn"), null).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return PYTHON + " took over 60 s to import optuna and sklearn";
      }
      if (p.exitValue() != 0) {
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return PYTHON + " cannot import optuna and sklearn (apt-get install python3-optuna python3-sklearn): "
            + err.substring(err.lastIndexOf('\n') + 1);
      }
      return null;
    } catch (IOException e) {
      return "cannot run " + PYTHON + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while probing " + PYTHON;
    }
  }

  static boolean required() {
    String v = System.getenv(REQUIRE_ENV);
    return v != null && (v.trim().equals("1") || v.trim().equalsIgnoreCase("true"));
  }

  /** Writes the trials Optuna reads: internal parameter values, distributions as Optuna's JSON. */
  public static void writeTrials(Path file, List<FrozenTrial> trials, StudyDirection direction) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("direction", direction == StudyDirection.MAXIMIZE ? "maximize" : "minimize");
    ArrayNode array = root.putArray("trials");
    for (FrozenTrial t : trials) {
      if (t.state() != TrialState.COMPLETE) {
        continue;
      }
      ObjectNode node = array.addObject();
      ObjectNode params = node.putObject("params");
      ObjectNode distributions = node.putObject("distributions");
      for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
        params.put(e.getKey(), t.internalParam(e.getKey()));
        distributions.put(e.getKey(), OptunaJson.distributionToJson(e.getValue()));
      }
      node.put("value", t.value());
    }
    Files.writeString(file, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
  }

  /**
   * Optuna's importances of {@code trials}; {@code null} when this Optuna lacks the evaluator
   * (exit status 3). Throws with the script's output when it fails otherwise.
   */
  public static Result run(Path dir, List<FrozenTrial> trials, StudyDirection direction, String evaluator, long seed,
      Duration timeout) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path data = Files.createTempFile(dir, "trials", ".json");
    writeTrials(data, trials, direction);
    Path script = dir.resolve("optuna_importance.py");
    try (InputStream in = OptunaImportance.class.getResourceAsStream("/interop/optuna_importance.py")) {
      if (in == null) {
        throw new IllegalStateException("no test resource interop/optuna_importance.py");
      }
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    Path out = Files.createTempFile(dir, "optuna", ".out");
    Path err = Files.createTempFile(dir, "optuna", ".err");
    ProcessBuilder pb = process(List.of(PYTHON.toString(), script.toString(), data.toString(), evaluator,
        Long.toString(seed)), dir).redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
      throw new IllegalStateException("Optuna's " + evaluator + " did not finish within " + timeout.toSeconds() + " s");
    }
    if (p.exitValue() == 3) {
      return null;
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IllegalStateException("optuna_importance.py exited with " + p.exitValue() + ":\n"
          + Files.readString(err, StandardCharsets.UTF_8) + stdout);
    }
    String[] lines = stdout.strip().split("\n");
    JsonNode json = JSON.readTree(lines[lines.length - 1]);
    Map<String, Double> importances = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.get("importances").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      importances.put(e.getKey(), e.getValue().asDouble());
    }
    return new Result(json.get("version").asText(), importances, json.get("seconds").asDouble(),
        json.get("cpu_seconds").asDouble());
  }

  private static ProcessBuilder process(List<String> command, Path dir) {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("PYTHON") || k.startsWith("PYENV") || k.equals("VIRTUAL_ENV"));
    env.put("PYTHONNOUSERSITE", "1");
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    String optunaPath = System.getProperty("parzen.optunaPath");
    if (optunaPath != null && !optunaPath.isBlank()) {
      env.put("PYTHONPATH", optunaPath);
    }
    return pb;
  }
}
