package io.parzen.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.parzen.space.CategoricalDistribution;
import io.parzen.space.Distribution;
import io.parzen.space.FloatDistribution;
import io.parzen.space.IntDistribution;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LogEiSearchTest {

  /** A GP on 15 points of a bumpy function over a float, a 20,001-value int and a categorical. */
  private static LogEiSearch search(GpSearchSpace space) {
    SplittableRandom rng = new SplittableRandom(3);
    int n = 15;
    int d = space.dimension();
    double[] x = new double[n * d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double[] u = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
      space.roundUniform(u);
      System.arraycopy(u, 0, x, i * d, d);
      y[i] = Math.sin(7 * u[0]) * Math.cos(5 * u[1]) + 0.3 * u[2];
    }
    GpSampler.standardize(y);
    GaussianProcess gp = GaussianProcess.fit(x, y, space.categorical(), null);
    return new LogEiSearch(gp, space, Arrays.stream(y).max().orElseThrow());
  }

  private static GpSearchSpace space() {
    Map<String, Distribution> m = new TreeMap<>();
    m.put("a", FloatDistribution.uniform(0, 1));
    m.put("b", IntDistribution.of(-10_000, 10_000));
    m.put("c", CategoricalDistribution.of("p", "q", "r"));
    return new GpSearchSpace(m);
  }

  @Test
  void findsAtLeastTheBestOfManyRandomPoints() {
    GpSearchSpace space = space();
    LogEiSearch search = search(space);
    double[] found = search.maximize(new SplittableRandom(1), List.of());
    double foundValue = search.value(found);
    SplittableRandom rng = new SplittableRandom(2);
    double bestRandom = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < 20_000; i++) {
      double[] u = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
      space.roundUniform(u);
      bestRandom = Math.max(bestRandom, search.value(u));
    }
    assertThat(foundValue).isGreaterThanOrEqualTo(bestRandom - 1e-9);
    // The point is a point of the space: the int on its grid, the categorical a choice index.
    assertThat(found[1]).isEqualTo(space.choice(1, space.nearestIndex(1, found[1])));
    assertThat(found[2]).isIn(0.0, 1.0, 2.0);
    assertThat(found[0]).isBetween(0.0, 1.0);
  }

  @Test
  void localSearchNeverMakesAPointWorse() {
    GpSearchSpace space = space();
    LogEiSearch search = search(space);
    SplittableRandom rng = new SplittableRandom(4);
    for (int i = 0; i < 20; i++) {
      double[] u = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
      space.roundUniform(u);
      double before = search.value(u);
      double after = search.localSearch(u);
      assertThat(after).isGreaterThanOrEqualTo(before).isEqualTo(search.value(u));
    }
  }

  @Test
  void rouletteDrawsDistinctIndicesOtherThanTheBest() {
    double[] values = {-1, 0, -2, -800, -3, -1000};
    int[] picks = LogEiSearch.roulette(values, 1, 3, new SplittableRandom(5));
    Set<Integer> distinct = new HashSet<>();
    for (int p : picks) {
      distinct.add(p);
    }
    assertThat(distinct).hasSize(3).doesNotContain(1, 3, 5);  // exp(-800) and exp(-1000) underflow to 0
    assertThat(LogEiSearch.roulette(values, 1, 9, new SplittableRandom(5))).hasSize(3);
    assertThat(LogEiSearch.roulette(new double[] {0, -1e4}, 0, 5, new SplittableRandom(5))).isEmpty();
  }

  @Test
  void sobolPointsFillTheCubeAndDependOnTheSeed() {
    double[][] a = LogEiSearch.sobol(3, 256, new SplittableRandom(1));
    double[][] b = LogEiSearch.sobol(3, 256, new SplittableRandom(1));
    double[][] c = LogEiSearch.sobol(3, 256, new SplittableRandom(2));
    assertThat(a).isDeepEqualTo(b);
    assertThat(a[0]).isNotEqualTo(c[0]);
    // A (t, m, s)-net property: each of the 8 octants holds exactly 32 of the first 256 points.
    int[] octants = new int[8];
    for (double[] p : a) {
      assertThat(Arrays.stream(p).allMatch(v -> v >= 0 && v < 1)).isTrue();
      octants[(p[0] < 0.5 ? 0 : 1) + (p[1] < 0.5 ? 0 : 2) + (p[2] < 0.5 ? 0 : 4)]++;
    }
    assertThat(octants).containsOnly(32);
  }
}
