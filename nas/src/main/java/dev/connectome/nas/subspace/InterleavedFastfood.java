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
 * then run as one {@link InterleavedFwht} (whole-vector butterflies only).
 *
 * <p>Per ω block i (length L, signs B_i) the shared v_i = H·B_i·ω_i is computed once. The 16 blocks
 * of a group share one permutation Π_gi and each has its own Gaussian diagonal G_gij: block j yields
 * H·Σ_i G_gij·Π_gi·v_i (summed before the transform, H being linear). Sharing Π within a group (every
 * group and ω block still draws its own) turns the permute step into one scalar load and broadcast
 * per row instead of a 16-lane gather (measured: a group's gathers cost more than its 16 transforms);
 * given v, the blocks stay independent through their G. Rows are truncated to D and scaled by
 * 1/(√(L·ΣG²)·√(D/L)), so each block column has norm exactly 1/√(D/L) and a column of P has
 * expected squared norm 1 (exactly 1 when D is a multiple of 16·L). Pᵀ runs the same steps
 * backwards. Memory O(D + 16·L).
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
    // Per (group g, ω block i) at g·inBlocks + i:
    private final int[][] perm; // length L: row k of every block in the group reads v_i[π(k)]
    private final int[][] inverse; // length L: π⁻¹
    private final float[][] gauss; // length 16·L, [k·16 + j] = G_j[k]·scale_j

    private InterleavedFastfood(int ambient, int dim, int block, float[][] signs, int[][] perm, float[][] gauss) {
        this.ambient = ambient;
        this.dim = dim;
        this.block = block;
        this.inBlocks = signs.length;
        this.groups = perm.length / inBlocks;
        this.signs = signs;
        this.perm = perm;
        this.gauss = gauss;
        this.inverse = new int[perm.length][];
        for (int p = 0; p < perm.length; p++) {
            int[] inv = new int[block];
            for (int k = 0; k < block; k++) {
                inv[perm[p][k]] = k;
            }
            inverse[p] = inv;
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
        int[][] perm = new int[groups * inBlocks][];
        float[][] gauss = new float[groups * inBlocks][];
        double[] g = new double[l];
        for (int p = 0; p < groups * inBlocks; p++) {
            int[] pi = new int[l];
            for (int k = 0; k < l; k++) {
                pi[k] = k;
            }
            for (int k = l - 1; k > 0; k--) { // Fisher–Yates
                int r = rng.nextInt(k + 1);
                int t = pi[k];
                pi[k] = pi[r];
                pi[r] = t;
            }
            float[] gs = new float[l * W];
            for (int j = 0; j < W; j++) {
                double sumSq = 0;
                for (int k = 0; k < l; k++) {
                    g[k] = rng.nextGaussian();
                    sumSq += g[k] * g[k];
                }
                double scale = 1 / (Math.sqrt(l * sumSq) * keep);
                for (int k = 0; k < l; k++) {
                    gs[k * W + j] = (float) (g[k] * scale);
                }
            }
            perm[p] = pi;
            gauss[p] = gs;
        }
        return new InterleavedFastfood(ambient, dim, l, signs, perm, gauss);
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
                permuteScale(scratch, i * l, perm[p], gauss[p], dst, dstOff, l, i > 0);
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
            // acc_i += Πᵀ·G·(H·g) per block: the forward read v[π(k)] into row k, so row m of the adjoint reads row π⁻¹(m)
            for (int i = 0; i < inBlocks; i++) {
                int p = g * inBlocks + i;
                unpermuteScale(scratch, bufOff, inverse[p], gauss[p], scratch, accOff + i * rows, l, g > 0);
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

    /** Row k of {@code dst} (+)= v[π(k)]·(row k of G): a scalar broadcast per row. */
    private static void permuteScale(float[] v, int vOff, int[] pi, float[] gauss, float[] dst, int dOff, int l,
                                     boolean accumulate) {
        for (int k = 0; k < l; k++) {
            float x = v[vOff + pi[k]];
            for (int c = 0; c < W; c += VL) {
                int r = k * W + c;
                FloatVector gv = FloatVector.fromArray(S, gauss, r);
                (accumulate ? gv.mul(x).add(FloatVector.fromArray(S, dst, dOff + r)) : gv.mul(x)).intoArray(dst, dOff + r);
            }
        }
    }

    /** Row m of {@code acc} (+)= (row π⁻¹(m) of u)·(row π⁻¹(m) of G): whole-row loads at permuted rows. */
    private static void unpermuteScale(float[] u, int uOff, int[] inv, float[] gauss, float[] acc, int aOff, int l,
                                       boolean accumulate) {
        for (int m = 0; m < l; m++) {
            int src = inv[m] * W;
            for (int c = 0; c < W; c += VL) {
                FloatVector prod = FloatVector.fromArray(S, u, uOff + src + c).mul(FloatVector.fromArray(S, gauss, src + c));
                int r = aOff + m * W + c;
                (accumulate ? prod.add(FloatVector.fromArray(S, acc, r)) : prod).intoArray(acc, r);
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
        return (long) block * (inBlocks + (2L + W) * groups * inBlocks);
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
