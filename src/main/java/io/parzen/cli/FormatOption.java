package io.parzen.cli;

import picocli.CommandLine.Option;

/** The {@code --format} option of the commands that print data. */
final class FormatOption {

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  OutputFormat format;
}
