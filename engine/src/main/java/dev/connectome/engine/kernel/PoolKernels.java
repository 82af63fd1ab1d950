package dev.connectome.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorised average pooling for "same-size" windows (stride 1, output plane = input plane, e.g.
 * NAS-Bench-201's 3×3 pad 1 avg_pool_3x3). Each kernel tap is the plane read at one offset, masked
 * by the validity table of {@link Im2Col#sameSizeTable}, so a vector of outputs is KH·KW masked
 * loads and adds; the taps are added in the window's row-major order starting from 0, so the sums
 * are bitwise those of the scalar window loop (a masked-out tap adds +0).
 */
public final class PoolKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final FloatVector ZERO = FloatVector.zero(S);

    private PoolKernels() {
    }

    /**
     * {@code y[yOff + pl·P + d] = inv[d] · Σ_taps x[xOff + pl·P + d + shift(tap)]} over valid taps,
     * for {@code planes} planes of P = H·W floats; {@code table} is {@link Im2Col#sameSizeTable} of
     * {@code g} (at offset 0) and {@code inv} holds 1 / (number of valid taps) per position.
     */
    public static void avgSameSize(float[] x, int xOff, int planes, ConvGeometry g, float[] table, float[] inv,
                                   float[] y, int yOff) {
        if (!Im2Col.isSameSize(g)) {
            throw new IllegalArgumentException("avgSameSize needs stride 1 and output size = input size, got " + g);
        }
        int w = g.width(), p = g.padding(), kh = g.kernelHeight(), kw = g.kernelWidth(), plane = g.height() * w;
        int taps = kh * kw;
        int[] shift = new int[taps];
        for (int a = 0; a < kh; a++) {
            for (int b = 0; b < kw; b++) {
                shift[a * kw + b] = (a - p) * w + (b - p);
            }
        }
        int minShift = shift[0], maxShift = shift[taps - 1];
        for (int pl = 0; pl < planes; pl++) {
            int src = xOff + pl * plane, dst = yOff + pl * plane;
            // Vectors whose every tap lies inside x go vectorised (a shifted window of the first or
            // last plane of the array can poke out of it); the rest scalar.
            int vLo = Math.min(plane, Math.max(0, -(src + minShift)));
            int vEnd = Math.min(plane, x.length - (src + maxShift));
            int j = 0;
            for (; j < vLo; j++) {
                y[dst + j] = scalar(x, src, j, shift, table, plane) * inv[j];
            }
            for (; j + L <= vEnd; j += L) {
                FloatVector acc = ZERO;
                for (int t = 0; t < taps; t++) {
                    VectorMask<Float> m = FloatVector.fromArray(S, table, t * plane + j).compare(VectorOperators.NE, 0f);
                    acc = acc.add(ZERO.blend(FloatVector.fromArray(S, x, src + shift[t] + j), m));
                }
                acc.mul(FloatVector.fromArray(S, inv, j)).intoArray(y, dst + j);
            }
            for (; j < plane; j++) {
                y[dst + j] = scalar(x, src, j, shift, table, plane) * inv[j];
            }
        }
    }

    private static float scalar(float[] x, int src, int j, int[] shift, float[] table, int plane) {
        float s = 0f;
        for (int t = 0; t < shift.length; t++) {
            if (table[t * plane + j] != 0f) {
                s += x[src + shift[t] + j];
            }
        }
        return s;
    }
}
