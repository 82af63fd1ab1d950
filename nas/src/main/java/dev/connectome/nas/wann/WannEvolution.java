package dev.connectome.nas.wann;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.search.Strategy;
import dev.connectome.nas.study.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The WANN search of Gaier and Ha 2019 (WANNRelease {@code wann.py}, {@code _variation.py}) as a
 * generational ask/tell strategy: generation 0 is {@code P} initial genomes; when all {@code P}
 * members of a generation are told, they are ranked by NSGA-II ({@link NsgaSort}) on (mean, 1/connections)
 * with probability {@code probMoo}, else on (mean, max); the worst floor(cullRatio·P) are dropped; the
 * next generation starts with the best floor(eliteRatio·survivors) unchanged, and every other child is
 * a tournament winner (the lowest rank among {@code tournamentSize} uniform draws from the survivors)
 * with exactly one topological mutation. There is no crossover and no speciation.
 *
 * <p>(WANNRelease itself draws two such tournaments per child and, with crossover off, keeps the better
 * winner; this class follows the single tournament described in the reference notes.)
 *
 * <p>The study must ask whole generations in batches that divide {@code P} (use batch size P), since a
 * child can only be asked once its parents' generation is fully told. The objective choice of each
 * generation comes from a generator derived from the strategy seed and the generation, so a restored
 * strategy continues identically.
 */
public final class WannEvolution implements Strategy<WannCandidate> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MOO_STREAM = 0x4D4F4FL;

    private record Member(WannCandidate candidate, double mean, double max, int connections) {
    }

    private final WannSpace space;
    private final WannSettings settings;
    private final long seed;

    private int generation;
    private int asked;
    private List<WannCandidate> parents = List.of();
    private final List<Member> told = new ArrayList<>();

    public WannEvolution(WannSpace space, WannSettings settings, long seed) {
        this.space = space;
        this.settings = settings;
        this.seed = seed;
    }

    @Override
    public String id() {
        return "wann";
    }

    /** The generation currently being asked and told. */
    public int generation() {
        return generation;
    }

    /** The ranked survivors of the last complete generation, best first (empty before the first). */
    public List<WannCandidate> parents() {
        return parents;
    }

    @Override
    public WannCandidate ask(RandomGenerator rng) {
        if (asked >= settings.populationSize()) {
            throw new IllegalStateException("generation " + generation + " has all " + settings.populationSize()
                    + " members asked; tell them before asking more (use a study batch size that divides the population)");
        }
        int i = asked++;
        if (generation == 0) {
            return space.sample(rng);
        }
        int elites = Math.min(settings.eliteCount(), parents.size());
        if (i < elites) {
            return new WannCandidate(generation, parents.get(i).graph());
        }
        int winner = parents.size();
        for (int t = 0; t < settings.tournamentSize(); t++) {
            winner = Math.min(winner, rng.nextInt(parents.size()));
        }
        WannCandidate parent = new WannCandidate(generation, parents.get(winner).graph());
        return space.mutate(parent, rng);
    }

    @Override
    public void tell(WannCandidate c, Evaluation e) {
        if (c.generation() != generation) {
            throw new IllegalArgumentException("told a member of generation " + c.generation() + " while generation "
                    + generation + " is open");
        }
        double mean = e.isComplete() ? e.value() : Double.NEGATIVE_INFINITY;
        double max = e.isComplete() ? e.metrics().getOrDefault("max", mean) : Double.NEGATIVE_INFINITY;
        told.add(new Member(c, mean, max, c.graph().enabledConnectionCount()));
        if (told.size() == settings.populationSize()) {
            nextGeneration();
        }
    }

    /** Ranks the told generation; failed members (no score) go last, behind every ranked one. */
    private void nextGeneration() {
        List<Member> scored = new ArrayList<>();
        List<Member> failed = new ArrayList<>();
        for (Member m : told) {
            (Double.isFinite(m.mean()) ? scored : failed).add(m);
        }
        int n = scored.size();
        double[] mean = new double[n];
        double[] second = new double[n];
        RandomGenerator moo = new SplittableRandom(Seeds.derive(seed, MOO_STREAM, generation));
        boolean byMax = settings.probMoo() < moo.nextDouble();
        for (int i = 0; i < n; i++) {
            Member m = scored.get(i);
            mean[i] = m.mean();
            second[i] = byMax ? m.max() : 1.0 / Math.max(1, m.connections());
        }
        List<Member> ranked = new ArrayList<>(told.size());
        for (int i : NsgaSort.order(mean, second)) {
            ranked.add(scored.get(i));
        }
        ranked.addAll(failed);
        int keep = settings.parentCount();
        List<WannCandidate> next = new ArrayList<>(keep);
        for (int k = 0; k < keep; k++) {
            next.add(ranked.get(k).candidate());
        }
        parents = List.copyOf(next);
        told.clear();
        asked = 0;
        generation++;
    }

    @Override
    public String snapshot() {
        ObjectNode node = JSON.createObjectNode();
        node.put("strategy", "wann");
        node.put("populationSize", settings.populationSize());
        node.put("generation", generation);
        node.put("asked", asked);
        ArrayNode ps = node.putArray("parents");
        parents.forEach(p -> ps.add(space.format(p)));
        ArrayNode ts = node.putArray("told");
        for (Member m : told) {
            ts.addObject().put("architecture", space.format(m.candidate())).put("mean", m.mean()).put("max", m.max());
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write WANN snapshot", e);
        }
    }

    @Override
    public void restore(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed wann strategy snapshot: " + e.getOriginalMessage());
        }
        if (node == null || !"wann".equals(node.path("strategy").asText())) {
            throw new IllegalArgumentException("not a wann strategy snapshot");
        }
        if (node.path("populationSize").asInt(-1) != settings.populationSize()) {
            throw new IllegalArgumentException("wann snapshot is for population " + node.path("populationSize").asText()
                    + " but this strategy has " + settings.populationSize());
        }
        List<WannCandidate> ps = new ArrayList<>();
        for (JsonNode p : node.path("parents")) {
            ps.add(space.parse(p.asText()));
        }
        List<Member> ts = new ArrayList<>();
        for (JsonNode t : node.path("told")) {
            WannCandidate c = space.parse(t.path("architecture").asText());
            ts.add(new Member(c, t.path("mean").asDouble(Double.NEGATIVE_INFINITY), t.path("max").asDouble(Double.NEGATIVE_INFINITY),
                    c.graph().enabledConnectionCount()));
        }
        generation = node.path("generation").asInt();
        asked = node.path("asked").asInt();
        parents = List.copyOf(ps);
        told.clear();
        told.addAll(ts);
    }
}
