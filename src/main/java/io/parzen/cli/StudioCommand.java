package io.parzen.cli;

import io.parzen.app.Launcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parzen studio [FILE] [--compare FILE...]}: opens the desktop studio (also what
 * {@code parzen} alone does), and with {@code --compare} a Compare Studies window on those files.
 */
@Command(name = "studio", mixinStandardHelpOptions = true, description = "Opens the Parzen Studio window.")
final class StudioCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A study file to open.")
  Path file;

  @Option(names = "--compare", arity = "1..*", paramLabel = "FILE",
      description = "Study files whose studies to compare (histories and EDFs) in a window of their own.")
  List<Path> compare = new ArrayList<>();

  @Override
  public Integer call() {
    Launcher.main(launcherArgs());
    return ExitCodes.OK;
  }

  /** The studio's arguments: the file to open, then {@code --compare} and the files to compare. */
  String[] launcherArgs() {
    List<String> args = new ArrayList<>();
    if (file != null) {
      args.add(file.toString());
    }
    if (!compare.isEmpty()) {
      args.add(Launcher.COMPARE);
      compare.forEach(p -> args.add(p.toString()));
    }
    return args.toArray(String[]::new);
  }
}
