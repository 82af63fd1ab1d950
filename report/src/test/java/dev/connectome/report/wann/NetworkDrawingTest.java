package dev.connectome.report.wann;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.nas.graph.MutationSettings;
import dev.connectome.nas.graph.Mutations;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.Node;
import dev.connectome.nas.graph.NodeKind;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;
import dev.connectome.report.HtmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NetworkDrawingTest {

    private static NeuronGraph evolved(int inputs, int outputs, double enable, int mutations, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        NeuronGraph g = NeuronGraph.initial(inputs, outputs, enable, rng);
        for (int i = 0; i < mutations; i++) {
            g = Mutations.mutate(g, MutationSettings.swingup(), rng);
        }
        return g;
    }

    private static int count(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void drawsEveryNodeAndEnabledConnection() {
        NeuronGraph g = evolved(5, 1, 0.5, 25, 3);
        String svg = NetworkDrawing.swingUp(g).svgDocument("net");
        assertThat(svg).startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
        int legend = (int) g.nodes().stream().filter(n -> n.kind() == NodeKind.HIDDEN || n.kind() == NodeKind.OUTPUT)
                .map(Node::activation).distinct().count();
        assertThat(count(svg, "<circle")).isEqualTo(g.nodes().size() + legend);
        // one cubic curve per enabled connection; glyph paths use straight segments only
        assertThat(count(svg, " C")).isEqualTo(g.enabledConnectionCount());
        assertThat(svg).contains(">cos θ<", ">force<", g.enabledConnectionCount() + " connections");
    }

    @Test
    void wideGenomesDropUnconnectedInputs() {
        NeuronGraph g = NeuronGraph.initial(256, 10, 0.02, new SplittableRandom(1));
        String svg = new NetworkDrawing(g, List.of(), List.of()).svgDocument("mnist");
        long connectedInputs = g.connections().stream().filter(c -> c.enabled()).map(c -> c.source()).distinct().count();
        assertThat(count(svg, "<circle")).isEqualTo((int) connectedInputs + 10 + 1); // + the linear legend entry
    }

    @Test
    void glyphTracesTheActivation() {
        // ReLU (id 9): flat on the left half, rising on the right; y grows downwards in SVG.
        String d = NetworkDrawing.glyph(9, 0, 0, 10);
        assertThat(d).startsWith("M-10 0");
        assertThat(d).endsWith("L10 -10");
    }

    @Test
    void progressSectionSummarisesGenerations() {
        List<TrialRecord> trials = new ArrayList<>();
        int n = 0;
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < 4; i++) {
                double mean = 10 * g + i;
                trials.add(new TrialRecord("s", n++, TrialState.COMPLETE, "g" + g + "|x", "x", mean,
                        Map.of("max", mean + 5, "connections", (double) (i + 1)), 0.1, null, null, null, null, null, List.of()));
            }
        }
        List<WannGenerations> rows = WannGenerations.of(trials);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2)).isEqualTo(new WannGenerations(2, 23, 21.5, 28, 4, 2.5));
        WannProgressSection section = new WannProgressSection(trials, "reward");
        HtmlWriter out = new HtmlWriter();
        section.render(null, out);
        assertThat(out.finish()).contains("<svg", "3 generations");
    }
}
