package io.parzen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How {@code parzen studio} hands its files to the studio, without opening a window. */
class StudioCommandTest {

  private static StudioCommand parse(String... args) {
    StudioCommand command = new StudioCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void aFileAloneIsOpened() {
    assertThat(parse("a.db").launcherArgs()).containsExactly("a.db");
    assertThat(parse().launcherArgs()).isEmpty();
  }

  @Test
  void compareTakesSeveralFilesAfterTheOneOpened() {
    assertThat(parse("main.db", "--compare", "tpe.db", "random.db").launcherArgs())
        .containsExactly("main.db", "--compare", "tpe.db", "random.db");
    assertThat(parse("--compare", "tpe.db", "random.db").launcherArgs())
        .containsExactly("--compare", "tpe.db", "random.db");
  }
}
