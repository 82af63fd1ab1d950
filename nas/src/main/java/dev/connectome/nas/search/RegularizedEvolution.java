package dev.connectome.nas.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.space.SearchSpace;
import dev.connectome.nas.study.Direction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Regularized (aging) evolution, Real et al. 2019 ("Regularized Evolution for Image Classifier
 * Architecture Search", Algorithm 1): until the population holds P evaluated candidates, ask random
 * ones; afterwards draw S members uniformly with replacement, mutate the best of them, and when the
 * child is told, append it and drop the oldest member. Failed candidates never join the population.
 *
 * <p>State changes only in {@link #tell}; {@link #ask} reads the population and the generator, so
 * a batch of asks before their tells is deterministic too.
 */
public final class RegularizedEvolution<A> implements Strategy<A> {

    private record Member<A>(A architecture, double value) {
    }

    private final SearchSpace<A> space;
    private final int populationSize;
    private final int sampleSize;
    private final Direction direction;
    private final ArrayDeque<Member<A>> population = new ArrayDeque<>();

    /**
     * @param populationSize P, the population held (≥ 1)
     * @param sampleSize     S, the tournament size (1 ≤ S)
     * @param direction      whether higher or lower objective values are better
     */
    public RegularizedEvolution(SearchSpace<A> space, int populationSize, int sampleSize, Direction direction) {
        this.space = Objects.requireNonNull(space, "space");
        if (populationSize < 1) {
            throw new IllegalArgumentException("population size must be >= 1, got " + populationSize);
        }
        if (sampleSize < 1) {
            throw new IllegalArgumentException("sample size must be >= 1, got " + sampleSize);
        }
        this.populationSize = populationSize;
        this.sampleSize = sampleSize;
        this.direction = Objects.requireNonNull(direction, "direction");
    }

    @Override
    public String id() {
        return "evolution";
    }

    public int populationSize() {
        return populationSize;
    }

    public int sampleSize() {
        return sampleSize;
    }

    @Override
    public A ask(RandomGenerator rng) {
        if (population.size() < populationSize) {
            return space.sample(rng);
        }
        List<Member<A>> members = new ArrayList<>(population);
        Member<A> best = null;
        for (int i = 0; i < sampleSize; i++) {
            Member<A> m = members.get(rng.nextInt(members.size()));
            if (best == null || direction.better(m.value(), best.value())) {
                best = m;
            }
        }
        return space.mutate(best.architecture(), rng);
    }

    @Override
    public void tell(A architecture, Evaluation evaluation) {
        if (!evaluation.isComplete()) {
            return;
        }
        population.addLast(new Member<>(architecture, evaluation.value()));
        if (population.size() > populationSize) {
            population.removeFirst();
        }
    }

    @Override
    public String snapshot() {
        ObjectNode node = StrategyJson.object("evolution");
        node.put("populationSize", populationSize);
        node.put("sampleSize", sampleSize);
        ArrayNode list = node.putArray("population");
        for (Member<A> m : population) {
            list.addObject().put("architecture", space.format(m.architecture())).put("value", m.value());
        }
        return StrategyJson.write(node);
    }

    @Override
    public void restore(String json) {
        JsonNode node = StrategyJson.expectStrategy(json, "evolution");
        if (node.path("populationSize").asInt(-1) != populationSize || node.path("sampleSize").asInt(-1) != sampleSize) {
            throw new IllegalArgumentException("evolution snapshot is for P=" + node.path("populationSize").asText()
                    + ", S=" + node.path("sampleSize").asText() + " but this strategy has P=" + populationSize
                    + ", S=" + sampleSize);
        }
        ArrayDeque<Member<A>> restored = new ArrayDeque<>();
        for (JsonNode m : node.path("population")) {
            JsonNode value = m.get("value");
            if (value == null || !value.isNumber()) {
                throw new IllegalArgumentException("evolution snapshot member without a numeric value: " + m);
            }
            restored.addLast(new Member<>(space.parse(m.path("architecture").asText()), value.asDouble()));
        }
        population.clear();
        population.addAll(restored);
    }
}
