package dev.connectome.report.study;

import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Op;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.CellDiagram;
import dev.connectome.report.svg.Legend;
import dev.connectome.report.svg.Palette;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A drawing of one NAS-Bench-201 cell: nodes 0 (input) to 3 (output), each present edge labelled
 * with its operation and coloured by it; "none" edges are omitted, as the op removes the edge.
 * Skip connections are dashed. Underneath: the architecture string and its canonical form.
 */
public final class Nb201CellSection implements ReportSection {

    /** Colour of each op (Okabe–Ito, so the legend stays readable for colour-blind readers). */
    private static final Map<Nb201Op, String> COLOURS = Map.of(
            Nb201Op.NONE, Palette.LIGHT_GREY, // never drawn
            Nb201Op.SKIP_CONNECT, Palette.GREY,
            Nb201Op.NOR_CONV_1X1, Palette.SKY,
            Nb201Op.NOR_CONV_3X3, Palette.BLUE,
            Nb201Op.AVG_POOL_3X3, Palette.ORANGE);

    private final String title;
    private final Nb201Cell cell;
    private final String caption;

    /**
     * @param title   section heading, e.g. "Best cell"
     * @param cell    the cell to draw
     * @param caption a line under the drawing (e.g. "trial #12, test accuracy 94.37"), or null
     */
    public Nb201CellSection(String title, Nb201Cell cell, String caption) {
        this.title = Objects.requireNonNull(title, "title");
        this.cell = Objects.requireNonNull(cell, "cell");
        this.caption = caption;
    }

    @Override
    public String title() {
        return title;
    }

    /** The drawing, for reuse by other sections (e.g. a gallery of the top cells). */
    public static CellDiagram diagram(Nb201Cell cell) {
        List<CellDiagram.Node> nodes = List.of(new CellDiagram.Node("0", "input"), new CellDiagram.Node("1", null),
                new CellDiagram.Node("2", null), new CellDiagram.Node("3", "output"));
        List<CellDiagram.Edge> edges = new ArrayList<>();
        for (int e = 0; e < Nb201Cell.EDGES; e++) {
            Nb201Op op = cell.op(e);
            if (op != Nb201Op.NONE) {
                edges.add(new CellDiagram.Edge(Nb201Cell.from(e), Nb201Cell.to(e), op.label(), COLOURS.get(op),
                        op == Nb201Op.SKIP_CONNECT));
            }
        }
        List<Legend.Entry> legend = new ArrayList<>();
        for (Nb201Op op : Nb201Op.values()) {
            if (op != Nb201Op.NONE) {
                legend.add(new Legend.Entry(op.label(), COLOURS.get(op), Legend.Symbol.LINE));
            }
        }
        return new CellDiagram(nodes, edges, new Legend(legend));
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        diagram(cell).render(out, "NAS-Bench-201 cell " + cell.format());
        if (caption != null) {
            out.element("p", caption, "class", "note");
        }
        out.element("p", "Edges whose op is none are not drawn; skip connections are dashed.", "class", "note");
        out.start("p").text("Architecture: ").element("span", cell.format(), "class", "mono").end("p");
        out.start("p").text("Canonical form: ").element("span", cell.uniqueString(), "class", "mono")
                .end("p").newline();
    }
}
