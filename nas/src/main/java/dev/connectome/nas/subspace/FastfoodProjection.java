package dev.connectome.nas.subspace;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Li et al.'s Fastfood projection ({@code --fastfoodproj}, after Le, Sarlós &amp; Smola 2013): P·ω
 * is computed, never stored. For a block of length L (a power of two):
 * pad ω with zeros to L, multiply by random signs B, Walsh–Hadamard transform H, permute Π,
 * multiply by a Gaussian diagonal G, transform again, keep the first D entries and divide by
 * √(L·ΣG²)·√(D/L). Each column of the untruncated block then has norm exactly 1, and the kept part
 * has expected squared norm 1 over D. Pᵀ·g runs the same steps backwards (H is symmetric, Π⁻¹ = Πᵀ).
 *
 * <p>Memory O(D) (B, Π and G per block; the scale is folded into G), time O(D log D) per product,
 * whatever d is. By default one block of L = 2^⌈log₂ max(D, d)⌉ covers everything, as in Li et al.
 * With a smaller block length, independent blocks are stacked: ⌈D/L⌉ along θ and ⌈d/L⌉ along ω
 * (their outputs summed), so neither D nor d has to fit in one power of two. The registered
 * "fastfood" type is {@link InterleavedFastfood}, the same stacked construction laid out for SIMD;
 * this class is "fastfood-li" and the plain-layout reference.
 */
public final class FastfoodProjection implements Projection {
    /** Registered as "fastfood-li": one block of 2^⌈log₂ D⌉ exactly as in Li et al.'s code (slower: it leaves L1/L2). */
    public static final ProjectionType SINGLE_BLOCK = ProjectionType.of("fastfood-li",
            "Fastfood as one block of 2^ceil(log2 D), as in Li et al.'s code (O(D) memory)",
            (request, rng) -> FastfoodProjection.create(request.ambientDimension(), request.dimension(), 0, rng));

    /**
     * The block length of the registered "fastfood" type ({@link InterleavedFastfood}): the smallest power of two ≥ d, at least
     * 1024, at most 2^⌈log₂ max(D, d)⌉. Blocks this small stay in cache (one block of 2^18 for MNIST FC
     * streams through L2 on every stage: measured 3.2× a plain step; interleaved blocks of 1024: 1.3×),
     * and stacking ⌈D/L⌉ independent d-to-L blocks is Le et al.'s original Fastfood construction.
     */
    public static int defaultBlockLength(int ambient, int dim) {
        return Math.min(Fwht.nextPowerOfTwo(Math.max(ambient, dim)), Fwht.nextPowerOfTwo(Math.max(dim, 1024)));
    }

    private final int ambient;
    private final int dim;
    private final int block;
    private final int outBlocks;
    private final int inBlocks;
    private final float[][] signs; // per ω block
    // Per block pair (o, i) at index o·inBlocks + i, each of length L.
    private final int[][] perm;
    private final int[][] inverse;
    private final float[][] gauss; // G · scale
    private final float[][] gaussInverse; // G · scale in inverse-permutation order

    private FastfoodProjection(int ambient, int dim, int block, float[][] signs, int[][] perm, float[][] gauss) {
        this.ambient = ambient;
        this.dim = dim;
        this.block = block;
        this.outBlocks = (ambient + block - 1) / block;
        this.inBlocks = (dim + block - 1) / block;
        this.signs = signs;
        this.perm = perm;
        this.gauss = gauss;
        this.inverse = new int[perm.length][];
        this.gaussInverse = new float[perm.length][];
        for (int p = 0; p < perm.length; p++) {
            int[] inv = new int[block];
            float[] gi = new float[block];
            for (int k = 0; k < block; k++) {
                inv[perm[p][k]] = k;
            }
            for (int m = 0; m < block; m++) {
                gi[m] = gauss[p][inv[m]];
            }
            inverse[p] = inv;
            gaussInverse[p] = gi;
        }
    }

