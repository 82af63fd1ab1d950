package dev.connectome.nas.search.reinforce;

import dev.connectome.nas.space.SearchSpace;
import dev.connectome.nas.space.TokenView;
import dev.connectome.nas.space.UnknownArchitectureException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** A synthetic space whose architectures are their token lists (for controller tests). */
final class TokenSpace implements SearchSpace<List<Integer>> {
    private final List<Integer> choices;

    TokenSpace(Integer... choices) {
        this.choices = List.of(choices);
    }

    @Override
    public String id() {
        return "tokens";
    }

    @Override
    public List<Integer> sample(RandomGenerator rng) {
        List<Integer> a = new ArrayList<>();
        for (int k : choices) {
            a.add(rng.nextInt(k));
        }
        return List.copyOf(a);
    }

    @Override
    public List<Integer> mutate(List<Integer> parent, RandomGenerator rng) {
        List<Integer> a = new ArrayList<>(parent);
        int p = rng.nextInt(a.size());
        a.set(p, (a.get(p) + 1) % choices.get(p));
        return List.copyOf(a);
    }

    @Override
    public String key(List<Integer> a) {
        return a.toString();
    }

    @Override
    public String format(List<Integer> a) {
        return a.toString();
    }

    @Override
    public List<Integer> parse(String text) {
        throw new UnknownArchitectureException("not parsed: " + text);
    }

    @Override
    public TokenView<List<Integer>> tokens() {
        return new TokenView<>() {
            @Override
            public List<Integer> choices() {
                return choices;
            }

            @Override
            public String label(int position, int option) {
                return "o" + option;
            }

            @Override
            public int[] encode(List<Integer> a) {
                return a.stream().mapToInt(Integer::intValue).toArray();
            }

            @Override
            public List<Integer> decode(int[] tokens) {
                List<Integer> a = new ArrayList<>();
                for (int t : tokens) {
                    a.add(t);
                }
                return List.copyOf(a);
            }
        };
    }
}
