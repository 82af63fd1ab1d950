package dev.connectome.engine.kernel;

import dev.connectome.engine.Parallelism;
import jdk.incubator.vector.FloatVector;

/**
 * The cache-blocked SGEMM driver (the Goto/BLIS loop nest: a column block of B packed once,
 * then row blocks of A packed per depth block, then MR×NR register tiles).
 *
 * <p>Plain (untransposed) B is read in place: its rows are already runs of NR adjacent floats,
 * and skipping the copy saves about a tenth of the time at MLP shapes. Transposed B is packed.
 *
 * <p>Threading: for each column block, the threads first pack B (if transposed) together
 * (disjoint panels) into one shared buffer, then claim row chunks of C dynamically; each chunk packs only its own rows of
 * A, so no operand is packed twice and a thread that is descheduled for a while only delays the
 * chunk it holds. Results do not depend on the thread count (each C element sees the same sums).
 *
 * <p>Block sizes (for Zen 3..5: 32–48 KB L1d, 0.5–1 MB L2): a KC×NR B micro-panel (≤ 32 KB with
 * 512-bit vectors) stays in L1 while the MR-row A panels stream past it; an MC×KC A block
 * (≤ 240 KB) stays in L2. Block extents are balanced (784 = 4×196, not 3×256 + 16) so no block
 * is a thin remainder.
 */
final class BlockedGemm {
    static final int MR = MicroKernel.MR;
    static final int NR = MicroKernel.NR;
    static final int KC = MicroKernel.KA;
    static final int MC = 240;
    static final int NC = 2048;
    /** Cap on the packed B block (floats), so that a very deep k narrows the column block instead. */
    static final int B_BUDGET = 1 << 21;

    private BlockedGemm() {
    }

    /** Computes all of C (k ≥ 1), including the beta update, on {@code par}'s threads. */
    static void run(GemmProblem g, Parallelism par) {
        int m = g.m();
        int n = g.n();
        int k = g.k();
        int kc = balanced(k, KC, 1);
        int ncMax = Math.max(NR, Math.min(NC, B_BUDGET / k / NR * NR));
        int nc = balanced(n, ncMax, NR);
        int threads = par.threads();
        int rowPanels = (m + MR - 1) / MR;
        // Single thread: one chunk per MC rows. Several: chunks small enough to balance dynamically.
        int chunkPanels = threads == 1
                ? MC / MR
                : Math.max(1, Math.min(MC / MR, (rowPanels + 2 * threads - 1) / (2 * threads)));
        int chunks = (rowPanels + chunkPanels - 1) / chunkPanels;
        int chunkRows = chunkPanels * MR;
        Workspace shared = Workspace.borrow();
        try {
            float[] bp = g.transB() ? shared.b(k * roundUp(nc, NR)) : null;
            for (int jc = 0; jc < n; jc += nc) {
                int j0 = jc;
                int ncb = Math.min(nc, n - jc);
                int colPanels = (ncb + NR - 1) / NR;
                int packTasks = Math.min(threads, colPanels);
                if (g.transB()) {
                    par.forEach(packTasks, t -> {
                        int q0 = colPanels * t / packTasks;
                        int q1 = colPanels * (t + 1) / packTasks;
                        packColumns(g, bp, kc, j0, ncb, q0, q1);
                    });
                }
                par.forEach(chunks, t -> {
                    Workspace ws = Workspace.borrow();
                    try {
                        int i0 = t * chunkRows;
                        computeRows(g, bp, kc, i0, Math.min(m, i0 + chunkRows), j0, ncb, ws);
                    } finally {
                        Workspace.giveBack(ws);
                    }
                });
            }
        } finally {
            Workspace.giveBack(shared);
        }
    }

