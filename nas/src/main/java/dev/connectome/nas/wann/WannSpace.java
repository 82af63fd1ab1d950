package dev.connectome.nas.wann;

import dev.connectome.nas.graph.MutationSettings;
import dev.connectome.nas.graph.Mutations;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.space.SearchSpace;
import dev.connectome.nas.space.TokenView;
import dev.connectome.nas.space.UnknownArchitectureException;
import java.util.random.RandomGenerator;

/**
 * WANN genomes for a task's node counts: sampled as WANNRelease's initial genomes, mutated by exactly
 * one topological mutation. Text form {@code g<generation>|<GenomeText>}; the key ignores the
 * generation (same topology, same function).
 *
 * <p>A study formats every candidate it asks (text and key), parses it back when a worker claims it,
 * and formats it again when it is told; for MNIST256 genomes (~2,600 genes) that text round trip cost
 * more than evaluating the genome. So the space remembers the texts of the last {@code cacheSize}
 * graphs it formatted (by identity) and the candidates behind the last {@code cacheSize} texts: parsing a
 * text this space just wrote returns the candidate it came from (the form is exact, so that is what
 * parsing would rebuild). Text from elsewhere (a resumed store, another process) is parsed and
 * validated as usual. Safe for concurrent use.
 */
public final class WannSpace implements SearchSpace<WannCandidate> {

    private final int inputs;
    private final int outputs;
    private final double probInitEnable;
    private final MutationSettings mutation;
    private final Lru<GraphRef, String> texts;
    private final Lru<String, WannCandidate> parsed;

    /** A space without the text caches. */
    public WannSpace(int inputs, int outputs, double probInitEnable, MutationSettings mutation) {
        this(inputs, outputs, probInitEnable, mutation, 0);
    }

    /**
     * @param cacheSize graphs whose text is remembered (and texts whose candidate is); twice the
     *                  population keeps a whole generation plus its parents
     */
    public WannSpace(int inputs, int outputs, double probInitEnable, MutationSettings mutation, int cacheSize) {
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cache size must be >= 0, got " + cacheSize);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.probInitEnable = probInitEnable;
        this.mutation = mutation;
        this.texts = new Lru<>(cacheSize);
        this.parsed = new Lru<>(cacheSize);
    }

    /** A graph compared by identity (NeuronGraph.equals is a deep comparison, as costly as formatting). */
    private record GraphRef(NeuronGraph graph) {
        @Override
        public boolean equals(Object o) {
            return o instanceof GraphRef r && r.graph == graph;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(graph);
        }
    }

    /** A synchronized least-recently-used map; capacity 0 keeps nothing. */
    private static final class Lru<K, V> {
        private final int capacity;
        private final java.util.LinkedHashMap<K, V> map;

        Lru(int capacity) {
            this.capacity = capacity;
            this.map = new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<K, V> eldest) {
                    return size() > Lru.this.capacity;
                }
            };
        }

        synchronized V get(K key) {
            return capacity == 0 ? null : map.get(key);
        }

        synchronized void put(K key, V value) {
            if (capacity > 0) {
                map.put(key, value);
            }
        }
    }

    /** The genome text of a graph, remembered by identity. */
    private String genomeText(NeuronGraph g) {
        GraphRef ref = new GraphRef(g);
        String t = texts.get(ref);
        if (t == null) {
            t = GenomeText.format(g);
            texts.put(ref, t);
        }
        return t;
    }

    @Override
    public String id() {
        return "wann:" + inputs + "x" + outputs;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    public MutationSettings mutation() {
        return mutation;
    }

    @Override
    public WannCandidate sample(RandomGenerator rng) {
        return new WannCandidate(0, NeuronGraph.initial(inputs, outputs, probInitEnable, rng));
    }

    @Override
    public WannCandidate mutate(WannCandidate parent, RandomGenerator rng) {
        return new WannCandidate(parent.generation(), Mutations.mutate(parent.graph(), mutation, rng));
    }

    @Override
    public String key(WannCandidate c) {
        return genomeText(c.graph());
    }

    @Override
    public String format(WannCandidate c) {
        String text = "g" + c.generation() + "|" + genomeText(c.graph());
        parsed.put(text, c);
        return text;
    }

    @Override
    public WannCandidate parse(String text) {
        WannCandidate known = parsed.get(text);
        if (known != null) {
            return known;
        }
        int bar = text.indexOf('|');
        if (!text.startsWith("g") || bar < 2) {
            throw new UnknownArchitectureException("not a WANN candidate (expected g<generation>|<genome>): "
                    + (text.length() <= 80 ? text : text.substring(0, 77) + "..."));
        }
        int generation;
        try {
            generation = Integer.parseInt(text.substring(1, bar));
        } catch (NumberFormatException e) {
            throw new UnknownArchitectureException("not a WANN candidate (bad generation '" + text.substring(1, bar) + "')");
        }
        NeuronGraph g = GenomeText.parse(text.substring(bar + 1));
        if (g.inputCount() != inputs || g.outputCount() != outputs) {
            throw new UnknownArchitectureException("WANN genome has " + g.inputCount() + " inputs and " + g.outputCount()
                    + " outputs; this space needs " + inputs + " and " + outputs);
        }
        return new WannCandidate(generation, g);
    }

    @Override
    public TokenView<WannCandidate> tokens() {
        throw new UnsupportedOperationException("WANN genomes grow; they have no fixed-length token view");
    }
}
