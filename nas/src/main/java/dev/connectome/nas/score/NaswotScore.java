package dev.connectome.nas.score;

import dev.connectome.engine.Tape;
import dev.connectome.engine.nn.Module;

/**
 * NASWOT (Mellor et al., "Neural Architecture Search without Training", ICML 2021): log|det K_H|
 * of the ReLU-code kernel of an untrained network over one batch. As in the authors'
 * {@code score_networks.py}: one output class, training-mode BatchNorm, the input of every ReLU is
 * read (through the tape's observer, so model code is unchanged). Their first forward/backward
 * pass records nothing and leaves the weights as they are, so one forward pass gives the same K.
 */
public final class NaswotScore implements ZeroCostScore {
    private final boolean fast;

    /** Uses the network's own ReLU-code pass when it has one ({@link ReluCodeSource}). */
    public NaswotScore() {
        this(true);
    }

    /**
     * @param fast use the network's own ReLU-code pass when it has one; false always runs the
     *             generic tape forward (the reference path, for tests and A/B timing)
     */
    public NaswotScore(boolean fast) {
        this.fast = fast;
    }

    @Override
    public String id() {
        return "naswot";
    }

    @Override
    public String description() {
        return "log|det K_H| of ReLU binary codes over the batch (Mellor et al. 2021)";
    }

    @Override
    public double score(ScoreInput in) {
        return kernel(in).score();
    }

    /** The accumulated kernel of the candidate over the batch (for K_H heatmaps). */
    public NaswotKernel kernel(ScoreInput in) {
        if (fast && in.network() instanceof ReluCodeSource source) {
            NaswotKernel k = new NaswotKernel(in.batch().count());
            source.addReluCodes(in, k);
            return k;
        }
        Module net = in.build(1, true);
        int batch = in.batch().count();
        NaswotKernel k = new NaswotKernel(batch);
        Tape tape = Tape.inference(in.parallelism());
        tape.observe((op, x) -> {
            if (op.equals("relu")) {
                k.add(x.data(), x.size() / batch);
            }
        });
        net.forward(tape, ScoreSupport.images(tape, in));
        tape.observe(null);
        tape.reset();
        return k;
    }
}
