package io.parzen.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light and dark looks: AtlantaFX's Primer themes plus the studio's own stylesheet. */
public final class Theme {

  private static final String STUDIO_CSS = Theme.class.getResource("studio.css").toExternalForm();

  private Theme() {}

  /** Applies the light or dark look to the whole application and to {@code scene}. */
  public static void apply(Scene scene, boolean dark) {
    Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
        : new PrimerLight().getUserAgentStylesheet());
    if (!scene.getStylesheets().contains(STUDIO_CSS)) {
      scene.getStylesheets().add(STUDIO_CSS);
    }
    scene.getRoot().getStyleClass().removeAll("light", "dark");
    scene.getRoot().getStyleClass().add(dark ? "dark" : "light");
  }
}
