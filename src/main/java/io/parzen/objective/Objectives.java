package io.parzen.objective;

import io.parzen.space.SearchSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The built-in objectives selectable by name: the benchmark functions of {@link BenchmarkFunctions}
 * (minimised) and the demo {@link SvcIris} ({@value SvcIris#NAME}, maximised).
 */
public final class Objectives {

  private Objectives() {}

  /**
   * A built-in objective, its default search space and whether it is maximised (the engine's
   * {@code StudyDirection} lives in {@code io.parzen.study}, which depends on this package).
   */
  public record Builtin(String name, String description, MultiObjective objective, SearchSpace space,
      boolean maximize) {
  }

  /** The names offered in pickers: the benchmark functions of {@link BenchmarkFunctions#all()}, then the demos. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (BenchmarkFunction f : BenchmarkFunctions.all()) {
      names.add(f.name());
    }
    names.add(SvcIris.NAME);
    return Collections.unmodifiableList(names);
  }

  /**
   * The objective named {@code name}: {@value SvcIris#NAME}, or a benchmark function name as
   * {@link BenchmarkFunctions#byName} reads it. Throws {@link IllegalArgumentException} for unknown names.
   */
  public static Builtin create(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (key.equals(SvcIris.NAME)) {
      SvcIris svc = new SvcIris();
      return new Builtin(SvcIris.NAME, "Hyperopt tutorial: 5-fold CV accuracy of an RBF C-SVC (LIBSVM) on Iris",
          svc.asMulti(), svc.space(), true);
    }
    BenchmarkFunction f;
    try {
      f = BenchmarkFunctions.byName(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replace("unknown benchmark function", "unknown objective")
          .replace("(known: ", "(known: " + SvcIris.NAME + ", "), e);
    }
    return new Builtin(f.name(), f.description(), f.asMulti(), f.space(), false);
  }
}
