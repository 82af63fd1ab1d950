package dev.connectome.nas.es;

import java.util.random.RandomGenerator;

/** A generator whose {@code nextGaussian()} returns scripted values, for hand-computed cases. */
final class ScriptedGaussians implements RandomGenerator {
    private final double[] values;
    private int next;

    ScriptedGaussians(double... values) {
        this.values = values;
    }

    @Override
    public double nextGaussian() {
        return values[next++];
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only Gaussians are scripted");
    }
}
