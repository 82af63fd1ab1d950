package dev.connectome.nas.study;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Per-trial random generators derived from the study seed and the trial number, never from shared
 * state, so any trial's randomness can be recreated alone (on resume, on another worker).
 *
 * <p>Derivation: a {@link SplittableRandom} seeded with mix(mix(seed + φ·(stream+1)) + φ·(n+1)),
 * where mix is the SplitMix64 finaliser (Steele, Lea and Flood 2014) and φ the 64-bit golden-ratio
 * constant. Distinct (seed, stream, n) give unrelated 64-bit seeds; the ask stream and the evaluation
 * stream of a trial are independent.
 */
public final class Seeds {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long ASK = 1;
    private static final long EVALUATE = 2;

    private Seeds() {
    }

    /** Generator the strategy uses to ask trial {@code number}. */
    public static RandomGenerator trial(long studySeed, int number) {
        return new SplittableRandom(derive(studySeed, ASK, number));
    }

    /** Seed of the generator the evaluator uses for trial {@code number} (a long so it ships to remote workers). */
    public static long evaluationSeed(long studySeed, int number) {
        return derive(studySeed, EVALUATE, number);
    }

    /** Generator the evaluator uses for trial {@code number}. */
    public static RandomGenerator evaluation(long studySeed, int number) {
        return generator(evaluationSeed(studySeed, number));
    }

    /** The generator for a seed from {@link #evaluationSeed}. */
    public static RandomGenerator generator(long seed) {
        return new SplittableRandom(seed);
    }

    /** Mixes a study seed, a stream id and an index into one 64-bit seed. */
    public static long derive(long studySeed, long stream, long index) {
        return mix(mix(studySeed + GOLDEN * (stream + 1)) + GOLDEN * (index + 1));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
