package dev.connectome.nas.subspace;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fastfood as stacked blocks (Le, Sarlós &amp; Smola 2013; Li et al. 2018's scaling), laid out for
 * SIMD: the θ blocks come in groups of 16 whose rows are interleaved, θ index
 * {@code g·16·L + k·16 + j} being row k of block j of group g. The 16 second transforms of a group
 * then run as one {@link InterleavedFwht} (whole-vector butterflies only), and the permute-and-scale
 * step Π, G is one vector gather per row. Which θ coordinates a block owns is a fixed relabelling of
 * rows, so the distribution of P is that of {@link FastfoodProjection} with the same block length.
 *
 * <p>Per ω block i (length L, signs B_i) the shared v_i = H·B_i·ω_i is computed once; block j of
 * group g then yields H·Σ_i G_gij·Π_gij·v_i (the sum before the transform, H being linear), truncated
 * to D and scaled by 1/(√(L·ΣG²)·√(D/L)) so that a column's expected squared norm is 1 (exactly 1
 * when D is a multiple of 16·L). Pᵀ runs the same steps backwards. Memory O(D + 16·L).
 */
public final class InterleavedFastfood implements Projection {
    /** Registered as "fastfood": blocks of {@link FastfoodProjection#defaultBlockLength} in interleaved groups of 16. */
    public static final ProjectionType TYPE = ProjectionType.of("fastfood",
            "Fastfood blocks: signs, Walsh–Hadamard, permutation, Gaussian, Walsh–Hadamard (O(D) memory)",
            (request, rng) -> create(request.ambientDimension(), request.dimension(),
                    FastfoodProjection.defaultBlockLength(request.ambientDimension(), request.dimension()), rng));

    private static final int W = InterleavedFwht.WIDTH;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED.length() <= W
            ? FloatVector.SPECIES_PREFERRED : FloatVector.SPECIES_512;
    private static final int VL = S.length();

    private final int ambient;
    private final int dim;
    private final int block;
    private final int groups;
    private final int inBlocks;
    private final float[][] signs; // per ω block, length L
    // Per (group g, ω block i) at g·inBlocks + i, each of length 16·L, interleaved like θ:
    private final int[][] gatherIndex; // [k·16 + j] = π_j(k): row k of block j reads v_i[π_j(k)]
    private final float[][] gatherScale; // [k·16 + j] = G_j[k]·scale_j
    private final int[][] scatterIndex; // [m·16 + j] = π_j⁻¹(m)·16 + j: where v_i[m]'s mass went in block j
    private final float[][] scatterScale; // [m·16 + j] = G_j[π_j⁻¹(m)]·scale_j

    private InterleavedFastfood(int ambient, int dim, int block, float[][] signs, int[][] gatherIndex, float[][] gatherScale) {
        this.ambient = ambient;
        this.dim = dim;
        this.block = block;
        this.inBlocks = signs.length;
        this.groups = gatherIndex.length / inBlocks;
        this.signs = signs;
        this.gatherIndex = gatherIndex;
        this.gatherScale = gatherScale;
        this.scatterIndex = new int[gatherIndex.length][];
        this.scatterScale = new float[gatherIndex.length][];
        for (int p = 0; p < gatherIndex.length; p++) {
            int[] si = new int[block * W];
            float[] ss = new float[block * W];
            for (int k = 0; k < block; k++) {
                for (int j = 0; j < W; j++) {
                    int m = gatherIndex[p][k * W + j];
                    si[m * W + j] = k * W + j;
                    ss[m * W + j] = gatherScale[p][k * W + j];
                }
            }
            scatterIndex[p] = si;
            scatterScale[p] = ss;
        }
    }

    /**
     * A projection from d to D with blocks of length L (a power of two): ⌈d/L⌉ ω blocks and
     * ⌈D/(16·L)⌉ groups of 16 θ blocks, each (θ block, ω block) pair with its own Π and G.
     */
    public static InterleavedFastfood create(int ambient, int dim, int blockLength, RandomGenerator rng) {
        if (ambient < 1 || dim < 1) {
            throw new IllegalArgumentException("fastfood projection: D and d must be positive, got D=" + ambient + ", d=" + dim);
        }
        if (!Fwht.isPowerOfTwo(blockLength)) {
            throw new IllegalArgumentException("fastfood projection: block length must be a power of two, got " + blockLength);
        }
        int l = blockLength;
        int inBlocks = (dim + l - 1) / l;
        long rows = (long) l * W;
        int groups = (int) ((ambient + rows - 1) / rows);
        float[][] signs = new float[inBlocks][];
        for (int i = 0; i < inBlocks; i++) {
            float[] b = new float[l];
            for (int k = 0; k < l; k++) {
                b[k] = rng.nextBoolean() ? 1f : -1f;
            }
            signs[i] = b;
        }
        // Each untruncated block column has norm 1; D/L of the 16·groups·L rows' worth of mass is kept.
        double keep = Math.sqrt((double) ambient / l);
        int[][] gatherIndex = new int[groups * inBlocks][];
        float[][] gatherScale = new float[groups * inBlocks][];
        int[] pi = new int[l];
        double[] g = new double[l];
        for (int p = 0; p < groups * inBlocks; p++) {
            int[] gi = new int[l * W];
            float[] gs = new float[l * W];
            for (int j = 0; j < W; j++) {
                for (int k = 0; k < l; k++) {
                    pi[k] = k;
                }
                for (int k = l - 1; k > 0; k--) { // Fisher–Yates
                    int r = rng.nextInt(k + 1);
                    int t = pi[k];
                    pi[k] = pi[r];
                    pi[r] = t;
                }
                double sumSq = 0;
                for (int k = 0; k < l; k++) {
                    g[k] = rng.nextGaussian();
                    sumSq += g[k] * g[k];
                }
                double scale = 1 / (Math.sqrt(l * sumSq) * keep);
                for (int k = 0; k < l; k++) {
                    gi[k * W + j] = pi[k];
                    gs[k * W + j] = (float) (g[k] * scale);
                }
            }
            gatherIndex[p] = gi;
            gatherScale[p] = gs;
        }
        return new InterleavedFastfood(ambient, dim, l, signs, gatherIndex, gatherScale);
    }

