package dev.connectome.report.svg;

import dev.connectome.report.HtmlWriter;
import dev.connectome.report.Xml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellDiagramTest {

    private static List<CellDiagram.Node> nodes(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> new CellDiagram.Node(Integer.toString(i), null)).toList();
    }

    @Test
    void drawsEveryEdgeWithArrowAndLabel() {
        List<CellDiagram.Edge> edges = List.of(
                new CellDiagram.Edge(0, 1, "conv", Palette.BLUE, false),
                new CellDiagram.Edge(0, 2, "pool", Palette.GREEN, false),
                new CellDiagram.Edge(1, 3, "skip", Palette.ORANGE, true),
                new CellDiagram.Edge(0, 3, "a<b", Palette.PURPLE, false));
        Legend legend = new Legend(List.of(new Legend.Entry("conv", Palette.BLUE, Legend.Symbol.SWATCH)));
        HtmlWriter w = new HtmlWriter();
        new CellDiagram(nodes(4), edges, legend).render(w, "cell");
        Document d = Xml.parse(w.finish());
        assertThat(d.getElementsByTagName("path").getLength()).isEqualTo(4);
        assertThat(d.getElementsByTagName("polygon").getLength()).isEqualTo(4);
        assertThat(d.getElementsByTagName("circle").getLength()).isEqualTo(4);
        assertThat(w.finish()).contains("stroke-dasharray=\"6 4\"").contains(">a&lt;b<");
    }

    @Test
    void rejectsBackwardOrOutOfRangeEdges() {
        Legend none = new Legend(List.of());
        assertThatThrownBy(() -> new CellDiagram(nodes(3), List.of(new CellDiagram.Edge(2, 1, "x", "#000", false)), none))
                .hasMessageContaining("2->1");
        assertThatThrownBy(() -> new CellDiagram(nodes(3), List.of(new CellDiagram.Edge(0, 3, "x", "#000", false)), none))
                .hasMessageContaining("0->3");
        assertThatThrownBy(() -> new CellDiagram(List.of(), List.of(), none)).hasMessageContaining("at least one node");
    }
}
