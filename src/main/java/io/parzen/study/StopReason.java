package io.parzen.study;

/** Why an {@link Study#optimize} call ended. */
public enum StopReason {
  /** The trial budget was used up. */
  BUDGET_REACHED("trial budget reached"),
  /** The time limit passed. */
  TIME_LIMIT("time limit reached"),
  /** {@link Study#stop()} was called; running trials finished normally. */
  STOPPED("stopped"),
  /** {@link Study#cancel()} was called; running trials were interrupted and marked FAIL. */
  CANCELLED("cancelled"),
  /** The storage or the sampler failed; see {@link OptimizeResult#error()}. */
  ERROR("error");

  private final String description;

  StopReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
