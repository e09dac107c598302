package io.parzen;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Java example in README.md compiles (it is copied from here) and does what it says. */
class ReadmeExampleTest {

  static void example(PrintStream out) {
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

  @Test
  void exampleFindsTheMinimumOfTheQuadratic() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    example(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertThat(printed).startsWith("best value ").contains("at {x=");
    double best = Double.parseDouble(printed.substring("best value ".length(), printed.indexOf(" at ")));
    assertThat(best).isBetween(0.0, 0.5);
  }

  @Test
  void readmeShowsExactlyThisExample() throws IOException {
    String source = Files.readString(Path.of("src/test/java/io/parzen/ReadmeExampleTest.java"));
    String snippet = source.substring(source.indexOf("// README:begin") + "// README:begin".length(),
        source.indexOf("    // README:end"));
    String readme = Files.readString(Path.of("README.md"));
    String normalized = snippet.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .filter(l -> !l.isBlank()).reduce("", (a, b) -> a + b + "\n").replace("out.println", "System.out.println");
    assertThat(readme).contains(normalized);
  }
}
