package dev.connectome.nas.cell;

import dev.connectome.nas.space.SearchSpace;
import dev.connectome.nas.space.TokenView;
import dev.connectome.nas.space.UnknownArchitectureException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The NAS convolutional layer-chain space (Zoph &amp; Le 2017, controller-nas.md): a fixed number of
 * layers, each with 4 decisions — filter height and width in {1, 3, 5, 7}, filters in {24, 36, 48, 64},
 * stride in a configurable set (default {1, 2}). Token view: 4 decisions per layer in that order, so
 * decision types repeat every 4 positions (a controller with shared heads uses 4 heads).
 */
public final class LayerChainSpace implements SearchSpace<LayerChain> {

    /** The value sets of one layer's decisions. */
    public record Options(int[] heights, int[] widths, int[] filters, int[] strides) {
        public Options {
            for (int[] set : new int[][] {heights, widths, filters, strides}) {
                if (set.length == 0 || Arrays.stream(set).anyMatch(v -> v < 1)) {
                    throw new IllegalArgumentException("layer option sets must be non-empty and >= 1");
                }
            }
            heights = heights.clone();
            widths = widths.clone();
            filters = filters.clone();
            strides = strides.clone();
        }

        /** The NAS paper's sets, with strides {1, 2}. */
        public static Options nas() {
            return new Options(new int[] {1, 3, 5, 7}, new int[] {1, 3, 5, 7}, new int[] {24, 36, 48, 64}, new int[] {1, 2});
        }

        int[] at(int decision) {
            return switch (decision) {
                case 0 -> heights;
                case 1 -> widths;
                case 2 -> filters;
                default -> strides;
            };
        }
    }

    private static final String[] NAMES = {"filter height", "filter width", "filters", "stride"};
    private final int layers;
    private final Options options;
    private final List<Integer> choices;

    public LayerChainSpace(int layers, Options options) {
        if (layers < 1) {
            throw new IllegalArgumentException("a layer chain needs at least one layer, got " + layers);
        }
        this.layers = layers;
        this.options = options;
        List<Integer> c = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (int d = 0; d < 4; d++) {
                c.add(options.at(d).length);
            }
        }
        this.choices = List.copyOf(c);
    }

    /** The NAS paper's starting point: 6 layers. */
    public static LayerChainSpace nas(int layers) {
        return new LayerChainSpace(layers, Options.nas());
    }

    public int layers() {
        return layers;
    }

    @Override
    public String id() {
        return "chain";
    }

    @Override
    public LayerChain sample(RandomGenerator rng) {
        int[] t = new int[choices.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = rng.nextInt(choices.get(i));
        }
        return tokens.decode(t);
    }

    /** One decision moves to another of its values (uniformly); decisions with one value are skipped. */
    @Override
    public LayerChain mutate(LayerChain parent, RandomGenerator rng) {
        int[] t = tokens.encode(parent);
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if (choices.get(i) > 1) {
                free.add(i);
            }
        }
        if (free.isEmpty()) {
            throw new IllegalStateException("no decision of this space has more than one value");
        }
        int p = free.get(rng.nextInt(free.size()));
        t[p] = (t[p] + 1 + rng.nextInt(choices.get(p) - 1)) % choices.get(p);
        return tokens.decode(t);
    }

    @Override
    public String key(LayerChain chain) {
        return chain.format();
    }

    @Override
    public String format(LayerChain chain) {
        return chain.format();
    }

    /** Parses a chain and checks it belongs to this space (layer count and values). */
    @Override
    public LayerChain parse(String text) {
        LayerChain c = LayerChain.parse(text);
        try {
            tokens.encode(c);
        } catch (IllegalArgumentException e) {
            throw new UnknownArchitectureException("'" + text + "' is not in this layer-chain space: " + e.getMessage());
        }
        return c;
    }

    @Override
    public TokenView<LayerChain> tokens() {
        return tokens;
    }

    private final TokenView<LayerChain> tokens = new TokenView<>() {
        @Override
        public List<Integer> choices() {
            return choices;
        }

        @Override
        public String label(int position, int option) {
            int d = position % 4;
            return NAMES[d] + " " + options.at(d)[option];
        }

        @Override
        public int[] encode(LayerChain chain) {
            if (chain.layers().size() != layers) {
                throw new IllegalArgumentException("chain has " + chain.layers().size() + " layers, the space " + layers);
            }
            int[] t = new int[4 * layers];
            for (int l = 0; l < layers; l++) {
                LayerChain.Layer x = chain.layers().get(l);
                int[] v = {x.filterHeight(), x.filterWidth(), x.filters(), x.stride()};
                for (int d = 0; d < 4; d++) {
                    t[4 * l + d] = indexOf(options.at(d), v[d], NAMES[d], l);
                }
            }
            return t;
        }

        @Override
        public LayerChain decode(int[] t) {
            if (t.length != 4 * layers) {
                throw new IllegalArgumentException("a " + layers + "-layer chain has " + 4 * layers + " tokens, got " + t.length);
            }
            List<LayerChain.Layer> out = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                int[] v = new int[4];
                for (int d = 0; d < 4; d++) {
                    int[] set = options.at(d);
                    if (t[4 * l + d] < 0 || t[4 * l + d] >= set.length) {
                        throw new IllegalArgumentException("token " + t[4 * l + d] + " at position " + (4 * l + d)
                                + " is outside [0, " + set.length + ")");
                    }
                    v[d] = set[t[4 * l + d]];
                }
                out.add(new LayerChain.Layer(v[0], v[1], v[2], v[3]));
            }
            return new LayerChain(out);
        }
    };

    private static int indexOf(int[] set, int value, String name, int layer) {
        for (int i = 0; i < set.length; i++) {
            if (set[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " " + value + " of layer " + layer + " is not one of "
                + Arrays.toString(set));
    }
}
