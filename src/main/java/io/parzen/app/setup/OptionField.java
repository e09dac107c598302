package io.parzen.app.setup;

import io.parzen.study.OptionSpec;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One field of an option form: the {@link OptionSpec} it edits, its text as typed (a check box
 * writes "true"/"false", a three-state choice "", "true" or "false"), the problem with that text,
 * and whether the option applies (an option that needs another one switched on does not apply
 * while it is off).
 */
public final class OptionField {

  private final OptionSpec spec;
  private final StringProperty text = new SimpleStringProperty(this, "text", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
  private final ReadOnlyBooleanWrapper applicable = new ReadOnlyBooleanWrapper(this, "applicable", true);

  OptionField(OptionSpec spec) {
    this.spec = spec;
    reset();
  }

  public OptionSpec spec() {
    return spec;
  }

  /** The value as typed; blank for the default or, without one, for what {@link OptionSpec#blank()} says. */
  public StringProperty textProperty() {
    return text;
  }

  /** What is wrong with the text, naming the option and the value; {@code null} when it is fine. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** False while the option this one needs ({@link OptionSpec#requires()}) is off. */
  public ReadOnlyBooleanProperty applicableProperty() {
    return applicable.getReadOnlyProperty();
  }

  /** The hint shown in an empty field: the default, what blank means, or "required". */
  public String prompt() {
    if (spec.required()) {
      return "required";
    }
    return spec.defaultValue() != null ? spec.format(null) : spec.blank();
  }

  /** The tooltip: the help, what the option takes and its key as stored. */
  public String tooltip() {
    String def = spec.required() ? "required" : spec.defaultValue() != null ? "default " + spec.format(null)
        : "empty: " + spec.blank();
    return (spec.help().isEmpty() ? "" : spec.help() + "\n") + spec.key() + ": " + spec.domain() + " (" + def + ")";
  }

  /** Shows the stored value {@code value} (the default for {@code null}). */
  void show(Object value) {
    text.set(spec.format(value));
  }

  void reset() {
    show(null);
  }

  /** The value as stored, or {@code null} when absent; throws naming the option when the text is wrong. */
  Object parse() {
    return spec.parse(text.get());
  }

  void check(boolean applies) {
    applicable.set(applies);
    String problem = null;
    if (applies) {
      try {
        parse();
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
    }
    error.set(problem);
  }
}
