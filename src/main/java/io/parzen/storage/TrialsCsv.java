package io.parzen.storage;

import io.parzen.trial.FrozenTrial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The trials table as CSV, one row per trial, columns as in Optuna's {@code trials_dataframe}:
 * {@code number, state, value} (or {@code values_0, values_1 ...} for several objectives), one
 * {@code params_NAME} column per parameter (empty where a conditional parameter was inactive),
 * {@code datetime_start, datetime_complete, duration} (seconds). Fields are quoted as RFC 4180 asks.
 */
public final class TrialsCsv {

  private TrialsCsv() {}

  /** The CSV text of {@code trials} for a study with {@code objectives} objectives. */
  public static String write(List<FrozenTrial> trials, int objectives) {
    Set<String> names = new LinkedHashSet<>();
    trials.forEach(t -> names.addAll(t.params().keySet()));
    List<String> header = new ArrayList<>(List.of("number", "state"));
    if (objectives == 1) {
      header.add("value");
    } else {
      for (int i = 0; i < objectives; i++) {
        header.add("values_" + i);
      }
    }
    names.forEach(n -> header.add("params_" + n));
    header.addAll(List.of("datetime_start", "datetime_complete", "duration"));
    StringBuilder out = new StringBuilder();
    row(out, header);
    for (FrozenTrial t : trials) {
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(t.number()));
      cells.add(t.state().name());
      for (int i = 0; i < objectives; i++) {
        cells.add(i < t.values().size() ? number(t.values().get(i)) : "");
      }
      for (String n : names) {
        Object v = t.params().get(n);
        cells.add(!t.params().containsKey(n) ? "" : v instanceof Double d ? number(d) : String.valueOf(v));
      }
      cells.add(t.start() == null ? "" : t.start().toString());
      cells.add(t.complete() == null ? "" : t.complete().toString());
      cells.add(t.duration().map(TrialsCsv::seconds).orElse(""));
      row(out, cells);
    }
    return out.toString();
  }

  private static String seconds(Duration d) {
    return Double.toString(d.toNanos() / 1e9);
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Double.toString(v);
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String c = cells.get(i);
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        out.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        out.append(c);
      }
    }
    out.append("\r\n");
  }
}
