package io.parzen.storage.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.parzen.storage.InMemoryStorage;
import io.parzen.storage.OptunaJournal;
import io.parzen.storage.StudyFileException;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a journal written by Optuna 3.1 (src/test/resources/journal/optuna-3.1.log, with what
 * Optuna itself loads from it in optuna-3.1.expected.json).
 */
class OptunaJournalTest {

  private static final Path JOURNAL = Path.of("src/test/resources/journal/optuna-3.1.log");
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  @Test
  void journalStudiesReadAsOptunaReadsThem() throws Exception {
    InMemoryStorage storage = OptunaJournal.read(JOURNAL);
    JsonNode expected = MAPPER.readTree(Files.readString(JOURNAL.resolveSibling("optuna-3.1.expected.json")));

    assertThat(storage.studies()).extracting(s -> s.name()).containsExactly("journal-min", "journal-multi");
    assertThat(storage.directions(storage.studyId("journal-multi")))
        .containsExactly(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
    for (String study : List.of("journal-min", "journal-multi")) {
      List<FrozenTrial> trials = storage.trials(storage.studyId(study));
      JsonNode want = expected.get(study);
      assertThat(trials).hasSize(want.size());
      for (int i = 0; i < trials.size(); i++) {
        FrozenTrial t = trials.get(i);
        JsonNode w = want.get(i);
        assertThat(t.number()).isEqualTo(w.get("number").asInt());
        assertThat(t.state().name()).isEqualTo(w.get("state").asText());
        assertThat(sameJson(MAPPER.valueToTree(t.params()), w.get("params"))).as("params of %s trial %d", study, i)
            .isTrue();
        if (w.get("values").isNull()) {
          assertThat(t.values()).isEmpty();
        } else {
          assertThat(t.values()).hasSize(w.get("values").size());
          for (int k = 0; k < t.values().size(); k++) {
            assertThat(t.values().get(k)).isEqualTo(w.get("values").get(k).asDouble());
          }
        }
        w.get("intermediate").properties().forEach(e ->
            assertThat(t.intermediateValues().get(Integer.parseInt(e.getKey()))).isEqualTo(e.getValue().asDouble()));
        assertThat(t.intermediateValues()).hasSize(w.get("intermediate").size());
        assertThat(sameJson(MAPPER.valueToTree(t.userAttrs()), w.get("user_attrs"))).isTrue();
        if (!w.get("fail_reason").isNull()) {
          assertThat(t.failReason()).contains(w.get("fail_reason").asText());
        }
      }
    }
  }

  /** JSON equality with numbers compared by value (Optuna's 7 and our 7L). */
  private static boolean sameJson(JsonNode a, JsonNode b) {
    return a.equals((x, y) -> x.isNumber() && y.isNumber()
        ? Double.compare(x.doubleValue(), y.doubleValue()) : x.equals(y) ? 0 : 1, b);
  }

  @Test
  void statesAndSpecialValuesSurviveTheJournal() {
    InMemoryStorage storage = OptunaJournal.read(JOURNAL);
    List<FrozenTrial> trials = storage.trials(storage.studyId("journal-min"));
    assertThat(trials).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE, TrialState.PRUNED,
        TrialState.FAIL, TrialState.COMPLETE, TrialState.COMPLETE, TrialState.RUNNING);
    assertThat(trials.get(0).intermediateValues().get(1)).isEqualTo(Double.POSITIVE_INFINITY);
    // The enqueued trial was then taken by study.ask(): RUNNING with its fixed parameter.
    assertThat(trials.get(5).systemAttrs()).containsEntry("fixed_params", Map.of("x", 1.0));
    assertThat(trials.get(5).params()).containsEntry("x", 1.0);
    assertThat(trials.get(5).start()).isNotNull();
    assertThat(trials.get(5).complete()).isNull();
    assertThat(storage.studyUserAttrs(storage.studyId("journal-min"))).containsEntry("note", "hi");
  }

  @Test
  void aTruncatedLastLineIsIgnored(@TempDir Path dir) throws Exception {
    String text = Files.readString(JOURNAL);
    Path cut = dir.resolve("cut.log");
    Files.writeString(cut, text.substring(0, text.length() - 40));
    InMemoryStorage storage = OptunaJournal.read(cut);
    assertThat(storage.findStudyId("journal-min")).isPresent();
  }

  @Test
  void aFileThatIsNotAJournalNamesTheFileAndLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.log");
    Files.writeString(bad, "{\"op_code\": 0, \"study_name\": \"s\", \"directions\": [1]}\nhello world\n{}\n");
    assertThatThrownBy(() -> OptunaJournal.read(bad)).isInstanceOf(StudyFileException.class)
        .hasMessageStartingWith(bad + ": line 2 is not JSON");
    Path noOp = dir.resolve("noop.log");
    Files.writeString(noOp, "{\"hello\": 1}\n{}\n");
    assertThatThrownBy(() -> OptunaJournal.read(noOp))
        .hasMessage(noOp + ": line 1 is not an Optuna journal operation (no op_code)");
  }
}
