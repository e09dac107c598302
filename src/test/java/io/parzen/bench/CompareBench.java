package io.parzen.bench;

import io.parzen.app.ChartTheme;
import io.parzen.app.analysis.EdfChart;
import io.parzen.app.compare.CompareBenchAccess;
import io.parzen.study.StudyDirection;
import io.parzen.trial.FrozenTrial;
import io.parzen.visualization.Edf;
import io.parzen.visualization.HistoryOverlay;
import io.parzen.visualization.StudyTrials;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * What comparing studies costs: three studies of 10,000 trials each (the trials of
 * {@link PlotsBench}), their {@link Edf} and {@link HistoryOverlay}, the Compare window's two
 * charts filled and painted into a 640x420 image; and what the EDF panel does on the FX thread
 * for every batch of 20 trials once a study has 10,000. Prints a Markdown table of
 * median milliseconds.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parzen.bench.CompareBench
 * </pre>
 */
public final class CompareBench {

  private static final int TRIALS = 10_000;
  private static final int STUDIES = 3;
  private static final int REPEATS = 15;

  private CompareBench() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    List<StudyTrials> studies = new ArrayList<>();
    for (int s = 0; s < STUDIES; s++) {
      studies.add(new StudyTrials("study " + s, StudyDirection.MINIMIZE, PlotsBench.trials(0, TRIALS, 1 + s)));
    }
    List<FrozenTrial> one = studies.get(0).trials();
    double[] edf1 = new double[REPEATS];
    double[] edf3 = new double[REPEATS];
    double[] overlay = new double[REPEATS];
    double[] historyFill = new double[REPEATS];
    double[] historyPaint = new double[REPEATS];
    double[] edfFill = new double[REPEATS];
    double[] edfPaint = new double[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      Edf.Builder panel = new Edf.Builder("one").append(one.subList(0, TRIALS - 20));
      long t0 = System.nanoTime();
      Edf single = panel.append(one.subList(TRIALS - 20, TRIALS)).build();
      long t1 = System.nanoTime();
      Edf all = Edf.of(studies);
      long t2 = System.nanoTime();
      HistoryOverlay histories = HistoryOverlay.of(studies);
      long t3 = System.nanoTime();
      JFreeChart history = CompareBenchAccess.historyChart(histories);
      long t4 = System.nanoTime();
      paint(history);
      long t5 = System.nanoTime();
      EdfChart edf = new EdfChart(ChartTheme.light(), false, CompareBenchAccess::color);
      edf.show(all);
      long t6 = System.nanoTime();
      paint(edf.chart());
      long t7 = System.nanoTime();
      edf1[r] = (t1 - t0) / 1e6;
      edf3[r] = (t2 - t1) / 1e6;
      overlay[r] = (t3 - t2) / 1e6;
      historyFill[r] = (t4 - t3) / 1e6;
      historyPaint[r] = (t5 - t4) / 1e6;
      edfFill[r] = (t6 - t5) / 1e6;
      edfPaint[r] = (t7 - t6) / 1e6;
      if (single.lines().size() != 1) {
        throw new IllegalStateException("expected one line");
      }
    }
    System.out.printf(Locale.ROOT, "%d studies of %,d trials, median of %d runs (ms)%n%n", STUDIES, TRIALS, REPEATS);
    System.out.println("| step | ms |");
    System.out.println("|---|---:|");
    row("EDF panel: a batch of 20 on 9,980 trials, appended and built", edf1);
    row("Compare: Edf of 3 studies", edf3);
    row("Compare: HistoryOverlay of 3 studies", overlay);
    row("Compare: History chart filled", historyFill);
    row("Compare: History chart painted", historyPaint);
    row("Compare: EDF chart filled", edfFill);
    row("Compare: EDF chart painted", edfPaint);
  }

  private static void row(String what, double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "| %s | %.1f |%n", what, sorted[sorted.length / 2]);
  }

  private static void paint(JFreeChart chart) {
    BufferedImage image = new BufferedImage(640, 420, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    chart.draw(g, new Rectangle2D.Double(0, 0, 640, 420));
    g.dispose();
  }
}
