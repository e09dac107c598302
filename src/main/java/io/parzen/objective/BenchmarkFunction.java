package io.parzen.objective;

import io.parzen.space.FloatDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A classic test function for optimisers, with its default search space (one float parameter per
 * dimension, named {@code x0, x1 ...}, or {@code x} in one dimension) and its known minimum. As an
 * {@link Objective} it reads the trial's parameters from the space and returns the function value;
 * every benchmark is minimised.
 */
public abstract class BenchmarkFunction implements Objective {

  private final String name;
  private final String description;
  private final SearchSpace space;

  protected BenchmarkFunction(String name, String description, double[] lows, double[] highs) {
    this.name = name;
    this.description = description;
    List<Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < lows.length; i++) {
      String param = lows.length == 1 ? "x" : "x" + i;
      parameters.add(new Parameter(param, FloatDistribution.uniform(lows[i], highs[i])));
    }
    this.space = SearchSpace.of(parameters);
  }

  /** A short identifier, such as {@code branin} or {@code ackley-5d}. */
  public String name() {
    return name;
  }

  /** One line for pickers: the formula or where the function comes from. */
  public String description() {
    return description;
  }

  /** The default search space. */
  public SearchSpace space() {
    return space;
  }

  public int dimension() {
    return space.size();
  }

  /** The function at point {@code x} (in the order of {@link #space()}). */
  public abstract double value(double[] x);

  /** The known global minimum value. */
  public abstract double optimumValue();

  /** The points where the minimum is reached (one or more). */
  public abstract List<double[]> optimumPoints();

  @Override
  public double evaluate(Trial trial) {
    Map<String, Object> params = trial.params();
    double[] x = new double[space.size()];
    int i = 0;
    for (Parameter p : space.parameters()) {
      x[i++] = ((Number) params.get(p.name())).doubleValue();
    }
    return value(x);
  }

  @Override
  public String toString() {
    return name;
  }

  static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}
