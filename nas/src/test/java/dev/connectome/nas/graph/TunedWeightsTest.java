package dev.connectome.nas.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TunedWeightsTest {
    @Test
    void zooWeightsFollowWKeyOrderWithTheWeightBias() throws IOException {
        Path out = WannOutFormatTest.resource("swing.out");
        NeuronGraph g = WannOutFormat.read(out, 5, 1);
        GraphNet net = GraphNet.compile(g);
        float[] w = TunedWeights.read(WannOutFormatTest.resource("cartpole_swingup.wann.json"), net, TunedWeights.SWINGUP_WEIGHT_BIAS);
        assertThat(w).hasSize(52);
        assertThat(w[0]).isEqualTo((float) (-0.1783 - 1.5));
        assertThat(w[1]).isEqualTo((float) (-0.0303 - 1.5));

        // Dense evaluation as WANNTool does it: wKey = non-zero cells of the row-major matrix.
        double[][] m = readMatrix(out);
        int n = m.length;
        int k = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                if (!Double.isNaN(m[r][c]) && m[r][c] != 0) {
                    m[r][c] = w[k++];
                } else {
                    m[r][c] = 0;
                }
            }
        }
        assertThat(k).isEqualTo(52);
        float[] x = Genomes.uniform(5 * 7, -1f, 1f, 3);
        float[] got = new float[7];
        net.forward(x, 7, w, got);
        for (int b = 0; b < 7; b++) {
            double[] v = new double[n];
            v[0] = 1;
            for (int i = 0; i < 5; i++) {
                v[1 + i] = x[b * 5 + i];
            }
            for (int i = 6; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += v[j] * m[j][i];
                }
                v[i] = NaiveEvaluator.act(g.nodes().get(i).activation(), s);
            }
            assertThat((double) got[b]).isCloseTo(v[n - 1], org.assertj.core.data.Offset.offset(1e-3 * (1 + Math.abs(v[n - 1]))));
        }
    }

    private static double[][] readMatrix(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] cells = line.split(",");
            double[] r = new double[cells.length - 1];
            for (int i = 0; i < r.length; i++) {
                r[i] = cells[i].equals("nan") ? Double.NaN : Double.parseDouble(cells[i]);
            }
            rows.add(r);
        }
        return rows.toArray(new double[0][]);
    }

    @Test
    void wrongLengthsAndShapesAreRejected() {
        GraphNet net = GraphNet.compile(WannOutFormat.read(WannOutFormatTest.resource("swing.out"), 5, 1));
        assertThatThrownBy(() -> TunedWeights.parse("[[1, 2, 3], 900]", "w.json", net, 0f))
                .isInstanceOf(GraphFormatException.class)
                .hasMessageContaining("w.json: 3 params, but the network has 52 enabled connections");
        assertThatThrownBy(() -> TunedWeights.parse("{\"a\": 1}", "w.json", net, 0f))
                .hasMessageContaining("w.json: expected [[params…], score]");
        assertThatThrownBy(() -> TunedWeights.parse("[[1, 2", "w.json", net, 0f))
                .hasMessageContaining("w.json: not valid JSON");
        GraphNet tiny = GraphNet.compile(NeuronGraph.initial(1, 1, 1.0, new java.util.SplittableRandom(1)));
        assertThatThrownBy(() -> TunedWeights.parse("[[0.5, \"x\"], 1]", "w.json", tiny, 0f))
                .hasMessageContaining("param 1 is not a number");
        assertThat(TunedWeights.parse("[[0.5, 1.5], 1]", "w.json", tiny, -1f)).containsExactly(-0.5f, 0.5f);
    }
}
