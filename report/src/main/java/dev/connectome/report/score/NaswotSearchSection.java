package dev.connectome.report.score;

import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import java.util.List;

/** Results of repeated NASWOT searches (choose the best-scoring of N cells) next to the paper's figures. */
public final class NaswotSearchSection implements ReportSection {

    /**
     * One search setting.
     *
     * @param n        cells scored per search
     * @param runs     searches
     * @param chosen   mean ± std of the chosen cells' accuracy, e.g. "92.31±1.20"
     * @param optimal  mean ± std of the best accuracy among the same N cells
     * @param random   mean ± std of a random cell's accuracy
     * @param paper    the paper's figure for this N, or "" if none
     */
    public record Row(int n, int runs, String chosen, String optimal, String random, String paper) {
    }

    private final List<Row> rows;
    private final String note;

    public NaswotSearchSection(List<Row> rows, String note) {
        this.rows = List.copyOf(rows);
        this.note = note;
    }

    @Override
    public String title() {
        return "NASWOT search";
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        out.start("table").start("thead").start("tr").element("th", "N", "class", "num")
                .element("th", "runs", "class", "num").element("th", "NASWOT choice", "class", "num")
                .element("th", "best of the N (optimal)", "class", "num").element("th", "random cell", "class", "num")
                .element("th", "paper (NASWOT)", "class", "num").end("tr").end("thead").start("tbody").newline();
        for (Row r : rows) {
            out.start("tr").element("td", Integer.toString(r.n()), "class", "num")
                    .element("td", Integer.toString(r.runs()), "class", "num").element("td", r.chosen(), "class", "num")
                    .element("td", r.optimal(), "class", "num").element("td", r.random(), "class", "num")
                    .element("td", r.paper(), "class", "num").end("tr").newline();
        }
        out.end("tbody").end("table").newline();
        if (note != null && !note.isBlank()) {
            out.element("p", note, "class", "note");
        }
    }
}
