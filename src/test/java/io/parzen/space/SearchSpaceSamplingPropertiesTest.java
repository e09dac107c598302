package io.parzen.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link SearchSpace#sample} draws exactly the active parameters, each inside its distribution. */
class SearchSpaceSamplingPropertiesTest {

  /** classifier in {svm, forest}; svm -> kernel in {rbf, poly}; poly -> degree; forest -> depth -> leaf. */
  static final SearchSpace NESTED = SearchSpace.of(
      Hp.choice("classifier", "svm", "forest"),
      Hp.lognormal("C", 0, 1).withCondition(Condition.when("classifier", "svm")),
      Hp.choice("kernel", "rbf", "poly").withCondition(Condition.when("classifier", "svm")),
      Hp.loguniform("gamma", 1e-4, 10).withCondition(Condition.when("kernel", "rbf")),
      Hp.uniformint("degree", 2, 5).withCondition(Condition.when("kernel", "poly")),
      Hp.uniformint("depth", 2, 12).withCondition(Condition.when("classifier", "forest")),
      Hp.quniform("min_leaf", 0, 0.5, 0.05).withCondition(Condition.when("depth", 10, 11, 12)),
      Hp.loguniform("lr", 1e-5, 1e-1));

  @Provide
  Arbitrary<SearchSpace> spaces() {
    return SpaceArbitraries.spaces();
  }

  @Property(tries = 1000)
  void nestedSampleHoldsExactlyTheActiveParameters(@ForAll long seed) {
    Map<String, Object> sample = NESTED.sample(new SplittableRandom(seed));

    assertThat(sample.keySet()).isEqualTo(NESTED.activeNames(sample));
  }

  @Property(tries = 1000)
  void nestedSampleFollowsTheBranchOfEachChoice(@ForAll long seed) {
    Map<String, Object> sample = NESTED.sample(new SplittableRandom(seed));

    assertThat(sample).containsKeys("classifier", "lr");
    if (sample.get("classifier").equals("svm")) {
      assertThat(sample).containsKeys("C", "kernel").doesNotContainKeys("depth", "min_leaf");
      assertThat(sample.containsKey("degree")).isEqualTo(sample.get("kernel").equals("poly"));
      assertThat(sample.containsKey("gamma")).isEqualTo(sample.get("kernel").equals("rbf"));
    } else {
      assertThat(sample).containsKey("depth").doesNotContainKeys("C", "kernel", "gamma", "degree");
      assertThat(sample.containsKey("min_leaf")).isEqualTo((Long) sample.get("depth") >= 10);
    }
  }

  @Property(tries = 1000)
  void nestedSampleValuesAreInTheirDistributionsWithTheirJavaTypes(@ForAll long seed) {
    Map<String, Object> sample = NESTED.sample(new SplittableRandom(seed));

    sample.forEach((name, value) -> assertValueFits(NESTED, name, value));
  }

  @Test
  void nestedSampleReachesEveryBranch() {
    SplittableRandom rng = new SplittableRandom(7);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 2000; i++) {
      seen.addAll(NESTED.sample(rng).keySet());
    }

    assertThat(seen).containsExactlyInAnyOrderElementsOf(NESTED.names());
  }

  @Property(tries = 500)
  void arbitrarySpaceSampleHoldsExactlyTheActiveParameters(@ForAll("spaces") SearchSpace space, @ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < 5; i++) {
      Map<String, Object> sample = space.sample(rng);

      assertThat(sample.keySet()).isEqualTo(space.activeNames(sample));
      sample.forEach((name, value) -> assertValueFits(space, name, value));
    }
  }

  @Property(tries = 500)
  void everyConditionalValueHasItsParentWithAMatchingValue(@ForAll("spaces") SearchSpace space, @ForAll long seed) {
    Map<String, Object> sample = space.sample(new SplittableRandom(seed));

    for (String name : sample.keySet()) {
      Parameter p = space.parameter(name).orElseThrow();
      if (p.isConditional()) {
        assertThat(sample).containsKey(p.condition().parent());
        assertThat(p.condition().matches(sample.get(p.condition().parent()))).isTrue();
      }
    }
  }

  @Property(tries = 300)
  void unconditionalParametersAreAlwaysSampled(@ForAll("spaces") SearchSpace space, @ForAll long seed) {
    Map<String, Object> sample = space.sample(new SplittableRandom(seed));

    space.parameters().stream().filter(p -> !p.isConditional())
        .forEach(p -> assertThat(sample).containsKey(p.name()));
  }

  @Property(tries = 300)
  void sampleOrderPlacesEveryParentBeforeItsChildren(@ForAll("spaces") SearchSpace space) {
    List<String> order = space.sampleOrder().stream().map(Parameter::name).toList();

    assertThat(order).containsExactlyInAnyOrderElementsOf(space.names());
    for (Parameter p : space.parameters()) {
      if (p.isConditional()) {
        assertThat(order.indexOf(p.condition().parent())).isLessThan(order.indexOf(p.name()));
      }
    }
  }

  @Property(tries = 300)
  void theSameSeedGivesTheSameSamples(@ForAll("spaces") SearchSpace space, @ForAll long seed) {
    assertThat(samples(space, seed, 10)).isEqualTo(samples(space, seed, 10));
  }

  @Property(tries = 200)
  void theSameSeedGivesTheSameNestedSamples(@ForAll long seed) {
    assertThat(samples(NESTED, seed, 20)).isEqualTo(samples(NESTED, seed, 20));
  }

  @Test
  void differentSeedsGiveDifferentSamples() {
    assertThat(samples(NESTED, 1, 20)).isNotEqualTo(samples(NESTED, 2, 20));
  }

  private static List<Map<String, Object>> samples(SearchSpace space, long seed, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Map<String, Object>> result = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      result.add(space.sample(rng));
    }
    return result;
  }

  static void assertValueFits(SearchSpace space, String name, Object value) {
    Distribution d = space.parameter(name).orElseThrow().distribution();
    if (d instanceof FloatDistribution) {
      assertThat(value).as(name).isInstanceOf(Double.class);
    } else if (d instanceof IntDistribution) {
      assertThat(value).as(name).isInstanceOf(Long.class);
    } else {
      assertThat(((CategoricalDistribution) d).choices()).as(name).contains(value);
    }
    assertThat(d.containsInternal(d.toInternal(value))).as("%s = %s in %s", name, value, d.describe()).isTrue();
  }
}
