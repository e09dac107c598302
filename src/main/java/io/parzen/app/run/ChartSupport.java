package io.parzen.app.run;

import io.parzen.app.ChartTheme;
import io.parzen.app.preview.ShortNumberFormat;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.data.xy.XYSeriesCollection;

/** What the live plots share: value axes, following the light/dark theme, clicking a point. */
public final class ChartSupport {

  private ChartSupport() {}

  /** An objective-value axis, logarithmic or linear, labelled {@code label}. */
  public static ValueAxis valueAxis(String label, boolean log) {
    if (log) {
      LogAxis axis = new LogAxis(label + " (log)");
      axis.setSmallestValue(1e-12);
      axis.setNumberFormatOverride(new ShortNumberFormat());
      return axis;
    }
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    axis.setNumberFormatOverride(new ShortNumberFormat());
    return axis;
  }

  /** Copies fonts and colours from {@code from}, so an axis swapped in looks themed. */
  public static void styleLike(ValueAxis axis, ValueAxis from) {
    axis.setLabelFont(from.getLabelFont());
    axis.setLabelPaint(from.getLabelPaint());
    axis.setTickLabelFont(from.getTickLabelFont());
    axis.setTickLabelPaint(from.getTickLabelPaint());
  }

  /**
   * Calls {@code redraw} with the theme now and whenever the window switches between its light and
   * dark looks (a style class on the scene's root).
   */
  public static void followTheme(Node node, Consumer<ChartTheme> redraw) {
    node.sceneProperty().addListener((obs, old, scene) -> follow(scene, redraw));
    follow(node.getScene(), redraw);
  }

  private static void follow(Scene scene, Consumer<ChartTheme> redraw) {
    if (scene == null || scene.getRoot() == null) {
      return;
    }
    Runnable apply = () -> redraw.accept(ChartTheme.of(scene.getRoot().getStyleClass().contains("dark")));
    scene.getRoot().getStyleClass().addListener((ListChangeListener<String>) change -> apply.run());
    apply.run();
  }

  /**
   * Sizes the tiles of {@code grid}, shown in {@code scroll}, to fill the visible width with as
   * many columns of at least {@code minWidth} as fit, each {@code aspect} times as tall as wide.
   */
  static void fitTiles(javafx.scene.control.ScrollPane scroll, javafx.scene.layout.TilePane grid, double minWidth,
      double aspect) {
    scroll.viewportBoundsProperty().addListener((obs, old, bounds) -> {
      double inner = bounds.getWidth() - grid.getInsets().getLeft() - grid.getInsets().getRight();
      int columns = Math.max(1, (int) ((inner + grid.getHgap()) / (minWidth + grid.getHgap())));
      double tile = Math.floor((inner - (columns - 1) * grid.getHgap()) / columns);
      if (tile > 0) {
        grid.setPrefTileWidth(tile);
        grid.setPrefTileHeight(Math.round(tile * aspect));
      }
    });
  }

  /** Calls {@code clicked} with the trial number of a point clicked in {@code viewer}. */
  public static void onTrialClicked(ChartViewer viewer, IntConsumer clicked) {
    viewer.addChartMouseListener(new ChartMouseListenerFX() {
      @Override
      public void chartMouseClicked(ChartMouseEventFX event) {
        if (event.getEntity() instanceof XYItemEntity item
            && item.getDataset() instanceof XYSeriesCollection collection) {
          int number = TrialItem.numberOf(collection.getSeries(item.getSeriesIndex()), item.getItem());
          if (number >= 0) {
            clicked.accept(number);
          }
        }
      }

      @Override
      public void chartMouseMoved(ChartMouseEventFX event) {
        // Tooltips come from the renderers' tooltip generators.
      }
    });
  }
}
