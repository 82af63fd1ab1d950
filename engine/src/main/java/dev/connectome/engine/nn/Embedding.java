package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.ShapeOps;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A lookup table of {@code count} trainable vectors of size {@code dim}: row i is the embedding of
 * token i. The backward scatter-adds into the looked-up rows only. The parameter is named "weight".
 */
public final class Embedding implements Module {
    private final Tensor weight;

    /** PyTorch's default initialisation: every value N(0, 1). */
    public Embedding(int count, int dim, RandomGenerator rng) {
        this(count, dim, Double.NaN, rng);
    }

    /** Every value U(−range, range); NaN range means N(0, 1). */
    public Embedding(int count, int dim, double range, RandomGenerator rng) {
        if (count <= 0 || dim <= 0) {
            throw new IllegalArgumentException("Embedding needs positive sizes, got count=" + count + ", dim=" + dim);
        }
        float[] w = new float[count * dim];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (Double.isNaN(range) ? rng.nextGaussian() : (rng.nextDouble() * 2 - 1) * range);
        }
        this.weight = Tensor.parameter(w, count, dim);
    }

    /** The embeddings of {@code ids}, [ids.length, dim]; IllegalArgumentException for an id out of range. */
    public Tensor lookup(Tape tape, int[] ids) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= count()) {
                throw new IllegalArgumentException("Embedding: token " + ids[i] + " at position " + i
                        + " is outside [0, " + count() + ")");
            }
        }
        return ShapeOps.gatherRows(tape, weight, ids);
    }

    /** {@link #lookup} with the ids given as the (integral) values of a tensor of any shape. */
    @Override
    public Tensor forward(Tape tape, Tensor ids) {
        float[] v = ids.data();
        int[] idx = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = (int) v[i];
            if (idx[i] != v[i]) {
                throw new IllegalArgumentException("Embedding: id " + v[i] + " at position " + i + " is not an integer");
            }
        }
        return lookup(tape, idx);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return Map.of("weight", weight);
    }

    public Tensor weight() {
        return weight;
    }

    public int count() {
        return weight.dim(0);
    }

    public int dim() {
        return weight.dim(1);
    }
}
