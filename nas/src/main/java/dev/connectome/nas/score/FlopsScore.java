package dev.connectome.nas.score;

/** Multiply-adds of one forward pass per sample (convolutions, pooling, the classifier): a cost baseline proxy. */
public final class FlopsScore implements ZeroCostScore {
    @Override
    public String id() {
        return "flops";
    }

    @Override
    public String description() {
        return "multiply-adds per 3×32×32 sample";
    }

    @Override
    public double score(ScoreInput in) {
        return in.network().multiplyAdds(in.classes());
    }
}
