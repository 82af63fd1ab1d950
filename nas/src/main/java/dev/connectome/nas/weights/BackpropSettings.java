package dev.connectome.nas.weights;

/**
 * Backprop training of a genome's weights (seed 000): {@code optimizer} "adam" or "sgd" with
 * estool semantics (see {@link GradientOptimizer}), minibatches of {@code batchSize}, cross-entropy.
 */
public record BackpropSettings(String optimizer, double learningRate, double beta1, double beta2, double momentum,
                               int epochs, int batchSize, WeightInit init) {
    public BackpropSettings {
        if (!optimizer.equals("adam") && !optimizer.equals("sgd")) {
            throw new IllegalArgumentException("backprop optimizer must be adam or sgd, got '" + optimizer + "'");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("betas and momentum must be in [0, 1), got " + beta1 + ", " + beta2
                    + ", " + momentum);
        }
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be >= 1, got " + epochs + " and " + batchSize);
        }
        if (init == null) {
            throw new IllegalArgumentException("weight init must be given");
        }
    }

    /** The seed's Adam: lr 0.01, β1 0.99, β2 0.999, batch 128, He uniform. */
    public static BackpropSettings adam(int epochs) {
        return new BackpropSettings("adam", 0.01, 0.99, 0.999, 0, epochs, 128, WeightInit.HE_UNIFORM);
    }

    /** The seed's SGD: lr 2.0, momentum 0.9, batch 128, He uniform. */
    public static BackpropSettings sgd(int epochs) {
        return new BackpropSettings("sgd", 2.0, 0, 0, 0.9, epochs, 128, WeightInit.HE_UNIFORM);
    }

    public BackpropSettings withEpochs(int e) {
        return new BackpropSettings(optimizer, learningRate, beta1, beta2, momentum, e, batchSize, init);
    }

    public BackpropSettings withLearningRate(double lr) {
        return new BackpropSettings(optimizer, lr, beta1, beta2, momentum, epochs, batchSize, init);
    }

    public BackpropSettings withBatchSize(int b) {
        return new BackpropSettings(optimizer, learningRate, beta1, beta2, momentum, epochs, b, init);
    }

    public BackpropSettings withInit(WeightInit i) {
        return new BackpropSettings(optimizer, learningRate, beta1, beta2, momentum, epochs, batchSize, i);
    }

    GradientOptimizer newOptimizer(int n) {
        return optimizer.equals("adam") ? GradientOptimizer.adam(n, learningRate, beta1, beta2)
                : GradientOptimizer.sgd(n, learningRate, momentum);
    }
}
