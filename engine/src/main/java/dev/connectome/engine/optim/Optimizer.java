package dev.connectome.engine.optim;

/**
 * Updates a fixed list of parameters from their accumulated gradients. Optimizer state (moments,
 * step count) lives in the optimizer; the learning rate can be changed between steps by a schedule.
 */
public interface Optimizer {
    /** Applies one update from the parameters' current gradients. */
    void step();

    /** Sets every parameter's gradient to zero. */
    void zeroGrad();

    double learningRate();

    void setLearningRate(double lr);
}
