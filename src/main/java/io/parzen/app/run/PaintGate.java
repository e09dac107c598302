package io.parzen.app.run;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * Lets the charts of a panel repaint only while the panel is shown. A chart canvas repaints on
 * every change of its chart, even in a tab that is not selected; with thousands of points that
 * costs the FX thread a lot per batch for nothing. While the panel's tab is hidden the canvases
 * stop listening to their charts (the datasets still grow); when it is shown again each canvas
 * listens again and repaints once.
 *
 * <p>"Shown" follows the visibility of the panel and of its parent, which is what a
 * {@code TabPane} toggles. FX thread only.
 */
public final class PaintGate {

  private final Node root;
  private final List<ChartViewer> viewers = new ArrayList<>();
  private final ChangeListener<Boolean> visibility = (obs, was, now) -> update();
  private boolean shown = true;
  private final java.util.function.Consumer<Boolean> shownChanged;

  PaintGate(Node root) {
    this(root, shown -> { });
  }

  /** A gate that also tells {@code shownChanged} whenever the panel is shown or hidden, and now. */
  public PaintGate(Node root, java.util.function.Consumer<Boolean> shownChanged) {
    this.root = root;
    this.shownChanged = shownChanged;
    root.visibleProperty().addListener(visibility);
    root.parentProperty().addListener((obs, old, parent) -> {
      if (old != null) {
        old.visibleProperty().removeListener(visibility);
      }
      if (parent != null) {
        parent.visibleProperty().addListener(visibility);
      }
      update();
    });
    if (root.getParent() != null) {
      root.getParent().visibleProperty().addListener(visibility);
    }
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
  void remove(ChartViewer viewer) {
    viewers.remove(viewer);
  }

  private void update() {
    Parent parent = root.getParent();
    boolean now = root.isVisible() && (parent == null || parent.isVisible());
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
