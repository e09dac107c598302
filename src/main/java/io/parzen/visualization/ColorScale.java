package io.parzen.visualization;

/**
 * Plotly's sequential "Blues" colour scale, which Optuna's {@code plot_slice} colours trials
 * by: the first trial nearly white, the last dark navy. Colours are packed {@code 0xRRGGBB}
 * integers so the engine stays free of any drawing library. Immutable and thread-safe.
 */
public final class ColorScale {

  /** The nine stops of the Blues scale, evenly spaced from 0 to 1 (ColorBrewer's Blues-9). */
  private static final int[] BLUES = {
      0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b};

  /**
   * ColorBrewer's RdYlBu-11 reversed, Optuna's {@code plot_rank} scale: dark blue (low rank) through
   * pale yellow to dark red (high rank).
   */
  private static final int[] RD_YL_BU_REVERSED = {
      0x313695, 0x4575b4, 0x74add1, 0xabd9e9, 0xe0f3f8, 0xffffbf, 0xfee090, 0xfdae61, 0xf46d43, 0xd73027,
      0xa50026};

  private ColorScale() {}

  /**
   * The Blues colour at {@code t} in {@code [0, 1]}, interpolated linearly between stops;
   * values outside are clamped, NaN counts as 0.
   */
  public static int blues(double t) {
    return sample(BLUES, t);
  }

  /**
   * The reversed RdYlBu colour at {@code t} in {@code [0, 1]} (Plotly's {@code RdYlBu_r}, as
   * {@code plot_rank} samples it): 0 dark blue, 0.5 pale yellow, 1 dark red; clamped, NaN counts as 0.
   */
  public static int rdYlBuReversed(double t) {
    return sample(RD_YL_BU_REVERSED, t);
  }

  private static int sample(int[] stops, double t) {
    double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
    double position = clamped * (stops.length - 1);
    int i = Math.min(stops.length - 2, (int) Math.floor(position));
    double f = position - i;
    int a = stops[i];
    int b = stops[i + 1];
    return mix(a >> 16 & 0xff, b >> 16 & 0xff, f) << 16 | mix(a >> 8 & 0xff, b >> 8 & 0xff, f) << 8
        | mix(a & 0xff, b & 0xff, f);
  }

  /**
   * Where trial {@code number} lies between the first and last trial numbers shown, in
   * {@code [0, 1]}: early trials near 0 (light), late ones near 1 (dark). A single trial is 1.
   */
  public static double trialFraction(int number, int first, int last) {
    if (last <= first) {
      return 1;
    }
    return Math.max(0, Math.min(1, (double) (number - first) / (last - first)));
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }
}
