package io.parzen.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/** What the studio remembers between launches: the last study file, the theme, the layout. */
public final class StudioPreferences {

  private final Preferences node;

  private StudioPreferences(Preferences node) {
    this.node = node;
  }

  /** The user's preferences. */
  public static StudioPreferences user() {
    return new StudioPreferences(Preferences.userRoot().node("io/parzen/studio"));
  }

  /** Preferences under a node of their own, for tests. */
  public static StudioPreferences forTests(String name) {
    return new StudioPreferences(Preferences.userRoot().node("io/parzen/studio-test/" + name));
  }

  public Optional<Path> lastFile() {
    String value = node.get("lastFile", null);
    return value == null ? Optional.empty() : Optional.of(Path.of(value));
  }

  public void setLastFile(Path file) {
    node.put("lastFile", file.toAbsolutePath().toString());
  }

  public boolean darkTheme() {
    return node.getBoolean("darkTheme", false);
  }

  public void setDarkTheme(boolean dark) {
    node.putBoolean("darkTheme", dark);
  }

  /** The split pane divider positions, or {@code fallback} when never stored. */
  public double[] dividers(String key, double... fallback) {
    String value = node.get("dividers." + key, null);
    if (value == null) {
      return fallback;
    }
    try {
      String[] parts = value.split(",");
      double[] positions = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        positions[i] = Double.parseDouble(parts[i]);
      }
      return positions.length == fallback.length ? positions : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  public void setDividers(String key, double... positions) {
    StringBuilder s = new StringBuilder();
    for (double p : positions) {
      s.append(s.length() == 0 ? "" : ",").append(p);
    }
    node.put("dividers." + key, s.toString());
  }

  /** Where the example study is installed on first launch. */
  public Path exampleFile() {
    return Path.of(System.getProperty("user.home"), ".parzen", "examples", "branin.db");
  }
}
