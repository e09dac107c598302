package io.parzen.cli;

import java.util.ArrayList;
import java.util.List;

/** Rows of text cells, printed as aligned columns or as RFC 4180 CSV. */
final class Table {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(List<String> header) {
    this.header = List.copyOf(header);
  }

  Table add(List<String> row) {
    rows.add(List.copyOf(row));
    return this;
  }

  /** Columns padded to their widest cell, separated by two spaces, with a rule under the header. */
  String toText() {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], cell(row, i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths);
    List<String> rule = new ArrayList<>();
    for (int w : widths) {
      rule.add("-".repeat(w));
    }
    line(out, rule, widths);
    for (List<String> row : rows) {
      line(out, row, widths);
    }
    return out.toString();
  }

  String toCsv() {
    StringBuilder out = new StringBuilder();
    csvLine(out, header);
    rows.forEach(r -> csvLine(out, r));
    return out.toString();
  }

  private static String cell(List<String> row, int i) {
    return i < row.size() && row.get(i) != null ? row.get(i) : "";
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      if (i > 0) {
        l.append("  ");
      }
      String c = cell(cells, i);
      l.append(c).append(" ".repeat(widths[i] - c.length()));
    }
    out.append(l.toString().stripTrailing()).append(System.lineSeparator());
  }

  private static void csvLine(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String c = cell(cells, i);
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        out.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        out.append(c);
      }
    }
    out.append("\r\n");
  }
}
