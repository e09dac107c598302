package io.parzen.objective;

import java.util.Arrays;

/**
 * A small fully connected regression network on primitive arrays: ReLU hidden layers, one linear
 * output, mean squared error, trained on minibatches by {@link Sgd} (with momentum) or
 * {@link Adam}. Weights start as PyTorch's {@code nn.Linear} does, uniform in
 * {@code ±1/sqrt(fan_in)} (biases too), drawn layer by layer (weights row by row, then biases)
 * from the generator given.
 *
 * <p>Every sum is accumulated left to right in a fixed order (a sample's inputs, a batch's
 * samples), so that {@code resources/examples/mlp_cubic.py}, which performs the same operations
 * in the same order, gets the same numbers. Not thread-safe: one network per trial.
 */
final class DenseNetwork {

  private final int[] sizes;
  /** Layer l's weights, {@code sizes[l + 1]} rows of {@code sizes[l]}, row-major by output unit. */
  private final double[][] weights;
  private final double[][] biases;
  private final double[][] weightGrads;
  private final double[][] biasGrads;
  /** {@code activations[0]} is the input; {@code activations[l + 1]} is layer l's output. */
  private final double[][] activations;
  /** The loss's derivative by each layer's pre-activation output, for the current sample. */
  private final double[][] deltas;

  DenseNetwork(int inputs, int[] hidden, SplitMix64 rng) {
    if (inputs < 1) {
      throw new IllegalArgumentException("inputs (" + inputs + ") must be >= 1");
    }
    sizes = new int[hidden.length + 2];
    sizes[0] = inputs;
    for (int l = 0; l < hidden.length; l++) {
      if (hidden[l] < 1) {
        throw new IllegalArgumentException("units of hidden layer " + l + " (" + hidden[l] + ") must be >= 1");
      }
      sizes[l + 1] = hidden[l];
    }
    sizes[sizes.length - 1] = 1;
    int layers = sizes.length - 1;
    weights = new double[layers][];
    biases = new double[layers][];
    weightGrads = new double[layers][];
    biasGrads = new double[layers][];
    deltas = new double[layers][];
    activations = new double[layers + 1][];
    activations[0] = new double[inputs];
    for (int l = 0; l < layers; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      double bound = 1 / Math.sqrt(in);
      weights[l] = new double[out * in];
      biases[l] = new double[out];
      for (int k = 0; k < weights[l].length; k++) {
        weights[l][k] = (2 * rng.nextDouble() - 1) * bound;
      }
      for (int j = 0; j < out; j++) {
        biases[l][j] = (2 * rng.nextDouble() - 1) * bound;
      }
      weightGrads[l] = new double[out * in];
      biasGrads[l] = new double[out];
      deltas[l] = new double[out];
      activations[l + 1] = new double[out];
    }
  }

  /** The number of weights and biases. */
  int parameterCount() {
    int n = 0;
    for (int l = 0; l < weights.length; l++) {
      n += weights[l].length + biases[l].length;
    }
    return n;
  }

  /** The prediction for one input row. */
  double predict(double[] x) {
    System.arraycopy(x, 0, activations[0], 0, x.length);
    int last = weights.length - 1;
    for (int l = 0; l <= last; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      double[] w = weights[l];
      double[] b = biases[l];
      double[] a = activations[l];
      double[] next = activations[l + 1];
      for (int j = 0; j < out; j++) {
        double z = b[j];
        int row = j * in;
        for (int i = 0; i < in; i++) {
          z += w[row + i] * a[i];
        }
        next[j] = l < last && !(z > 0) ? 0.0 : z;
      }
    }
    return activations[weights.length][0];
  }

  /** The mean squared error over the rows of {@code x}. */
  double meanSquaredError(double[][] x, double[] y) {
    double sum = 0;
    for (int n = 0; n < x.length; n++) {
      double e = predict(x[n]) - y[n];
      sum += e * e;
    }
    return sum / x.length;
  }

  /**
   * One optimiser step on the rows {@code order[from..to)} of {@code x}; returns their mean
   * squared error before the step. A loss that is not finite is returned without a step, so
   * that the caller can stop with the weights that produced it.
   */
  double trainBatch(double[][] x, double[] y, int[] order, int from, int to, Optimizer optimizer) {
    for (int l = 0; l < weights.length; l++) {
      Arrays.fill(weightGrads[l], 0.0);
      Arrays.fill(biasGrads[l], 0.0);
    }
    double scale = 2.0 / (to - from);
    double sum = 0;
    for (int k = from; k < to; k++) {
      int n = order[k];
      double e = predict(x[n]) - y[n];
      sum += e * e;
      deltas[weights.length - 1][0] = scale * e;
      backward();
    }
    double loss = sum / (to - from);
    if (Double.isFinite(loss)) {
      optimizer.step(this);
    }
    return loss;
  }

