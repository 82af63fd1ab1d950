package dev.connectome.engine.nn;

import java.util.random.RandomGenerator;

/**
 * A weight initialiser: fills an array given the layer's fan-in and fan-out. Each initialiser also
 * names the one used for the layer's bias ({@link #bias()}; zeros unless the scheme says otherwise),
 * so that a layer is fully described by one {@code Init}.
 *
 * <p>Formulas (PyTorch's {@code torch.nn.init}, fan_in mode):
 * <ul>
 *   <li>He/Kaiming (He et al. 2015, gain √2 for ReLU): uniform ±√(6/fan_in), normal std √(2/fan_in);</li>
 *   <li>Glorot/Xavier (Glorot &amp; Bengio 2010): uniform ±√(6/(fan_in+fan_out)), normal std √(2/(fan_in+fan_out));</li>
 *   <li>PyTorch's default {@code nn.Linear}: kaiming_uniform with a=√5, i.e. gain √(2/(1+5)) and bound
 *       gain·√(3/fan_in) = 1/√fan_in; bias uniform ±1/√fan_in.</li>
 * </ul>
 * Normal draws use {@link RandomGenerator#nextGaussian()} (not truncated).
 */
public interface Init {
    /** Overwrites every value of {@code values}. */
    void fill(float[] values, int fanIn, int fanOut, RandomGenerator rng);

    /** The initialiser for a bias that goes with weights initialised by this one. */
    default Init bias() {
        return zeros();
    }

    /** He/Kaiming uniform: U(−√(6/fan_in), √(6/fan_in)). */
    static Init heUniform() {
        return new InitRule("heUniform", (v, in, out, rng) -> InitRule.uniform(v, Math.sqrt(6.0 / fan(in)), rng), null);
    }

    /** He/Kaiming normal: N(0, 2/fan_in). */
    static Init heNormal() {
        return new InitRule("heNormal", (v, in, out, rng) -> InitRule.normal(v, Math.sqrt(2.0 / fan(in)), rng), null);
    }

    /** Glorot/Xavier uniform: U(−√(6/(fan_in+fan_out)), +…). */
    static Init glorotUniform() {
        return new InitRule("glorotUniform",
                (v, in, out, rng) -> InitRule.uniform(v, Math.sqrt(6.0 / fan(in + out)), rng), null);
    }

    /** Glorot/Xavier normal: N(0, 2/(fan_in+fan_out)). */
    static Init glorotNormal() {
        return new InitRule("glorotNormal",
                (v, in, out, rng) -> InitRule.normal(v, Math.sqrt(2.0 / fan(in + out)), rng), null);
    }

    /** PyTorch's default Linear init: weight and bias both U(−1/√fan_in, 1/√fan_in). */
    static Init torchLinearDefault() {
        Init bias = new InitRule("torchLinearDefaultBias",
                (v, in, out, rng) -> InitRule.uniform(v, 1 / Math.sqrt(fan(in)), rng), null);
        return new InitRule("torchLinearDefault",
                (v, in, out, rng) -> InitRule.uniform(v, 1 / Math.sqrt(fan(in)), rng), bias);
    }

    /** U(lo, hi), whatever the fans. */
    static Init uniform(double lo, double hi) {
        if (!(lo <= hi) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("uniform init needs finite lo <= hi, got [" + lo + ", " + hi + ")");
        }
        return new InitRule("uniform(" + lo + ", " + hi + ")", (v, in, out, rng) -> {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (lo + (hi - lo) * rng.nextDouble());
            }
        }, null);
    }

    /** N(0, std²), whatever the fans. */
    static Init normal(double std) {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("normal init needs a finite std >= 0, got " + std);
        }
        return new InitRule("normal(" + std + ")", (v, in, out, rng) -> InitRule.normal(v, std, rng), null);
    }

    /** All zeros. */
    static Init zeros() {
        return InitRule.ZEROS;
    }

    private static int fan(int fan) {
        if (fan <= 0) {
            throw new IllegalArgumentException("initialiser needs a positive fan, got " + fan);
        }
        return fan;
    }
}
