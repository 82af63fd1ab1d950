package dev.connectome.nas.search.reinforce;

import dev.connectome.nas.space.TokenView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a controller sees a token view: the number of decisions, and for each decision its type. Each
 * type owns one softmax head and one embedding table of the chosen token. Decisions whose options
 * carry the same labels are one type (as ENAS shares one head for all "which op" decisions), unless
 * every position is asked to be its own type (as in NAS, where each time step has its own softmax).
 *
 * @param typeOf  the type index of every position
 * @param options the number of options of every type
 */
public record DecisionLayout(int[] typeOf, int[] options) {

    public DecisionLayout {
        typeOf = typeOf.clone();
        options = options.clone();
        if (typeOf.length == 0) {
            throw new IllegalArgumentException("a controller needs at least one decision");
        }
        for (int t : typeOf) {
            if (t < 0 || t >= options.length) {
                throw new IllegalArgumentException("decision type " + t + " outside [0, " + options.length + ")");
            }
        }
        for (int k : options) {
            if (k < 1) {
                throw new IllegalArgumentException("a decision type needs at least one option, got " + k);
            }
        }
    }

    /** The layout of a token view; {@code perPosition} gives every position its own head. */
    public static DecisionLayout of(TokenView<?> view, boolean perPosition) {
        List<Integer> choices = view.choices();
        int[] typeOf = new int[choices.size()];
        List<Integer> options = new ArrayList<>();
        Map<List<String>, Integer> types = new LinkedHashMap<>();
        for (int p = 0; p < typeOf.length; p++) {
            List<String> labels = new ArrayList<>();
            for (int o = 0; o < choices.get(p); o++) {
                labels.add(view.label(p, o));
            }
            Integer t = perPosition ? null : types.get(labels);
            if (t == null) {
                t = options.size();
                options.add(choices.get(p));
                types.put(labels, t);
            }
            typeOf[p] = t;
        }
        return new DecisionLayout(typeOf, options.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Every position of the given sizes its own type. */
    public static DecisionLayout perPosition(int... choices) {
        int[] typeOf = new int[choices.length];
        Arrays.setAll(typeOf, i -> i);
        return new DecisionLayout(typeOf, choices);
    }

    public int length() {
        return typeOf.length;
    }

    public int types() {
        return options.length;
    }

    /** Options at position {@code p}. */
    public int optionsAt(int p) {
        return options[typeOf[p]];
    }

    @Override
    public int[] typeOf() {
        return typeOf.clone();
    }

    @Override
    public int[] options() {
        return options.clone();
    }

    /** Checks that {@code tokens} is a valid sequence of this layout. */
    public void check(int[] tokens) {
        if (tokens.length != typeOf.length) {
            throw new IllegalArgumentException("token sequence has " + tokens.length + " tokens, the controller emits "
                    + typeOf.length);
        }
        for (int p = 0; p < tokens.length; p++) {
            if (tokens[p] < 0 || tokens[p] >= optionsAt(p)) {
                throw new IllegalArgumentException("token " + tokens[p] + " at position " + p + " is outside [0, "
                        + optionsAt(p) + ")");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecisionLayout d && Arrays.equals(typeOf, d.typeOf) && Arrays.equals(options, d.options);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(typeOf) + Arrays.hashCode(options);
    }

    @Override
    public String toString() {
        return "DecisionLayout" + Arrays.toString(typeOf) + " options " + Arrays.toString(options);
    }
}
