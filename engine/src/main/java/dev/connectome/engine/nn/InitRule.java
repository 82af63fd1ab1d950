package dev.connectome.engine.nn;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** The named implementation behind the {@link Init} factories; {@code toString} is the name. */
final class InitRule implements Init {
    /** The fill function of a rule. */
    @FunctionalInterface
    interface Filler {
        void fill(float[] values, int fanIn, int fanOut, RandomGenerator rng);
    }

    static final InitRule ZEROS = new InitRule("zeros", (v, in, out, rng) -> Arrays.fill(v, 0f), null);

    private final String name;
    private final Filler filler;
    private final Init bias;

    InitRule(String name, Filler filler, Init bias) {
        this.name = name;
        this.filler = filler;
        this.bias = bias;
    }

    @Override
    public void fill(float[] values, int fanIn, int fanOut, RandomGenerator rng) {
        filler.fill(values, fanIn, fanOut, rng);
    }

    @Override
    public Init bias() {
        return bias == null ? ZEROS : bias;
    }

    @Override
    public String toString() {
        return name;
    }

    static void uniform(float[] v, double bound, RandomGenerator rng) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
    }

    static void normal(float[] v, double std, RandomGenerator rng) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (std * rng.nextGaussian());
        }
    }
}
