package io.parzen.objective;

import io.parzen.space.SearchSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The built-in objectives selectable by name: the benchmark functions of {@link BenchmarkFunctions}
 * (minimised) and the demos {@link SvcIris} ({@value SvcIris#NAME}, maximised) and {@link MlpCubic}
 * ({@value MlpCubic#NAME}, minimised).
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
    names.add(MlpCubic.NAME);
    return Collections.unmodifiableList(names);
  }

  /**
   * The objective named {@code name}: {@value SvcIris#NAME}, {@value MlpCubic#NAME}, or a benchmark function name as
   * {@link BenchmarkFunctions#byName} reads it. Throws {@link IllegalArgumentException} for unknown names.
   */
  public static Builtin create(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (key.equals(SvcIris.NAME)) {
      SvcIris svc = new SvcIris();
      return new Builtin(SvcIris.NAME, "Hyperopt tutorial: 5-fold CV accuracy of an RBF C-SVC (LIBSVM) on Iris",
          svc.asMulti(), svc.space(), true);
    }
    if (key.equals(MlpCubic.NAME)) {
      MlpCubic mlp = new MlpCubic();
      return new Builtin(MlpCubic.NAME, "Optuna tutorial: test MSE of a small MLP (ReLU, 1-4 hidden layers, Adam or SGD)"
          + " learning x0 + x0² + 2x1³ + 3x2 + 4x3 + 5x4; reports every 100 steps for pruning",
          mlp.asMulti(), mlp.space(), false);
    }
    BenchmarkFunction f;
    try {
      f = BenchmarkFunctions.byName(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replace("unknown benchmark function", "unknown objective")
          .replace("(known: ", "(known: " + SvcIris.NAME + ", " + MlpCubic.NAME + ", "), e);
    }
    return new Builtin(f.name(), f.description(), f.asMulti(), f.space(), false);
  }
}
