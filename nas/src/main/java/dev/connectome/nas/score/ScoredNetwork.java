package dev.connectome.nas.score;

import dev.connectome.engine.nn.Module;
import java.util.random.RandomGenerator;

/**
 * A candidate architecture as zero-cost scores see it: it can build fresh, untrained instances of
 * itself (the scores need different heads: NASWOT one output, loss-based scores one per class;
 * synflow no BatchNorm) and knows its compute cost.
 */
public interface ScoredNetwork {
    /** A short name for messages, e.g. the architecture string. */
    String name();

    /** A freshly initialised network in training mode, input [batch, 3, 32, 32], output [batch, classes]. */
    Module build(int classes, boolean batchNorm, RandomGenerator rng);

    /** Multiply-adds of one forward pass per 3×32×32 sample. */
    long multiplyAdds(int classes);
}
