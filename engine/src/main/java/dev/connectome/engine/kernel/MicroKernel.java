package dev.connectome.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-tiled inner kernels of {@link Sgemm}: one tile of C = (packed A micro-panel) ·
 * (packed B micro-panel), written (not accumulated) to {@code c[co + r·ldc + j]}.
 *
 * <p>Packed layout: row r of an A panel holds its k steps at {@code ap[ao + r·KA + p]}, B step p
 * holds its columns at {@code bp[bo + p·bStep + j]} (bStep is NR when B is packed, or the row
 * stride of a plain row-major B, which the kernels read in place). The fixed A row stride {@link #KA} turns the
 * 12 row offsets into constant address displacements, so the kernel needs no extra registers
 * for them, and packing plain (untransposed) A is a row copy. Each k step loads the B vectors once and
 * broadcasts one A value per row into fused multiply-adds (after the BLIS micro-kernel, Van Zee
 * and van de Geijn, "BLIS: A Framework for Rapidly Instantiating BLAS Functionality", 2015).
 *
 * <p>Tile shape by vector width: with 512-bit vectors (32 registers) {@link #MR} = 12 rows × 2
 * vectors keeps 24 accumulators + 2 B vectors + 1 broadcast in registers; with 256-bit vectors
 * (16 registers) 6 × 2 vectors. The kernels only store: accumulating into C happens outside,
 * because an in-kernel load-add-store epilogue pushes C2 past its inlining node budget
 * (NodeCountInliningCutoff) and the whole kernel falls back to boxed vectors.
 */
final class MicroKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of C per tile. */
    static final int MR = L >= 16 ? 12 : 6;
    /** Columns of C per tile: two vectors. */
    static final int NR = 2 * L;
    /** Row stride of a packed A panel: the largest depth block. */
    static final int KA = 256;

    private MicroKernel() {
    }

    /** One MR×NR tile with the kernel that suits this vector width. */
    static void tile(int kc, float[] ap, int ao, float[] bp, int bo, int bStep, float[] c, int co, int ldc) {
        if (MR == 12) {
            tile12x2(kc, ap, ao, bp, bo, bStep, c, co, ldc);
        } else {
            tile6x2(kc, ap, ao, bp, bo, bStep, c, co, ldc);
        }
    }

    /** An MR×L tile (the left vector of a B panel), for right-edge panels at most one vector wide. */
    static void halfTile(int kc, float[] ap, int ao, float[] bp, int bo, int bStep, float[] c, int co, int ldc) {
        for (int r = 0; r < MR; r += 6) {
            tile6x1(kc, ap, ao + r * KA, bp, bo, bStep, c, co + r * ldc, ldc);
        }
    }

    /** 12 rows × 2 vectors. */
    static void tile12x2(int kc, float[] ap, int ao, float[] bp, int bo, int bStep,
                          float[] c, int co, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z, c80 = z, c81 = z, c90 = z, c91 = z, c100 = z, c101 = z, c110 = z, c111 = z;
        int a = ao;
        int b = bo;
        for (int p = 0; p < kc; p++, a++, b += bStep) {
            FloatVector b0 = FloatVector.fromArray(S, bp, b); FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector av = FloatVector.broadcast(S, ap[a]);
            c00 = b0.fma(av, c00); c01 = b1.fma(av, c01);
            av = FloatVector.broadcast(S, ap[a + 1 * KA]);
            c10 = b0.fma(av, c10); c11 = b1.fma(av, c11);
            av = FloatVector.broadcast(S, ap[a + 2 * KA]);
            c20 = b0.fma(av, c20); c21 = b1.fma(av, c21);
            av = FloatVector.broadcast(S, ap[a + 3 * KA]);
            c30 = b0.fma(av, c30); c31 = b1.fma(av, c31);
            av = FloatVector.broadcast(S, ap[a + 4 * KA]);
            c40 = b0.fma(av, c40); c41 = b1.fma(av, c41);
            av = FloatVector.broadcast(S, ap[a + 5 * KA]);
            c50 = b0.fma(av, c50); c51 = b1.fma(av, c51);
            av = FloatVector.broadcast(S, ap[a + 6 * KA]);
            c60 = b0.fma(av, c60); c61 = b1.fma(av, c61);
            av = FloatVector.broadcast(S, ap[a + 7 * KA]);
            c70 = b0.fma(av, c70); c71 = b1.fma(av, c71);
            av = FloatVector.broadcast(S, ap[a + 8 * KA]);
            c80 = b0.fma(av, c80); c81 = b1.fma(av, c81);
            av = FloatVector.broadcast(S, ap[a + 9 * KA]);
            c90 = b0.fma(av, c90); c91 = b1.fma(av, c91);
            av = FloatVector.broadcast(S, ap[a + 10 * KA]);
            c100 = b0.fma(av, c100); c101 = b1.fma(av, c101);
            av = FloatVector.broadcast(S, ap[a + 11 * KA]);
            c110 = b0.fma(av, c110); c111 = b1.fma(av, c111);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + L);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + L);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + L);
        c60.intoArray(c, co + 6 * ldc);
        c61.intoArray(c, co + 6 * ldc + L);
        c70.intoArray(c, co + 7 * ldc);
        c71.intoArray(c, co + 7 * ldc + L);
        c80.intoArray(c, co + 8 * ldc);
        c81.intoArray(c, co + 8 * ldc + L);
        c90.intoArray(c, co + 9 * ldc);
        c91.intoArray(c, co + 9 * ldc + L);
        c100.intoArray(c, co + 10 * ldc);
        c101.intoArray(c, co + 10 * ldc + L);
        c110.intoArray(c, co + 11 * ldc);
        c111.intoArray(c, co + 11 * ldc + L);
    }

    /** 6 rows × 2 vectors. */
    static void tile6x2(int kc, float[] ap, int ao, float[] bp, int bo, int bStep,
                          float[] c, int co, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z;
        int a = ao;
        int b = bo;
        for (int p = 0; p < kc; p++, a++, b += bStep) {
            FloatVector b0 = FloatVector.fromArray(S, bp, b); FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector av = FloatVector.broadcast(S, ap[a]);
            c00 = b0.fma(av, c00); c01 = b1.fma(av, c01);
            av = FloatVector.broadcast(S, ap[a + 1 * KA]);
            c10 = b0.fma(av, c10); c11 = b1.fma(av, c11);
            av = FloatVector.broadcast(S, ap[a + 2 * KA]);
            c20 = b0.fma(av, c20); c21 = b1.fma(av, c21);
            av = FloatVector.broadcast(S, ap[a + 3 * KA]);
            c30 = b0.fma(av, c30); c31 = b1.fma(av, c31);
            av = FloatVector.broadcast(S, ap[a + 4 * KA]);
            c40 = b0.fma(av, c40); c41 = b1.fma(av, c41);
            av = FloatVector.broadcast(S, ap[a + 5 * KA]);
            c50 = b0.fma(av, c50); c51 = b1.fma(av, c51);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + L);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + L);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + L);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + L);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + L);
    }

    /** 6 rows × 1 vector. */
    static void tile6x1(int kc, float[] ap, int ao, float[] bp, int bo, int bStep,
                          float[] c, int co, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c10 = z, c20 = z, c30 = z, c40 = z, c50 = z;
        int a = ao;
        int b = bo;
        for (int p = 0; p < kc; p++, a++, b += bStep) {
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector av = FloatVector.broadcast(S, ap[a]);
            c00 = b0.fma(av, c00);
            av = FloatVector.broadcast(S, ap[a + 1 * KA]);
            c10 = b0.fma(av, c10);
            av = FloatVector.broadcast(S, ap[a + 2 * KA]);
            c20 = b0.fma(av, c20);
            av = FloatVector.broadcast(S, ap[a + 3 * KA]);
            c30 = b0.fma(av, c30);
            av = FloatVector.broadcast(S, ap[a + 4 * KA]);
            c40 = b0.fma(av, c40);
            av = FloatVector.broadcast(S, ap[a + 5 * KA]);
            c50 = b0.fma(av, c50);
        }
        c00.intoArray(c, co);
        c10.intoArray(c, co + ldc);
        c20.intoArray(c, co + 2 * ldc);
        c30.intoArray(c, co + 3 * ldc);
        c40.intoArray(c, co + 4 * ldc);
        c50.intoArray(c, co + 5 * ldc);
    }
}
