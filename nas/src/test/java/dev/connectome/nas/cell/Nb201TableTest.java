package dev.connectome.nas.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.evaluate.TrialContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Nb201TableTest {

    private final Nb201Table table = Nb201Table.get();

    @Test
    void knownCellsHaveTheirPublishedAccuracies() {
        Nb201Cell best = Nb201Cell.parse(Nb201CellTest.BEST);
        assertThat(table.index(best)).isEqualTo(6111);
        assertThat(table.accuracy(best, Nb201Dataset.CIFAR10)).isCloseTo(94.373, org.assertj.core.data.Offset.offset(0.001));
        Nb201Cell resnet = Nb201Cell.parse("|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|");
        assertThat(table.accuracy(resnet, Nb201Dataset.CIFAR10)).isCloseTo(93.91, org.assertj.core.data.Offset.offset(0.01));
        assertThat(table.accuracy(resnet, Nb201Dataset.CIFAR100)).isCloseTo(70.89, org.assertj.core.data.Offset.offset(0.01));
        assertThat(table.accuracy(resnet, Nb201Dataset.IMAGENET16)).isCloseTo(44.23, org.assertj.core.data.Offset.offset(0.01));
        assertThat(table.cell(6111)).isEqualTo(best);
    }

    @Test
    void tableStatisticsMatchTheReference() {
        double[] max = new double[3];
        double[] sum = new double[3];
        for (int i = 0; i < Nb201Table.SIZE; i++) {
            for (Nb201Dataset d : Nb201Dataset.values()) {
                double a = table.accuracy(i, d);
                max[d.ordinal()] = Math.max(max[d.ordinal()], a);
                sum[d.ordinal()] += a;
            }
            assertThat(table.index(table.cell(i))).isEqualTo(i);
        }
        assertThat(max[0]).isCloseTo(94.373, org.assertj.core.data.Offset.offset(0.001));
        assertThat(max[1]).isCloseTo(73.513, org.assertj.core.data.Offset.offset(0.001));
        assertThat(max[2]).isCloseTo(47.311, org.assertj.core.data.Offset.offset(0.001));
        assertThat(sum[0] / Nb201Table.SIZE).isCloseTo(87.06, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void evaluatorAnswersFromTheTable() {
        Nb201TableEvaluator evaluator = new Nb201TableEvaluator(Nb201Dataset.parse("cifar100"));
        Nb201Cell best = Nb201Cell.parse(Nb201CellTest.BEST);
        Evaluation e = evaluator.evaluate(best, TrialContext.detached(0, new SplittableRandom(1),
                dev.connectome.engine.Parallelism.single()));
        assertThat(e.isComplete()).isTrue();
        assertThat(e.value()).isEqualTo(table.accuracy(best, Nb201Dataset.CIFAR100));
        assertThat(e.metrics()).containsEntry("nb201_index", 6111.0).containsKeys("cifar10_test_accuracy", "imagenet_test_accuracy");
        assertThat(evaluator.id()).isEqualTo("nb201-table:cifar100");
        assertThat(evaluator.datasetSha256()).contains(Nb201Table.SOURCE_SHA256);
    }

    /** Every row of the upstream CSV: format, UniqueString and accuracies reproduced exactly. */
    @Test
    void reproducesTheUpstreamCsvExactly() throws Exception {
        Path csv = dataDir().resolve("nasbench201/nb201_test_accuracy_200ep.csv");
        assumeThat(Files.isRegularFile(csv)).as("upstream NB201 CSV at " + csv).isTrue();
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).isEqualTo(Nb201Table.SOURCE_SHA256);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(Nb201Table.SIZE + 1);
        Map<String, String> keyToUnique = new HashMap<>();
        Map<String, String> uniqueToKey = new HashMap<>();
        for (int i = 0; i < Nb201Table.SIZE; i++) {
            String[] f = lines.get(i + 1).split(",");
            Nb201Cell cell = Nb201Cell.parse(f[3]);
            assertThat(cell.format()).isEqualTo(f[3]);
            assertThat(table.index(cell)).isEqualTo(i);
            assertThat(table.accuracy(i, Nb201Dataset.CIFAR10)).isEqualTo(Double.parseDouble(f[0]));
            assertThat(table.accuracy(i, Nb201Dataset.CIFAR100)).isEqualTo(Double.parseDouble(f[1]));
            assertThat(table.accuracy(i, Nb201Dataset.IMAGENET16)).isEqualTo(Double.parseDouble(f[2]));
            String key = new Nb201Space().key(cell);
            assertThat(key).isEqualTo(f[4]);
            // keys equal ⇔ UniqueStrings equal (implied by equality, checked as a bijection for clarity)
            assertThat(keyToUnique.computeIfAbsent(key, k -> f[4])).isEqualTo(f[4]);
            assertThat(uniqueToKey.computeIfAbsent(f[4], u -> key)).isEqualTo(key);
        }
        assertThat(keyToUnique).hasSize(6466);
    }

    static Path dataDir() throws IOException {
        String env = System.getenv("CONNECTOME_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        // Surefire runs in the module directory; the shared data sits next to the repository.
        return Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();
    }
}
