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
public final class LazyTips {

  private LazyTips() {}

  /** Dots (or lines and dots) with tooltips written on demand. */
  public static class ShapeRenderer extends XYLineAndShapeRenderer {

    public ShapeRenderer(boolean lines, boolean shapes) {
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

  /**
   * Dots of one colour per series, each drawn at most once per 2 × 2 pixel cell: with thousands
   * of trials most dots of a history land on top of others, and drawing them again changes
   * nothing on screen but costs the FX thread. Only for renderers without lines, whose series
   * have one colour (the slice plot's colour ramp needs every dot). The tooltip of a cell is its
   * first dot's.
   */
  static final class ThinnedDots extends ShapeRenderer {

    private static final double CELL = 2.0;
    private final java.util.Map<Integer, java.util.BitSet> drawn = new java.util.HashMap<>();
    private int columns;

    ThinnedDots() {
      super(false, true);
    }

    @Override
    public org.jfree.chart.renderer.xy.XYItemRendererState initialise(java.awt.Graphics2D g2,
        java.awt.geom.Rectangle2D dataArea, org.jfree.chart.plot.XYPlot plot, XYDataset data,
        org.jfree.chart.plot.PlotRenderingInfo info) {
      drawn.clear();
      columns = (int) Math.ceil(dataArea.getWidth() / CELL) + 1;
      return super.initialise(g2, dataArea, plot, data, info);
    }

    @Override
    public void drawItem(java.awt.Graphics2D g2, org.jfree.chart.renderer.xy.XYItemRendererState state,
        java.awt.geom.Rectangle2D dataArea, org.jfree.chart.plot.PlotRenderingInfo info,
        org.jfree.chart.plot.XYPlot plot, org.jfree.chart.axis.ValueAxis domainAxis,
        org.jfree.chart.axis.ValueAxis rangeAxis, XYDataset dataset, int series, int item,
        org.jfree.chart.plot.CrosshairState crosshairState, int pass) {
      double x = domainAxis.valueToJava2D(dataset.getXValue(series, item), dataArea, plot.getDomainAxisEdge());
      double y = rangeAxis.valueToJava2D(dataset.getYValue(series, item), dataArea, plot.getRangeAxisEdge());
      if (Double.isFinite(x) && Double.isFinite(y) && dataArea.contains(x, y)) {
        int cell = (int) ((y - dataArea.getMinY()) / CELL) * columns + (int) ((x - dataArea.getMinX()) / CELL);
        java.util.BitSet cells = drawn.computeIfAbsent(series * 2 + pass, k -> new java.util.BitSet());
        if (cells.get(cell)) {
          return;
        }
        cells.set(cell);
      }
      super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
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
