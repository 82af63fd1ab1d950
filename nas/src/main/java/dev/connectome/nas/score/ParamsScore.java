package dev.connectome.nas.score;

import java.util.SplittableRandom;

/** Number of trainable parameters of the network with one output per class (a classic baseline proxy). */
public final class ParamsScore implements ZeroCostScore {
    @Override
    public String id() {
        return "params";
    }

    @Override
    public String description() {
        return "number of trainable parameters";
    }

    @Override
    public double score(ScoreInput in) {
        return in.network().build(in.classes(), true, new SplittableRandom(in.seed())).parameterCount();
    }
}
