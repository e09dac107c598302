package io.parzen.cli;

import io.parzen.storage.DuplicateStudyException;
import io.parzen.storage.Storage;
import io.parzen.storage.StorageException;
import io.parzen.storage.StudyJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parzen import}: adds a study exported with {@code parzen export --format json}. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Imports a study export (JSON) with all its trials; nothing is created if the file is invalid.")
final class ImportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--storage", required = true, paramLabel = "URL",
      description = "sqlite:///FILE, a study file path (created if missing), or postgresql://USER@HOST/DB.")
  String storageUrl;

  @Parameters(index = "0", paramLabel = "FILE", description = "The study export.")
  Path file;

  @Option(names = "--name", paramLabel = "NAME", description = "Import under this name (default: the export's).")
  String name;

  @Override
  public Integer call() {
    String text = Cli.read(file);
    try (Storage storage = Cli.open(storageUrl, false)) {
      long id;
      try {
        id = StudyJson.read(text, storage, name);
      } catch (DuplicateStudyException e) {
        throw new CliException(ExitCodes.STORAGE, storageUrl + ": " + e.getMessage());
      } catch (StorageException e) {
        if (e.getClass() == StorageException.class) {
          throw new CliException(ExitCodes.STORAGE, file + ": " + e.getMessage(), e);
        }
        throw e;
      }
      spec.commandLine().getOut().println("Imported study \"" + storage.studyName(id) + "\" with "
          + storage.trialCount(id) + " trials into " + storageUrl);
      return ExitCodes.OK;
    } catch (StorageException e) {
      throw Cli.storageError(storageUrl, e);
    }
  }
}
