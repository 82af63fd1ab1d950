package dev.connectome.nas.search;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.space.SearchSpace;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Samples every candidate independently from the space's prior (with replacement). Stateless. */
public final class RandomSearch<A> implements Strategy<A> {

    private final SearchSpace<A> space;

    public RandomSearch(SearchSpace<A> space) {
        this.space = Objects.requireNonNull(space, "space");
    }

    @Override
    public String id() {
        return "random";
    }

    @Override
    public A ask(RandomGenerator rng) {
        return space.sample(rng);
    }

    @Override
    public void tell(A architecture, Evaluation evaluation) {
        // nothing to learn
    }

    @Override
    public String snapshot() {
        return "{\"strategy\":\"random\"}";
    }

    @Override
    public void restore(String json) {
        StrategyJson.expectStrategy(json, "random");
    }
}
