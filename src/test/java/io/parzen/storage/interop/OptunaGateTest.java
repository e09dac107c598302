package io.parzen.storage.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.storage.RdbSchema;
import io.parzen.storage.interop.OptunaPython.Decision;
import io.parzen.storage.interop.OptunaPython.Probe;
import io.parzen.storage.interop.OptunaPython.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision {@link RequiresOptuna} applies; runs with or without Optuna. */
class OptunaGateTest {

  private static final Probe MISSING = Probe.missing("/usr/bin/python3 cannot import optuna");

  @Test
  void anAvailableOptunaLetsTheTestsRun() {
    Probe found = new Probe(true, "Optuna 3.1.0 (v3.0.0.d)", "3.1.0", RdbSchema.V3_0_0_D);
    assertThat(OptunaPython.verdict(found, null).decision()).isEqualTo(Decision.RUN);
    assertThat(OptunaPython.verdict(found, "1").decision()).isEqualTo(Decision.RUN);
  }

  @Test
  void aMissingOptunaSkipsTheTestsByDefault() {
    for (String value : new String[] {null, "", "0", "false"}) {
      Verdict v = OptunaPython.verdict(MISSING, value);
      assertThat(v.decision()).as("%s=%s", OptunaPython.REQUIRE_ENV, value).isEqualTo(Decision.SKIP);
      assertThat(v.message()).contains("cannot import optuna").contains("PARZEN_REQUIRE_OPTUNA=1");
    }
  }

  @Test
  void aMissingOptunaFailsTheTestsWhenRequired() {
    for (String value : new String[] {"1", "true", " 1 "}) {
      Verdict v = OptunaPython.verdict(MISSING, value);
      assertThat(v.decision()).as("%s=%s", OptunaPython.REQUIRE_ENV, value).isEqualTo(Decision.FAIL);
      assertThat(v.message()).contains("Optuna is required").contains("cannot import optuna");
    }
  }

  @Test
  void theProbeReportsAMissingInterpreter(@TempDir Path dir) {
    Probe p = OptunaPython.probe(dir.resolve("no-such-python"));
    assertThat(p.available()).isFalse();
    assertThat(p.detail()).contains("no-such-python").contains("does not exist");
  }

  @Test
  void theProbeReportsAPythonWithoutOptuna(@TempDir Path dir) throws IOException {
    Path fake = dir.resolve("python3");
    Files.writeString(fake, "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'optuna'\" >&2\nexit 1\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    Probe p = OptunaPython.probe(fake);
    assertThat(p.available()).isFalse();
    assertThat(p.detail()).contains("cannot import optuna").contains("No module named 'optuna'");
  }
}
