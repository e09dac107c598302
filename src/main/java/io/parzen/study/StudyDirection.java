package io.parzen.study;

/** Whether an objective is to be minimised or maximised (Optuna's names). */
public enum StudyDirection {
  MINIMIZE,
  MAXIMIZE;

  /** Whether {@code a} is strictly better than {@code b} in this direction. */
  public boolean isBetter(double a, double b) {
    return this == MINIMIZE ? a < b : a > b;
  }

  /** The worst possible value in this direction. */
  public double worst() {
    return this == MINIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }
}
