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

  /**
   * Preferences under a node of their own, for tests; the nodes made are removed when the JVM
   * exits, so test runs leave nothing behind in the user's preferences.
   */
  public static StudioPreferences forTests(String name) {
    synchronized (StudioPreferences.class) {
      if (!cleanupRegistered) {
        cleanupRegistered = true;
        Runtime.getRuntime().addShutdownHook(new Thread(StudioPreferences::removeTestNodes, "test-preferences-cleanup"));
      }
    }
    Preferences node = Preferences.userRoot().node(TEST_ROOT + "/" + name);
    synchronized (TEST_NODES) {
      TEST_NODES.add(node);
    }
    return new StudioPreferences(node);
  }

  private static final String TEST_ROOT = "io/parzen/studio-test";
  private static final java.util.List<Preferences> TEST_NODES = new java.util.ArrayList<>();
  private static boolean cleanupRegistered;

  private static void removeTestNodes() {
    synchronized (TEST_NODES) {
      for (Preferences node : TEST_NODES) {
        try {
          node.removeNode();
        } catch (java.util.prefs.BackingStoreException | IllegalStateException e) {
          // Already removed, or the store is gone: leaving a test node behind is harmless.
        }
      }
      try {
        Preferences.userRoot().flush();
      } catch (java.util.prefs.BackingStoreException e) {
        // As above.
      }
    }
  }

  /** The storage URL of the shared study opened last, without its password. */
  public Optional<String> lastSharedUrl() {
    return Optional.ofNullable(node.get("lastSharedUrl", null));
  }

  /** Remembers {@code url} for the next "Open shared study…", dropping any password in it. */
  public void setLastSharedUrl(String url) {
    node.put("lastSharedUrl", url.replaceFirst("^([a-zA-Z:]+//[^:/@]+):[^@]*@", "$1@"));
  }

  public Optional<Path> lastFile() {
    String value = node.get("lastFile", null);
    return value == null ? Optional.empty() : Optional.of(Path.of(value));
  }

  public void setLastFile(Path file) {
    node.put("lastFile", file.toAbsolutePath().toString());
    java.util.List<Path> recent = new java.util.ArrayList<>(recentFiles());
    recent.remove(file.toAbsolutePath());
    recent.add(0, file.toAbsolutePath());
    for (int i = 0; i < RECENT; i++) {
      if (i < recent.size()) {
        node.put("recent." + i, recent.get(i).toString());
      } else {
        node.remove("recent." + i);
      }
    }
  }

  /** How many recent files are remembered. */
  public static final int RECENT = 8;

  /** The study files opened or saved last, newest first. */
  public java.util.List<Path> recentFiles() {
    java.util.List<Path> files = new java.util.ArrayList<>();
    for (int i = 0; i < RECENT; i++) {
      String value = node.get("recent." + i, null);
      if (value != null) {
        files.add(Path.of(value));
      }
    }
    return files;
  }

  public boolean darkTheme() {
    return node.getBoolean("darkTheme", false);
  }

  public void setDarkTheme(boolean dark) {
    node.putBoolean("darkTheme", dark);
  }

  /** The plot last chosen in the Analysis tab (its id), if any. */
  public Optional<String> analysisPlot() {
    return Optional.ofNullable(node.get("analysisPlot", null));
  }

  public void setAnalysisPlot(String id) {
    node.put("analysisPlot", id);
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
