package io.parzen.cli;

import io.parzen.app.Launcher;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code parzen studio [FILE]}: opens the desktop studio (also what {@code parzen} alone does). */
@Command(name = "studio", mixinStandardHelpOptions = true, description = "Opens the Parzen Studio window.")
final class StudioCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A study file to open.")
  Path file;

  @Override
  public Integer call() {
    Launcher.main(file == null ? new String[0] : new String[] {file.toString()});
    return ExitCodes.OK;
  }
}
