package io.parzen.space;

import java.math.BigDecimal;

/**
 * A float parameter in {@code [low, high]}, optionally log-scaled or quantized by {@code step}
 * (Optuna's {@code FloatDistribution}). {@code step} is {@code null} for a continuous range; log
 * and step cannot be combined. As in Optuna, when {@code step} is set the upper bound is moved
 * down to the last point of the grid {@code low + k * step}.
 */
public record FloatDistribution(double low, double high, boolean log, Double step)
    implements Distribution {

  public FloatDistribution {
    if (!Double.isFinite(low)) {
      throw new SpaceValidationException(null, "low", "low (" + low + ") must be a finite number");
    }
    if (!Double.isFinite(high)) {
      throw new SpaceValidationException(null, "high", "high (" + high + ") must be a finite number");
    }
    if (step != null && log) {
      throw new SpaceValidationException(
          null, "step", "step (" + step + ") cannot be combined with log; use a log-uniform prior instead");
    }
    if (step != null && !(step > 0) || step != null && !Double.isFinite(step)) {
      throw new SpaceValidationException(null, "step", "step (" + step + ") must be a positive number");
    }
    if (low > high) {
      throw new SpaceValidationException(
          null, "low", "low (" + low + ") must be <= high (" + high + ")");
    }
    if (log && low <= 0.0) {
      throw new SpaceValidationException(
          null, "low", "low (" + low + ") must be > 0 when log is true");
    }
    if (step != null) {
      high = adjustHigh(low, high, step);
    }
  }

  /** A continuous uniform range. */
  public static FloatDistribution uniform(double low, double high) {
    return new FloatDistribution(low, high, false, null);
  }

  /** A continuous range sampled in log space; bounds are given in real space. */
  public static FloatDistribution logUniform(double low, double high) {
    return new FloatDistribution(low, high, true, null);
  }

  /** A range quantized to {@code low + k * step}. */
  public static FloatDistribution stepped(double low, double high, double step) {
    return new FloatDistribution(low, high, false, step);
  }

  /** Optuna's rule: with a step, high moves down to {@code low + floor((high - low) / step) * step}. */
  static double adjustHigh(double low, double high, double step) {
    BigDecimal range = new BigDecimal(Double.toString(high)).subtract(new BigDecimal(Double.toString(low)));
    BigDecimal q = new BigDecimal(Double.toString(step));
    BigDecimal remainder = range.remainder(q);
    // A high that is a grid point up to the rounding of a double (for example one this method
    // already adjusted, read back from JSON) stays; otherwise rebuilding would drop a whole step.
    if (remainder.signum() == 0 || q.subtract(remainder).doubleValue() <= 2 * Math.ulp(high)) {
      return high;
    }
    BigDecimal steps = range.divideToIntegralValue(q);
    return steps.multiply(q).add(new BigDecimal(Double.toString(low))).doubleValue();
  }

  /** Number of grid points when quantized; {@code 0} for a continuous range. */
  public long gridSize() {
    return step == null ? 0 : Math.round((high - low) / step) + 1;
  }

  /** The grid point nearest to {@code value}, clamped to the range; identity when continuous. */
  public double snap(double value) {
    double clamped = Math.min(high, Math.max(low, value));
    if (step == null) {
      return clamped;
    }
    double k = Math.rint((clamped - low) / step);
    return Math.min(high, low + k * step);
  }

  @Override
  public double toInternal(Object external) {
    if (!(external instanceof Number number)) {
      throw new IllegalArgumentException("a float parameter needs a number, got " + external);
    }
    return number.doubleValue();
  }

  @Override
  public Object toExternal(double internal) {
    return internal;
  }

  @Override
  public boolean containsInternal(double value) {
    if (!(value >= low && value <= high)) {
      return false;
    }
    if (step == null) {
      return true;
    }
    double k = (value - low) / step;
    return Math.abs(k - Math.rint(k)) < 1e-8;
  }

  @Override
  public boolean isSingle() {
    return low == high || step != null && low + step > high;
  }

  @Override
  public String describe() {
    return "float[" + low + ", " + high + "]" + (log ? " log" : "") + (step != null ? " step " + step : "");
  }
}