    /**
     * A Fastfood projection from d to D. The θ blocks of one ω block share its signs B and first
     * transform (H·B·ω is computed once), each has its own Π and G: the blocks stay independent
     * given H·B·ω, and the shared half of the work is done once instead of ⌈D/L⌉ times.
     *
     * @param blockLength the block length L, a power of two; 0 for one block of 2^⌈log₂ max(D, d)⌉
     */
    public static FastfoodProjection create(int ambient, int dim, int blockLength, RandomGenerator rng) {
        if (ambient < 1 || dim < 1) {
            throw new IllegalArgumentException("fastfood projection: D and d must be positive, got D=" + ambient + ", d=" + dim);
        }
        int l = blockLength == 0 ? Fwht.nextPowerOfTwo(Math.max(ambient, dim)) : blockLength;
        if (!Fwht.isPowerOfTwo(l)) {
            throw new IllegalArgumentException("fastfood projection: block length must be a power of two, got " + l);
        }
        int outBlocks = (ambient + l - 1) / l;
        int inBlocks = (dim + l - 1) / l;
        int pairs = outBlocks * inBlocks;
        float[][] signs = new float[inBlocks][];
        for (int i = 0; i < inBlocks; i++) {
            float[] b = new float[l];
            for (int k = 0; k < l; k++) {
                b[k] = rng.nextBoolean() ? 1f : -1f;
            }
            signs[i] = b;
        }
        int[][] perm = new int[pairs][];
        float[][] gauss = new float[pairs][];
        // Expected kept squared norm of a column is D / (outBlocks·L) of its untruncated norm² (= outBlocks).
        double keep = Math.sqrt((double) ambient / l);
        for (int p = 0; p < pairs; p++) {
            int[] pi = new int[l];
            for (int k = 0; k < l; k++) {
                pi[k] = k;
            }
            for (int k = l - 1; k > 0; k--) { // Fisher–Yates
                int j = rng.nextInt(k + 1);
                int t = pi[k];
                pi[k] = pi[j];
                pi[j] = t;
            }
            double[] g = new double[l];
            double sumSq = 0;
            for (int k = 0; k < l; k++) {
                g[k] = rng.nextGaussian();
                sumSq += g[k] * g[k];
            }
            double scale = 1 / (Math.sqrt(l * sumSq) * keep);
            float[] gs = new float[l];
            for (int k = 0; k < l; k++) {
                gs[k] = (float) (g[k] * scale);
            }
            perm[p] = pi;
            gauss[p] = gs;
        }
        return new FastfoodProjection(ambient, dim, l, signs, perm, gauss);
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

    /** Number of (θ block, ω block) pairs. */
    public int blocks() {
        return outBlocks * inBlocks;
    }

    @Override
    public int scratchLength() {
        return 2 * block;
    }

    @Override
    public void project(float[] omega, float[] out, float[] scratch) {
        checkLengths(omega, out);
        checkScratch(scratch);
        int l = block;
        for (int i = 0; i < inBlocks; i++) {
            // v = H·B·ω_i, shared by every θ block
            int inFrom = i * l;
            int take = Math.min(l, dim - inFrom);
            float[] b = signs[i];
            for (int k = 0; k < take; k++) {
                scratch[k] = omega[inFrom + k] * b[k];
            }
            Arrays.fill(scratch, take, l, 0f);
            Fwht.transform(scratch, 0, l);
            for (int o = 0; o < outBlocks; o++) {
                int p = o * inBlocks + i;
                int outFrom = o * l;
                int keep = Math.min(l, ambient - outFrom);
                FastfoodKernels.gatherScale(scratch, 0, perm[p], gauss[p], scratch, l, l);
                Fwht.transform(scratch, l, l);
                if (i == 0) {
                    System.arraycopy(scratch, l, out, outFrom, keep);
                } else {
                    DenseKernels.axpy(1f, scratch, l, out, outFrom, keep);
                }
            }
        }
    }

    @Override
    public void projectTranspose(float[] grad, float[] out, float[] scratch) {
        checkLengths(out, grad);
        checkScratch(scratch);
        int l = block;
        for (int i = 0; i < inBlocks; i++) {
            // acc = Σ_o Πᵀ·G·H·g_o, then ω_i = B·H·acc
            Arrays.fill(scratch, 0, l, 0f);
            for (int o = 0; o < outBlocks; o++) {
                int p = o * inBlocks + i;
                int outFrom = o * l;
                int keep = Math.min(l, ambient - outFrom);
                System.arraycopy(grad, outFrom, scratch, l, keep);
                Arrays.fill(scratch, l + keep, 2 * l, 0f);
                Fwht.transform(scratch, l, l);
                // Πᵀ as a gather: the forward read u[k] = v[π(k)], so the adjoint writes v[m] += u[π⁻¹(m)]
                FastfoodKernels.gatherScaleAdd(scratch, l, inverse[p], gaussInverse[p], scratch, 0, l);
            }
            Fwht.transform(scratch, 0, l);
            int inFrom = i * l;
            int take = Math.min(l, dim - inFrom);
            float[] b = signs[i];
            for (int k = 0; k < take; k++) {
                out[inFrom + k] = scratch[k] * b[k];
            }
        }
    }

    private void checkScratch(float[] scratch) {
        if (scratch == null || scratch.length < 2 * block) {
            throw new IllegalArgumentException("fastfood projection needs " + 2 * block + " floats of scratch, got "
                    + (scratch == null ? "none" : scratch.length));
        }
    }

    @Override
    public long storedValues() {
        return (long) block * (inBlocks + 4L * blocks());
    }

    @Override
    public String name() {
        return "fastfood";
    }

    @Override
    public String toString() {
        return "fastfood(D=" + ambient + ", d=" + dim + ", L=" + block + ", blocks=" + blocks() + ")";
    }
}
