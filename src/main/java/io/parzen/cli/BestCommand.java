package io.parzen.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parzen.storage.Storage;
import io.parzen.storage.StorageException;
import io.parzen.study.Study;
import io.parzen.trial.FrozenTrial;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parzen best}: the best trial of a study (the Pareto-optimal trials when it has several
 * objectives). JSON is one object for a single objective, an array otherwise.
 */
@Command(name = "best", mixinStandardHelpOptions = true,
    description = "Shows the best trial of a study (the Pareto front for several objectives).")
final class BestCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--storage", required = true, paramLabel = "URL", description = "The storage URL or study file.")
  String storageUrl;

  @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study.")
  String study;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Storage storage = Cli.open(storageUrl, true)) {
      Cli.studyId(storage, storageUrl, study);
      Study s = Study.builder().name(study).storage(storage).loadIfExists(true).build();
      List<FrozenTrial> best = s.isMultiObjective() ? s.bestTrials() : s.findBestTrial().stream().toList();
      if (best.isEmpty()) {
        spec.commandLine().getErr().println("parzen: study \"" + study + "\" has no completed trial");
        return ExitCodes.STUDY_ERROR;
      }
      int objectives = s.directions().size();
      if (format == OutputFormat.json) {
        if (objectives == 1) {
          ObjectNode node = TrialsCommand.json(best.get(0));
          node.put("value", best.get(0).value());
          out.println(Cli.json(node));
        } else {
          ArrayNode array = TrialsCommand.json(best);
          out.println(Cli.json(array));
        }
      } else {
        Set<String> names = new LinkedHashSet<>();
        best.forEach(t -> names.addAll(t.params().keySet()));
        List<String> header = new ArrayList<>(List.of("number"));
        for (int i = 0; i < objectives; i++) {
          header.add(objectives == 1 ? "value" : "values_" + i);
        }
        names.forEach(n -> header.add(format == OutputFormat.csv ? "params_" + n : n));
        Table table = new Table(header);
        for (FrozenTrial t : best) {
          List<String> row = new ArrayList<>(List.of(Integer.toString(t.number())));
          t.values().forEach(v -> row.add(format == OutputFormat.csv ? Double.toString(v) : Cli.number(v)));
          for (String n : names) {
            Object v = t.params().get(n);
            row.add(!t.params().containsKey(n) ? "" : format == OutputFormat.csv ? String.valueOf(v) : Cli.value(v));
          }
          table.add(row);
        }
        out.print(format == OutputFormat.csv ? table.toCsv() : table.toText());
      }
      out.flush();
      return ExitCodes.OK;
    } catch (StorageException e) {
      throw Cli.storageError(storageUrl, e);
    }
  }
}