    @Override
    public int ambientDimension() {
        return ambient;
    }

    @Override
    public int dimension() {
        return dim;
    }

    /** The block length L. */
    public int blockLength() {
        return block;
    }

    /** Number of θ blocks (16 per group, the last group's partly cut off). */
    public int thetaBlocks() {
        return groups * W;
    }

    /** Scratch: the ω blocks' v (d rounded up to L), one group (16·L) and the transpose's per-ω-block accumulators. */
    @Override
    public int scratchLength() {
        return inBlocks * block + W * block + inBlocks * W * block;
    }

    @Override
    public void project(float[] omega, float[] out, float[] scratch) {
        checkLengths(omega, out);
        checkScratch(scratch);
        int l = block;
        int rows = l * W;
        int bufOff = inBlocks * l;
        for (int i = 0; i < inBlocks; i++) {
            int from = i * l;
            int take = Math.min(l, dim - from);
            float[] b = signs[i];
            for (int k = 0; k < take; k++) {
                scratch[from + k] = omega[from + k] * b[k];
            }
            Arrays.fill(scratch, from + take, from + l, 0f);
            Fwht.transform(scratch, from, l);
        }
        for (int g = 0; g < groups; g++) {
            int outFrom = g * rows;
            int keep = Math.min(rows, ambient - outFrom);
            // a whole group is built in place in θ; the cut-off last one in scratch
            float[] dst = keep == rows ? out : scratch;
            int dstOff = keep == rows ? outFrom : bufOff;
            for (int i = 0; i < inBlocks; i++) {
                int p = g * inBlocks + i;
                gatherRows(scratch, i * l, gatherIndex[p], gatherScale[p], dst, dstOff, rows, i > 0);
            }
            InterleavedFwht.transform(dst, dstOff, l);
            if (keep < rows) {
                System.arraycopy(scratch, bufOff, out, outFrom, keep);
            }
        }
    }

    @Override
    public void projectTranspose(float[] grad, float[] out, float[] scratch) {
        checkLengths(out, grad);
        checkScratch(scratch);
        int l = block;
        int rows = l * W;
        int vOff = 0;
        int bufOff = inBlocks * l;
        int accOff = bufOff + rows;
        for (int g = 0; g < groups; g++) {
            int from = g * rows;
            int keep = Math.min(rows, ambient - from);
            if (keep == rows) {
                InterleavedFwht.transform(grad, from, scratch, bufOff, l);
            } else {
                System.arraycopy(grad, from, scratch, bufOff, keep);
                Arrays.fill(scratch, bufOff + keep, bufOff + rows, 0f);
                InterleavedFwht.transform(scratch, bufOff, l);
            }
            // acc_i += Πᵀ·G·(H·g) per block, as gathers (the forward read v[π(k)], so the adjoint reads u[π⁻¹(m)])
            for (int i = 0; i < inBlocks; i++) {
                int p = g * inBlocks + i;
                gatherRows(scratch, bufOff, scatterIndex[p], scatterScale[p], scratch, accOff + i * rows, rows, g > 0);
            }
        }
        for (int i = 0; i < inBlocks; i++) {
            int acc = accOff + i * rows;
            for (int m = 0; m < l; m++) {
                float s = 0;
                for (int c = 0; c < W; c += VL) {
                    s += FloatVector.fromArray(S, scratch, acc + m * W + c).reduceLanes(VectorOperators.ADD);
                }
                scratch[vOff + m] = s;
            }
            Fwht.transform(scratch, vOff, l);
            int from = i * l;
            int take = Math.min(l, dim - from);
            float[] b = signs[i];
            for (int k = 0; k < take; k++) {
                out[from + k] = scratch[vOff + k] * b[k];
            }
        }
    }

    /** {@code dst[dOff + r] (+)= src[sOff + index[r]]·scale[r]} for r in [0, n), n a multiple of 16. */
    private static void gatherRows(float[] src, int sOff, int[] index, float[] scale, float[] dst, int dOff, int n,
                                   boolean accumulate) {
        if (accumulate) {
            for (int r = 0; r < n; r += VL) {
                FloatVector.fromArray(S, src, sOff, index, r).fma(FloatVector.fromArray(S, scale, r),
                        FloatVector.fromArray(S, dst, dOff + r)).intoArray(dst, dOff + r);
            }
        } else {
            for (int r = 0; r < n; r += VL) {
                FloatVector.fromArray(S, src, sOff, index, r).mul(FloatVector.fromArray(S, scale, r)).intoArray(dst, dOff + r);
            }
        }
    }

    private void checkScratch(float[] scratch) {
        if (scratch == null || scratch.length < scratchLength()) {
            throw new IllegalArgumentException("fastfood projection needs " + scratchLength() + " floats of scratch, got "
                    + (scratch == null ? "none" : scratch.length));
        }
    }

    @Override
    public long storedValues() {
        return (long) block * (inBlocks + 4L * W * groups * inBlocks);
    }

    @Override
    public String name() {
        return "fastfood";
    }

    @Override
    public String toString() {
        return "fastfood(D=" + ambient + ", d=" + dim + ", L=" + block + ", groups of 16 blocks=" + groups + ")";
    }
}
