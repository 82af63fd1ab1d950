package dev.connectome.nas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Mlp;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.subspace.Projections;
import dev.connectome.nas.subspace.SubspaceMode;
import dev.connectome.nas.task.OptimizerSpec;
import dev.connectome.nas.task.TrainSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntrinsicDimensionTest {
    @Test
    void interpolatesLinearlyBetweenTheGridPointsAroundTheThreshold() {
        Map<Integer, Double> curve = new TreeMap<>(Map.of(100, 0.5, 500, 0.85, 1000, 0.95, 2000, 0.97));
        IntrinsicDimension.Crossing c = IntrinsicDimension.crossing(curve, 0.9);
        assertThat(c.gridPoint()).isEqualTo(1000);
        assertThat(c.dimension()).isCloseTo(750, within(1e-9));
        assertThat(c.reached()).isTrue();
    }

    @Test
    void firstPointAboveThresholdIsItselfAndNeverReachedIsNaN() {
        assertThat(IntrinsicDimension.crossing(Map.of(10, 0.95, 20, 0.96), 0.9).dimension()).isEqualTo(10);
        IntrinsicDimension.Crossing none = IntrinsicDimension.crossing(Map.of(10, 0.1, 20, 0.2), 0.9);
        assertThat(none.reached()).isFalse();
        assertThat(none.dimension()).isNaN();
    }

    @Test
    void summarisesSeedsByTheirMeanCurveAndTheSpreadOfPerSeedEstimates() {
        List<IntrinsicDimension.Point> pts = List.of(
                new IntrinsicDimension.Point(100, 1, 0.80), new IntrinsicDimension.Point(200, 1, 1.00),
                new IntrinsicDimension.Point(100, 2, 0.60), new IntrinsicDimension.Point(200, 2, 0.95));
        IntrinsicDimension.Summary s = IntrinsicDimension.summarise(pts, 0.9);
        assertThat(s.meanCurve()).containsEntry(100, 0.70).containsKey(200);
        assertThat(s.meanCurve().get(200)).isCloseTo(0.975, within(1e-12));
        // seed 1: 100 + 0.1/0.2·100 = 150; seed 2: 100 + 0.3/0.35·100 ≈ 185.7
        assertThat(s.perSeed().get(1L).dimension()).isCloseTo(150, within(1e-9));
        assertThat(s.perSeed().get(2L).dimension()).isCloseTo(185.714, within(1e-3));
        assertThat(s.seedMean()).isCloseTo((150 + 185.714) / 2, within(1e-3));
        assertThat(s.seedStd()).isCloseTo(25.254, within(1e-2));
        assertThat(s.ofMeanCurve().dimension()).isCloseTo(100 + 0.2 / 0.275 * 100, within(1e-9));
    }

    @Test
    void settingsRejectUnsortedDimensionsAndEmptySeeds() {
        TrainSettings ts = TrainSettings.defaults();
        assertThatThrownBy(() -> new IntrinsicDimensionSettings(List.of(100, 10), List.of(1L), "fastfood",
                SubspaceMode.OFFSET, ts, 0.9, true)).hasMessageContaining("ascending");
        assertThatThrownBy(() -> new IntrinsicDimensionSettings(List.of(10), List.of(), "fastfood",
                SubspaceMode.OFFSET, ts, 0.9, true)).hasMessageContaining("no seeds");
    }

    @Test
    void sweepOnATinyProblemGetsBetterWithDimensionAndWritesCsv(@TempDir Path dir) throws Exception {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 400;
        float[] x = new float[n * 10];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 10; j++) {
                x[i * 10 + j] = (float) (rng.nextGaussian() + (j == y[i] ? 2.5 : 0));
            }
        }
        Dataset data = Dataset.of("blobs", x, y, new int[] {10}, Dataset.numberedClasses(3));
        Dataset.Split split = data.split(300);
        TrainSettings ts = TrainSettings.defaults().withEpochs(3).withBatchSize(32).withValidationFraction(0)
                .withOptimizer(OptimizerSpec.adam(3e-2));
        IntrinsicDimensionSettings settings = new IntrinsicDimensionSettings(List.of(1, 60), List.of(1L, 2L), "sparse",
                SubspaceMode.OFFSET, ts, 0.9, true);
        IntrinsicDimensionSweep.SweepResult r = new IntrinsicDimensionSweep(settings, Projections.standard()).run(
                g -> Mlp.of(10, new int[] {8}, 3, Activation.RELU, g), split.train(), split.validation(),
                new IntrinsicDimensionSweep.Listener() { });
        assertThat(r.runs()).hasSize(6);
        assertThat(r.ambientDimension()).isEqualTo(10 * 8 + 8 + 8 * 3 + 3);
        assertThat(r.baselineAccuracy()).isGreaterThan(0.85);
        assertThat(r.absolute().meanCurve().get(60)).isGreaterThan(r.absolute().meanCurve().get(1));
        assertThat(r.runs().get(1).parameters()).isEqualTo(1);
        Path csv = dir.resolve("out/sweep.csv");
        IntrinsicDimensionCsv.write(r, csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(IntrinsicDimensionCsv.HEADER);
        assertThat(lines.stream().filter(l -> l.startsWith("epoch,")).count()).isEqualTo(6 * 3);
        assertThat(lines.stream().filter(l -> l.startsWith("epoch,60,2,60,3,")).count()).isEqualTo(1);
        assertThat(Files.list(dir.resolve("out")).count()).isEqualTo(1); // no temp file left behind
    }
}
