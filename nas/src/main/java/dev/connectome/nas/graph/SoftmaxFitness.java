package dev.connectome.nas.graph;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * WANN's classification fitness: −mean cross-entropy of softmax(outputs) against the labels,
 * vectorised over the batch (a genome evaluation is only a few hundred vector operations per sample,
 * so a scalar {@code Math.exp} per logit would cost as much as the network itself).
 */
public final class SoftmaxFitness {
    private static final VectorSpecies<Float> S = GraphKernels.SPECIES;
    private static final int VL = S.length();

    private SoftmaxFitness() {
    }

    /**
     * −(1/batch)·Σ_b [log Σ_k e^{z_bk} − z_b,label_b] for logits {@code z} laid out
     * {@code [batch][classes]} from {@code off}.
     *
     * @throws IllegalArgumentException when a label is outside [0, classes)
     */
    public static double negativeMeanCrossEntropy(float[] logits, int off, int[] labels, int batch, int classes) {
        float[] tile = new float[classes * VL];
        float[] lse = new float[VL];
        double total = 0;
        for (int b0 = 0; b0 < batch; b0 += VL) {
            int n = Math.min(VL, batch - b0);
            for (int l = 0; l < VL; l++) { // transpose VL samples to class-major; pad with copies of the first
                int src = off + (b0 + (l < n ? l : 0)) * classes;
                for (int k = 0; k < classes; k++) {
                    tile[k * VL + l] = logits[src + k];
                }
            }
            FloatVector max = FloatVector.fromArray(S, tile, 0);
            for (int k = 1; k < classes; k++) {
                max = max.max(FloatVector.fromArray(S, tile, k * VL));
            }
            FloatVector sum = FloatVector.zero(S);
            for (int k = 0; k < classes; k++) {
                sum = sum.add(VectorActivations.exp(FloatVector.fromArray(S, tile, k * VL).sub(max)));
            }
            sum.intoArray(lse, 0);
            float[] m = max.toArray();
            for (int l = 0; l < n; l++) {
                int label = labels[b0 + l];
                if (label < 0 || label >= classes) {
                    throw new IllegalArgumentException("label " + label + " of sample " + (b0 + l) + " is outside [0, " + classes + ")");
                }
                total += Math.log(lse[l]) + m[l] - tile[label * VL + l];
            }
        }
        return -total / batch;
    }
}
