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
 * (their outputs summed), so neither D nor d has to fit in one power of two.
 */
public final class FastfoodProjection implements Projection {
    /** Registered as "fastfood" (one block, as in Li et al.). */
    public static final ProjectionType TYPE = new ProjectionType() {
        @Override
        public String name() {
            return "fastfood";
        }

        @Override
        public String description() {
            return "Fastfood transform: signs, Walsh–Hadamard, permutation, Gaussian, Walsh–Hadamard (O(D) memory)";
        }

        @Override
        public Projection create(ProjectionRequest request, RandomGenerator rng) {
            return FastfoodProjection.create(request.ambientDimension(), request.dimension(), 0, rng);
        }
    };

    private final int ambient;
    private final int dim;
    private final int block;
    private final int outBlocks;
    private final int inBlocks;
    // Per block pair (o, i) at index o·inBlocks + i, each of length L.
    private final float[][] signs;
    private final int[][] perm;
    private final float[][] gauss; // G · scale

    private FastfoodProjection(int ambient, int dim, int block, float[][] signs, int[][] perm, float[][] gauss) {
        this.ambient = ambient;
        this.dim = dim;
        this.block = block;
        this.outBlocks = (ambient + block - 1) / block;
        this.inBlocks = (dim + block - 1) / block;
        this.signs = signs;
        this.perm = perm;
        this.gauss = gauss;
    }

    /**
     * A Fastfood projection from d to D.
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
        float[][] signs = new float[pairs][];
        int[][] perm = new int[pairs][];
        float[][] gauss = new float[pairs][];
        // Expected kept squared norm of a column is D / (outBlocks·L) of its untruncated norm² (= outBlocks).
        double keep = Math.sqrt((double) ambient / l);
        for (int p = 0; p < pairs; p++) {
            float[] b = new float[l];
            for (int k = 0; k < l; k++) {
                b[k] = rng.nextBoolean() ? 1f : -1f;
            }
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
            signs[p] = b;
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
        for (int o = 0; o < outBlocks; o++) {
            int outFrom = o * l;
            int keep = Math.min(l, ambient - outFrom);
            Arrays.fill(out, outFrom, outFrom + keep, 0f);
            for (int i = 0; i < inBlocks; i++) {
                int p = o * inBlocks + i;
                int inFrom = i * l;
                int take = Math.min(l, dim - inFrom);
                float[] b = signs[p];
                for (int k = 0; k < take; k++) {
                    scratch[k] = omega[inFrom + k] * b[k];
                }
                Arrays.fill(scratch, take, l, 0f);
                Fwht.transform(scratch, 0, l);
                int[] pi = perm[p];
                float[] g = gauss[p];
                for (int k = 0; k < l; k++) {
                    scratch[l + k] = scratch[pi[k]] * g[k];
                }
                Fwht.transform(scratch, l, l);
                DenseKernels.axpy(1f, scratch, l, out, outFrom, keep);
            }
        }
    }

    @Override
    public void projectTranspose(float[] grad, float[] out, float[] scratch) {
        checkLengths(out, grad);
        checkScratch(scratch);
        int l = block;
        Arrays.fill(out, 0, dim, 0f);
        for (int o = 0; o < outBlocks; o++) {
            int outFrom = o * l;
            int keep = Math.min(l, ambient - outFrom);
            for (int i = 0; i < inBlocks; i++) {
                int p = o * inBlocks + i;
                System.arraycopy(grad, outFrom, scratch, l, keep);
                Arrays.fill(scratch, l + keep, 2 * l, 0f);
                Fwht.transform(scratch, l, l);
                int[] pi = perm[p];
                float[] g = gauss[p];
                for (int k = 0; k < l; k++) { // Πᵀ: the forward read u[k] = v[π(k)]
                    scratch[pi[k]] = scratch[l + k] * g[k];
                }
                Fwht.transform(scratch, 0, l);
                int inFrom = i * l;
                int take = Math.min(l, dim - inFrom);
                float[] b = signs[p];
                for (int k = 0; k < take; k++) {
                    out[inFrom + k] += scratch[k] * b[k];
                }
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
        return 3L * block * blocks();
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
