package io.parzen.space;

/**
 * A search space, parameter or distribution that is not valid. The message names the parameter
 * (when known) and the field at fault, for example {@code lr: low (0.0) must be > 0 when log is
 * true}; {@link #parameter()} and {@link #field()} carry them for editors that mark the cell.
 */
public final class SpaceValidationException extends IllegalArgumentException {

  private final String parameter;
  private final String field;

  /** A problem of {@code parameter}; the message reads {@code "parameter: problem"}. */
  public SpaceValidationException(String parameter, String field, String problem) {
    this(parameter, field, (parameter == null ? "" : parameter + ": ") + problem, true);
  }

  private SpaceValidationException(String parameter, String field, String message, boolean whole) {
    super(message);
    this.parameter = parameter;
    this.field = field;
  }

  /** A problem of {@code parameter} with a message given whole (for example prefixed by a file name). */
  public static SpaceValidationException withMessage(String parameter, String field, String message) {
    return new SpaceValidationException(parameter, field, message, true);
  }

  /** Name of the parameter at fault, or {@code null} when the problem is not tied to one. */
  public String parameter() {
    return parameter;
  }

  /** Name of the field at fault ({@code low}, {@code step}, {@code choices} ...), or {@code null}. */
  public String field() {
    return field;
  }

  /** The same problem, attributed to a named parameter. */
  SpaceValidationException forParameter(String name) {
    if (parameter != null || name == null || name.isBlank()) {
      return this;
    }
    return new SpaceValidationException(name, field, getMessage());
  }
}
