package io.parzen.storage.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parzen.sampler.RandomSampler;
import io.parzen.space.Condition;
import io.parzen.space.Hp;
import io.parzen.space.SearchSpace;
import io.parzen.storage.InMemoryStorage;
import io.parzen.storage.SqliteStorage;
import io.parzen.storage.StorageException;
import io.parzen.storage.StudyJson;
import io.parzen.storage.TrialsCsv;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialPruned;
import io.parzen.trial.TrialState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyExportTest {

  private static Study sampleStudy(InMemoryStorage storage) {
    SearchSpace space = SearchSpace.of(
        Hp.choice("model", "svm", "forest"),
        Hp.lognormal("C", 0, 1).withCondition(Condition.when("model", "svm")),
        Hp.uniformint("depth", 2, 12).withCondition(Condition.when("model", "forest")));
    Study study = Study.builder().name("export, \"quoted\"").direction(StudyDirection.MAXIMIZE).storage(storage)
        .space(space).sampler(new RandomSampler(3L)).build();
    study.optimize(trial -> {
      Map<String, Object> p = trial.params();
      trial.setUserAttr("note", List.of(1, Map.of("k", "v")));
      trial.report(0, 0.5);
      if (trial.number() == 3) {
        throw new TrialPruned();
      }
      if (trial.number() == 4) {
        throw new IllegalStateException("boom");
      }
      if (trial.number() == 5) {
        return Double.POSITIVE_INFINITY;
      }
      return p.containsKey("C") ? (Double) p.get("C") : ((Long) p.get("depth")).doubleValue();
    }, Budget.trials(8));
    study.enqueue(Map.of("model", "svm"));
    storage.setStudyUserAttr(study.id(), "owner", "ada");
    return study;
  }

  @Test
  void aStudyExportedAsJsonImportsIntoAStudyFileUnchanged(@TempDir Path dir) {
    InMemoryStorage memory = new InMemoryStorage();
    Study original = sampleStudy(memory);
    String json = StudyJson.write(memory, original.id());

    try (SqliteStorage file = SqliteStorage.open(dir.resolve("imported.db"))) {
      long id = StudyJson.read(json, file, null);
      assertThat(file.studyName(id)).isEqualTo("export, \"quoted\"");
      assertThat(file.directions(id)).containsExactly(StudyDirection.MAXIMIZE);
      assertThat(file.studyUserAttrs(id)).containsEntry("owner", "ada");
      List<FrozenTrial> before = memory.trials(original.id());
      List<FrozenTrial> after = file.trials(id);
      assertThat(after).hasSameSizeAs(before);
      for (int i = 0; i < before.size(); i++) {
        FrozenTrial a = before.get(i);
        FrozenTrial b = after.get(i);
        assertThat(b.number()).isEqualTo(a.number());
        assertThat(b.state()).isEqualTo(a.state());
        assertThat(b.values()).isEqualTo(a.values());
        assertThat(b.params()).isEqualTo(a.params());
        assertThat(b.distributions()).isEqualTo(a.distributions());
        assertThat(b.intermediateValues()).isEqualTo(a.intermediateValues());
        assertThat(b.failReason()).isEqualTo(a.failReason());
        assertThat(b.start()).isEqualTo(a.start() == null ? null : a.start().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(b.userAttrs().keySet()).isEqualTo(a.userAttrs().keySet());
      }
      Study reopened = Study.builder().name("export, \"quoted\"").storage(file).loadIfExists(true).build();
      assertThat(reopened.space()).isEqualTo(original.space());
      assertThat(reopened.bestValue()).isEqualTo(Double.POSITIVE_INFINITY);
      assertThat(after).extracting(FrozenTrial::state).contains(TrialState.PRUNED, TrialState.FAIL, TrialState.WAITING);
    }
  }

  @Test
  void importingUnderAnotherNameKeepsBothStudies() {
    InMemoryStorage memory = new InMemoryStorage();
    Study original = sampleStudy(memory);
    long copy = StudyJson.read(StudyJson.write(memory, original.id()), memory, "copy");
    assertThat(memory.trials(copy)).hasSameSizeAs(memory.trials(original.id()));
    assertThatThrownBy(() -> StudyJson.read(StudyJson.write(memory, original.id()), memory, "copy"))
        .hasMessage("a study named \"copy\" already exists");
  }

  @Test
  void invalidExportsAreRefusedWithThePlaceAtFault() {
    InMemoryStorage memory = new InMemoryStorage();
    assertThatThrownBy(() -> StudyJson.read("{\"format\": \"other\"}", memory, null))
        .isInstanceOf(StorageException.class)
        .hasMessage("not a study export: the \"format\" field is not \"parzen-study\"");
    String badTrial = "{\"format\": \"parzen-study\", \"name\": \"s\", \"directions\": [\"MINIMIZE\"], \"trials\": ["
        + "{\"state\": \"COMPLETE\", \"values\": [1.0], \"params\": {\"x\": 20.0}, \"distributions\": {\"x\": "
        + "{\"name\": \"FloatDistribution\", \"attributes\": {\"low\": 0.0, \"high\": 1.0, \"log\": false, \"step\": null}}}}]}";
    assertThatThrownBy(() -> StudyJson.read(badTrial, memory, null))
        .hasMessage("trials[0]: 20.0 is outside float[0.0, 1.0]");
    assertThat(memory.studies()).isEmpty();
    assertThatThrownBy(() -> StudyJson.read("{\"format\": ", memory, null)).hasMessageStartingWith("not valid JSON");
  }

  @Test
  void csvHasOneColumnPerParameterAndEmptyCellsForInactiveOnes() {
    InMemoryStorage memory = new InMemoryStorage();
    Study study = sampleStudy(memory);
    String csv = TrialsCsv.write(memory.trials(study.id()), 1);
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).isEqualTo("number,state,value,params_model,params_C,params_depth,"
        + "datetime_start,datetime_complete,duration");
    assertThat(lines).hasSize(10);
    for (FrozenTrial t : memory.trials(study.id())) {
      String[] cells = lines.get(t.number() + 1).split(",", -1);
      assertThat(cells[0]).isEqualTo(Integer.toString(t.number()));
      assertThat(cells[1]).isEqualTo(t.state().name());
      assertThat(cells[4].isEmpty()).isEqualTo(!t.params().containsKey("C"));
      assertThat(cells[5].isEmpty()).isEqualTo(!t.params().containsKey("depth"));
    }
    assertThat(lines.get(6)).startsWith("5,COMPLETE,inf,");
    assertThat(lines.get(5)).startsWith("4,FAIL,,");
  }

  @Test
  void csvOfAMultiObjectiveStudyHasAValueColumnPerObjective() {
    Study study = Study.builder().directions(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE).build();
    study.tell(study.ask(), 1.0, 2.0);
    String csv = TrialsCsv.write(study.trials(), 2);
    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("number,state,values_0,values_1,");
    assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("0,COMPLETE,1.0,2.0,");
  }
}
