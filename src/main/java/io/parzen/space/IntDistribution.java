package io.parzen.space;

/**
 * An integer parameter in {@code [low, high]} with a {@code step}, optionally log-scaled
 * (Optuna's {@code IntDistribution}). Log requires {@code low >= 1} and {@code step == 1}. As in
 * Optuna, the upper bound is moved down to the last point of {@code low + k * step}.
 */
public record IntDistribution(long low, long high, boolean log, long step) implements Distribution {

  public IntDistribution {
    if (step <= 0) {
      throw new SpaceValidationException(null, "step", "step (" + step + ") must be a positive integer");
    }
    if (low > high) {
      throw new SpaceValidationException(
          null, "low", "low (" + low + ") must be <= high (" + high + ")");
    }
    if (log && low < 1) {
      throw new SpaceValidationException(
          null, "low", "low (" + low + ") must be >= 1 when log is true");
    }
    if (log && step != 1) {
      throw new SpaceValidationException(
          null, "step", "step (" + step + ") must be 1 when log is true");
    }
    high = low + (high - low) / step * step;
  }

  /** Integers {@code low..high} inclusive. */
  public static IntDistribution of(long low, long high) {
    return new IntDistribution(low, high, false, 1);
  }

  /** Integers {@code low..high} sampled in log space. */
  public static IntDistribution logScaled(long low, long high) {
    return new IntDistribution(low, high, true, 1);
  }

  /** Number of values the parameter can take. */
  public long size() {
    return (high - low) / step + 1;
  }

  /** The grid value nearest to {@code value}, clamped to the range. */
  public long snap(double value) {
    double clamped = Math.min(high, Math.max(low, value));
    long k = Math.round((clamped - low) / step);
    return Math.min(high, low + k * step);
  }

  @Override
  public double toInternal(Object external) {
    if (!(external instanceof Number number)) {
      throw new IllegalArgumentException("an int parameter needs an integer, got " + external);
    }
    double v = number.doubleValue();
    if (v != Math.rint(v)) {
      throw new IllegalArgumentException("an int parameter needs an integer, got " + external);
    }
    return v;
  }

  @Override
  public Object toExternal(double internal) {
    return Math.round(internal);
  }

  @Override
  public boolean containsInternal(double value) {
    if (value != Math.rint(value) || value < low || value > high) {
      return false;
    }
    return ((long) value - low) % step == 0;
  }

  @Override
  public boolean isSingle() {
    return low == high;
  }

  @Override
  public String describe() {
    return "int[" + low + ", " + high + "]" + (log ? " log" : "") + (step != 1 ? " step " + step : "");
  }
}
