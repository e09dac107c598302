package io.parzen.app.run;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYDataset;

/**
 * Renderers whose tooltips are written when the mouse rests on a point, not when the point is
 * drawn. JFreeChart asks a renderer's tooltip generator for every item on every repaint (to store
 * the text in the item's entity); with 10,000 trials and a text listing each trial's parameters
 * that was most of a repaint. Here each entity computes its text on demand instead.
 */
public final class LazyTips {

  private LazyTips() {}

  /**
   * Dots (or lines and dots) with tooltips written on demand. Round dots are drawn as ellipses,
   * which the chart canvas fills as ovals, not as general paths; a filled dot outlined in its own
   * colour (JFreeChart's default) is drawn as one slightly larger fill, half the drawing work.
   */
  public static class ShapeRenderer extends XYLineAndShapeRenderer {

    /** The plot's axis edges, looked up once per drawing instead of once per dot. */
    private org.jfree.chart.ui.RectangleEdge domainEdge;
    private org.jfree.chart.ui.RectangleEdge rangeEdge;

    public ShapeRenderer(boolean lines, boolean shapes) {
      super(lines, shapes);
    }

    @Override
    public org.jfree.chart.renderer.xy.XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea,
        XYPlot plot, XYDataset data, org.jfree.chart.plot.PlotRenderingInfo info) {
      domainEdge = plot.getDomainAxisEdge();
      rangeEdge = plot.getRangeAxisEdge();
      return super.initialise(g2, dataArea, plot, data, info);
    }

    /** The edge of the domain axis in the drawing under way. */
    org.jfree.chart.ui.RectangleEdge domainEdge(XYPlot plot) {
      return domainEdge != null ? domainEdge : plot.getDomainAxisEdge();
    }

    /** The edge of the range axis in the drawing under way. */
    org.jfree.chart.ui.RectangleEdge rangeEdge(XYPlot plot) {
      return rangeEdge != null ? rangeEdge : plot.getRangeAxisEdge();
    }

    @Override
    protected void drawSecondaryPass(Graphics2D g2, XYPlot plot, XYDataset dataset, int pass, int series, int item,
        ValueAxis domainAxis, Rectangle2D dataArea, ValueAxis rangeAxis, CrosshairState crosshairState,
        EntityCollection entities) {
      Shape shape = getItemShape(series, item);
      if (!(shape instanceof Ellipse2D dot) || !getItemShapeVisible(series, item) || isItemLabelVisible(series, item)
          || plot.getOrientation() != PlotOrientation.VERTICAL) {
        super.drawSecondaryPass(g2, plot, dataset, pass, series, item, domainAxis, dataArea, rangeAxis, crosshairState,
            entities);
        return;
      }
      double x = dataset.getXValue(series, item);
      double y = dataset.getYValue(series, item);
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return;
      }
      double tx = domainAxis.valueToJava2D(x, dataArea, domainEdge(plot));
      double ty = rangeAxis.valueToJava2D(y, dataArea, rangeEdge(plot));
      Ellipse2D at = new Ellipse2D.Double(tx + dot.getX(), ty + dot.getY(), dot.getWidth(), dot.getHeight());
      if (at.intersects(dataArea)) {
        drawDot(g2, at, series, item);
      }
      updateCrosshairValues(crosshairState, x, y, plot.indexOf(dataset), tx, ty, PlotOrientation.VERTICAL);
      if (entities != null && ShapeUtils.isPointInRect(dataArea, tx, ty)) {
        addEntity(entities, at, dataset, series, item, tx, ty);
      }
    }

    private void drawDot(Graphics2D g2, Ellipse2D at, int series, int item) {
      Paint paint = getItemPaint(series, item);
      Paint outlinePaint = getUseOutlinePaint() ? getItemOutlinePaint(series, item) : paint;
      Stroke outline = getItemOutlineStroke(series, item);
      if (getItemShapeFilled(series, item)) {
        Paint fill = getUseFillPaint() ? getItemFillPaint(series, item) : paint;
        if (getDrawOutlines() && fill.equals(outlinePaint) && outline instanceof BasicStroke basic
            && basic.getDashArray() == null) {
          double grow = basic.getLineWidth() / 2;
          g2.setPaint(fill);
          g2.fill(new Ellipse2D.Double(at.getX() - grow, at.getY() - grow, at.getWidth() + 2 * grow,
              at.getHeight() + 2 * grow));
          return;
        }
        g2.setPaint(fill);
        g2.fill(at);
      }
      if (getDrawOutlines()) {
        g2.setPaint(outlinePaint);
        g2.setStroke(outline);
        g2.draw(at);
      }
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
   * Dots of one colour per series, each drawn at most once per 3 × 3 pixel cell: with thousands
   * of trials most dots of a history land on top of others (a dot is 7 pixels wide), and drawing
   * them again changes next to nothing on screen but costs the FX thread and the renderer. Only for renderers without lines, whose series
   * have one colour (the slice plot's colour ramp needs every dot). The tooltip of a cell is its
   * first dot's.
   */
  public static final class ThinnedDots extends ShapeRenderer {

    private static final double CELL = 3.0;
    private final java.util.Map<Integer, java.util.BitSet> drawn = new java.util.HashMap<>();
    private int columns;

    public ThinnedDots() {
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
      if (isLinePass(pass)) {
        return;  // no lines: the dots are drawn in the second pass
      }
      double x = domainAxis.valueToJava2D(dataset.getXValue(series, item), dataArea, domainEdge(plot));
      double y = rangeAxis.valueToJava2D(dataset.getYValue(series, item), dataArea, rangeEdge(plot));
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
  public static final class StepRenderer extends XYStepRenderer {

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
