package dev.connectome.nas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Parallelism;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandscapeTest {
    /** L(x) = Σ x², reported by three "chunks" of 1, 2 and 3 samples that each see the same loss. */
    private static final LandscapeObjective QUADRATIC = new LandscapeObjective() {
        @Override
        public int chunkCount() {
            return 3;
        }

        @Override
        public void accumulate(int chunk, float[] p, double[] acc) {
            double s = 0;
            for (float v : p) {
                s += v * v;
            }
            int count = chunk + 1;
            acc[0] += s * count;
            acc[1] += s < 1 ? count : 0;
            acc[2] += count;
        }
    };

    @Test
    void defaultGridIsTheSeeds81By81AtFourSigmas() {
        LandscapeSettings s = LandscapeSettings.defaults();
        double[] a = s.alphas();
        assertThat(a).hasSize(81);
        assertThat(a[0]).isEqualTo(-1);
        assertThat(a[40]).isCloseTo(0, within(1e-12));
        assertThat(a[80]).isCloseTo(1, within(1e-12));
        assertThat(s.sigmas()).containsExactly(0.1, 0.2, 0.3, 0.4);
    }

    @Test
    void gridMatchesTheClosedForm() {
        float[] centre = {1, -2, 0.5f};
        float[] d1 = {1, 0, 0};
        float[] d2 = {0, 1, 1};
        double[] alphas = {-1, 0, 0.5, 1};
        LandscapeGrid g = Landscape.compute("q", centre, d1, d2, 0.3, alphas, QUADRATIC, Parallelism.single());
        for (int i = 0; i < alphas.length; i++) {
            for (int j = 0; j < alphas.length; j++) {
                double x0 = 1 + 0.3 * alphas[i];
                double x1 = -2 + 0.3 * alphas[j];
                double x2 = 0.5 + 0.3 * alphas[j];
                assertThat(g.loss()[i][j]).isCloseTo(x0 * x0 + x1 * x1 + x2 * x2, within(1e-5));
            }
        }
        assertThat(g.centreLoss()).isCloseTo(5.25, within(1e-6));
        assertThat(g.minLoss()).isLessThan(g.centreLoss());
    }

    @Test
    void resultDoesNotDependOnThreads() {
        LandscapeSettings s = LandscapeSettings.defaults().withAlphas(-1, 1, 0.25).withSigmas(List.of(0.5));
        float[] centre = {0.3f, 0.1f, -0.7f, 2f, 1f};
        List<LandscapeGrid> one = Landscape.compute("a", centre, s, QUADRATIC, Parallelism.single());
        List<LandscapeGrid> two;
        try (Parallelism p = Parallelism.of(2)) {
            two = Landscape.compute("a", centre, s, QUADRATIC, p);
        }
        assertThat(two.get(0).loss()).isDeepEqualTo(one.get(0).loss());
        // Directions depend only on the seed.
        assertThat(Landscape.directions(5, 0)[1]).containsExactly(Landscape.directions(5, 0)[1]);
        assertThat(Landscape.directions(5, 1)[0]).isNotEqualTo(Landscape.directions(5, 0)[0]);
    }

    @Test
    void csvRoundTripsAtomically(@TempDir Path dir) throws Exception {
        LandscapeSettings s = LandscapeSettings.defaults().withAlphas(-1, 1, 0.5).withSigmas(List.of(0.1, 0.4));
        List<LandscapeGrid> grids = Landscape.compute("adam", new float[] {1, 2}, s, QUADRATIC, Parallelism.single());
        Path file = dir.resolve("sub/landscape.csv");
        LandscapeCsv.write(grids, file);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        List<LandscapeGrid> back = LandscapeCsv.read(file);
        assertThat(back).hasSize(2);
        assertThat(back.get(1).sigma()).isEqualTo(0.4);
        assertThat(back.get(1).alphas()).containsExactly(-1, -0.5, 0, 0.5, 1);
        for (int i = 0; i < 5; i++) {
            assertThat(back.get(1).loss()[i]).containsExactly(grids.get(1).loss()[i], within(1e-5));
        }
        assertThat(Files.readString(file)).contains("adam,0.1,-0.5,1,");
    }

    @Test
    void malformedCsvNamesTheLine() {
        String text = LandscapeCsv.HEADER + "\nadam,0.1,0,0,1.0,0.5\nadam,0.1,zero,0,1,1\n";
        assertThatThrownBy(() -> LandscapeCsv.parse(text, "x.csv")).hasMessageContaining("x.csv:3");
        String ragged = LandscapeCsv.HEADER + "\nadam,0.1,0,0,1.0,0.5\nadam,0.1,1,0,1.0,0.5\n";
        assertThatThrownBy(() -> LandscapeCsv.parse(ragged, "y.csv")).hasMessageContaining("not a 2×2 grid");
        assertThatThrownBy(() -> LandscapeSettings.defaults().withSigmas(List.of(0.0)))
                .hasMessageContaining("sigma must be finite and > 0");
    }
}
