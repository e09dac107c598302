package io.parzen.cli;

import io.parzen.study.Study;
import io.parzen.study.StudyDirection;
import io.parzen.study.StudyListener;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.io.PrintWriter;

/**
 * Shows how a headless run is going: on a terminal one line redrawn in place with a bar, otherwise
 * a plain line about every 10% of the budget ({@code 12/50 trials, best 0.41}), or every 10 trials
 * when the run has no trial budget.
 */
final class Progress implements StudyListener {

  private static final int BAR = 30;

  private final PrintWriter out;
  private final boolean terminal;
  private final Integer total;
  private final StudyDirection direction;
  private int done;
  private int lastPrinted;
  private Double best;
  private boolean drawn;

  /**
   * @param total trials this run expects to finish, or {@code null} when unknown
   * @param direction the direction of a single-objective study, or {@code null} for several objectives
   * @param best the best value before the run, or {@code null}
   */
  Progress(PrintWriter out, boolean terminal, Integer total, StudyDirection direction, Double best) {
    this.out = out;
    this.terminal = terminal;
    this.total = total;
    this.direction = direction;
    this.best = best;
  }

  @Override
  public synchronized void trialFinished(Study study, FrozenTrial trial) {
    done++;
    if (direction != null && trial.state() == TrialState.COMPLETE && trial.hasValues(1)) {
      double v = trial.value();
      if (best == null || direction.isBetter(v, best)) {
        best = v;
      }
    }
    if (terminal) {
      out.print("\r" + bar() + line());
      out.flush();
      drawn = true;
    } else if (due()) {
      out.println(line());
      out.flush();
      lastPrinted = done;
    }
  }

  private boolean due() {
    if (total == null || total <= 0) {
      return done - lastPrinted >= 10;
    }
    int step = Math.max(1, (int) Math.ceil(total / 10.0));
    return done - lastPrinted >= step || done >= total && lastPrinted < done;
  }

  private String bar() {
    if (total == null || total <= 0) {
      return "";
    }
    int filled = (int) Math.min(BAR, Math.round(BAR * (double) done / total));
    return "[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] ";
  }

  /** Ends the line the bar was drawn on. */
  synchronized void finish() {
    if (drawn) {
      out.println();
      out.flush();
      drawn = false;
    }
  }

  synchronized String line() {
    String count = total == null ? done + " trials" : done + "/" + total + " trials";
    return best == null ? count : count + ", best " + Cli.number(best);
  }
}
