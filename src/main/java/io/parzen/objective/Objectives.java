package io.parzen.objective;

import io.parzen.space.SearchSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The built-in objectives selectable by name: the benchmark functions of {@link BenchmarkFunctions}
 * (minimised), the demos {@link SvcIris} ({@value SvcIris#NAME}, maximised) and {@link MlpCubic}
 * ({@value MlpCubic#NAME}, minimised), and the multi-objective problems of
 * {@link MultiObjectiveFunction} ({@link #multiObjectiveNames()}, all objectives minimised).
 */
public final class Objectives {

  private Objectives() {}

  /**
   * A built-in objective, its default search space and, per objective, whether it is maximised
   * (the engine's {@code StudyDirection} lives in {@code io.parzen.study}, which depends on this
   * package).
   */
  public record Builtin(String name, String description, MultiObjective objective, SearchSpace space,
      List<Boolean> maximized) {

    public Builtin {
      maximized = List.copyOf(maximized);
      if (maximized.isEmpty()) {
        throw new IllegalArgumentException("objective " + name + " has no directions");
      }
    }

    /** A single-objective built-in. */
    public Builtin(String name, String description, MultiObjective objective, SearchSpace space, boolean maximize) {
      this(name, description, objective, space, List.of(maximize));
    }

    /** How many values the objective returns. */
    public int objectives() {
      return maximized.size();
    }

    /**
     * Whether the single objective is maximised.
     *
     * @throws IllegalStateException for a multi-objective built-in, which has {@link #maximized()}
     */
    public boolean maximize() {
      if (maximized.size() != 1) {
        throw new IllegalStateException("objective " + name + " has " + maximized.size() + " objectives; use maximized()");
      }
      return maximized.get(0);
    }
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
   * The multi-objective built-ins ({@link MultiObjectiveFunction#names()}), kept apart from
   * {@link #names()} because a study running them needs one direction per objective.
   */
  public static List<String> multiObjectiveNames() {
    return MultiObjectiveFunction.names();
  }

  /**
   * The objective named {@code name}: {@value SvcIris#NAME}, {@value MlpCubic#NAME}, a benchmark function name as
   * {@link BenchmarkFunctions#byName} reads it, or a multi-objective problem as {@link MultiObjectiveFunction#byName}
   * reads it. Throws {@link IllegalArgumentException} for unknown names.
   */
  public static Builtin create(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (key.startsWith("zdt") || key.startsWith("dtlz") || key.equals("binh-korn")) {
      MultiObjectiveFunction f = MultiObjectiveFunction.byName(key);
      return new Builtin(f.name(), f.description(), f, f.space(), Collections.nCopies(f.objectives(), false));
    }
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
          .replace("(known: ", "(known: " + SvcIris.NAME + ", " + MlpCubic.NAME + ", zdt1, zdt2, dtlz2, binh-korn, "), e);
    }
    return new Builtin(f.name(), f.description(), f.asMulti(), f.space(), false);
  }
}
