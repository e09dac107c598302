package io.parzen.app.run;

import io.parzen.app.DialogService;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * The "Export…" command of the plot toolbars: asks where to through the {@link DialogService} and
 * writes the charts shown as one PNG or SVG image (by the file's extension), several charts laid
 * out in a grid as on screen. Problems reach the user as an error naming the file.
 */
public final class ChartExporter {

  /** Size of one chart in an exported image, in pixels. */
  static final int CELL_WIDTH = 640;
  static final int CELL_HEIGHT = 420;

  private static final List<String> EXTENSIONS = List.of("*.png", "*.svg");

  private final DialogService dialogs;

  public ChartExporter(DialogService dialogs) {
    this.dialogs = dialogs;
  }

  /**
   * Asks for a file and writes {@code charts} there, {@code columns} to a row; returns the file
   * written, empty when cancelled or when writing failed (the user was told why).
   */
  public Optional<Path> export(String suggestedName, List<JFreeChart> charts, int columns) {
    if (charts.isEmpty()) {
      dialogs.showError("Nothing to export", "The plot is empty: run some trials first.");
      return Optional.empty();
    }
    Optional<Path> target = dialogs.chooseFileToSave("Export plot", suggestedName + ".png", EXTENSIONS);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    try {
      write(charts, columns, target.get());
      return target;
    } catch (IOException | IllegalArgumentException e) {
      dialogs.showError("Cannot export the plot", target.get() + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Writes {@code charts} to {@code file}, a {@code .png} or {@code .svg}, in a grid of
   * {@code columns}.
   *
   * @throws IllegalArgumentException when the file name ends in neither
   */
  static void write(List<JFreeChart> charts, int columns, Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int cols = Math.max(1, Math.min(columns, charts.size()));
    int rows = (charts.size() + cols - 1) / cols;
    int width = cols * CELL_WIDTH;
    int height = rows * CELL_HEIGHT;
    if (name.endsWith(".png")) {
      BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      draw(g, charts, cols, width, height);
      g.dispose();
      if (!ImageIO.write(image, "png", file.toFile())) {
        throw new IOException("no PNG writer");
      }
    } else if (name.endsWith(".svg")) {
      SVGGraphics2D g = new SVGGraphics2D(width, height);
      draw(g, charts, cols, width, height);
      SVGUtils.writeToSVG(file.toFile(), g.getSVGElement());
    } else {
      throw new IllegalArgumentException("unknown image type \"" + file.getFileName()
          + "\": the name must end in .png or .svg");
    }
  }

  private static void draw(Graphics2D g, List<JFreeChart> charts, int cols, int width, int height) {
    Object background = charts.get(0).getBackgroundPaint();
    g.setPaint(background instanceof Color c ? c : Color.WHITE);
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < charts.size(); i++) {
      Rectangle2D cell = new Rectangle2D.Double(i % cols * CELL_WIDTH, i / cols * CELL_HEIGHT, CELL_WIDTH,
          CELL_HEIGHT);
      charts.get(i).draw(g, cell);
    }
  }
}
