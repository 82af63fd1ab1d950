package dev.connectome.report.landscape;

import dev.connectome.nas.analysis.LandscapeGrid;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The seed's landscape figure: filled contour plots of f(α1, α2; σ) in a grid with one column per
 * solution (e.g. Adam, SGD, PEPG) and one row per σ, each panel with its loss range and the time
 * the whole grid took.
 */
public final class LandscapeSection implements ReportSection {
    private final List<LandscapeGrid> grids;
    private final String note;

    /** {@code note} (may be null) is shown under the figure, e.g. how long it took and on which data. */
    public LandscapeSection(List<LandscapeGrid> grids, String note) {
        if (grids.isEmpty()) {
            throw new IllegalArgumentException("landscape section needs at least one grid");
        }
        this.grids = List.copyOf(grids);
        this.note = note;
    }

    @Override
    public String title() {
        return "Loss landscapes";
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        List<String> labels = new ArrayList<>();
        TreeSet<Double> sigmas = new TreeSet<>();
        for (LandscapeGrid g : grids) {
            if (!labels.contains(g.label())) {
                labels.add(g.label());
            }
            sigmas.add(g.sigma());
        }
        out.element("p", "f(α1, α2; σ) = L(x̂ + σα1δ1 + σα2δ2): mean training cross-entropy around each solution x̂ "
                + "along two fixed Gaussian directions; α1 across, α2 up, from " + Fmt.value(grids.get(0).alphas()[0])
                + " to " + Fmt.value(grids.get(0).alphas()[grids.get(0).alphas().length - 1])
                + ". Colours are log-spaced loss levels per panel (dark = low); the dot marks x̂.");
        out.start("table", "class", "landscape-grid");
        out.start("tr").element("th", "σ");
        for (String l : labels) {
            out.element("th", l);
        }
        out.end("tr");
        double total = 0;
        for (double s : sigmas) {
            out.start("tr").element("th", Fmt.value(s));
            for (String l : labels) {
                out.start("td");
                LandscapeGrid g = find(l, s);
                if (g != null) {
                    new ContourPlot(g, 220).render(out);
                    out.start("div", "style", "font-size:11px");
                    out.text(String.format(Locale.ROOT, "centre %.3f · min %.3f · max %.3g", g.centreLoss(), g.minLoss(),
                            g.maxLoss()));
                    out.end("div");
                    total += g.seconds();
                } else {
                    out.text("—");
                }
                out.end("td");
            }
            out.end("tr");
        }
        out.end("table");
        if (total > 0) {
            out.element("p", String.format(Locale.ROOT, "Computed in %.1f s in total.", total));
        }
        if (note != null && !note.isBlank()) {
            out.element("p", note);
        }
    }

    private LandscapeGrid find(String label, double sigma) {
        for (LandscapeGrid g : grids) {
            if (g.label().equals(label) && g.sigma() == sigma) {
                return g;
            }
        }
        return null;
    }
}
