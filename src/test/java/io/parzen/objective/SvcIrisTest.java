package io.parzen.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.parzen.sampler.TpeSampler;
import io.parzen.study.Budget;
import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SvcIrisTest {

  private static final String PYTHON = "/usr/bin/python3";
  /** (C, gamma) pairs checked against scikit-learn; the first is the one of the brief. */
  private static final double[][] PAIRS = {{1, 0.1}, {10, 0.01}, {0.05, 1}, {100, 0.5}, {0.3, 0.001}};

  @TempDir
  Path dir;

  @Test
  void theDataAndFoldsAreTheClassicIrisInFiveStratifiedFolds() {
    SvcIris svc = new SvcIris();
    double[][] x = svc.features();
    int[] y = svc.labels();
    int[] folds = svc.folds();
    assertThat(x).hasNumberOfRows(150);
    assertThat(x[0]).containsExactly(5.1, 3.5, 1.4, 0.2);
    assertThat(x[149]).containsExactly(5.9, 3.0, 5.1, 1.8);
    int[][] counts = new int[SvcIris.FOLDS][3];
    for (int i = 0; i < y.length; i++) {
      counts[folds[i]][y[i]]++;
    }
    for (int[] fold : counts) {
      assertThat(fold).containsExactly(10, 10, 10);
    }
    assertThat(new SvcIris().folds()).containsExactly(folds);
  }

  @Test
  void theAccuracyIsDeterministic() {
    assertThat(new SvcIris().accuracy(1, 0.1)).isEqualTo(new SvcIris().accuracy(1, 0.1));
    assertThatThrownBy(() -> new SvcIris().accuracy(0, 0.1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** scikit-learn's SVC (its own copy of LIBSVM) and StandardScaler on the same folds agree exactly. */
  @Test
  void theAccuracyMatchesScikitLearnOnTheSameFolds() throws Exception {
    boolean required = "1".equals(System.getenv("PARZEN_REQUIRE_OPTUNA"));
    boolean available = new File(PYTHON).canExecute() && run(PYTHON, "-c", "import sklearn").exitCode == 0;
    if (!available) {
      if (required) {
        throw new AssertionError(PYTHON + " with scikit-learn is missing and PARZEN_REQUIRE_OPTUNA=1");
      }
      Assumptions.abort(PYTHON + " with scikit-learn is missing");
    }
    SvcIris svc = new SvcIris();
    double[][] x = svc.features();
    int[] y = svc.labels();
    int[] folds = svc.folds();
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < x.length; i++) {
      for (double v : x[i]) {
        csv.append(Double.toString(v)).append(',');
      }
      csv.append(y[i]).append(',').append(folds[i]).append('\n');
    }
    Path data = dir.resolve("folds.csv");
    Files.writeString(data, csv, StandardCharsets.UTF_8);
    StringBuilder pairs = new StringBuilder("[");
    for (double[] pair : PAIRS) {
      pairs.append('(').append(pair[0]).append(", ").append(pair[1]).append("), ");
    }
    pairs.append(']');
    String script = String.join("\n",
        "import sys, numpy as np",
        "from sklearn.svm import SVC",
        "from sklearn.preprocessing import StandardScaler",
        "a = np.loadtxt(sys.argv[1], delimiter=',')",
        "X, y, f = a[:, :4], a[:, 4].astype(int), a[:, 5].astype(int)",
        "for c, g in PAIRS:",
        "    accs = []",
        "    for k in range(5):",
        "        tr, te = f != k, f == k",
        "        s = StandardScaler().fit(X[tr])",
        "        m = SVC(C=c, gamma=g, kernel='rbf').fit(s.transform(X[tr]), y[tr])",
        "        accs.append(float(np.mean(m.predict(s.transform(X[te])) == y[te])))",
        "    print(repr(float(np.mean(accs))))").replace("PAIRS", pairs.toString());
    Path py = dir.resolve("svc.py");
    Files.writeString(py, script, StandardCharsets.UTF_8);
    Output out = run(PYTHON, py.toString(), data.toString());
    assertThat(out.exitCode).as(out.text).isZero();
    List<String> lines = out.text.trim().lines().toList();
    assertThat(lines).hasSize(PAIRS.length);
    for (int i = 0; i < PAIRS.length; i++) {
      double expected = Double.parseDouble(lines.get(i));
      assertThat(svc.accuracy(PAIRS[i][0], PAIRS[i][1])).as("C=%s gamma=%s", PAIRS[i][0], PAIRS[i][1])
          .isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void aTwentyTrialTpeStudyReachesNinetyFivePercent() {
    Objectives.Builtin svc = Objectives.create("svc-iris");
    Study study = Study.builder().sampler(new TpeSampler(42L)).space(svc.space())
        .direction(StudyDirection.MAXIMIZE).build();
    study.optimizeMulti(svc.objective(), Budget.trials(20), 1);
    assertThat(study.trials()).hasSize(20);
    assertThat(study.bestValue()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void theFactoryOffersTheBenchmarksAndTheDemo() {
    assertThat(Objectives.names()).startsWith(
        BenchmarkFunctions.all().stream().map(BenchmarkFunction::name).toArray(String[]::new)).endsWith("svc-iris", "mlp-cubic");
    Objectives.Builtin svc = Objectives.create("SVC-Iris");
    assertThat(svc.name()).isEqualTo("svc-iris");
    assertThat(svc.maximize()).isTrue();
    assertThat(svc.space().parameters()).extracting(p -> p.name()).containsExactly("C", "gamma");
    Objectives.Builtin branin = Objectives.create("branin");
    assertThat(branin.maximize()).isFalse();
    assertThat(branin.space()).isEqualTo(BenchmarkFunctions.branin().space());
    assertThat(Objectives.create("ackley-7d").space().size()).isEqualTo(7);
    assertThatThrownBy(() -> Objectives.create("sphere")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("svc-iris");
  }

  private record Output(int exitCode, String text) {}

  private static Output run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return new Output(-1, "timed out");
    }
    return new Output(p.exitValue(), text);
  }
}
