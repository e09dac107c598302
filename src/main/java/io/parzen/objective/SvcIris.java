package io.parzen.objective;

import io.parzen.space.Hp;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.trial.Trial;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * The "SVC on iris" demo of the Hyperopt tutorial: the 5-fold stratified cross-validated accuracy
 * of LIBSVM's C-SVC with an RBF kernel on Fisher's Iris data, to be maximised. Parameters:
 * {@code C} (log-normal prior, {@code exp(normal(0, 1))}) and {@code gamma} (log-uniform on
 * [1e-4, 1]). Features are standardised on each training fold (mean and population standard
 * deviation, like scikit-learn's StandardScaler). Folds are fixed: each class's rows are shuffled
 * with a seeded {@link Random} and dealt round-robin to the folds, so the value is a deterministic
 * function of the parameters. The accuracy is the mean of the fold accuracies. Thread-safe.
 */
public final class SvcIris implements Objective {

  /** The name pickers and study definitions use. */
  public static final String NAME = "svc-iris";
  public static final int FOLDS = 5;
  public static final long FOLD_SEED = 42;
  private static final String DATASET = "/datasets/iris.csv";

  static {
    svm.svm_set_print_string_function(s -> { });  // LIBSVM prints training progress by default.
  }

  private final double[][] x;
  private final int[] y;
  private final int[] folds;
  private final SearchSpace space;

  public SvcIris() {
    Data data = load();
    this.x = data.x;
    this.y = data.y;
    this.folds = stratifiedFolds(y, FOLDS, FOLD_SEED);
    this.space = SearchSpace.of(Hp.lognormal("C", 0, 1), Hp.loguniform("gamma", 1e-4, 1));
  }

  /** The default search space. */
  public SearchSpace space() {
    return space;
  }

  /** The features, one row per sample (copies). */
  public double[][] features() {
    double[][] copy = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      copy[i] = x[i].clone();
    }
    return copy;
  }

  /** The class labels 0, 1, 2 (setosa, versicolor, virginica). */
  public int[] labels() {
    return y.clone();
  }

  /** The fold (0 to {@value #FOLDS} - 1) each sample is tested in. */
  public int[] folds() {
    return folds.clone();
  }

  @Override
  public double evaluate(Trial trial) {
    Map<String, Object> params = trial.params();
    return accuracy(param(trial, params, "C"), param(trial, params, "gamma"));
  }

  private double param(Trial trial, Map<String, Object> params, String name) {
    Object v = params.get(name);
    if (v == null) {
      Parameter p = space.parameters().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
      v = trial.suggest(name, p.distribution());
    }
    return ((Number) v).doubleValue();
  }

  /** The cross-validated accuracy for {@code c} and {@code gamma}: the mean of the fold accuracies. */
  public double accuracy(double c, double gamma) {
    if (!(c > 0) || !(gamma > 0)) {
      throw new IllegalArgumentException("C (" + c + ") and gamma (" + gamma + ") must be > 0");
    }
    double sum = 0;
    for (int f = 0; f < FOLDS; f++) {
      sum += foldAccuracy(f, c, gamma);
    }
    return sum / FOLDS;
  }

  private double foldAccuracy(int fold, double c, double gamma) {
    int d = x[0].length;
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      (folds[i] == fold ? test : train).add(i);
    }
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (int i : train) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i][j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= train.size();
    }
    for (int i : train) {
      for (int j = 0; j < d; j++) {
        sd[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]);
      }
    }
    for (int j = 0; j < d; j++) {
      sd[j] = Math.sqrt(sd[j] / train.size());
      if (sd[j] == 0) {
        sd[j] = 1;
      }
    }
    svm_problem problem = new svm_problem();
    problem.l = train.size();
    problem.x = new svm_node[problem.l][];
    problem.y = new double[problem.l];
    for (int k = 0; k < problem.l; k++) {
      int i = train.get(k);
      problem.x[k] = nodes(x[i], mean, sd);
      problem.y[k] = y[i];
    }
    svm_parameter param = new svm_parameter();
    param.svm_type = svm_parameter.C_SVC;
    param.kernel_type = svm_parameter.RBF;
    param.gamma = gamma;
    param.C = c;
    param.eps = 1e-3;
    param.cache_size = 200;
    param.shrinking = 1;
    param.probability = 0;
    param.nr_weight = 0;
    param.weight_label = new int[0];
    param.weight = new double[0];
    String error = svm.svm_check_parameter(problem, param);
    if (error != null) {
      throw new IllegalArgumentException("LIBSVM: " + error);
    }
    svm_model model = svm.svm_train(problem, param);
    int correct = 0;
    for (int i : test) {
      if ((int) Math.round(svm.svm_predict(model, nodes(x[i], mean, sd))) == y[i]) {
        correct++;
      }
    }
    return (double) correct / test.size();
  }

  private static svm_node[] nodes(double[] row, double[] mean, double[] sd) {
    svm_node[] nodes = new svm_node[row.length];
    for (int j = 0; j < row.length; j++) {
      nodes[j] = new svm_node();
      nodes[j].index = j + 1;
      nodes[j].value = (row[j] - mean[j]) / sd[j];
    }
    return nodes;
  }

  /** Each class's samples shuffled with {@code seed} and dealt round-robin to {@code k} folds. */
  static int[] stratifiedFolds(int[] labels, int k, long seed) {
    int[] folds = new int[labels.length];
    Random random = new Random(seed);
    int classes = Arrays.stream(labels).max().orElse(-1) + 1;
    for (int c = 0; c < classes; c++) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == c) {
          members.add(i);
        }
      }
      Collections.shuffle(members, random);
      for (int m = 0; m < members.size(); m++) {
        folds[members.get(m)] = m % k;
      }
    }
    return folds;
  }

  private record Data(double[][] x, int[] y) {}

  /** Reads scikit-learn's iris.csv: a header line "150,4,names...", then 4 features and a class index. */
  private static Data load() {
    try (InputStream in = SvcIris.class.getResourceAsStream(DATASET)) {
      if (in == null) {
        throw new IllegalStateException(DATASET + " is not on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String[] header = reader.readLine().split(",");
      int n = Integer.parseInt(header[0].trim());
      int d = Integer.parseInt(header[1].trim());
      double[][] x = new double[n][d];
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        String[] cells = reader.readLine().split(",");
        for (int j = 0; j < d; j++) {
          x[i][j] = Double.parseDouble(cells[j].trim());
        }
        y[i] = Integer.parseInt(cells[d].trim());
      }
      return new Data(x, y);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return NAME;
  }
}
