package io.parzen.app;

import io.parzen.app.analysis.AnalysisView;
import io.parzen.app.analysis.AnalysisViewModel;
import io.parzen.app.run.ChartExporter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Parent;

/**
 * Puts the analysis plots into the Analysis tab: each plot's view model is made at once (so it
 * keeps the trials from the start) and its panel when first chosen. The plot chosen last is
 * chosen again next time.
 */
final class AnalysisPanels {

  private final AnalysisViewModel analysis = new AnalysisViewModel();
  private final Map<String, Supplier<Parent>> panels = new LinkedHashMap<>();

  private AnalysisPanels() {}

  /** The Analysis tab's content for the studio of {@code main}. */
  static Parent create(MainViewModel main, ChartExporter exporter) {
    AnalysisPanels p = new AnalysisPanels();
    p.addAll(main, exporter);
    main.preferences().analysisPlot().ifPresent(p.analysis::select);
    p.analysis.selectedProperty().addListener((obs, old, plot) -> {
      if (plot != null) {
        main.preferences().setAnalysisPlot(plot.id());
      }
    });
    return AnalysisView.create(p.analysis, p.panels);
  }

  private void addAll(MainViewModel main, ChartExporter exporter) {
    io.parzen.app.analysis.ImportanceViewModel importance =
        new io.parzen.app.analysis.ImportanceViewModel(main.runs(), exporter, main.executor());
    add("importance", "Parameter importance", "Which parameters matter: fANOVA or PED-ANOVA, recomputed while trials complete",
        importance::setActive, () -> io.parzen.app.analysis.ImportanceView.create(importance));
    io.parzen.app.analysis.ContourViewModel contour =
        new io.parzen.app.analysis.ContourViewModel(main.runs(), exporter, main.executor());
    add("contour", "Contour", "The objective over two parameters, interpolated between the trials",
        contour::setActive, () -> io.parzen.app.analysis.ContourView.create(contour));
    io.parzen.app.analysis.ParallelCoordinatesViewModel parallel =
        new io.parzen.app.analysis.ParallelCoordinatesViewModel(main.runs(), exporter, main.executor());
    add("parallel-coordinates", "Parallel coordinates", "One line per trial across every parameter; drag on an axis"
        + " to keep a range", parallel::setActive, () -> io.parzen.app.analysis.ParallelCoordinatesView.create(parallel));
    io.parzen.app.analysis.RankViewModel rank =
        new io.parzen.app.analysis.RankViewModel(main.runs(), exporter, main.executor());
    add("rank", "Rank", "Two parameters, each trial coloured by the rank of its value", rank::setActive,
        () -> io.parzen.app.analysis.RankView.create(rank));
    io.parzen.app.analysis.ParetoFrontViewModel pareto =
        new io.parzen.app.analysis.ParetoFrontViewModel(main.runs(), exporter);
    add("pareto-front", "Pareto front", "Multi-objective: the trials no other trial beats in every objective",
        pareto::setActive, () -> io.parzen.app.analysis.ParetoFrontView.create(pareto));
    io.parzen.app.analysis.HypervolumeViewModel hypervolume =
        new io.parzen.app.analysis.HypervolumeViewModel(main.runs(), exporter, main.executor());
    add("hypervolume", "Hypervolume history", "Multi-objective: how much of the objective space the front has"
        + " covered after each trial", hypervolume::setActive,
        () -> io.parzen.app.analysis.HypervolumeView.create(hypervolume));
    io.parzen.app.analysis.EdfViewModel edf = new io.parzen.app.analysis.EdfViewModel(main.runs(), exporter);
    add("edf", "Empirical distribution", "The fraction of completed trials at or below each objective value"
        + " (File ▸ Compare Studies… sets several studies side by side)", edf::setActive,
        () -> io.parzen.app.analysis.EdfView.create(edf));
    io.parzen.app.analysis.TimelineViewModel timeline = new io.parzen.app.analysis.TimelineViewModel(main.runs(), exporter);
    add("timeline", "Timeline", "When each trial ran, coloured by state", timeline::setActive,
        () -> io.parzen.app.analysis.TimelineView.create(timeline));
  }

  private void add(String id, String title, String description, Consumer<Boolean> activation, Supplier<Parent> panel) {
    analysis.add(new AnalysisViewModel.Plot(id, title, description, activation));
    panels.put(id, panel);
  }
}
