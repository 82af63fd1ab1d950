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
 */
public final class WannSpace implements SearchSpace<WannCandidate> {

    private final int inputs;
    private final int outputs;
    private final double probInitEnable;
    private final MutationSettings mutation;

    public WannSpace(int inputs, int outputs, double probInitEnable, MutationSettings mutation) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.probInitEnable = probInitEnable;
        this.mutation = mutation;
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
        return GenomeText.format(c.graph());
    }

    @Override
    public String format(WannCandidate c) {
        return "g" + c.generation() + "|" + GenomeText.format(c.graph());
    }

    @Override
    public WannCandidate parse(String text) {
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
