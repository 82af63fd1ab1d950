package dev.connectome.nas.graph;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * WANN's classification fitness: −mean cross-entropy of softmax(outputs) against the labels,
 * vectorised over the batch (a genome evaluation is only a few hundred vector operations per sample,
 * so a scalar {@code Math.exp} per logit, or even a scalar {@code Math.log} per sample, would cost as
 * much as the network itself).
 *
 * <p>The kernel works on class-major rows, the layout {@link GraphNet} produces, so
 * {@link GraphNet#sharedWeightFitness} needs no transpose. Per sample it needs log Σ_k e^{z_k − max};
 * instead of one logarithm per sample it multiplies those sums (each in [1, classes]) lane-wise and
 * moves the binary exponent of the running product into an integer after every step, so one
 * logarithm per lane at the end gives the sum of all the logarithms.
 */
public final class SoftmaxFitness {
    private static final VectorSpecies<Float> S = GraphKernels.SPECIES;
    private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, S.vectorShape());
    private static final int VL = S.length();
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float ROUND_MAGIC = 12582912f;
    private static final double LN2 = Math.log(2);
    private static final int ROUND_MAGIC_BITS = Float.floatToRawIntBits(ROUND_MAGIC);

    private SoftmaxFitness() {
    }

    /**
     * −(1/batch)·Σ_b [log Σ_k e^{z_bk} − z_b,label_b] for logits {@code z} laid out
     * {@code [batch][classes]} from {@code off}.
     *
     * @throws IllegalArgumentException when a label is outside [0, classes)
     */
    public static double negativeMeanCrossEntropy(float[] logits, int off, int[] labels, int batch, int classes) {
        int stride = (batch + VL - 1) / VL * VL;
        float[] rows = new float[classes * stride];
        for (int b = 0; b < batch; b++) {
            int src = off + b * classes;
            for (int k = 0; k < classes; k++) {
                rows[k * stride + b] = logits[src + k];
            }
        }
        return negativeMeanCrossEntropyRows(rows, 0, stride, labels, batch, classes);
    }

    /**
     * As {@link #negativeMeanCrossEntropy} for class-major logits: class k's logit of sample b at
     * {@code rows[off + k·stride + b]}.
     *
     * @throws IllegalArgumentException when a label is outside [0, classes), or stride &lt; batch
     */
    public static double negativeMeanCrossEntropyRows(float[] rows, int off, int stride, int[] labels, int batch,
                                                      int classes) {
        return rowsKernel(rows, off, stride, labelsAsFloats(labels, batch, classes), batch, classes);
    }

    /** The first {@code batch} labels as floats, each checked to lie in [0, classes). */
    static float[] labelsAsFloats(int[] labels, int batch, int classes) {
        float[] labelF = new float[batch];
        for (int b = 0; b < batch; b++) {
            int label = labels[b];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " of sample " + b + " is outside [0, " + classes + ")");
            }
            labelF[b] = label;
        }
        return labelF;
    }

    /** Labels already checked and stored as floats (so lanes compare without an int→float mask cast). */
    static double rowsKernel(float[] rows, int off, int stride, float[] labelF, int batch, int classes) {
        if (stride < batch || classes < 1) {
            throw new IllegalArgumentException("stride " + stride + " < batch " + batch + " or no classes (" + classes + ")");
        }
        // Lane state carried between the full-vector pass and the tail: running product mantissas,
        // their binary exponents, and a guard that turns NaN (which the exponent split would hide) into NaN.
        float[] prod = new float[VL];
        int[] exps = new int[VL];
        float[] guard = new float[VL];
        Arrays.fill(prod, 1f);
        int full = batch / VL * VL;
        double margins = accumulate(rows, off, stride, labelF, 0, full, classes, prod, exps, guard);
        if (full < batch) {
            // The tail through the same unmasked loop (a masked variant made C2 box the vectors):
            // padding lanes get logits (0, −1e30, …) and label 0, i.e. softmax sum 1 and margin 0.
            float[] tail = new float[classes * VL];
            float[] tailLabels = new float[VL];
            for (int k = 0; k < classes; k++) {
                for (int l = 0; l < VL; l++) {
                    tail[k * VL + l] = full + l < batch ? rows[off + k * stride + full + l] : k == 0 ? 0f : -1e30f;
                }
            }
            System.arraycopy(labelF, full, tailLabels, 0, batch - full);
            margins += accumulate(tail, 0, VL, tailLabels, 0, VL, classes, prod, exps, guard);
        }
        double logs = 0;
        for (int l = 0; l < VL; l++) {
            if (!Float.isFinite(guard[l])) {
                return Double.NaN;
            }
            logs += Math.log(prod[l]) + exps[l] * LN2;
        }
        return -(logs + margins) / batch;
    }

    /**
     * Samples [from, to) (a multiple of VL) of class-major rows: returns Σ (max − z_label) and
     * folds each sample's Σ_k e^{z_k − max} into the lane state.
     */
    private static double accumulate(float[] rows, int off, int stride, float[] labelF, int from, int to, int classes,
                                     float[] prodState, int[] expState, float[] guardState) {
        FloatVector prod = FloatVector.fromArray(S, prodState, 0);
        IntVector exps = IntVector.fromArray(IS, expState, 0);
        FloatVector guard = FloatVector.fromArray(S, guardState, 0);
        FloatVector margins = FloatVector.zero(S);
        double total = 0;
        for (int b = from; b < to; b += VL) {
            FloatVector label = FloatVector.fromArray(S, labelF, b);
            int base = off + b;
            FloatVector max = FloatVector.fromArray(S, rows, base);
            for (int k = 1; k < classes; k++) {
                max = max.max(FloatVector.fromArray(S, rows, base + k * stride));
            }
            FloatVector sum = FloatVector.zero(S);
            FloatVector picked = FloatVector.zero(S);
            for (int k = 0; k < classes; k++) {
                FloatVector z = FloatVector.fromArray(S, rows, base + k * stride);
                picked = picked.blend(z, label.compare(VectorOperators.EQ, (float) k));
                // e^{z − max}, z − max ≤ 0: the exp polynomial of VectorActivations, written out so C2
                // never has to inline a vector-returning call (boxing otherwise).
                FloatVector v = z.sub(max).max(-87.3f);
                FloatVector t = v.fma(FloatVector.broadcast(S, LOG2E), FloatVector.broadcast(S, ROUND_MAGIC));
                FloatVector n = t.sub(ROUND_MAGIC);
                FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), v);
                r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
                FloatVector p = FloatVector.broadcast(S, 1.9875691500e-4f);
                p = p.fma(r, FloatVector.broadcast(S, 1.3981999507e-3f));
                p = p.fma(r, FloatVector.broadcast(S, 8.3334519073e-3f));
                p = p.fma(r, FloatVector.broadcast(S, 4.1665795894e-2f));
                p = p.fma(r, FloatVector.broadcast(S, 1.6666665459e-1f));
                p = p.fma(r, FloatVector.broadcast(S, 5.0000001201e-1f));
                p = p.fma(r.mul(r), r).add(1f);
                IntVector e = t.reinterpretAsInts().add(127 - ROUND_MAGIC_BITS).lanewise(VectorOperators.LSHL, 23);
                sum = sum.add(p.mul(e.reinterpretAsFloats()));
            }
            guard = guard.add(sum);
            margins = margins.add(max.sub(picked));
            if ((b - from) % (16 * VL) == 16 * VL - VL) { // flush the float margins to double every 16 vectors
                total += margins.reduceLanes(VectorOperators.ADD);
                margins = FloatVector.zero(S);
            }
            // prod·sum < 2·classes; keep only its mantissa in [1, 2) and its exponent in exps.
            IntVector bits = prod.mul(sum).reinterpretAsInts();
            exps = exps.add(bits.lanewise(VectorOperators.LSHR, 23).sub(127));
            prod = bits.lanewise(VectorOperators.AND, 0x007FFFFF).lanewise(VectorOperators.OR, 0x3F800000).reinterpretAsFloats();
        }
        prod.intoArray(prodState, 0);
        exps.intoArray(expState, 0);
        guard.intoArray(guardState, 0);
        return total + margins.reduceLanes(VectorOperators.ADD);
    }
}
