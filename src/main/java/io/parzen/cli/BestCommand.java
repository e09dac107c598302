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
import picocli.CommandLine.Mixin;
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

  @Mixin
  StudyOptions target;

  @Mixin
  FormatOption output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Storage storage = Cli.open(target.storageUrl, true)) {
      Cli.studyId(storage, target.storageUrl, target.study);
      Study s = Study.builder().name(target.study).storage(storage).loadIfExists(true).build();
      List<FrozenTrial> best = s.isMultiObjective() ? s.bestTrials() : s.findBestTrial().stream().toList();
      if (best.isEmpty()) {
        spec.commandLine().getErr().println("parzen: study \"" + target.study + "\" has no completed trial");
        return ExitCodes.STUDY_ERROR;
      }
      int objectives = s.directions().size();
      if (output.format == OutputFormat.json) {
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
        names.forEach(n -> header.add(output.format == OutputFormat.csv ? "params_" + n : n));
        Table table = new Table(header);
        for (FrozenTrial t : best) {
          List<String> row = new ArrayList<>(List.of(Integer.toString(t.number())));
          t.values().forEach(v -> row.add(output.format == OutputFormat.csv ? Double.toString(v) : Cli.number(v)));
          for (String n : names) {
            Object v = t.params().get(n);
            row.add(!t.params().containsKey(n) ? "" : output.format == OutputFormat.csv ? String.valueOf(v) : Cli.value(v));
          }
          table.add(row);
        }
        out.print(output.format == OutputFormat.csv ? table.toCsv() : table.toText());
      }
      out.flush();
      return ExitCodes.OK;
    } catch (StorageException e) {
      throw Cli.storageError(target.storageUrl, e);
    }
  }
}
