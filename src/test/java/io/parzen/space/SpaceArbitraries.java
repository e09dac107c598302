package io.parzen.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of valid parameters and search spaces: float, int and categorical parameters
 * with random log, step and prior (uniform, log-uniform, normal, log-normal, weighted), and spaces
 * whose parameters hang off categorical or int parents at any depth.
 */
final class SpaceArbitraries {

  private SpaceArbitraries() {}

  /** Any valid unconditional parameter called {@code name}. */
  static Arbitrary<Parameter> parameter(String name) {
    return Arbitraries.oneOf(floatParameter(name), intParameter(name), categoricalParameter(name));
  }

  static Arbitrary<Parameter> floatParameter(String name) {
    return floatDistribution().flatMap(d -> numericPrior(d.low(), d.high())
        .map(prior -> new Parameter(name, d, prior, null)));
  }

  static Arbitrary<Parameter> intParameter(String name) {
    return intDistribution().flatMap(d -> numericPrior(d.low(), d.high())
        .map(prior -> new Parameter(name, d, prior, null)));
  }

  static Arbitrary<Parameter> categoricalParameter(String name) {
    return choices().flatMap(choices -> {
      CategoricalDistribution d = new CategoricalDistribution(choices);
      Arbitrary<Prior> weights = Arbitraries.doubles().between(0, 10).ofScale(3)
          .list().ofSize(choices.size())
          .filter(w -> w.stream().mapToDouble(Double::doubleValue).sum() > 0)
          .map(Prior.Weighted::new);
      return Arbitraries.oneOf(Arbitraries.just(Prior.UNIFORM), weights)
          .map(prior -> new Parameter(name, d, prior, null));
    });
  }

  /** Continuous, log or stepped float ranges with bounds of many decimals. */
  static Arbitrary<FloatDistribution> floatDistribution() {
    Arbitrary<FloatDistribution> log = Combinators.combine(
            Arbitraries.doubles().between(1e-6, 100).ofScale(9),
            Arbitraries.doubles().between(1, 1e6).ofScale(6))
        .as((low, factor) -> FloatDistribution.logUniform(low, low * factor));
    Arbitrary<FloatDistribution> linear = Combinators.combine(
            Arbitraries.doubles().between(-1000, 1000).ofScale(8),
            Arbitraries.doubles().between(0, 1000).ofScale(8))
        .as((low, width) -> FloatDistribution.uniform(low, low + width));
    // Short decimals hit the grid exactly; long ones exercise the rounding of the adjusted high.
    Arbitrary<FloatDistribution> stepped = Combinators.combine(
            Arbitraries.doubles().between(-1000, 1000).ofScale(2),
            Arbitraries.doubles().between(0, 100).ofScale(2),
            Arbitraries.doubles().between(0.01, 10).ofScale(2))
        .as((low, width, step) -> FloatDistribution.stepped(low, low + width, step));
    Arbitrary<FloatDistribution> fineStepped = Combinators.combine(
            Arbitraries.doubles().between(-1000, 1000).ofScale(14),
            Arbitraries.doubles().between(0, 1000).ofScale(14),
            Arbitraries.doubles().between(0.001, 50).ofScale(15))
        .as((low, width, step) -> FloatDistribution.stepped(low, low + width, step));
    return Arbitraries.oneOf(log, linear, stepped, fineStepped);
  }

  static Arbitrary<IntDistribution> intDistribution() {
    Arbitrary<IntDistribution> log = Combinators.combine(
            Arbitraries.longs().between(1, 1000), Arbitraries.longs().between(0, 100_000))
        .as((low, width) -> IntDistribution.logScaled(low, low + width));
    Arbitrary<IntDistribution> linear = Combinators.combine(
            Arbitraries.longs().between(-1000, 1000),
            Arbitraries.longs().between(0, 2000),
            Arbitraries.longs().between(1, 20))
        .as((low, width, step) -> new IntDistribution(low, low + width, false, step));
    return Arbitraries.oneOf(log, linear);
  }

