package io.parzen.study;

import java.time.Duration;

/**
 * How long {@link Study#optimize} runs: a number of trials, a time limit, or both (whichever comes
 * first), counted exactly across parallel workers.
 *
 * @param trials trials to run in this call, or {@code null} for no limit
 * @param timeout no trial starts after this much time, or {@code null} for no limit; running trials
 *     are allowed to finish, as in Optuna
 * @param studyTotal stop once the study holds this many trials in total, counted atomically by the
 *     storage across every worker and process sharing the study; {@code null} for no limit
 */
public record Budget(Integer trials, Duration timeout, Integer studyTotal) {

  public Budget {
    if (trials != null && trials < 0) {
      throw new IllegalArgumentException("trials (" + trials + ") must be >= 0");
    }
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout (" + timeout + ") must not be negative");
    }
    if (studyTotal != null && studyTotal < 0) {
      throw new IllegalArgumentException("studyTotal (" + studyTotal + ") must be >= 0");
    }
  }

  /** Exactly {@code n} more trials. */
  public static Budget trials(int n) {
    return new Budget(n, null, null);
  }

  /** Trials until {@code timeout} has passed. */
  public static Budget timeout(Duration timeout) {
    return new Budget(null, timeout, null);
  }

  /** Trials until the study holds {@code n} in total: a budget shared by every worker of a study. */
  public static Budget studyTotal(int n) {
    return new Budget(null, null, n);
  }

  /** No limit: runs until {@link Study#stop()}. */
  public static Budget unlimited() {
    return new Budget(null, null, null);
  }

  /** This budget, also ending after {@code limit}. */
  public Budget orTimeout(Duration limit) {
    return new Budget(trials, limit, studyTotal);
  }

  /** This budget, also ending after {@code n} trials of this call. */
  public Budget orTrials(int n) {
    return new Budget(n, timeout, studyTotal);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (trials != null) {
      s.append(trials).append(" trials");
    }
    if (studyTotal != null) {
      s.append(s.length() > 0 ? ", " : "").append("up to ").append(studyTotal).append(" trials in the study");
    }
    if (timeout != null) {
      s.append(s.length() > 0 ? " or " : "").append(timeout.toSeconds()).append(" s");
    }
    return s.length() == 0 ? "unlimited" : s.toString();
  }
}
