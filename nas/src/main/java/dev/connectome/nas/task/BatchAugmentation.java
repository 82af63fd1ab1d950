package dev.connectome.nas.task;

import java.util.random.RandomGenerator;

/**
 * A random change to every training batch before its forward pass, such as shifted and mirrored
 * images ({@link ImageShiftFlip}). Evaluation batches are never augmented.
 */
public interface BatchAugmentation {

    /**
     * Changes {@code samples} rows of {@code sampleSize} values in place.
     *
     * @param rng the run's "augment" generator, so a seed gives the same changes
     */
    void apply(float[] rows, int samples, int sampleSize, RandomGenerator rng);

    /** Leaves batches as they are (draws nothing from the generator). */
    static BatchAugmentation none() {
        return (rows, samples, sampleSize, rng) -> { };
    }
}
