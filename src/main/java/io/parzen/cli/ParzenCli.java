package io.parzen.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParseResult;

/**
 * The {@code parzen} command line: runs studies headless, joins shared studies as a worker, and
 * lists, exports and imports studies (modelled on Optuna's CLI). Without a subcommand it opens the
 * studio. Every subcommand is a {@link Callable} returning its exit code and calls only the engine.
 */
@Command(name = "parzen", mixinStandardHelpOptions = true, versionProvider = ParzenCli.Version.class,
    description = "Parzen Studio: hyperparameter optimisation. Without a command, opens the studio.",
    subcommands = {RunCommand.class, WorkerCommand.class, CreateCommand.class, StudiesCommand.class,
        TrialsCommand.class, BestCommand.class, ExportCommand.class, ImportCommand.class, StudioCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:ok",
        "1:the study run ended with an error (or `best` found no completed trial)",
        "2:usage error: unknown command or option, missing or invalid argument",
        "3:storage or file error: a study file or input file cannot be read or written",
        "4:no such study"})
public final class ParzenCli implements Callable<Integer> {

  /** The version when the jar manifest does not say. */
  static final String VERSION = "0.1.0-SNAPSHOT";

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, writing to standard output and error; tests set their own writers. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new ParzenCli());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(ParzenCli::handle);
    // Every exit-code list is the root's, so `parzen run --help` documents them too.
    cli.getSubcommands().values().forEach(sub -> {
      sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
      sub.getCommandSpec().usageMessage().exitCodeList(cli.getCommandSpec().usageMessage().exitCodeList());
    });
    return cli;
  }

  @Override
  public Integer call() {
    return new StudioCommand().call();
  }

  /** Reports a failure as one line on stderr (no stack trace) and returns its exit code. */
  private static int handle(Exception e, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    int code;
    String message;
    if (e instanceof CliException c) {
      code = c.exitCode();
      message = c.getMessage();
    } else if (e instanceof io.parzen.storage.NoSuchStudyException) {
      code = ExitCodes.NO_SUCH_STUDY;
      message = e.getMessage();
    } else if (e instanceof io.parzen.storage.StorageException || e instanceof java.io.UncheckedIOException) {
      code = ExitCodes.STORAGE;
      message = e.getMessage();
    } else {
      code = ExitCodes.STUDY_ERROR;
      message = "unexpected error: " + e;
    }
    err.println("parzen: " + message);
    if (code == ExitCodes.USAGE) {
      err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
    }
    err.flush();
    return code;
  }

  /** The version from the jar manifest, or {@link #VERSION} when run from classes. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ParzenCli.class.getPackage().getImplementationVersion();
      return new String[] {"parzen " + (v == null ? VERSION : v)};
    }
  }
}
