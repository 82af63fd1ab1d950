package dev.connectome.report.controller;

import dev.connectome.nas.analysis.ControllerComparison;
import dev.connectome.report.ReportSection;
import java.util.List;

/** The report sections of a {@link ControllerComparison}: score distributions, heatmaps, correlations. */
public final class ControllerSections {
    private ControllerSections() {
    }

    /** @param scoreName axis label of the scores, e.g. "CIFAR-10 test accuracy (%)" */
    public static List<ReportSection> of(ControllerComparison c, String scoreName) {
        return List.of(
                new ScoreDistributionSection(scoreName, c.entries().stream().map(ControllerComparison.Entry::scores).toList()),
                new HiddenStateHeatmapSection(c.entries().stream()
                        .map(e -> new HiddenStateHeatmapSection.Panel(e.label(), e.states())).toList()),
                new EmbeddingCorrelationSection(c.entries().stream()
                        .map(e -> new EmbeddingCorrelationSection.Row(e.label(), e.correlations())).toList()));
    }
}