    /**
     * Packs B panels [q0, q1) of the column block starting at j0 for every depth block. Depth block
     * pc starts at {@code pc·roundUp(ncb, NR)} in {@code bp}, so panel q of it at {@code + q·NR·kcb}.
     */
    private static void packColumns(GemmProblem g, float[] bp, int kc, int j0, int ncb, int q0, int q1) {
        int ncPad = roundUp(ncb, NR);
        int cols = Math.min(ncb, q1 * NR) - q0 * NR;
        for (int pc = 0; pc < g.k(); pc += kc) {
            int kcb = Math.min(kc, g.k() - pc);
            Packing.packB(g.transB(), g.b(), g.offB(), g.ldb(), pc, kcb, j0 + q0 * NR, cols,
                    bp, pc * ncPad + q0 * NR * kcb);
        }
    }

    /**
     * Rows [i0, i1) × the column block [j0, j0+ncb) of C, all depth blocks. B comes packed in
     * {@code bp} (transposed B), or is read in place (plain B: its rows are already NR-contiguous
     * runs, so only a partial last panel, which would read past the array, is packed into
     * {@code ws}).
     */
    private static void computeRows(GemmProblem g, float[] bp, int kc, int i0, int i1, int j0, int ncb,
                                    Workspace ws) {
        int k = g.k();
        boolean scaled = g.beta() != 0f && g.beta() != 1f;
        if (scaled) {
            g.applyBeta(i0, i1, j0, j0 + ncb);
        }
        int ncPad = roundUp(ncb, NR);
        int fullCols = ncb / NR * NR;
        float[] ap = ws.a(roundUp(i1 - i0, MR) * MicroKernel.KA);
        float[] edge = g.transB() || fullCols == ncb ? null : ws.b(kc * NR);
        for (int pc = 0; pc < k; pc += kc) {
            int kcb = Math.min(kc, k - pc);
            Packing.packA(g.transA(), g.a(), g.offA(), g.lda(), i0, i1 - i0, pc, kcb, ap);
            boolean accumulate = pc > 0 || g.beta() != 0f;
            Panels panels;
            if (g.transB()) {
                panels = new Panels(bp, pc * ncPad, kcb, NR, bp, pc * ncPad + fullCols * kcb);
            } else {
                if (edge != null) {
                    Packing.packB(false, g.b(), g.offB(), g.ldb(), pc, kcb, j0 + fullCols, ncb - fullCols, edge, 0);
                }
                panels = new Panels(g.b(), g.offB() + pc * g.ldb() + j0, 1, g.ldb(), edge, 0);
            }
            macroKernel(g, ap, panels, fullCols, i0, i1 - i0, j0, ncb, kcb, accumulate, ws.tile);
        }
    }

    /**
     * Where the kernel finds B panel jr (a column offset within the block): full panels at
     * {@code array[at + jr·scale]} with k step {@code step}; the partial last panel, if any, packed
     * at {@code edge[edgeAt]} with k step NR.
     */
    private record Panels(float[] array, int at, int scale, int step, float[] edge, int edgeAt) {
    }

    /** All register tiles of one packed mc×kc A block against one kc×nc block of B. */
    private static void macroKernel(GemmProblem g, float[] ap, Panels bPanels, int fullCols, int ic, int mc,
                                    int jc, int nc, int kc, boolean accumulate, float[] tile) {
        float[] c = g.c();
        int ldc = g.ldc();
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            boolean full = jr < fullCols;
            float[] bp = full ? bPanels.array() : bPanels.edge();
            int bo = full ? bPanels.at() + jr * bPanels.scale() : bPanels.edgeAt();
            int bStep = full ? bPanels.step() : NR;
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                int ao = ir * MicroKernel.KA;
                int co = g.offC() + (ic + ir) * ldc + jc + jr;
                if (!accumulate && mr == MR && nr == NR) {
                    MicroKernel.tile(kc, ap, ao, bp, bo, bStep, c, co, ldc);
                } else {
                    // Accumulating or partial: compute into scratch, then add/copy the valid part.
                    if (nr <= MicroKernel.L) {
                        MicroKernel.halfTile(kc, ap, ao, bp, bo, bStep, tile, 0, NR);
                    } else {
                        MicroKernel.tile(kc, ap, ao, bp, bo, bStep, tile, 0, NR);
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