  /** A prior that {@link Parameter} accepts for a numeric range {@code [low, high]}. */
  static Arbitrary<Prior> numericPrior(double low, double high) {
    double width = Math.max(high - low, 1e-3);
    List<Arbitrary<? extends Prior>> priors = new ArrayList<>();
    priors.add(Arbitraries.just(Prior.UNIFORM));
    priors.add(Combinators.combine(fraction(), fraction())
        .as((m, s) -> new Prior.Normal(low - width + 3 * width * m, width / 100 + 2 * width * s)));
    if (low > 0) {
      priors.add(Arbitraries.just(new Prior.LogUniform()));
    }
    if (high > 0) {
      double logHigh = Math.log(high);
      priors.add(Combinators.combine(fraction(), fraction())
          .as((m, s) -> new Prior.LogNormal(logHigh - 10 + 12 * m, 0.01 + 5 * s)));
    }
    return Arbitraries.oneOf(priors);
  }

  private static Arbitrary<Double> fraction() {
    return Arbitraries.doubles().between(0, 1).ofScale(6);
  }

  /** 1 to 6 distinct choices mixing strings, integers, non-integral doubles and booleans. */
  static Arbitrary<List<Object>> choices() {
    Arbitrary<Object> choice = Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().withChars(" ._-\"\\é").ofMaxLength(6),
        Arbitraries.longs(),
        Arbitraries.doubles().between(-1e6, 1e6).ofScale(4),
        Arbitraries.of(true, false));
    return choice.list().ofMinSize(1).ofMaxSize(6).uniqueElements(CategoricalDistribution::normalize);
  }

  /**
   * Spaces of 1 to 8 parameters. Each parameter after the first may be conditional on an earlier
   * categorical or int parameter (so conditions nest), on one or two values the parent can take.
   * Declaration order is sometimes reversed, so that children come before their parents.
   */
  static Arbitrary<SearchSpace> spaces() {
    Arbitrary<String> names = Arbitraries.strings().alpha().numeric().withChars("._ \"é").ofMaxLength(5);
    return Combinators.combine(
            Arbitraries.integers().between(1, 8).flatMap(n ->
                Combinators.combine(
                    parameterTemplates().list().ofSize(n),
                    Arbitraries.integers().between(0, 10_000).list().ofSize(n),
                    names.list().ofSize(n))
                .as(SpaceArbitraries::link)),
            Arbitraries.of(true, false))
        .as((parameters, reversed) -> {
          List<Parameter> ordered = new ArrayList<>(parameters);
          if (reversed) {
            Collections.reverse(ordered);
          }
          return SearchSpace.of(ordered);
        });
  }

  private static Arbitrary<Parameter> parameterTemplates() {
    return parameter("template");
  }

  /** Names each parameter uniquely and derives its condition deterministically from {@code links}. */
  private static List<Parameter> link(List<Parameter> templates, List<Integer> links, List<String> names) {
    List<Parameter> result = new ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      Parameter p = templates.get(i).withName(names.get(i) + "#" + i);
      int link = links.get(i);
      List<Parameter> parents = result.stream()
          .filter(q -> !(q.distribution() instanceof FloatDistribution))
          .toList();
      if (link % 3 != 0 && !parents.isEmpty()) {
        Parameter parent = parents.get(link % parents.size());
        p = p.withCondition(new Condition(parent.name(), valuesOf(parent.distribution(), link)));
      }
      result.add(p);
    }
    return result;
  }

  private static List<Object> valuesOf(Distribution parent, int link) {
    List<Object> values = new ArrayList<>();
    if (parent instanceof CategoricalDistribution c) {
      int k = c.choices().size();
      values.add(c.choices().get(link % k));
      Object second = c.choices().get((link / 7) % k);
      if (!values.contains(second)) {
        values.add(second);
      }
    } else {
      IntDistribution d = (IntDistribution) parent;
      long size = d.size();
      values.add(d.low() + (link % size) * d.step());
      long second = d.low() + ((link / 7) % size) * d.step();
      if (!values.contains(second)) {
        values.add(second);
      }
    }
    return values;
  }
}
