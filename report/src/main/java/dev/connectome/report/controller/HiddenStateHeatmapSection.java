package dev.connectome.report.controller;

import dev.connectome.nas.analysis.ControllerAnalysis.HiddenStates;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import java.util.List;
import java.util.Locale;

/**
 * Heatmaps of controller hidden states, one row per sampled architecture and one column per hidden
 * unit (seed 002's figure: identical rows mean the state does not encode the choices). Each panel is
 * coloured on a diverging scale symmetric around 0 with its own maximum |value|.
 */
public final class HiddenStateHeatmapSection implements ReportSection {

    /** One heatmap with its caption. */
    public record Panel(String caption, HiddenStates states) {
    }

    private static final int CELL_W = 8;
    private static final int CELL_H = 3;
    private final List<Panel> panels;

    public HiddenStateHeatmapSection(List<Panel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("no hidden-state panels");
        }
        this.panels = List.copyOf(panels);
    }

    @Override
    public String title() {
        return "Controller hidden states";
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        out.element("p", "Rows: sampled architectures; columns: hidden units of the controller's state after the last "
                + "choice. Blue negative, red positive, white 0. Mean across-sample sd per unit is a one-number "
                + "summary (0 = all rows equal).");
        out.start("div", "style", "display:flex;flex-wrap:wrap;gap:24px");
        for (Panel p : panels) {
            out.start("figure", "style", "margin:0");
            heatmap(out, p.states().embeddings());
            out.element("figcaption", String.format(Locale.ROOT, "%s — %d architectures, mean unit sd %.4f",
                    p.caption(), p.states().embeddings().length, p.states().meanUnitSd()));
            out.end("figure");
        }
        out.end("div");
    }

    static void heatmap(HtmlWriter out, float[][] rows) {
        int n = rows.length, h = rows[0].length;
        double max = 1e-12;
        for (float[] r : rows) {
            for (float v : r) {
                max = Math.max(max, Math.abs(v));
            }
        }
        int w = h * CELL_W, ht = n * CELL_H;
        out.start("svg", "xmlns", "http://www.w3.org/2000/svg", "width", Integer.toString(w), "height",
                Integer.toString(ht), "viewBox", "0 0 " + w + " " + ht, "role", "img");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < h; j++) {
                out.empty("rect", "x", Integer.toString(j * CELL_W), "y", Integer.toString(i * CELL_H), "width",
                        Integer.toString(CELL_W), "height", Integer.toString(CELL_H), "fill", color(rows[i][j] / max));
            }
        }
        out.end("svg");
    }

    /** Diverging blue–white–red for t in [−1, 1]. */
    static String color(double t) {
        t = Math.max(-1, Math.min(1, t));
        int r, g, b;
        if (t >= 0) { // white → vermilion-ish red
            r = 255;
            g = (int) Math.round(255 - t * (255 - 60));
            b = (int) Math.round(255 - t * (255 - 40));
        } else { // white → blue
            double s = -t;
            r = (int) Math.round(255 - s * 255);
            g = (int) Math.round(255 - s * (255 - 114));
            b = (int) Math.round(255 - s * (255 - 178));
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
