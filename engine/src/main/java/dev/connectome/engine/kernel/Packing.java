package dev.connectome.engine.kernel;

import jdk.incubator.vector.FloatVector;

/**
 * Copies blocks of op(A) and op(B) into the contiguous micro-panel layouts {@link MicroKernel}
 * reads, absorbing the transposition so one kernel serves all four cases. Panels past the matrix
 * edge are zero-padded, so the kernel always computes full tiles.
 */
final class Packing {
    private static final int MR = MicroKernel.MR;
    private static final int NR = MicroKernel.NR;
    private static final int L = MicroKernel.L;
    private static final int KA = MicroKernel.KA;

    private Packing() {
    }

    /**
     * Packs rows [i0, i0+mc) × k-range [p0, p0+kc) of op(A) into {@code dst}: row r of panel q
     * (row i0+q·MR+r) at {@code dst[q·MR·KA + r·KA + p]}. Rows of the last panel past mc are left
     * as they are: they only feed tile rows that are never written back.
     */
    static void packA(boolean transA, float[] a, int offA, int lda,
                      int i0, int mc, int p0, int kc, float[] dst) {
        int panels = (mc + MR - 1) / MR;
        for (int q = 0; q < panels; q++) {
            int base = q * MR * KA;
            int rows = Math.min(MR, mc - q * MR);
            int firstRow = i0 + q * MR;
            if (transA) {
                // A stored k×m: a transpose.
                int r = 0;
                // Four rows at a time: four sequential write streams, 16 adjacent bytes read per k step.
                for (; r + 4 <= rows; r += 4) {
                    int src = offA + p0 * lda + firstRow + r;
                    int d = base + r * KA;
                    for (int p = 0; p < kc; p++, src += lda) {
                        dst[d + p] = a[src];
                        dst[d + KA + p] = a[src + 1];
                        dst[d + 2 * KA + p] = a[src + 2];
                        dst[d + 3 * KA + p] = a[src + 3];
                    }
                }
                for (; r < rows; r++) {
                    int src = offA + p0 * lda + firstRow + r;
                    int d = base + r * KA;
                    for (int p = 0; p < kc; p++, src += lda) {
                        dst[d + p] = a[src];
                    }
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(a, offA + (firstRow + r) * lda + p0, dst, base + r * KA, kc);
                }
            }
        }
    }

    /**
     * Packs k-range [p0, p0+kc) × columns [j0, j0+nc) of op(B) into {@code dst} from
     * {@code at}: panel q holds columns j0+q·NR.., laid out as {@code dst[at + q·NR·kc + p·NR + j]}.
     */
    static void packB(boolean transB, float[] b, int offB, int ldb,
                      int p0, int kc, int j0, int nc, float[] dst, int at) {
        int panels = (nc + NR - 1) / NR;
        for (int q = 0; q < panels; q++) {
            int base = at + q * NR * kc;
            int cols = Math.min(NR, nc - q * NR);
            int firstCol = j0 + q * NR;
            if (transB) {
                // B stored n×k: read each column of op(B) along k, write with stride NR.
                for (int j = 0; j < cols; j++) {
                    int src = offB + (firstCol + j) * ldb + p0;
                    int d = base + j;
                    for (int p = 0; p < kc; p++) {
                        dst[d + p * NR] = b[src + p];
                    }
                }
                if (cols < NR) {
                    for (int p = 0; p < kc; p++) {
                        int d = base + p * NR;
                        java.util.Arrays.fill(dst, d + cols, d + NR, 0f);
                    }
                }
            } else if (cols == NR) {
                // B stored k×n, full panel: one k step is NR adjacent floats, i.e. two vectors.
                for (int p = 0; p < kc; p++) {
                    int src = offB + (p0 + p) * ldb + firstCol;
                    int d = base + p * NR;
                    FloatVector.fromArray(MicroKernel.S, b, src).intoArray(dst, d);
                    FloatVector.fromArray(MicroKernel.S, b, src + L).intoArray(dst, d + L);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = offB + (p0 + p) * ldb + firstCol;
                    int d = base + p * NR;
                    int j = 0;
                    for (; j < cols; j++) {
                        dst[d + j] = b[src + j];
                    }
                    for (; j < NR; j++) {
                        dst[d + j] = 0f;
                    }
                }
            }
        }
    }
}
