package io.parzen.app.run;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * Lets the charts of a panel repaint only while the panel is shown. A chart canvas repaints on
 * every change of its chart, even in a tab that is not selected; with thousands of points that
 * costs the FX thread a lot per batch for nothing. While the panel's tab is hidden the canvases
 * stop listening to their charts (the datasets still grow); when it is shown again each canvas
 * listens again and repaints once.
 *
 * <p>"Shown" means the panel and every node above it are visible: a {@code TabPane} hides the
 * content of the tabs not selected, at whatever depth the panel sits in it. FX thread only.
 */
public final class PaintGate {

  private final Node root;
  private final List<ChartViewer> viewers = new ArrayList<>();
  private final InvalidationListener ancestry = obs -> update();
  /** The nodes from the root up whose visibility and parent are listened to. */
  private final List<Node> watched = new ArrayList<>();
  private boolean shown = true;
  private final java.util.function.Consumer<Boolean> shownChanged;

  public PaintGate(Node root) {
    this(root, shown -> { });
  }

  /** A gate that also tells {@code shownChanged} whenever the panel is shown or hidden, and now. */
  public PaintGate(Node root, java.util.function.Consumer<Boolean> shownChanged) {
    this.root = root;
    this.shownChanged = shownChanged;
    update();
  }

  /** Whether the panel is shown, so its charts repaint on change. */
  public boolean isShown() {
    return shown;
  }

  /** Gates {@code viewer} from now on; call again after giving it another chart. */
  public void add(ChartViewer viewer) {
    if (!viewers.contains(viewer)) {
      viewers.add(viewer);
    }
    if (!shown && viewer.getChart() != null) {
      viewer.getChart().removeChangeListener(viewer.getCanvas());
    }
  }

  /** Stops gating {@code viewer} (it left the panel). */
  public void remove(ChartViewer viewer) {
    viewers.remove(viewer);
  }

  private void update() {
    // Listens to the root and each of its ancestors: any of them may be what a tab pane hides.
    for (Node n : watched) {
      n.visibleProperty().removeListener(ancestry);
      n.parentProperty().removeListener(ancestry);
    }
    watched.clear();
    boolean now = true;
    for (Node n = root; n != null; n = n.getParent()) {
      n.visibleProperty().addListener(ancestry);
      n.parentProperty().addListener(ancestry);
      watched.add(n);
      now &= n.isVisible();
    }
    if (now == shown) {
      return;
    }
    shown = now;
    shownChanged.accept(shown);
    for (ChartViewer v : viewers) {
      JFreeChart chart = v.getChart();
      if (chart == null) {
        continue;
      }
      chart.removeChangeListener(v.getCanvas());
      if (shown) {
        chart.addChangeListener(v.getCanvas());
        v.getCanvas().draw();
      }
    }
  }
}
