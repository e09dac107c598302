package io.parzen.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parzen.storage.Storage;
import io.parzen.storage.StorageException;
import io.parzen.storage.TrialsCsv;
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

/** {@code parzen trials}: the trials of a study, one row each (Optuna's trials dataframe). */
@Command(name = "trials", mixinStandardHelpOptions = true, description = "Lists the trials of a study.")
final class TrialsCommand implements Callable<Integer> {

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
      long id = Cli.studyId(storage, target.storageUrl, target.study);
      List<FrozenTrial> trials = storage.trials(id);
      int objectives = storage.directions(id).size();
      switch (output.format) {
        case csv -> out.print(TrialsCsv.write(trials, objectives));
        case json -> out.println(Cli.json(json(trials)));
        default -> out.print(table(trials, objectives).toText());
      }
      out.flush();
      return ExitCodes.OK;
    } catch (StorageException e) {
      throw Cli.storageError(target.storageUrl, e);
    }
  }

  static ArrayNode json(List<FrozenTrial> trials) {
    ArrayNode array = Cli.JSON.createArrayNode();
    trials.forEach(t -> array.add(json(t)));
    return array;
  }

  static ObjectNode json(FrozenTrial t) {
    ObjectNode node = Cli.JSON.createObjectNode();
    node.put("number", t.number());
    node.put("state", t.state().name());
    ArrayNode values = node.putArray("values");
    t.values().forEach(values::add);
    node.set("params", Cli.JSON.valueToTree(t.params()));
    node.put("datetime_start", t.start() == null ? null : t.start().toString());
    node.put("datetime_complete", t.complete() == null ? null : t.complete().toString());
    if (t.duration().isPresent()) {
      node.put("duration", t.duration().get().toNanos() / 1e9);
    } else {
      node.putNull("duration");
    }
    t.failReason().ifPresent(r -> node.put("fail_reason", r));
    return node;
  }

  private static Table table(List<FrozenTrial> trials, int objectives) {
    Set<String> names = new LinkedHashSet<>();
    trials.forEach(t -> names.addAll(t.params().keySet()));
    List<String> header = new ArrayList<>(List.of("number", "state"));
    for (int i = 0; i < objectives; i++) {
      header.add(objectives == 1 ? "value" : "values_" + i);
    }
    names.forEach(header::add);
    header.add("duration_s");
    Table table = new Table(header);
    for (FrozenTrial t : trials) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(t.number()), t.state().name()));
      for (int i = 0; i < objectives; i++) {
        row.add(i < t.values().size() ? Cli.number(t.values().get(i)) : "");
      }
      for (String n : names) {
        row.add(t.params().containsKey(n) ? Cli.value(t.params().get(n)) : "");
      }
      row.add(t.duration().map(d -> String.format(java.util.Locale.ROOT, "%.3f", d.toNanos() / 1e9)).orElse(""));
      table.add(row);
    }
    return table;
  }
}
