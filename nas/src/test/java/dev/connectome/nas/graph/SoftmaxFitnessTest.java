package dev.connectome.nas.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SoftmaxFitnessTest {
    @Test
    void matchesADoubleReferenceForAnyBatchSize() {
        for (int batch : new int[] {1, 7, 16, 33, 100}) {
            float[] z = Genomes.uniform(3 + batch * 10, -30f, 30f, batch);
            int[] labels = new int[batch];
            double expected = 0;
            for (int b = 0; b < batch; b++) {
                labels[b] = (b * 7) % 10;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < 10; k++) {
                    max = Math.max(max, z[3 + b * 10 + k]);
                }
                double s = 0;
                for (int k = 0; k < 10; k++) {
                    s += Math.exp(z[3 + b * 10 + k] - max);
                }
                expected += Math.log(s) + max - z[3 + b * 10 + labels[b]];
            }
            expected = -expected / batch;
            assertThat(SoftmaxFitness.negativeMeanCrossEntropy(z, 3, labels, batch, 10))
                    .isCloseTo(expected, Offset.offset(1e-5 * (1 + Math.abs(expected))));
        }
        assertThat(SoftmaxFitness.negativeMeanCrossEntropy(new float[20], 0, new int[] {3, 9}, 2, 10))
                .isCloseTo(-Math.log(10), Offset.offset(1e-6));
    }

    @Test
    void classMajorRowsGiveTheSameFitnessAsSampleMajorLogits() {
        for (int batch : new int[] {1, 15, 16, 17, 64, 1000}) {
            int classes = 10;
            int stride = batch + 5;
            float[] z = Genomes.uniform(batch * classes, -40f, 40f, batch);
            float[] rows = Genomes.uniform(2 + classes * stride, 1e30f, 1e31f, batch + 1); // junk around the logits
            int[] labels = new int[batch];
            for (int b = 0; b < batch; b++) {
                labels[b] = (b * 3 + 1) % classes;
                for (int k = 0; k < classes; k++) {
                    rows[2 + k * stride + b] = z[b * classes + k];
                }
            }
            double sampleMajor = SoftmaxFitness.negativeMeanCrossEntropy(z, 0, labels, batch, classes);
            assertThat(SoftmaxFitness.negativeMeanCrossEntropyRows(rows, 2, stride, labels, batch, classes))
                    .isCloseTo(sampleMajor, Offset.offset(1e-6 * (1 + Math.abs(sampleMajor))));
        }
    }

    @Test
    void nonFiniteLogitsGiveNaNInsteadOfAFiniteValue() {
        float[] z = new float[40];
        z[23] = Float.NaN;
        assertThat(SoftmaxFitness.negativeMeanCrossEntropy(z, 0, new int[] {0, 1, 2, 3}, 4, 10)).isNaN();
        z[23] = Float.POSITIVE_INFINITY;
        assertThat(SoftmaxFitness.negativeMeanCrossEntropy(z, 0, new int[] {0, 1, 2, 3}, 4, 10)).isNaN();
    }

    @Test
    void rejectsLabelsOutOfRange() {
        assertThatThrownBy(() -> SoftmaxFitness.negativeMeanCrossEntropy(new float[20], 0, new int[] {3, 10}, 2, 10))
                .hasMessageContaining("label 10 of sample 1");
    }
}
