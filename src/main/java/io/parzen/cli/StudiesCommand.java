package io.parzen.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parzen.storage.Storage;
import io.parzen.storage.StorageException;
import io.parzen.storage.StudySummary;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parzen studies}: the studies of a storage with their directions, trial counts and best values. */
@Command(name = "studies", mixinStandardHelpOptions = true, description = "Lists the studies of a storage.")
final class StudiesCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--storage", required = true, paramLabel = "URL", description = "The storage URL or study file.")
  String storageUrl;

  @Mixin
  FormatOption output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Storage storage = Cli.open(storageUrl, true)) {
      List<StudySummary> studies = storage.studies();
      if (output.format == OutputFormat.json) {
        ArrayNode array = Cli.JSON.createArrayNode();
        for (StudySummary s : studies) {
          ObjectNode node = array.addObject();
          node.put("name", s.name());
          ArrayNode dirs = node.putArray("directions");
          s.directions().forEach(d -> dirs.add(d.name()));
          node.put("trials", s.trialCount());
          Optional<FrozenTrial> best = best(storage, s);
          if (best.isPresent()) {
            node.put("best_value", best.get().value());
          } else {
            node.putNull("best_value");
          }
        }
        out.println(Cli.json(array));
      } else {
        Table table = new Table(List.of("name", "directions", "trials", "best_value"));
        for (StudySummary s : studies) {
          table.add(List.of(s.name(), s.directions().stream().map(StudyDirection::name)
              .collect(Collectors.joining(" ")), Integer.toString(s.trialCount()),
              best(storage, s).map(t -> output.format == OutputFormat.csv ? Double.toString(t.value())
                  : Cli.number(t.value())).orElse("")));
        }
        out.print(output.format == OutputFormat.csv ? table.toCsv() : table.toText());
      }
      out.flush();
      return ExitCodes.OK;
    } catch (StorageException e) {
      throw Cli.storageError(storageUrl, e);
    }
  }

  private static Optional<FrozenTrial> best(Storage storage, StudySummary s) {
    if (s.directions().size() != 1 || s.trialCount() == 0) {
      return Optional.empty();
    }
    return Study.builder().name(s.name()).storage(storage).loadIfExists(true).build().findBestTrial();
  }
}
