package io.parzen.cli;

import io.parzen.storage.Storage;
import io.parzen.storage.StorageException;
import io.parzen.storage.StudyJson;
import io.parzen.storage.TrialsCsv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parzen export}: a whole study as JSON (re-importable) or its trials as CSV. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Exports a study: json is the whole study (see import), csv the trials table.")
final class ExportCommand implements Callable<Integer> {

  enum ExportFormat { json, csv }

  @Spec
  CommandSpec spec;

  @Option(names = "--storage", required = true, paramLabel = "URL", description = "The storage URL or study file.")
  String storageUrl;

  @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study.")
  String study;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "json or csv.")
  ExportFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    String text;
    try (Storage storage = Cli.open(storageUrl, true)) {
      long id = Cli.studyId(storage, storageUrl, study);
      text = format == ExportFormat.json ? StudyJson.write(storage, id) + System.lineSeparator()
          : TrialsCsv.write(storage.trials(id), storage.directions(id).size());
    } catch (StorageException e) {
      throw Cli.storageError(storageUrl, e);
    }
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      Cli.write(output, text);
      spec.commandLine().getOut().println("Exported study \"" + study + "\" to " + output);
    }
    return ExitCodes.OK;
  }
}
