package io.parzen.app.setup;

import io.parzen.study.OptionSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The options form of a sampler or pruner: one {@link OptionField} per option the chosen
 * component describes, checked as the user types. The form is valid when every field is and the
 * component accepts the options together (rules across options, such as a threshold pruner
 * needing a bound, come from creating it). Each component keeps its own edits while the user
 * looks at another; options shared by all (the sampler's seed) keep one field.
 *
 * <p>{@link #toOptions()} stores only values that differ from the default; a value that is wrong
 * is stored as typed, so saving never loses what the user wrote. Options a loaded study has but
 * the form does not describe pass through unchanged while the component stays the same.
 */
public final class OptionsViewModel {

  private final String component;
  private final ObservableStringValue name;
  private final Function<String, List<OptionSpec>> describe;
  private final BiConsumer<String, Map<String, Object>> create;
  private final Set<String> sharedKeys;
  private final Runnable onEdit;
  private final Map<String, OptionField> fieldsByKey = new HashMap<>();
  private final ObservableList<OptionField> fields = FXCollections.observableArrayList();
  private final ObservableList<OptionField> readOnlyFields = FXCollections.unmodifiableObservableList(fields);
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private Map<String, Object> extras = Map.of();
  private String extrasOwner;
  private boolean loading;

  /**
   * @param component "sampler" or "pruner", for element ids and messages
   * @param name the chosen component's name
   * @param describe the options of a name
   * @param create creates the component from its options, throwing {@link IllegalArgumentException}
   *     when they do not go together
   * @param sharedKeys keys every component has, edited in one field (the sampler's seed)
   * @param onEdit called when the user changes a value
   */
  OptionsViewModel(String component, ObservableStringValue name, Function<String, List<OptionSpec>> describe,
      BiConsumer<String, Map<String, Object>> create, Set<String> sharedKeys, Runnable onEdit) {
    this.component = component;
    this.name = name;
    this.describe = describe;
    this.create = create;
    this.sharedKeys = sharedKeys;
    this.onEdit = onEdit;
    name.addListener((obs, old, now) -> rebuild());
    rebuild();
  }

  /** "sampler" or "pruner". */
  public String component() {
    return component;
  }

  /** The fields of the chosen component, in the order it describes them. */
  public ObservableList<OptionField> fields() {
    return readOnlyFields;
  }

  /** The field of option {@code key} of the chosen component, or {@code null}. */
  public OptionField field(String key) {
    return fields.stream().filter(f -> f.spec().key().equals(key)).findFirst().orElse(null);
  }

  /** The field of a shared option, such as the seed, whatever component is chosen. */
  OptionField sharedField(String key, OptionSpec spec) {
    return fieldsByKey.computeIfAbsent(key, k -> newField(spec));
  }

  /** Whether every field is valid and the component accepts the options together. */
  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }

  /** The first problem, naming the option and value; empty when valid. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Shows the options of a stored component: {@code options} for {@code componentName}, defaults elsewhere. */
  void load(String componentName, Map<String, Object> options) {
    loading = true;
    try {
      fieldsByKey.keySet().removeIf(k -> !sharedKeys.contains(k));
      fieldsByKey.values().forEach(OptionField::reset);
      Map<String, Object> rest = new LinkedHashMap<>(options);
      for (OptionSpec spec : describe.apply(componentName)) {
        field(componentName, spec).show(options.get(spec.key()));
        rest.remove(spec.key());
      }
      extras = rest;
      extrasOwner = componentName;
      rebuild();
    } finally {
      loading = false;
    }
  }

  /** The options to store: values that differ from their defaults, wrong ones as typed. */
  Map<String, Object> toOptions() {
    Map<String, Object> options = new LinkedHashMap<>();
    if (name.get() != null && name.get().equals(extrasOwner)) {
      options.putAll(extras);
    }
    for (OptionField f : fields) {
      if (!f.applicableProperty().get()) {
        continue;
      }
      try {
        Object value = f.parse();
        if (value != null && !f.spec().isDefault(value)) {
          options.put(f.spec().key(), value);
        }
      } catch (IllegalArgumentException e) {
        options.put(f.spec().key(), f.textProperty().get().trim());
      }
    }
    return options;
  }

  private void rebuild() {
    String current = name.get();
    List<OptionSpec> specs = current == null ? List.of() : describe.apply(current);
    fields.setAll(specs.stream().map(spec -> field(current, spec)).toList());
    check();
  }

  private OptionField field(String componentName, OptionSpec spec) {
    String key = sharedKeys.contains(spec.key()) ? spec.key() : componentName + "/" + spec.key();
    return fieldsByKey.computeIfAbsent(key, k -> newField(spec));
  }

  private OptionField newField(OptionSpec spec) {
    OptionField f = new OptionField(spec);
    f.textProperty().addListener((obs, old, text) -> {
      if (fields.contains(f)) {
        check();
      }
      if (!loading) {
        onEdit.run();
      }
    });
    return f;
  }

  private void check() {
    String problem = null;
    for (OptionField f : fields) {
      f.check(applies(f.spec()));
      if (problem == null && f.errorProperty().get() != null) {
        problem = f.errorProperty().get();
      }
    }
    if (problem == null && name.get() != null) {
      try {
        create.accept(name.get(), toOptions());
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
    }
    message.set(problem == null ? "" : problem);
    valid.set(problem == null);
  }

  private boolean applies(OptionSpec spec) {
    if (spec.requires() == null) {
      return true;
    }
    OptionField other = field(spec.requires());
    try {
      return other != null && Boolean.TRUE.equals(other.parse());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
