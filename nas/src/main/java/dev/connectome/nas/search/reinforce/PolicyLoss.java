package dev.connectome.nas.search.reinforce;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Arithmetic;
import dev.connectome.engine.ops.Reductions;
import dev.connectome.engine.ops.Softmax;

/**
 * The controller's losses, built from a {@link Controller.Rollout} with existing autograd ops.
 *
 * <p>REINFORCE (Williams 1992), as used by NAS: {@code ∇J ≈ (1/B) Σ_i (R_i − b) Σ_t ∇ log π(a_it | a_i,<t)},
 * so the loss to minimise is {@code −(1/B) Σ_i A_i Σ_t log π(a_it)} with constant advantages A_i; the
 * entropy bonus subtracts {@code β·(1/B) Σ_i Σ_t H_t}.
 */
public final class PolicyLoss {
    private PolicyLoss() {
    }

    /** {@code Σ_i w_i Σ_t log π(a_it)}: a one-hot mask with weight w_i at each chosen token, summed. */
    public static Tensor weightedLogProb(Tape tape, Controller.Rollout r, int[][] sequences, double[] w) {
        if (w.length != sequences.length) {
            throw new IllegalArgumentException(w.length + " weights for " + sequences.length + " sequences");
        }
        Tensor total = null;
        for (int p = 0; p < r.logProbs().size(); p++) {
            Tensor lp = r.logProbs().get(p);
            int k = lp.dim(1);
            Tensor mask = tape.zeros(false, sequences.length, k);
            for (int i = 0; i < sequences.length; i++) {
                mask.data()[i * k + sequences[i][p]] = (float) w[i];
            }
            Tensor term = Reductions.sum(tape, Arithmetic.mul(tape, lp, mask));
            total = total == null ? term : Arithmetic.add(tape, total, term);
        }
        return total;
    }

    /** {@code (1/B) Σ_i Σ_t Σ_k π_k log π_k} = minus the mean summed entropy. */
    public static Tensor negativeEntropy(Tape tape, Controller.Rollout r) {
        Tensor total = null;
        int b = r.logProbs().get(0).dim(0);
        for (int p = 0; p < r.logProbs().size(); p++) {
            Tensor prob = Softmax.softmax(tape, r.logits().get(p));
            Tensor term = Reductions.sum(tape, Arithmetic.mul(tape, prob, r.logProbs().get(p)));
            total = total == null ? term : Arithmetic.add(tape, total, term);
        }
        return Arithmetic.mulScalar(tape, total, 1f / b);
    }

    /** The REINFORCE loss {@code −(1/B) Σ_i A_i log π(seq_i) − β·mean entropy}. */
    public static Tensor reinforce(Tape tape, Controller.Rollout r, int[][] sequences, double[] advantages,
            double entropyWeight) {
        double[] w = new double[advantages.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = -advantages[i] / sequences.length;
        }
        Tensor loss = weightedLogProb(tape, r, sequences, w);
        if (entropyWeight > 0) {
            loss = Arithmetic.add(tape, loss, Arithmetic.mulScalar(tape, negativeEntropy(tape, r), (float) entropyWeight));
        }
        return loss;
    }

    /** Teacher-forced mean negative log-likelihood of the sequences (the memory regulariser's L_sup). */
    public static Tensor negativeLogLikelihood(Tape tape, Controller.Rollout r, int[][] sequences) {
        double[] w = new double[sequences.length];
        java.util.Arrays.fill(w, -1.0 / sequences.length);
        return weightedLogProb(tape, r, sequences, w);
    }
}
