package dev.connectome.nas.chain;

/**
 * How a layer-chain child is judged: trained briefly from scratch, scored by validation accuracy.
 *
 * @param trainImages      training images used (the first ones of the seeded shuffle)
 * @param validationImages held-out images scored after training
 * @param epochs           passes over the training images
 * @param batchSize        images per Adam step
 * @param learningRate     Adam learning rate
 * @param downsample       average-pool factor applied to the input first (2: 28×28 → 14×14)
 */
public record ChainTraining(int trainImages, int validationImages, int epochs, int batchSize, double learningRate,
                            int downsample) {
    public ChainTraining {
        if (trainImages < 1 || validationImages < 1 || epochs < 1 || batchSize < 1 || downsample < 1) {
            throw new IllegalArgumentException("chain training needs >= 1 training and validation images, epochs, batch "
                    + "size and downsample, got " + trainImages + ", " + validationImages + ", " + epochs + ", "
                    + batchSize + ", " + downsample);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("chain training learning rate must be positive, got " + learningRate);
        }
    }

    /** A quick default: 1 epoch over 500 images at 14×14, 500 validation images, Adam 3e-3, batch 32. */
    public static ChainTraining quick() {
        return new ChainTraining(500, 500, 1, 32, 3e-3, 2);
    }
}
