package io.parzen.visualization;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.Prior;
import io.parzen.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What the prior of one parameter looks like: Hyperopt's {@code pyll.stochastic.sample} histogram.
 * The whole space is drawn {@code draws} times, so a conditional parameter appears only in the
 * {@code activeDraws} draws where its condition held.
 *
 * <p>For a numeric parameter {@link #bins} holds the histogram (log-spaced when {@link #logScale},
 * one bin per value for small integer or stepped grids) and {@link #choices} is empty; for a
 * categorical parameter {@link #choices} holds one count per choice and {@link #bins} is empty.
 * Either way the counts sum to {@code activeDraws}. {@code min} and {@code max} are the smallest
 * and largest value drawn (choice indices for categoricals), {@code NaN} when it was never active.
 *
 * <p>Immutable; safe to hand to the FX thread.
 */
public record PriorPreview(
    String parameterName,
    int draws,
    int activeDraws,
    boolean categorical,
    boolean logScale,
    double low,
    double high,
    List<Bin> bins,
    List<ChoiceCount> choices,
    double min,
    double max) {

  /** Bins used for a continuous range when {@link #of(SearchSpace, String, int, long)} is not told. */
  public static final int DEFAULT_BIN_COUNT = 40;

  /** Grids with at most this many values get one bin per value. */
  public static final int MAX_GRID_BINS = 60;

  /** One histogram bar: values in {@code [low, high)} (the last bin includes its upper edge). */
  public record Bin(double low, double high, int count) {}

  /** How often a choice was drawn. */
  public record ChoiceCount(String label, int count) {}

  public PriorPreview {
    bins = List.copyOf(bins);
    choices = List.copyOf(choices);
  }

  /** Previews {@code parameterName} from {@code n} draws of {@code space} seeded by {@code seed}. */
  public static PriorPreview of(SearchSpace space, String parameterName, int n, long seed) {
    return of(space, parameterName, n, seed, DEFAULT_BIN_COUNT, () -> false);
  }

  /**
   * Previews with a given bin count for continuous ranges, giving up with a
   * {@link java.util.concurrent.CancellationException} once {@code cancelled} says so.
   *
   * @throws IllegalArgumentException when the space has no parameter of that name
   */
  public static PriorPreview of(
      SearchSpace space, String parameterName, int n, long seed, int binCount, BooleanSupplier cancelled) {
    Parameter parameter = space.parameter(parameterName)
        .orElseThrow(() -> new IllegalArgumentException("no parameter \"" + parameterName + "\" in the space"));
    if (binCount < 1) {
      throw new IllegalArgumentException("binCount (" + binCount + ") must be >= 1");
    }
    Distribution d = parameter.distribution();
    double[] values = new double[n];
    int[] active = {0};
    PreviewDraws.draw(space, n, seed, cancelled, draw -> {
      if (draw.containsKey(parameterName)) {
        values[active[0]++] = d.toInternal(draw.get(parameterName));
      }
    });
    return fromValues(parameter, n, values, active[0], binCount);
  }

  /**
   * The previews of every parameter of {@code space} from one set of {@code n} draws: the same
   * previews as {@link #of(SearchSpace, String, int, long)} gives for each parameter with this
   * seed, for the cost of one of them.
   */
  public static java.util.Map<String, PriorPreview> ofAll(SearchSpace space, int n, long seed) {
    List<Parameter> parameters = space.parameters();
    double[][] values = new double[parameters.size()][n];
    int[] active = new int[parameters.size()];
    PreviewDraws.draw(space, n, seed, () -> false, draw -> {
      for (int k = 0; k < values.length; k++) {
        Parameter p = parameters.get(k);
        if (draw.containsKey(p.name())) {
          values[k][active[k]++] = p.distribution().toInternal(draw.get(p.name()));
        }
      }
    });
    java.util.Map<String, PriorPreview> previews = new java.util.LinkedHashMap<>();
    for (int k = 0; k < values.length; k++) {
      previews.put(parameters.get(k).name(), fromValues(parameters.get(k), n, values[k], active[k], DEFAULT_BIN_COUNT));
    }
    return previews;
  }

  /** The preview of {@code parameter} from the internal values of its {@code count} active draws out of {@code n}. */
  private static PriorPreview fromValues(Parameter parameter, int n, double[] values, int count, int binCount) {
    String parameterName = parameter.name();
    Distribution d = parameter.distribution();
    double min = Double.NaN;
    double max = Double.NaN;
    for (int i = 0; i < count; i++) {
      min = i == 0 ? values[i] : Math.min(min, values[i]);
      max = i == 0 ? values[i] : Math.max(max, values[i]);
    }
    if (d instanceof CategoricalDistribution c) {
      int[] counts = new int[c.choices().size()];
      for (int i = 0; i < count; i++) {
        counts[(int) values[i]]++;
      }
      List<String> labels = PreviewDraws.labels(c.choices());
      List<ChoiceCount> choices = new ArrayList<>(counts.length);
      for (int i = 0; i < counts.length; i++) {
        choices.add(new ChoiceCount(labels.get(i), counts[i]));
      }
      return new PriorPreview(parameterName, n, count, true, false, 0, counts.length - 1,
          List.of(), choices, min, max);
    }
    Binning binning = Binning.of(parameter, binCount, min, max);
    int[] counts = new int[binning.edges.length - 1];
    for (int i = 0; i < count; i++) {
      counts[binning.indexOf(values[i])]++;
    }
    List<Bin> bins = new ArrayList<>(counts.length);
    for (int i = 0; i < counts.length; i++) {
      bins.add(new Bin(binning.edges[i], binning.edges[i + 1], counts[i]));
    }
    return new PriorPreview(parameterName, n, count, false, binning.log,
        lowOf(d), highOf(d), bins, List.of(), min, max);
  }

  /** Share of the draws in which the parameter was active, in {@code [0, 1]}; 0 with no draws. */
  public double activeFraction() {
    return draws == 0 ? 0 : (double) activeDraws / draws;
  }

  /** Sum of the bar heights, which is {@link #activeDraws}. */
  public int totalCount() {
    return categorical
        ? choices.stream().mapToInt(ChoiceCount::count).sum()
        : bins.stream().mapToInt(Bin::count).sum();
  }

  /** Whether values of a parameter are best shown on a log axis: log-scaled or with a log prior. */
  public static boolean isLogScale(Parameter parameter) {
    Distribution d = parameter.distribution();
    Prior prior = parameter.prior();
    boolean logDistribution = d instanceof FloatDistribution f && f.log() || d instanceof IntDistribution i && i.log();
    boolean logPrior = prior instanceof Prior.LogUniform || prior instanceof Prior.LogNormal;
    return (logDistribution || logPrior) && lowOf(d) > 0;
  }

  static double lowOf(Distribution d) {
    return d instanceof FloatDistribution f ? f.low() : d instanceof IntDistribution i ? i.low() : 0;
  }

  static double highOf(Distribution d) {
    if (d instanceof FloatDistribution f) {
      return f.high();
    }
    if (d instanceof IntDistribution i) {
      return i.high();
    }
    return ((CategoricalDistribution) d).choices().size() - 1;
  }

  /** Bin edges for a numeric parameter and the lookup from a value to its bin. */
  private static final class Binning {
    final double[] edges;
    final boolean log;
    /** For grids, bins are {@code gridWidth} wide from {@code gridOrigin}; 0 for continuous ranges. */
    final double gridWidth;
    final double gridOrigin;

    private Binning(double[] edges, boolean log, double gridWidth, double gridOrigin) {
      this.edges = edges;
      this.log = log;
      this.gridWidth = gridWidth;
      this.gridOrigin = gridOrigin;
    }

    static Binning of(Parameter parameter, int binCount, double min, double max) {
      Distribution d = parameter.distribution();
      double low = lowOf(d);
      double high = highOf(d);
      boolean log = isLogScale(parameter);
      // Normal priors are truncated far out (8 sigma); the drawn range is what is worth showing.
      if ((parameter.prior() instanceof Prior.Normal || parameter.prior() instanceof Prior.LogNormal)
          && !Double.isNaN(min)) {
        low = min;
        high = max;
      }
      double step = d instanceof FloatDistribution f && f.step() != null ? f.step()
          : d instanceof IntDistribution i ? i.step() : 0;
      if (step > 0) {
        double start = lowOf(d) + Math.floor((low - lowOf(d)) / step + 1e-9) * step;
        long values = Math.round((high - start) / step) + 1;
        if (values <= MAX_GRID_BINS || !log) {
          long perBin = values <= MAX_GRID_BINS ? 1 : (values + binCount - 1) / binCount;
          int bins = (int) ((values + perBin - 1) / perBin);
          double width = perBin * step;
          double origin = start - step / 2;
          double[] edges = new double[bins + 1];
          for (int i = 0; i <= bins; i++) {
            edges[i] = origin + i * width;
          }
          // A log axis cannot show a bar reaching zero or below.
          if (log && edges[0] <= 0) {
            edges[0] = start / 2;
          }
          return new Binning(edges, log, width, origin);
        }
      }
      if (!(high > low)) {
        double half = low == 0 ? 0.5 : Math.abs(low) * 0.05;
        return new Binning(new double[] {low - half, low + half}, log && low - half > 0, 0, 0);
      }
      double[] edges = new double[binCount + 1];
      for (int i = 0; i <= binCount; i++) {
        double t = (double) i / binCount;
        edges[i] = log
            ? Math.exp(Math.log(low) + t * (Math.log(high) - Math.log(low)))
            : low + t * (high - low);
      }
      edges[0] = low;
      edges[binCount] = high;
      return new Binning(edges, log, 0, 0);
    }

    int indexOf(double value) {
      int bins = edges.length - 1;
      double position;
      if (gridWidth > 0) {
        position = (value - gridOrigin) / gridWidth;
      } else if (log) {
        position = (Math.log(value) - Math.log(edges[0])) / (Math.log(edges[bins]) - Math.log(edges[0])) * bins;
      } else {
        position = (value - edges[0]) / (edges[bins] - edges[0]) * bins;
      }
      return Math.max(0, Math.min(bins - 1, (int) Math.floor(position)));
    }
  }
}
