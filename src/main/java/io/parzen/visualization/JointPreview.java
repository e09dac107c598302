package io.parzen.visualization;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.IntDistribution;
import io.parzen.space.Parameter;
import io.parzen.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Joint draws of two parameters: one point per draw of the whole space in which both were active,
 * for a scatter of how the prior covers their plane. Values are internal (choice indices for
 * categoricals, whose labels are in {@link Axis#choices}).
 *
 * <p>Immutable; safe to hand to the FX thread.
 */
public record JointPreview(Axis x, Axis y, int draws, List<Point> points) {

  /** One draw where both parameters were active. */
  public record Point(double x, double y) {}

  /**
   * One parameter's axis: whether it reads best on a log scale, whether it takes only integers, its
   * bounds, and the choice labels when it is categorical (empty otherwise).
   */
  public record Axis(
      String parameterName, boolean logScale, boolean integer, double low, double high, List<String> choices) {
    public Axis {
      choices = List.copyOf(choices);
    }

    public boolean categorical() {
      return !choices.isEmpty();
    }

    static Axis of(Parameter p) {
      Distribution d = p.distribution();
      List<String> choices = d instanceof CategoricalDistribution c ? PreviewDraws.labels(c.choices()) : List.of();
      return new Axis(p.name(), PriorPreview.isLogScale(p), d instanceof IntDistribution,
          PriorPreview.lowOf(d), PriorPreview.highOf(d), choices);
    }
  }

  public JointPreview {
    points = List.copyOf(points);
  }

  /** Previews {@code a} against {@code b} from {@code n} draws of {@code space} seeded by {@code seed}. */
  public static JointPreview of(SearchSpace space, String a, String b, int n, long seed) {
    return of(space, a, b, n, seed, () -> false);
  }

  /**
   * As {@link #of(SearchSpace, String, String, int, long)}, giving up with a
   * {@link java.util.concurrent.CancellationException} once {@code cancelled} says so.
   *
   * @throws IllegalArgumentException when the space lacks either parameter
   */
  public static JointPreview of(SearchSpace space, String a, String b, int n, long seed, BooleanSupplier cancelled) {
    Parameter pa = find(space, a);
    Parameter pb = find(space, b);
    List<Point> points = new ArrayList<>();
    PreviewDraws.draw(space, n, seed, cancelled, draw -> {
      if (draw.containsKey(a) && draw.containsKey(b)) {
        points.add(new Point(pa.distribution().toInternal(draw.get(a)), pb.distribution().toInternal(draw.get(b))));
      }
    });
    return new JointPreview(Axis.of(pa), Axis.of(pb), n, points);
  }

  private static Parameter find(SearchSpace space, String name) {
    return space.parameter(name)
        .orElseThrow(() -> new IllegalArgumentException("no parameter \"" + name + "\" in the space"));
  }
}
