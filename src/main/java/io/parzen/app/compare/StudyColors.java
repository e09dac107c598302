package io.parzen.app.compare;

/**
 * The colours that tell compared studies apart, as {@code 0xRRGGBB}: ten qualitative colours,
 * matplotlib's {@code tab10} on light backgrounds (what Optuna's matplotlib plots use) and
 * Plotly's brighter default sequence on dark ones. A study keeps its index while it is compared;
 * the eleventh study wraps round.
 */
public final class StudyColors {

  private static final int[] LIGHT = {
      0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
  private static final int[] DARK = {
      0x636efa, 0xef553b, 0x00cc96, 0xab63fa, 0xffa15a, 0x19d3f3, 0xff6692, 0xb6e880, 0xff97ff, 0xfecb52};

  /** How many colours there are before they repeat. */
  public static final int COUNT = LIGHT.length;

  private StudyColors() {}

  /** The colour of study {@code index} (0, 1, ...) on a light or dark background. */
  public static int rgb(int index, boolean dark) {
    int[] palette = dark ? DARK : LIGHT;
    return palette[Math.floorMod(index, palette.length)];
  }

  /** {@link #rgb} as an AWT colour with {@code alpha} (0-255), for charts. */
  public static java.awt.Color awt(int index, boolean dark, int alpha) {
    int rgb = rgb(index, dark);
    return new java.awt.Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
  }

  /** {@link #rgb} as CSS, {@code #rrggbb}. */
  public static String css(int index, boolean dark) {
    return String.format("#%06x", rgb(index, dark));
  }
}
