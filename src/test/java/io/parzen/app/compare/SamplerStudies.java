package io.parzen.app.compare;

import io.parzen.objective.Objectives;
import io.parzen.sampler.Samplers;
import io.parzen.storage.SqliteStorage;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDefinition;
import io.parzen.study.StudyDirection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Study files of one built-in objective run by different samplers, as the studio saves them, for comparing. */
final class SamplerStudies {

  private SamplerStudies() {}

  /**
   * Writes study {@code name} into {@code file} (created or added to): {@code trials} trials of the
   * built-in {@code objective} run by {@code sampler} seeded with 7, with the studio's definition.
   */
  static Path write(Path file, String name, String objective, String sampler, int trials) {
    Objectives.Builtin builtin = Objectives.create(objective);
    StudyDirection direction = builtin.maximize() ? StudyDirection.MAXIMIZE : StudyDirection.MINIMIZE;
    StudyDefinition definition = new StudyDefinition(builtin.space(),
        new StudyDefinition.Component(sampler, Map.of("seed", 7)), null,
        new StudyDefinition.Component(objective, Map.of()), Budget.trials(trials), 1);
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      io.parzen.app.StudyFiles.save(storage, file.toString(), name, List.of(direction), definition);
      Study study = Study.builder().name(name).storage(storage).loadIfExists(true).space(builtin.space())
          .sampler(Samplers.create(sampler, Map.of("seed", 7))).build();
      study.optimizeMulti(builtin.objective(), Budget.trials(trials), 1);
    }
    return file;
  }
}
