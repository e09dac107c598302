package io.parzen.cli;

import picocli.CommandLine.Option;

/** The {@code --storage} and {@code --study} options of the commands that read one study. */
final class StudyOptions {

  @Option(names = "--storage", required = true, paramLabel = "URL", description = "The storage URL or study file.")
  String storageUrl;

  @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study.")
  String study;
}
