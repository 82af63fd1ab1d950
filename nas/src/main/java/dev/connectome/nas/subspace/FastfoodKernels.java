package dev.connectome.nas.subspace;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** The permute-and-scale steps of Fastfood as Vector API gathers. */
final class FastfoodKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();

    private FastfoodKernels() {
    }

    /** {@code out[outOff + k] = src[srcOff + idx[k]]·scale[k]} for k in [0, n). */
    static void gatherScale(float[] src, int srcOff, int[] idx, float[] scale, float[] out, int outOff, int n) {
        int bound = S.loopBound(n);
        int k = 0;
        for (; k < bound; k += VL) {
            FloatVector.fromArray(S, src, srcOff, idx, k).mul(FloatVector.fromArray(S, scale, k)).intoArray(out, outOff + k);
        }
        for (; k < n; k++) {
            out[outOff + k] = src[srcOff + idx[k]] * scale[k];
        }
    }

    /** {@code out[outOff + k] += src[srcOff + idx[k]]·scale[k]} for k in [0, n). */
    static void gatherScaleAdd(float[] src, int srcOff, int[] idx, float[] scale, float[] out, int outOff, int n) {
        int bound = S.loopBound(n);
        int k = 0;
        for (; k < bound; k += VL) {
            FloatVector.fromArray(S, src, srcOff, idx, k).fma(FloatVector.fromArray(S, scale, k),
                    FloatVector.fromArray(S, out, outOff + k)).intoArray(out, outOff + k);
        }
        for (; k < n; k++) {
            out[outOff + k] += src[srcOff + idx[k]] * scale[k];
        }
    }
}
