package io.parzen.visualization;

import io.parzen.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Draws a whole space {@code n} times, as Hyperopt's {@code pyll.stochastic.sample} does. */
final class PreviewDraws {

  /** How many draws pass between two checks of the cancellation flag. */
  private static final int CANCEL_CHECK_INTERVAL = 1024;

  private PreviewDraws() {}

  /** Calls {@code sink} with every draw of {@code space}; throws {@link CancellationException} when cancelled. */
  static void draw(SearchSpace space, int n, long seed, BooleanSupplier cancelled, Sink sink) {
    if (n < 0) {
      throw new IllegalArgumentException("n (" + n + ") must be >= 0");
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      if (i % CANCEL_CHECK_INTERVAL == 0 && cancelled.getAsBoolean()) {
        throw new CancellationException("preview cancelled");
      }
      sink.accept(space.sample(rng));
    }
  }

  /** One draw of every active parameter. */
  interface Sink {
    void accept(Map<String, Object> draw);
  }

  static String label(Object choice) {
    if (choice == null) {
      return "None";
    }
    return String.valueOf(choice);
  }

  static List<String> labels(List<Object> choices) {
    return choices.stream().map(PreviewDraws::label).toList();
  }
}
