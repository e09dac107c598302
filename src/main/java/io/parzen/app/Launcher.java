package io.parzen.app;

import javafx.application.Application;

/** Starts the studio from a plain class path, where the main class must not extend {@code Application}. */
public final class Launcher {

  /** The argument after which come the study files to open in a Compare Studies window. */
  public static final String COMPARE = "--compare";

  private Launcher() {}

  public static void main(String[] args) {
    Application.launch(StudioApp.class, args);
  }
}
