package io.parzen.storage.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parzen.objective.MultiObjectiveFunction;
import io.parzen.sampler.NsgaIISampler;
import io.parzen.storage.InMemoryStorage;
import io.parzen.storage.SqliteStorage;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One NSGA-II study run in turns by Optuna 3.1's {@code NSGAIISampler} and ours: each goes on with
 * the other's generations, and both pick the same elite from the same population.
 */
@DisplayName("NSGA-II shared with Optuna")
@ExtendWith(RequiresOptuna.class)
class NsgaIIOptunaInteropTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void optunaAndWeTakeTurnsOnOneStudyAndAgreeOnGenerations(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nsga.db");
    JsonNode first = JSON.readTree(OptunaPython.run(dir, "optuna_nsga2.py", file, 25).strip());
    assertThat(generations(first)).hasSize(25);

    MultiObjectiveFunction f = MultiObjectiveFunction.zdt1(4);
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      Study study = Study.builder().name("nsga").storage(storage).loadIfExists(true)
          .sampler(new NsgaIISampler(10, null, null, 0.9, 0.5, 2L)).build();
      study.optimizeMulti(f, Budget.trials(10), 1);
    }
    JsonNode last = JSON.readTree(OptunaPython.run(dir, "optuna_nsga2.py", file, 10).strip());

    // 0-9 generation 0, 10-19 generation 1, 20-29 generation 2 (Optuna 20-24, ours 25-29),
    // 30-39 generation 3 (ours 30-34, Optuna 35-39), Optuna 40-44 generation 4.
    List<Integer> generations = generations(last);
    assertThat(generations).hasSize(45);
    for (int n = 0; n < 45; n++) {
      assertThat(generations.get(n)).as("trial " + n).isEqualTo(n / 10);
    }
  }

  @Test
  void ourEliteOfOptunasGenerationsIsOptunas(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nsga.db");
    JsonNode optuna = JSON.readTree(OptunaPython.run(dir, "optuna_nsga2.py", file, 21).strip());
    // After 21 trials Optuna has cached the elite of generation 1: the best 10 of generations 0
    // and 1. (Generation 0's elite was cached under the same key, which has no running trials in
    // it, and overwritten.)
    Map<Integer, Set<Integer>> optunaElites = elites(optuna.get("populations"));
    assertThat(optunaElites).containsOnlyKeys(1);
    assertThat(optunaElites.get(1)).hasSize(10);

    List<FrozenTrial> trials;
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      trials = storage.trials(storage.studyId("nsga"));
    }
    // The same 20 trials in a fresh study: our sampler selects and caches the elites itself.
    Study ours = Study.builder().storage(new InMemoryStorage())
        .directions(StudyDirection.MINIMIZE, StudyDirection.MINIMIZE)
        .sampler(new NsgaIISampler(10, null, null, 0.9, 0.5, 1L)).build();
    for (FrozenTrial t : trials.subList(0, 20)) {
      ours.storage().addTrial(ours.id(), t);
    }
    ours.optimizeMulti(MultiObjectiveFunction.zdt1(4), Budget.trials(1), 1);
    Map<Integer, Set<Integer>> ourElites = elites(JSON.valueToTree(ours.storage().studySystemAttrs(ours.id())));

    assertThat(ourElites).containsOnlyKeys(1);
    assertThat(ourElites.get(1)).isEqualTo(optunaElites.get(1));
    // Under the same key: Optuna's hash of the generations' running trials (none here).
    assertThat(ours.storage().studySystemAttrs(ours.id()).keySet())
        .containsAll(iterable(optuna.get("populations").fieldNames()));
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  private static List<Integer> generations(JsonNode run) {
    List<Integer> g = new ArrayList<>();
    run.get("generations").forEach(n -> g.add(n.isNull() ? null : n.asInt()));
    return g;
  }

  /** The cached populations by generation, as sets of trial numbers. */
  private static Map<Integer, Set<Integer>> elites(JsonNode attrs) {
    Map<Integer, Set<Integer>> elites = new java.util.HashMap<>();
    attrs.fields().forEachRemaining(e -> {
      if (e.getKey().startsWith(NsgaIISampler.POPULATION_CACHE_KEY_PREFIX + ":")) {
        Set<Integer> numbers = new TreeSet<>();
        e.getValue().get(1).forEach(n -> numbers.add(n.asInt()));
        elites.put(e.getValue().get(0).asInt(), numbers);
      }
    });
    return elites;
  }
}
