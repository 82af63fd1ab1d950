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

    private Packing() {
    }

    /**
     * Packs rows [i0, i0+mc) × k-range [p0, p0+kc) of op(A) into {@code dst}: panel q holds rows
     * i0+q·MR.., laid out as {@code dst[q·MR·kc + p·MR + r]}.
     */
    static void packA(boolean transA, float[] a, int offA, int lda,
                      int i0, int mc, int p0, int kc, float[] dst) {
        int panels = (mc + MR - 1) / MR;
        for (int q = 0; q < panels; q++) {
            int base = q * MR * kc;
            int rows = Math.min(MR, mc - q * MR);
            int firstRow = i0 + q * MR;
            if (transA) {
                // A stored k×m: the MR values of one k step are adjacent in memory.
                for (int p = 0; p < kc; p++) {
                    int src = offA + (p0 + p) * lda + firstRow;
                    int d = base + p * MR;
                    int r = 0;
                    for (; r < rows; r++) {
                        dst[d + r] = a[src + r];
                    }
                    for (; r < MR; r++) {
                        dst[d + r] = 0f;
                    }
                }
            } else {
                // A stored m×k: read each row along k, write with stride MR.
                for (int r = 0; r < rows; r++) {
                    int src = offA + (firstRow + r) * lda + p0;
                    int d = base + r;
                    for (int p = 0; p < kc; p++) {
                        dst[d + p * MR] = a[src + p];
                    }
                }
                for (int r = rows; r < MR; r++) {
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * MR + r] = 0f;
                    }
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
                        for (int j = cols; j < NR; j++) {
                            dst[d + j] = 0f;
                        }
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