  /** Adds the current sample's gradients, from the output delta set by the caller. */
  private void backward() {
    for (int l = weights.length - 1; l >= 0; l--) {
      int in = sizes[l];
      int out = sizes[l + 1];
      double[] w = weights[l];
      double[] gw = weightGrads[l];
      double[] gb = biasGrads[l];
      double[] a = activations[l];
      double[] d = deltas[l];
      for (int j = 0; j < out; j++) {
        double dj = d[j];
        gb[j] += dj;
        int row = j * in;
        for (int i = 0; i < in; i++) {
          gw[row + i] += dj * a[i];
        }
      }
      if (l > 0) {
        double[] previous = deltas[l - 1];
        Arrays.fill(previous, 0.0);
        for (int j = 0; j < out; j++) {
          double dj = d[j];
          int row = j * in;
          for (int i = 0; i < in; i++) {
            previous[i] += w[row + i] * dj;
          }
        }
        for (int i = 0; i < in; i++) {
          if (!(a[i] > 0)) {
            previous[i] = 0.0;  // ReLU passes no gradient where it output 0.
          }
        }
      }
    }
  }

  /** An update rule for the weights from the gradients of the last batch. */
  interface Optimizer {
    void step(DenseNetwork network);
  }

  /** Stochastic gradient descent with momentum (PyTorch's form): {@code v = μv + g; p -= lr v}. */
  static final class Sgd implements Optimizer {
    private final double lr;
    private final double momentum;
    private double[][] velocity;

    Sgd(double lr, double momentum) {
      this.lr = lr;
      this.momentum = momentum;
    }

    @Override
    public void step(DenseNetwork net) {
      if (velocity == null) {
        velocity = net.zerosLikeParameters();
      }
      for (int l = 0; l < net.weights.length; l++) {
        update(net.weights[l], net.weightGrads[l], velocity[2 * l]);
        update(net.biases[l], net.biasGrads[l], velocity[2 * l + 1]);
      }
    }

    private void update(double[] p, double[] g, double[] v) {
      for (int k = 0; k < p.length; k++) {
        v[k] = momentum * v[k] + g[k];
        p[k] -= lr * v[k];
      }
    }
  }

  /**
   * Adam (Kingma and Ba, in PyTorch's form): {@code m = β1 m + (1 - β1) g},
   * {@code v = β2 v + (1 - β2) g²}, {@code p -= (lr / (1 - β1^t)) m / (sqrt(v) / sqrt(1 - β2^t) + ε)}
   * with β1 = 0.9, β2 = 0.999, ε = 1e-8.
   */
  static final class Adam implements Optimizer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;
    private final double lr;
    private double[][] m;
    private double[][] v;
    private double beta1Power = 1;
    private double beta2Power = 1;

    Adam(double lr) {
      this.lr = lr;
    }

    @Override
    public void step(DenseNetwork net) {
      if (m == null) {
        m = net.zerosLikeParameters();
        v = net.zerosLikeParameters();
      }
      beta1Power *= BETA1;
      beta2Power *= BETA2;
      double stepSize = lr / (1 - beta1Power);
      double correction2 = Math.sqrt(1 - beta2Power);
      for (int l = 0; l < net.weights.length; l++) {
        update(net.weights[l], net.weightGrads[l], m[2 * l], v[2 * l], stepSize, correction2);
        update(net.biases[l], net.biasGrads[l], m[2 * l + 1], v[2 * l + 1], stepSize, correction2);
      }
    }

    private static void update(double[] p, double[] g, double[] m, double[] v, double stepSize, double correction2) {
      for (int k = 0; k < p.length; k++) {
        m[k] = BETA1 * m[k] + (1 - BETA1) * g[k];
        v[k] = BETA2 * v[k] + (1 - BETA2) * g[k] * g[k];
        p[k] -= stepSize * m[k] / (Math.sqrt(v[k]) / correction2 + EPS);
      }
    }
  }

  private double[][] zerosLikeParameters() {
    double[][] zeros = new double[2 * weights.length][];
    for (int l = 0; l < weights.length; l++) {
      zeros[2 * l] = new double[weights[l].length];
      zeros[2 * l + 1] = new double[biases[l].length];
    }
    return zeros;
  }
}
