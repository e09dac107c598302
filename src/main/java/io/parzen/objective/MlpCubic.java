package io.parzen.objective;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Condition;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.trial.Trial;
import io.parzen.trial.TrialPruned;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "MLP on a cubic function" demo of the Optuna tutorials: the test mean squared error of a
 * small fully connected network ({@link DenseNetwork}) fitted to
 * {@code y = x0 + x0² + 2 x1³ + 3 x2 + 4 x3 + 5 x4}, to be minimised.
 *
 * <p><b>Data.</b> {@value #SAMPLES} samples of five inputs uniform in
 * [{@value #INPUT_LOW}, {@value #INPUT_HIGH}], drawn from {@link SplitMix64} seeded with
 * {@value #DATA_SEED}; the first 80% train, the rest test. Inputs and target are standardised
 * with the training part's mean and population standard deviation, so the MSE is in units of
 * the target's variance: predicting the training mean scores about 1.
 *
 * <p><b>Parameters</b>, as Optuna's PyTorch example declares them: {@code n_layers} (int 1-4),
 * {@code n_units_l0} to {@code n_units_l3} (int 2-64, log scale; {@code n_units_li} is active
 * when {@code n_layers > i}, so each hidden layer has its own width), {@code lr} (log-uniform
 * 1e-5 to 1e-1) and {@code optimizer} ({@code Adam}, or {@code SGD} with momentum 0.9).
 *
 * <p><b>Training.</b> Minibatches of {@link Settings#batchSize()} rows in an order shuffled
 * every epoch, for {@link Settings#epochs()} epochs. The "test MSE every 100 epochs"
 * would cost minutes per trial on 10,000 samples, so the unit of progress is the optimiser
 * step: every {@link Settings#reportEvery()} steps the test MSE is reported to the trial and the
 * pruner asked. The defaults (10 epochs of 250 steps, a report every 100 steps, 25 reports)
 * take 0.01-2 s per trial on an idle core, depending on the network's size (BENCHMARKS.md). The weights and the
 * batch order come from a {@link SplitMix64} seeded with the trial number, so a trial with the
 * same number and parameters gives the same values. A minibatch or test error that is not
 * finite (a learning rate too large) fails the trial with a {@link DivergedException}, as an
 * Optuna objective whose PyTorch loss turned NaN fails.
 *
 * <p>Thread-safe: the data is read-only, each evaluation trains its own network.
 */
public final class MlpCubic implements Objective {

  /** The name pickers and study definitions use. */
  public static final String NAME = "mlp-cubic";
  public static final int INPUTS = 5;
  public static final int SAMPLES = 10_000;
  public static final long DATA_SEED = 42;
  public static final double INPUT_LOW = -2;
  public static final double INPUT_HIGH = 2;
  public static final double SGD_MOMENTUM = 0.9;
  public static final int MAX_LAYERS = 4;

  private static final Distribution UNITS = new IntDistribution(2, 64, true, 1);

  private final Settings settings;
  private final double[][] trainX;
  private final double[] trainY;
  private final double[][] testX;
  private final double[] testY;
  private final SearchSpace space;

  /** The demo with its default data and training length, {@link Settings#DEFAULTS}. */
  public MlpCubic() {
    this(Settings.DEFAULTS);
  }

  public MlpCubic(Settings settings) {
    this.settings = settings;
    double[][] x = new double[settings.samples()][INPUTS];
    double[] y = new double[settings.samples()];
    SplitMix64 rng = new SplitMix64(DATA_SEED);
    for (int n = 0; n < x.length; n++) {
      for (int k = 0; k < INPUTS; k++) {
        x[n][k] = INPUT_LOW + (INPUT_HIGH - INPUT_LOW) * rng.nextDouble();
      }
      y[n] = target(x[n]);
    }
    int train = settings.trainSize();
    trainX = Arrays.copyOfRange(x, 0, train);
    testX = Arrays.copyOfRange(x, train, x.length);
    double[] trainTarget = Arrays.copyOfRange(y, 0, train);
    double[] testTarget = Arrays.copyOfRange(y, train, y.length);
    for (int k = 0; k < INPUTS; k++) {
      double[] column = new double[train];
      for (int n = 0; n < train; n++) {
        column[n] = trainX[n][k];
      }
      double[] meanSd = meanAndSd(column);
      for (double[] row : trainX) {
        row[k] = (row[k] - meanSd[0]) / meanSd[1];
      }
      for (double[] row : testX) {
        row[k] = (row[k] - meanSd[0]) / meanSd[1];
      }
    }
    double[] meanSd = meanAndSd(trainTarget);
    trainY = standardised(trainTarget, meanSd);
    testY = standardised(testTarget, meanSd);
    List<Parameter> parameters = new ArrayList<>();
    parameters.add(new Parameter("n_layers", new IntDistribution(1, MAX_LAYERS, false, 1)));
    for (int i = 0; i < MAX_LAYERS; i++) {
      Parameter units = new Parameter(unitsName(i), UNITS);
      if (i > 0) {
        List<Object> deeper = new ArrayList<>();
        for (long layers = i + 1; layers <= MAX_LAYERS; layers++) {
          deeper.add(layers);
        }
        units = units.withCondition(new Condition("n_layers", deeper));
      }
      parameters.add(units);
    }
    parameters.add(new Parameter("lr", new FloatDistribution(1e-5, 1e-1, true, null)));
    parameters.add(new Parameter("optimizer", new CategoricalDistribution(List.of("Adam", "SGD"))));
    this.space = SearchSpace.of(parameters);
  }

  /** The function the network learns: {@code x0 + x0² + 2 x1³ + 3 x2 + 4 x3 + 5 x4}. */
  public static double target(double[] x) {
    return x[0] + x[0] * x[0] + 2 * x[1] * x[1] * x[1] + 3 * x[2] + 4 * x[3] + 5 * x[4];
  }

  /** The name of the parameter holding the width of hidden layer {@code i} (from 0). */
  public static String unitsName(int i) {
    return "n_units_l" + i;
  }

  /** The default search space. */
  public SearchSpace space() {
    return space;
  }

  public Settings settings() {
    return settings;
  }

  /** The standardised test targets (a copy); their variance is close to 1. */
  public double[] testTargets() {
    return testY.clone();
  }

  @Override
  public double evaluate(Trial trial) throws InterruptedException {
    Map<String, Object> params = trial.params();
    int layers = intParam(trial, params, "n_layers", space.parameter("n_layers").orElseThrow().distribution());
    if (layers < 1) {
      throw new IllegalArgumentException("n_layers (" + layers + ") must be >= 1");
    }
    int[] units = new int[layers];
    for (int i = 0; i < layers; i++) {
      units[i] = intParam(trial, params, unitsName(i), UNITS);
    }
    double lr = ((Number) param(trial, params, "lr", space.parameter("lr").orElseThrow().distribution())).doubleValue();
    Optimizer optimizer = Optimizer.parse(param(trial, params, "optimizer",
        space.parameter("optimizer").orElseThrow().distribution()));
    return train(new Config(units, lr, optimizer), trial.number(), (step, mse) -> {
      trial.report(step, mse);
      if (trial.shouldPrune()) {
        throw new TrialPruned("pruned at step " + step + " with test MSE " + mse);
      }
    });
  }

  /** The value of {@code name}: the trial's, or suggested from {@code fallback} if its space lacks it. */
  private static Object param(Trial trial, Map<String, Object> params, String name, Distribution fallback) {
    Object v = params.get(name);
    if (v == null) {
      v = trial.currentParams().get(name);
    }
    return v != null ? v : trial.suggest(name, fallback);
  }

  private static int intParam(Trial trial, Map<String, Object> params, String name, Distribution fallback) {
    Object v = param(trial, params, name, fallback);
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new IllegalArgumentException(name + " (" + v + ") must be a whole number");
    }
    return Math.toIntExact(n.longValue());
  }

  /**
   * Trains a network with {@code config}, weights and batch order seeded with {@code seed}, and
   * returns the final test MSE. {@code listener} hears the test MSE every
   * {@link Settings#reportEvery()} steps and may stop training by throwing (such as
   * {@link TrialPruned}).
   *
   * @throws DivergedException when a loss stops being finite
   * @throws InterruptedException when the thread is interrupted (the study was cancelled)
   */
  public double train(Config config, long seed, StepListener listener) throws InterruptedException {
    SplitMix64 rng = new SplitMix64(seed);
    DenseNetwork network = new DenseNetwork(INPUTS, config.units(), rng);
    DenseNetwork.Optimizer optimizer = switch (config.optimizer()) {
      case ADAM -> new DenseNetwork.Adam(config.lr());
      case SGD -> new DenseNetwork.Sgd(config.lr(), SGD_MOMENTUM);
    };
    int[] order = new int[trainX.length];
    for (int n = 0; n < order.length; n++) {
      order[n] = n;
    }
    int step = 0;
    double mse = Double.NaN;
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      rng.shuffle(order);
      for (int from = 0; from < order.length; from += settings.batchSize()) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("cancelled at step " + step);
        }
        int to = Math.min(order.length, from + settings.batchSize());
        double loss = network.trainBatch(trainX, trainY, order, from, to, optimizer);
        step++;
        if (!Double.isFinite(loss)) {
          throw new DivergedException(step, "minibatch MSE", loss, config);
        }
        if (step % settings.reportEvery() == 0) {
          mse = testMse(network, step, config);
          listener.onReport(step, mse);
        }
      }
    }
    return step % settings.reportEvery() == 0 ? mse : testMse(network, step, config);
  }

  private double testMse(DenseNetwork network, int step, Config config) {
    double mse = network.meanSquaredError(testX, testY);
    if (!Double.isFinite(mse)) {
      throw new DivergedException(step, "test MSE", mse, config);
    }
    return mse;
  }

  private static double[] meanAndSd(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    double mean = sum / v.length;
    double squares = 0;
    for (double x : v) {
      squares += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(squares / v.length);
    return new double[] {mean, sd == 0 ? 1 : sd};
  }

  private static double[] standardised(double[] v, double[] meanSd) {
    double[] out = new double[v.length];
    for (int n = 0; n < v.length; n++) {
      out[n] = (v[n] - meanSd[0]) / meanSd[1];
    }
    return out;
  }

  @Override
  public String toString() {
    return NAME;
  }

  /** Hears the test MSE during training. */
  @FunctionalInterface
  public interface StepListener {
    void onReport(int step, double testMse);
  }

  /** The optimisers of the demo, named as in the search space. */
  public enum Optimizer {
    ADAM("Adam"), SGD("SGD");

    private final String label;

    Optimizer(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** Reads a choice of the {@code optimizer} parameter, ignoring case. */
    public static Optimizer parse(Object value) {
      for (Optimizer o : values()) {
        if (o.label.equalsIgnoreCase(String.valueOf(value))) {
          return o;
        }
      }
      throw new IllegalArgumentException("optimizer: unknown value \"" + value + "\" (known: Adam, SGD)");
    }
  }

  /**
   * One network and optimiser to train.
   *
   * @param units the width of each hidden layer, from the input side; at least one layer
   * @param lr the learning rate, finite and > 0
   */
  public record Config(int[] units, double lr, Optimizer optimizer) {
    public Config {
      if (units == null || units.length == 0) {
        throw new IllegalArgumentException("n_layers (0) must be >= 1");
      }
      units = units.clone();
      for (int i = 0; i < units.length; i++) {
        if (units[i] < 1) {
          throw new IllegalArgumentException(unitsName(i) + " (" + units[i] + ") must be >= 1");
        }
      }
      if (!(lr > 0) || !Double.isFinite(lr)) {
        throw new IllegalArgumentException("lr (" + lr + ") must be finite and > 0");
      }
      if (optimizer == null) {
        throw new IllegalArgumentException("optimizer is missing (Adam or SGD)");
      }
    }

    @Override
    public int[] units() {
      return units.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Config c && Arrays.equals(units, c.units) && Double.compare(lr, c.lr) == 0
          && optimizer == c.optimizer;
    }

    @Override
    public int hashCode() {
      return 31 * (31 * Arrays.hashCode(units) + Double.hashCode(lr)) + optimizer.hashCode();
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "units=%s, lr=%.3g, optimizer=%s", Arrays.toString(units), lr, optimizer.label());
    }
  }

  /**
   * The size of the problem.
   *
   * @param samples how many samples to draw (the first 80% train), at least 10
   * @param epochs passes over the training part, at least 1
   * @param batchSize rows per optimiser step, at least 1
   * @param reportEvery optimiser steps between reports of the test MSE, at least 1
   */
  public record Settings(int samples, int epochs, int batchSize, int reportEvery) {

    /** 10,000 samples, 10 epochs of 32-row batches (2,500 steps), a report every 100 steps. */
    public static final Settings DEFAULTS = new Settings(SAMPLES, 10, 32, 100);

    public Settings {
      check("samples", samples, 10);
      check("epochs", epochs, 1);
      check("batch_size", batchSize, 1);
      check("report_every", reportEvery, 1);
    }

    private static void check(String name, int value, int min) {
      if (value < min) {
        throw new IllegalArgumentException(name + " (" + value + ") must be >= " + min);
      }
    }

    /** The rows that train: the first 80%. */
    public int trainSize() {
      return samples * 4 / 5;
    }

    /** Optimiser steps in all epochs. */
    public int steps() {
      int perEpoch = (trainSize() + batchSize - 1) / batchSize;
      return perEpoch * epochs;
    }
  }

  /**
   * Training stopped because a loss was no longer a finite number, typically because the learning
   * rate is too large. Its {@link #toString()} is the bare message, which the study stores as the
   * trial's fail reason.
   */
  public static final class DivergedException extends RuntimeException {
    private final int step;

    DivergedException(int step, String what, double value, Config config) {
      super("training diverged at step " + step + ": the " + what + " is " + value + " (" + config
          + "); a smaller learning rate may help");
      this.step = step;
    }

    /** The optimiser step at which the loss stopped being finite. */
    public int step() {
      return step;
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
