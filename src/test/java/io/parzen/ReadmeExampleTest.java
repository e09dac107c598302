package io.parzen;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.storage.SqliteStorage;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java examples in README.md compile (they are copied from here) and do what they say. */
class ReadmeExampleTest {

  static void quadratic(PrintStream out) {
    // README:begin
    Study study = Study.builder()
        .name("quadratic")
        .direction(StudyDirection.MINIMIZE)
        .build();
    study.optimize(trial -> {
      double x = trial.suggestFloat("x", -10, 10);
      return (x - 2) * (x - 2);
    }, Budget.trials(100));
    out.println("best value " + study.bestValue() + " at " + study.bestParams());
    // README:end
  }

  static void studyFile(Path dir) {
    Path file = dir.resolve("quadratic.db");
    // README:begin
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      Study study = Study.builder().name("quadratic").storage(storage).loadIfExists(true).build();
      study.optimize(trial -> Math.pow(trial.suggestFloat("x", -10, 10) - 2, 2), Budget.trials(100));
    }
    // README:end
  }

  @Test
  void quadraticExampleFindsTheMinimum() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    quadratic(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertThat(printed).startsWith("best value ").contains("at {x=");
    double best = Double.parseDouble(printed.substring("best value ".length(), printed.indexOf(" at ")));
    assertThat(best).isBetween(0.0, 0.5);
  }

  @Test
  void studyFileExampleLeavesAFileWithTheTrials(@TempDir Path dir) {
    studyFile(dir);
    try (SqliteStorage storage = SqliteStorage.open(dir.resolve("quadratic.db"))) {
      assertThat(storage.trials(storage.studyId("quadratic"))).hasSize(100);
    }
  }

  @Test
  void readmeShowsExactlyTheseExamples() throws IOException {
    String source = Files.readString(Path.of("src/test/java/io/parzen/ReadmeExampleTest.java"));
    String readme = Files.readString(Path.of("README.md"));
    Matcher m = Pattern.compile("README:begin\\n(.*?)\\n\\s*// README:end", Pattern.DOTALL).matcher(source);
    int found = 0;
    while (m.find()) {
      String snippet = m.group(1);
      int indent = snippet.length() - snippet.stripLeading().length();
      StringBuilder expected = new StringBuilder();
      for (String line : snippet.split("\n")) {
        expected.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
      }
      String text = expected.toString().replace("out.println", "System.out.println")
          .replace("open(file)", "open(Path.of(\"quadratic.db\"))");
      assertThat(readme).contains(text);
      found++;
    }
    assertThat(found).isEqualTo(2);
  }
}
