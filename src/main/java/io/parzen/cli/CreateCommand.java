package io.parzen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.parzen.objective.Objectives;
import io.parzen.storage.DuplicateStudyException;
import io.parzen.storage.Storage;
import io.parzen.storage.StorageException;
import io.parzen.storage.StudyJson;
import io.parzen.study.StudyDefinition;
import io.parzen.study.StudyDirection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parzen create}: creates a study from a study export ({@code "format": "parzen-study"},
 * trials included) or from a definition-only JSON document: {@code name}, {@code directions} (or
 * {@code direction}), and the definition's fields {@code space, sampler, pruner, objective, budget,
 * workers}, at the top level or under {@code definition}.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
    description = "Creates a study from a study export or a study definition (JSON).")
final class CreateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--storage", required = true, paramLabel = "URL",
      description = "sqlite:///FILE, a study file path (created if missing), or postgresql://USER@HOST/DB.")
  String storageUrl;

  @Option(names = "--from", required = true, paramLabel = "FILE", description = "The JSON document.")
  Path from;

  @Option(names = "--name", paramLabel = "NAME", description = "The study's name (default: the document's).")
  String name;

  @Override
  public Integer call() {
    String text = Cli.read(from);
    JsonNode root;
    try {
      root = Cli.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new CliException(ExitCodes.STORAGE, from + ": not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new CliException(ExitCodes.STORAGE, from + ": not a JSON object");
    }
    boolean export = StudyJson.FORMAT.equals(root.path("format").asText());
    Parsed parsed = export ? null : parseDefinition(root);
    try (Storage storage = Cli.open(storageUrl, false)) {
      long id;
      try {
        if (export) {
          id = StudyJson.read(text, storage, name);
        } else {
          id = storage.createStudy(parsed.name, parsed.directions);
          parsed.definition.save(storage, id);
        }
      } catch (DuplicateStudyException e) {
        throw new CliException(ExitCodes.STORAGE, storageUrl + ": " + e.getMessage());
      } catch (StorageException e) {
        if (e.getClass() == StorageException.class) {
          throw new CliException(ExitCodes.STORAGE, from + ": " + e.getMessage(), e);
        }
        throw e;
      }
      spec.commandLine().getOut().println("Created study \"" + storage.studyName(id) + "\" in " + storageUrl
          + " (" + storage.trialCount(id) + " trials)");
      return ExitCodes.OK;
    } catch (StorageException e) {
      throw Cli.storageError(storageUrl, e);
    }
  }

  private record Parsed(String name, List<StudyDirection> directions, StudyDefinition definition) {}

  private Parsed parseDefinition(JsonNode root) {
    String studyName = name != null ? name : root.path("name").asText(null);
    if (studyName == null || studyName.isBlank()) {
      String file = from.getFileName().toString();
      studyName = file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
    }
    List<StudyDirection> directions = new ArrayList<>();
    JsonNode dirs = root.has("directions") ? root.get("directions") : root.path("direction");
    for (JsonNode d : dirs.isArray() ? dirs : List.of(dirs)) {
      if (d.isMissingNode() || d.isNull()) {
        continue;
      }
      try {
        directions.add(StudyDirection.valueOf(d.asText().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.STORAGE, from + ": unknown direction " + d + " (MINIMIZE or MAXIMIZE)");
      }
    }
    if (directions.isEmpty()) {
      directions.add(StudyDirection.MINIMIZE);
    }
    JsonNode body = root.has("definition") ? root.get("definition") : root;
    StudyDefinition definition;
    try {
      definition = StudyDefinition.fromAttr(body);
      if (definition.space().isEmpty() && definition.objective() != null) {
        definition = definition.withSpace(Objectives.create(definition.objective().name()).space());
      }
    } catch (RuntimeException e) {
      throw new CliException(ExitCodes.STORAGE, from + ": not a study definition: " + e.getMessage(), e);
    }
    return new Parsed(studyName, directions, definition);
  }
}
