package io.parzen.app.preview;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/** Axis tick labels as data scientists write them: 0.5, 512, 1e-05, 2.5e+06. */
public final class ShortNumberFormat extends NumberFormat {

  private static final long serialVersionUID = 1L;

  public static String text(double value) {
    if (value == 0) {
      return "0";
    }
    double magnitude = Math.abs(value);
    if (magnitude < 1e-3 || magnitude >= 1e6) {
      String s = String.format(Locale.ROOT, "%.1e", value);
      return s.replaceFirst("\\.0e", "e");
    }
    String s = String.format(Locale.ROOT, "%.4f", value);
    return s.contains(".") ? s.replaceFirst("0+$", "").replaceFirst("\\.$", "") : s;
  }

  @Override
  public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
    return toAppendTo.append(text(number));
  }

  @Override
  public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
    return toAppendTo.append(text(number));
  }

  @Override
  public Number parse(String source, ParsePosition parsePosition) {
    throw new UnsupportedOperationException("axis labels are not parsed");
  }
}
