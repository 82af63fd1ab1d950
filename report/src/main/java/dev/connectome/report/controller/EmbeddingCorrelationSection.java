package dev.connectome.report.controller;

import dev.connectome.nas.analysis.ControllerAnalysis.SimilarityCorrelation;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import java.util.List;
import java.util.Locale;

/**
 * Spearman ρ between the distance of two architectures' controller embeddings and intuitive
 * similarity measures (seed 002's table), one row per controller.
 */
public final class EmbeddingCorrelationSection implements ReportSection {

    /** One controller's correlations. */
    public record Row(String controller, List<SimilarityCorrelation> correlations) {
    }

    private final List<Row> rows;

    public EmbeddingCorrelationSection(List<Row> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no correlation rows");
        }
        this.rows = List.copyOf(rows);
    }

    @Override
    public String title() {
        return "Controller embeddings vs architecture similarity";
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        out.element("p", "Spearman ρ between the L2 distance of two architectures' controller embeddings and how "
                + "much they share, over all pairs (95% bootstrap interval over pairs in brackets; pairs are not "
                + "independent, so read it as a rough range). Negative ρ: more similar architectures sit closer.");
        out.start("table").start("thead").start("tr").element("th", "controller");
        for (SimilarityCorrelation c : rows.get(0).correlations()) {
            out.element("th", c.measure());
        }
        out.end("tr").end("thead").start("tbody");
        for (Row r : rows) {
            out.start("tr").element("td", r.controller());
            for (SimilarityCorrelation c : r.correlations()) {
                out.element("td", String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", c.rho(), c.low(), c.high()));
            }
            out.end("tr");
        }
        out.end("tbody").end("table");
    }
}
