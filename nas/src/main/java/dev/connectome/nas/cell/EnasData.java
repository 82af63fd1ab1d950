package dev.connectome.nas.cell;

import dev.connectome.nas.data.Dataset;
import java.util.SplittableRandom;

/**
 * The data of an ENAS search: shared weights and retraining use {@code train}, rewards come from random
 * batches of {@code validation}, final children are ranked on the fixed {@code ranking} images (the
 * first of {@code validation}), and the retrained child is tested on {@code test}.
 */
public record EnasData(Dataset train, Dataset validation, Dataset ranking, Dataset test) {

    public EnasData {
        if (train.size() == 0 || validation.size() == 0 || ranking.size() == 0 || test.size() == 0) {
            throw new IllegalArgumentException("ENAS data needs non-empty parts, got train " + train.size() + ", validation "
                    + validation.size() + ", ranking " + ranking.size() + ", test " + test.size());
        }
        if (train.sampleSize() != test.sampleSize() || train.numClasses() != test.numClasses()) {
            throw new IllegalArgumentException("training and test data differ in shape: " + train + " vs " + test);
        }
    }

    /**
     * Shuffles the training part with {@code seed} and holds out its last sixth (10,000 of MNIST's
     * 60,000, as EnasBench) for validation; ranking uses the first {@code rankingImages} of those.
     */
    public static EnasData split(Dataset trainPart, Dataset testPart, int rankingImages, long seed) {
        if (trainPart.size() < 12) {
            throw new IllegalArgumentException("ENAS needs at least 12 training images, got " + trainPart.size() + " in "
                    + trainPart.name());
        }
        if (rankingImages < 1) {
            throw new IllegalArgumentException("ranking images must be >= 1, got " + rankingImages);
        }
        Dataset all = trainPart.shuffled(new SplittableRandom(seed));
        int hold = all.size() / 6;
        Dataset val = all.slice(all.size() - hold, all.size());
        return new EnasData(all.slice(0, all.size() - hold), val, val.slice(0, Math.min(rankingImages, hold)), testPart);
    }
}
