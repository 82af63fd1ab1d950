package dev.connectome.engine.kernel;

import jdk.incubator.vector.FloatVector;

/**
 * The cache-blocked SGEMM driver for one rectangle of C on one thread (the Goto/BLIS loop nest:
 * columns by NC, depth by KC with a packed B block, rows by MC with a packed A block, then
 * NR×MR register tiles).
 *
 * <p>Block sizes (for Zen 3..5: 32–48 KB L1d, 0.5–1 MB L2): a KC×NR B micro-panel (≤ 32 KB with
 * 512-bit vectors) stays in L1 while the MR-row A panels stream past it; an MC×KC A block
 * (≤ 240 KB) stays in L2. Block
 * extents are balanced (784 = 4×196, not 3×256 + 16) so no block is a thin remainder.
 */
final class BlockedGemm {
    static final int MR = MicroKernel.MR;
    static final int NR = MicroKernel.NR;
    static final int KC = 256;
    static final int MC = 240;
    static final int NC = 2048;

    private BlockedGemm() {
    }

    /** Computes rows [i0, i1) × cols [j0, j1) of C, including the beta update, with {@code ws}'s buffers. */
    static void run(GemmProblem g, int i0, int i1, int j0, int j1, Workspace ws) {
        int k = g.k();
        if (i0 >= i1 || j0 >= j1) {
            return;
        }
        if (k == 0) {
            g.applyBeta(i0, i1, j0, j1);
            return;
        }
        boolean scaled = g.beta() != 0f && g.beta() != 1f;
        if (scaled) {
            g.applyBeta(i0, i1, j0, j1);
        }
        int kc = balanced(k, KC, 1);
        int mc = balanced(i1 - i0, MC, MR);
        int nc = balanced(j1 - j0, NC, NR);
        float[] bp = ws.b(kc * roundUp(nc, NR));
        float[] ap = ws.a(roundUp(mc, MR) * kc);
        for (int jc = j0; jc < j1; jc += nc) {
            int ncb = Math.min(nc, j1 - jc);
            for (int pc = 0; pc < k; pc += kc) {
                int kcb = Math.min(kc, k - pc);
                Packing.packB(g.transB(), g.b(), g.offB(), g.ldb(), pc, kcb, jc, ncb, bp);
                boolean accumulate = pc > 0 || g.beta() != 0f;
                for (int ic = i0; ic < i1; ic += mc) {
                    int mcb = Math.min(mc, i1 - ic);
                    Packing.packA(g.transA(), g.a(), g.offA(), g.lda(), ic, mcb, pc, kcb, ap);
                    macroKernel(g, ap, bp, ic, mcb, jc, ncb, kcb, accumulate, ws.tile);
                }
            }
        }
    }

    /** All register tiles of one packed mc×kc A block against one packed kc×nc B block. */
    private static void macroKernel(GemmProblem g, float[] ap, float[] bp, int ic, int mc, int jc, int nc,
                                    int kc, boolean accumulate, float[] tile) {
        float[] c = g.c();
        int ldc = g.ldc();
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int bo = jr * kc;
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                int ao = ir * kc;
                int co = g.offC() + (ic + ir) * ldc + jc + jr;
                if (!accumulate && mr == MR && nr == NR) {
                    MicroKernel.tile(kc, ap, ao, bp, bo, c, co, ldc);
                } else {
                    // Accumulating or partial: compute into scratch, then add/copy the valid part.
                    if (nr <= MicroKernel.L) {
                        MicroKernel.halfTile(kc, ap, ao, bp, bo, tile, 0, NR);
                    } else {
                        MicroKernel.tile(kc, ap, ao, bp, bo, tile, 0, NR);
                    }
                    writeBack(tile, c, co, ldc, mr, nr, accumulate);
                }
            }
        }
    }

    private static void writeBack(float[] tile, float[] c, int co, int ldc, int mr, int nr, boolean accumulate) {
        int bound = MicroKernel.S.loopBound(nr);
        for (int r = 0; r < mr; r++) {
            int row = co + r * ldc;
            int t = r * NR;
            int j = 0;
            if (accumulate) {
                for (; j < bound; j += MicroKernel.L) {
                    FloatVector.fromArray(MicroKernel.S, tile, t + j)
                            .add(FloatVector.fromArray(MicroKernel.S, c, row + j))
                            .intoArray(c, row + j);
                }
                for (; j < nr; j++) {
                    c[row + j] += tile[t + j];
                }
            } else {
                System.arraycopy(tile, t, c, row, nr);
            }
        }
    }

    /** Splits {@code extent} into equal blocks of at most {@code max}, rounded up to {@code unit}. */
    static int balanced(int extent, int max, int unit) {
        int blocks = (extent + max - 1) / max;
        return roundUp((extent + blocks - 1) / blocks, unit);
    }

    static int roundUp(int x, int unit) {
        return (x + unit - 1) / unit * unit;
    }
}
