package io.parzen.visualization;

import io.parzen.space.Distribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import io.parzen.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the sampler actually drew for one parameter, against what its prior alone would have
 * drawn: the histogram a user reads to see TPE concentrate on good regions.
 *
 * <p>The bars are those of the parameter's {@link PriorPreview} (log-spaced for log parameters,
 * one per value for small grids, one per choice for categoricals). {@link Bar#count} is how many
 * trials drew a value in the bar; {@link Bar#expected} is how many of the same {@link #samples}
 * the prior would put there ({@code samples * priorCount / priorActiveDraws}), so both sum to
 * {@link #samples}. Values outside the previewed range (far tails of normal priors) fall into
 * the nearest end bar and are counted in {@link #outside}.
 *
 * <p>Immutable.
 */
public record SampleHistogram(
    String parameter, boolean categorical, boolean logScale, List<Bar> bars, int samples, int outside) {

  /**
   * One bar: values in {@code [low, high)} (choice index {@code ± 0.5} for categoricals), its
   * label (the choice, or empty), the drawn count and the count the prior predicts.
   */
  public record Bar(double low, double high, String label, int count, double expected) {}

  public SampleHistogram {
    Objects.requireNonNull(parameter, "parameter");
    bars = List.copyOf(bars);
  }

  /** The sum of the drawn counts, which is {@link #samples}. */
  public int totalCount() {
    return bars.stream().mapToInt(Bar::count).sum();
  }

  /**
   * Counts of the values of one parameter against its prior, grown value by value. Not
   * thread-safe.
   */
  public static final class Counter {

    private final Parameter parameter;
    private final PriorPreview prior;
    private final int[] counts;
    private int samples;
    private int outside;

    /** Counts into the bars of {@code prior}, a preview of {@code parameter}. */
    public Counter(Parameter parameter, PriorPreview prior) {
      if (!parameter.name().equals(prior.parameterName())) {
        throw new IllegalArgumentException("prior of \"" + prior.parameterName() + "\" given for parameter \""
            + parameter.name() + "\"");
      }
      this.parameter = parameter;
      this.prior = prior;
      this.counts = new int[prior.categorical() ? prior.choices().size() : prior.bins().size()];
    }

    public String parameterName() {
      return parameter.name();
    }

    /** Counts one drawn value, given as the trial reports it (a number or a choice). */
    public void add(Object external) {
      double internal = parameter.distribution().toInternal(external);
      int index;
      if (prior.categorical()) {
        index = (int) internal;
      } else {
        List<PriorPreview.Bin> bins = prior.bins();
        if (internal < bins.get(0).low() || internal > bins.get(bins.size() - 1).high()) {
          outside++;
        }
        index = binOf(bins, internal);
      }
      counts[index]++;
      samples++;
    }

    /** How many values were counted. */
    public int samples() {
      return samples;
    }

    /** The histogram so far. */
    public SampleHistogram snapshot() {
      List<Bar> bars = new ArrayList<>(counts.length);
      double scale = prior.activeDraws() == 0 ? 0 : (double) samples / prior.activeDraws();
      if (prior.categorical()) {
        for (int i = 0; i < counts.length; i++) {
          PriorPreview.ChoiceCount c = prior.choices().get(i);
          bars.add(new Bar(i - 0.5, i + 0.5, c.label(), counts[i], c.count() * scale));
        }
      } else {
        for (int i = 0; i < counts.length; i++) {
          PriorPreview.Bin b = prior.bins().get(i);
          bars.add(new Bar(b.low(), b.high(), "", counts[i], b.count() * scale));
        }
      }
      return new SampleHistogram(parameter.name(), prior.categorical(), prior.logScale(), bars, samples, outside);
    }

    /** The bin holding {@code value}, the nearest end bin when outside: a binary search over the edges. */
    private static int binOf(List<PriorPreview.Bin> bins, double value) {
      int lo = 0;
      int hi = bins.size() - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (bins.get(mid).low() <= value) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo;
    }
  }

  /**
   * The sample histograms of every parameter of a space, grown batch by batch from finished
   * trials (COMPLETE, PRUNED and FAIL: what the sampler drew, whatever became of it). Not
   * thread-safe: one thread appends.
   */
  public static final class Builder {

    /** Prior draws per histogram: enough for smooth expected counts, a few milliseconds each. */
    public static final int PRIOR_DRAWS = 20_000;

    private final Map<String, Counter> counters = new LinkedHashMap<>();

    /** Histograms of the parameters of {@code space}, their priors drawn with {@code seed}. */
    public Builder(SearchSpace space, long seed) {
      Map<String, PriorPreview> priors = PriorPreview.ofAll(space, PRIOR_DRAWS, seed);
      for (Parameter p : space.parameters()) {
        counters.put(p.name(), new Counter(p, priors.get(p.name())));
      }
    }

    /**
     * The space the trials were drawn from when no declared space is known (a study opened from
     * a file): each parameter's last distribution with a uniform prior, unconditional.
     */
    public static SearchSpace spaceOf(Collection<FrozenTrial> trials) {
      Map<String, Distribution> distributions = new LinkedHashMap<>();
      for (FrozenTrial t : trials) {
        distributions.putAll(t.distributions());
      }
      List<Parameter> parameters = new ArrayList<>();
      distributions.forEach((name, d) -> parameters.add(new Parameter(name, d)));
      return SearchSpace.of(parameters);
    }

    /** Counts the parameter values of the finished trials among {@code trials}. */
    public Builder append(Collection<FrozenTrial> trials) {
      for (FrozenTrial t : trials) {
        if (!t.state().isFinished()) {
          continue;
        }
        for (Map.Entry<String, Object> e : t.params().entrySet()) {
          Counter c = counters.get(e.getKey());
          if (c != null && e.getValue() != null) {
            try {
              c.add(e.getValue());
            } catch (IllegalArgumentException | IndexOutOfBoundsException notInTheSpace) {
              // A value the declared space cannot hold (the space was edited since): not a draw from this prior.
            }
          }
        }
      }
      return this;
    }

    /** The parameter names, in the space's order. */
    public List<String> parameterNames() {
      return List.copyOf(counters.keySet());
    }

    /** Every parameter's histogram so far. */
    public List<SampleHistogram> build() {
      return counters.values().stream().map(Counter::snapshot).toList();
    }
  }
}
