package io.parzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parzen.storage.SqliteStorage;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParzenCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path db;
  private Path example;

  record Result(int code, String out, String err) {}

  static Result parzen(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ParzenCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeEach
  void setUp() throws Exception {
    db = dir.resolve("studies.db");
    example = dir.resolve("branin.json");
    try (InputStream in = getClass().getResourceAsStream("/examples/branin.json")) {
      assertThat(in).as("example on the class path").isNotNull();
      Files.write(example, in.readAllBytes());
    }
  }

  private void createAndRunBranin(int trials) {
    Result created = parzen("create", "--storage", db.toString(), "--from", example.toString());
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out()).contains("branin");
    Result run = parzen("run", db.toString(), "--trials", Integer.toString(trials));
    assertThat(run.code()).as(run.err()).isZero();
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    Result help = parzen("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("run", "worker", "create", "studies", "trials", "best", "export", "import",
        "studio", "Exit codes", "no such study");
    Result runHelp = parzen("run", "--help");
    assertThat(runHelp.code()).isZero();
    assertThat(runHelp.out()).contains("STUDY_FILE", "--trials", "--timeout", "--workers", "Exit codes");
  }

  @Test
  void version() {
    Result v = parzen("--version");
    assertThat(v.code()).isZero();
    assertThat(v.out()).startsWith("parzen ").contains(ParzenCli.VERSION);
  }

  @Test
  void usageErrorsExitWithTwo() {
    Result r = parzen("studies", "--storage", db.toString(), "--format", "xml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isNotBlank();
    assertThat(parzen("frobnicate").code()).isEqualTo(2);
    assertThat(parzen("trials", "--storage", db.toString()).code()).isEqualTo(2);
  }

  @Test
  void runRunsTheExampleAndNamesTheBest() throws Exception {
    Result created = parzen("create", "--storage", db.toString(), "--from", example.toString());
    assertThat(created.code()).as(created.err()).isZero();
    Result run = parzen("run", db.toString(), "--trials", "20");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("20/20 trials", "trial budget reached", "Best value: ", "Best params: x0=");
    try (SqliteStorage storage = SqliteStorage.open(db)) {
      long id = storage.studyId("branin");
      List<FrozenTrial> trials = storage.trials(id);
      assertThat(trials).hasSize(20).allMatch(t -> t.state() == TrialState.COMPLETE);
      FrozenTrial best = trials.stream().min((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
      assertThat(run.out()).contains("(trial " + best.number() + ")");
    }
  }

  @Test
  void runWithWorkersAndStudyOption() throws Exception {
    createAndRunBranin(5);
    Result run = parzen("run", "sqlite:///" + db, "--study", "branin", "--trials", "12", "--workers", "3");
    assertThat(run.code()).as(run.err()).isZero();
    try (SqliteStorage storage = SqliteStorage.open(db)) {
      assertThat(storage.trialCount(storage.studyId("branin"))).isEqualTo(17);
    }
  }

  @Test
  void studiesInEveryFormat() throws Exception {
    createAndRunBranin(20);
    Result table = parzen("studies", "--storage", db.toString());
    assertThat(table.code()).as(table.err()).isZero();
    String[] lines = table.out().split("\\R");
    assertThat(lines[0]).startsWith("name").contains("directions", "trials", "best_value");
    assertThat(lines[1]).matches("-+( +-+)+");
    assertThat(lines[2]).startsWith("branin").contains("MINIMIZE", "20");
    assertThat(lines[0].indexOf("trials")).isEqualTo(lines[2].indexOf("20"));

    Result json = parzen("studies", "--storage", db.toString(), "--format", "json");
    JsonNode studies = JSON.readTree(json.out());
    assertThat(studies.size()).isEqualTo(1);
    assertThat(studies.get(0).get("name").asText()).isEqualTo("branin");
    assertThat(studies.get(0).get("trials").asInt()).isEqualTo(20);
    assertThat(studies.get(0).get("best_value").isNumber()).isTrue();

    Result csv = parzen("studies", "--storage", db.toString(), "--format", "csv");
    assertThat(csv.out()).startsWith("name,directions,trials,best_value\r\nbranin,MINIMIZE,20,");
  }

  @Test
  void trialsInEveryFormat() throws Exception {
    createAndRunBranin(20);
    Result table = parzen("trials", "--storage", db.toString(), "--study", "branin");
    assertThat(table.code()).as(table.err()).isZero();
    String[] lines = table.out().split("\\R");
    assertThat(lines).hasSize(22);
    assertThat(lines[0]).startsWith("number").contains("state", "value", "x0", "x1");
    assertThat(lines[2]).contains("COMPLETE");

    JsonNode trials = JSON.readTree(parzen("trials", "--storage", db.toString(), "--study", "branin",
        "--format", "json").out());
    assertThat(trials.size()).isEqualTo(20);
    assertThat(trials.get(0).get("state").asText()).isEqualTo("COMPLETE");
    assertThat(trials.get(0).get("params").has("x0")).isTrue();
    assertThat(trials.get(0).get("values").get(0).isNumber()).isTrue();

    String csv = parzen("trials", "--storage", db.toString(), "--study", "branin", "--format", "csv").out();
    String[] rows = csv.split("\r\n");
    assertThat(rows).hasSize(21);
    assertThat(rows[0]).startsWith("number,state,value,params_x0,params_x1");
  }

  @Test
  void bestInEveryFormat() throws Exception {
    createAndRunBranin(20);
    JsonNode best = JSON.readTree(parzen("best", "--storage", db.toString(), "--study", "branin",
        "--format", "json").out());
    double value = best.get("value").asDouble();
    int number = best.get("number").asInt();
    try (SqliteStorage storage = SqliteStorage.open(db)) {
      double min = storage.trials(storage.studyId("branin")).stream().mapToDouble(FrozenTrial::value).min()
          .orElseThrow();
      assertThat(value).isEqualTo(min);
    }
    assertThat(best.get("params").has("x1")).isTrue();

    Result table = parzen("best", "--storage", db.toString(), "--study", "branin");
    assertThat(table.code()).isZero();
    assertThat(table.out().split("\\R")[0]).startsWith("number").contains("value", "x0", "x1");
    assertThat(table.out().split("\\R")[2]).startsWith(Integer.toString(number));

    Result csv = parzen("best", "--storage", db.toString(), "--study", "branin", "--format", "csv");
    assertThat(csv.out()).startsWith("number,value,params_x0,params_x1\r\n" + number + "," + value + ",");
  }

  @Test
  void bestOfAStudyWithoutTrialsExitsWithOne() {
    assertThat(parzen("create", "--storage", db.toString(), "--from", example.toString()).code()).isZero();
    Result best = parzen("best", "--storage", db.toString(), "--study", "branin");
    assertThat(best.code()).isEqualTo(1);
    assertThat(best.err()).contains("no completed trial");
  }

  @Test
  void exportJsonThenImportGivesIdenticalTrials() throws Exception {
    createAndRunBranin(20);
    Path exported = dir.resolve("export.json");
    Result export = parzen("export", "--storage", db.toString(), "--study", "branin", "--format", "json",
        "--output", exported.toString());
    assertThat(export.code()).as(export.err()).isZero();
    Result imported = parzen("import", "--storage", db.toString(), exported.toString(), "--name", "copy");
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("copy", "20 trials");

    JsonNode original = JSON.readTree(parzen("export", "--storage", db.toString(), "--study", "branin",
        "--format", "json").out());
    JsonNode copy = JSON.readTree(parzen("export", "--storage", db.toString(), "--study", "copy",
        "--format", "json").out());
    assertThat(copy.get("name").asText()).isEqualTo("copy");
    assertThat(copy.get("trials")).isEqualTo(original.get("trials"));
    assertThat(copy.get("system_attrs")).isEqualTo(original.get("system_attrs"));

    String csv = parzen("export", "--storage", db.toString(), "--study", "copy", "--format", "csv").out();
    assertThat(csv.split("\r\n")).hasSize(21);
  }

  @Test
  void brokenStudyFileExitsWithThreeNamingItAndLeavesItAlone() throws Exception {
    Path broken = dir.resolve("broken.db");
    byte[] bytes = "this is not a study file\n".repeat(20).getBytes();
    Files.write(broken, bytes);
    for (String[] args : List.of(new String[] {"studies", "--storage", broken.toString()},
        new String[] {"run", broken.toString(), "--trials", "3"},
        new String[] {"trials", "--storage", broken.toString(), "--study", "x"},
        new String[] {"import", "--storage", broken.toString(), example.toString()})) {
      Result r = parzen(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(3);
      assertThat(r.err()).contains(broken.getFileName().toString()).doesNotContain("\tat ");
      assertThat(r.out()).isEmpty();
    }
    assertThat(Files.readAllBytes(broken)).isEqualTo(bytes);
    assertThat(dir.resolve("broken.db-wal")).doesNotExist();
  }

  @Test
  void missingAndBrokenInputFilesExitWithThree() throws Exception {
    Path missing = dir.resolve("missing.db");
    Result r = parzen("studies", "--storage", missing.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("missing.db");
    assertThat(missing).doesNotExist();

    assertThat(parzen("create", "--storage", db.toString(), "--from", example.toString()).code()).isZero();
    byte[] before = Files.readAllBytes(db);
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\": \"parzen-study\", \"name\": \"bad\", \"trials\": [{\"state\": \"NOPE\"}]}");
    Result imported = parzen("import", "--storage", db.toString(), bad.toString());
    assertThat(imported.code()).isEqualTo(3);
    assertThat(imported.err()).contains("bad.json");
    Files.writeString(bad, "{ not json");
    Result created = parzen("create", "--storage", db.toString(), "--from", bad.toString());
    assertThat(created.code()).isEqualTo(3);
    assertThat(created.err()).contains("bad.json");
    JsonNode studies = JSON.readTree(parzen("studies", "--storage", db.toString(), "--format", "json").out());
    assertThat(studies.size()).isEqualTo(1);
    Result nofile = parzen("import", "--storage", db.toString(), dir.resolve("nope.json").toString());
    assertThat(nofile.code()).isEqualTo(3);
    assertThat(nofile.err()).contains("nope.json");
    assertThat(before).isNotEmpty();
  }

  @Test
  void unknownStudyExitsWithFour() {
    createAndRunBranin(2);
    for (String[] args : List.of(new String[] {"trials", "--storage", db.toString(), "--study", "nope"},
        new String[] {"best", "--storage", db.toString(), "--study", "nope"},
        new String[] {"export", "--storage", db.toString(), "--study", "nope", "--format", "csv"},
        new String[] {"run", db.toString(), "--study", "nope"},
        new String[] {"worker", "--storage", db.toString(), "--study", "nope"})) {
      Result r = parzen(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(4);
      assertThat(r.err()).contains("nope");
    }
  }

  @Test
  void workersShareTheStudyWideBudget() throws Exception {
    Path definition = dir.resolve("shared.json");
    Files.writeString(definition, """
        {"name": "shared", "directions": ["MINIMIZE"],
         "objective": {"name": "quadratic"}, "sampler": {"name": "random"},
         "budget": {"study_total": 60}}
        """);
    Result created = parzen("create", "--storage", db.toString(), "--from", definition.toString());
    assertThat(created.code()).as(created.err()).isZero();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Result>> workers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        workers.add(pool.submit(() -> parzen("worker", "--storage", db.toString(), "--study", "shared")));
      }
      for (Future<Result> w : workers) {
        Result r = w.get();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trial budget reached");
      }
    } finally {
      pool.shutdownNow();
    }
    try (SqliteStorage storage = SqliteStorage.open(db)) {
      List<FrozenTrial> trials = storage.trials(storage.studyId("shared"));
      assertThat(trials).hasSize(60).allMatch(t -> t.state() == TrialState.COMPLETE);
    }
    Result more = parzen("worker", "--storage", db.toString(), "--study", "shared");
    assertThat(more.code()).isZero();
    Result limited = parzen("worker", "--storage", db.toString(), "--study", "shared", "--trials", "5");
    assertThat(limited.code()).isZero();
    try (SqliteStorage storage = SqliteStorage.open(db)) {
      assertThat(storage.trialCount(storage.studyId("shared"))).isEqualTo(60);
    }
  }
}
