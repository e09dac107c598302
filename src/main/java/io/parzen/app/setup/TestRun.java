package io.parzen.app.setup;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one test run of a command objective did: the command line as run, the values it was given,
 * its exit status, the value it reported or why it failed, its intermediate values and the ends of
 * its output.
 *
 * @param commandLine the arguments as started; empty when the command could not be built
 * @param params the trial's parameters
 * @param exitStatus the program's exit status, or {@code null} when it did not run or end
 * @param values the reported value(s), or {@code null} when the run failed
 * @param failure why the trial would FAIL, or {@code null}
 * @param steps the intermediate values in the order reported
 * @param stdoutTail the end of standard output
 * @param stderrTail the end of standard error
 * @param duration how long it took
 */
public record TestRun(List<String> commandLine, Map<String, Object> params, Integer exitStatus, double[] values,
    String failure, List<Step> steps, String stdoutTail, String stderrTail, Duration duration) {

  /** Lines of each output stream shown in {@link #report()}. */
  static final int TAIL_LINES = 20;

  /** An intermediate value, as {@code {"step": 3, "value": 0.41}} reports it. */
  public record Step(int step, double value) {}

  public TestRun {
    commandLine = List.copyOf(commandLine);
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    steps = List.copyOf(steps);
    stdoutTail = stdoutTail == null ? "" : stdoutTail;
    stderrTail = stderrTail == null ? "" : stderrTail;
  }

  public boolean succeeded() {
    return failure == null;
  }

  /** One line: the value and exit status, or FAIL and the first line of the reason. */
  public String summary() {
    if (!succeeded()) {
      return "FAIL: " + failure.lines().findFirst().orElse("");
    }
    return (values.length == 1 ? "value " + number(values[0]) : "values " + numbers(values))
        + " (exit status " + exitStatus + ", " + seconds() + ")";
  }

  /** Everything, for a text area: command line, parameters, status, result, steps, output tails. */
  public String report() {
    StringBuilder out = new StringBuilder();
    out.append("$ ").append(commandLine.isEmpty() ? "(not started)" : shellQuoted(commandLine)).append('\n');
    out.append("parameters: ");
    if (params.isEmpty()) {
      out.append("none");
    }
    params.forEach((k, v) -> out.append(out.charAt(out.length() - 1) == ' ' ? "" : ", ").append(k).append('=')
        .append(v instanceof Double d ? number(d) : String.valueOf(v)));
    out.append('\n');
    out.append("exit status: ").append(exitStatus == null ? "none (did not run to its end)" : exitStatus)
        .append(" after ").append(seconds()).append('\n');
    if (succeeded()) {
      out.append(values.length == 1 ? "value: " + number(values[0]) : "values: " + numbers(values)).append('\n');
    } else {
      out.append("FAIL: ").append(failure.lines().findFirst().orElse("")).append('\n');
    }
    out.append("intermediate values: ");
    if (steps.isEmpty()) {
      out.append("none");
    }
    for (int i = 0; i < steps.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(steps.get(i).step()).append(": ").append(number(steps.get(i).value()));
    }
    out.append('\n');
    appendTail(out, "stdout", stdoutTail);
    appendTail(out, "stderr", stderrTail);
    return out.toString();
  }

  private static void appendTail(StringBuilder out, String stream, String tail) {
    List<String> lines = tail.lines().toList();
    if (lines.isEmpty()) {
      out.append("── ").append(stream).append(": empty\n");
      return;
    }
    int from = Math.max(0, lines.size() - TAIL_LINES);
    out.append("── ").append(stream).append(from > 0 ? " (last " + TAIL_LINES + " lines)" : "").append(" ──\n");
    lines.subList(from, lines.size()).forEach(l -> out.append(l).append('\n'));
  }

  private String seconds() {
    return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.6g", d)
        .replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replaceFirst("\\.(e|$)", "$1");
  }

  private static String numbers(double[] values) {
    return Arrays.stream(values).mapToObj(TestRun::number).toList().toString();
  }

  /** The arguments as a POSIX shell would need them typed: quoted where a character would be special. */
  static String shellQuoted(List<String> args) {
    StringBuilder out = new StringBuilder();
    for (String a : args) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(!a.isEmpty() && a.matches("[A-Za-z0-9_./=:,+@%^-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TestRun t && commandLine.equals(t.commandLine) && params.equals(t.params)
        && java.util.Objects.equals(exitStatus, t.exitStatus) && Arrays.equals(values, t.values)
        && java.util.Objects.equals(failure, t.failure) && steps.equals(t.steps) && stdoutTail.equals(t.stdoutTail)
        && stderrTail.equals(t.stderrTail) && duration.equals(t.duration);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(commandLine, params, exitStatus, Arrays.hashCode(values), failure, steps);
  }

  @Override
  public String toString() {
    return summary();
  }
}
