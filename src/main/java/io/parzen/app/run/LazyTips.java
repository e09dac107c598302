package io.parzen.app.run;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * Renderers whose tooltips are written when the mouse rests on a point, not when the point is
 * drawn. JFreeChart asks a renderer's tooltip generator for every item on every repaint (to store
 * the text in the item's entity); with 10,000 trials and a text listing each trial's parameters
 * that was most of a repaint. Here each entity computes its text on demand instead.
 */
final class LazyTips {

  private LazyTips() {}

  /** Dots (or lines and dots) with tooltips written on demand. */
  static class ShapeRenderer extends XYLineAndShapeRenderer {

    ShapeRenderer(boolean lines, boolean shapes) {
      super(lines, shapes);
    }

    @Override
    protected void addEntity(EntityCollection entities, Shape hotspot, XYDataset dataset, int series, int item,
        double entityX, double entityY) {
      if (getItemCreateEntity(series, item)) {
        entities.add(entity(hotspot, dataset, series, item, entityX, entityY, getDefaultEntityRadius(),
            getToolTipGenerator(series, item)));
      }
    }
  }

  /** A step line with tooltips written on demand. */
  static final class StepRenderer extends XYStepRenderer {

    @Override
    protected void addEntity(EntityCollection entities, Shape hotspot, XYDataset dataset, int series, int item,
        double entityX, double entityY) {
      if (getItemCreateEntity(series, item)) {
        entities.add(entity(hotspot, dataset, series, item, entityX, entityY, getDefaultEntityRadius(),
            getToolTipGenerator(series, item)));
      }
    }
  }

  private static XYItemEntity entity(Shape hotspot, XYDataset dataset, int series, int item, double x, double y,
      int radius, XYToolTipGenerator generator) {
    Shape area = hotspot != null ? hotspot : new Ellipse2D.Double(x - radius, y - radius, 2.0 * radius, 2.0 * radius);
    return new XYItemEntity(area, dataset, series, item, null, null) {
      @Override
      public String getToolTipText() {
        return generator == null ? null : generator.generateToolTip(getDataset(), getSeriesIndex(), getItem());
      }
    };
  }
}
