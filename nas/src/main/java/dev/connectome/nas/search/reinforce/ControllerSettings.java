package dev.connectome.nas.search.reinforce;

/**
 * Typed settings of the LSTM controller and its REINFORCE updates.
 *
 * @param hiddenSize       LSTM hidden units (and embedding size)
 * @param initRange        every controller weight starts U(−r, r) (ENAS: 0.1)
 * @param perPositionHeads one softmax head per position (NAS) instead of per decision type (ENAS)
 * @param temperature      logits are divided by this before the softmax (1 = none; ENAS: 5)
 * @param tanhConstant     if &gt; 0, logits become {@code c·tanh(logits)} (ENAS: 2.5); 0 = off
 * @param learningRate     Adam learning rate of the controller
 * @param entropyWeight    β of the entropy bonus {@code −β·H(π)} added to the loss (0 = none)
 * @param baselineDecay    EMA decay d of the baseline: {@code b ← d·b + (1−d)·R}
 * @param batchSize        children told per controller update (the rewards of a batch share one baseline)
 * @param reward           reward shaping id (see {@link RewardShaping#of})
 * @param valueScale       the objective is divided by this before shaping (100 for percent accuracies)
 * @param seed             seed of the controller's initial weights and of the memory regulariser's samples
 * @param memory           the architecture-memory regulariser, or null for none
 */
public record ControllerSettings(int hiddenSize, double initRange, boolean perPositionHeads, double temperature,
                                 double tanhConstant, double learningRate, double entropyWeight, double baselineDecay,
                                 int batchSize, String reward, double valueScale, long seed, MemorySettings memory) {

    public ControllerSettings {
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("controller hidden size must be >= 1, got " + hiddenSize);
        }
        if (!(initRange > 0) || Double.isInfinite(initRange)) {
            throw new IllegalArgumentException("controller init range must be > 0, got " + initRange);
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("controller temperature must be > 0, got " + temperature);
        }
        if (!(tanhConstant >= 0) || Double.isInfinite(tanhConstant)) {
            throw new IllegalArgumentException("controller tanh constant must be >= 0, got " + tanhConstant);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("controller learning rate must be > 0, got " + learningRate);
        }
        if (!(entropyWeight >= 0) || Double.isInfinite(entropyWeight)) {
            throw new IllegalArgumentException("entropy weight must be >= 0, got " + entropyWeight);
        }
        if (!(baselineDecay >= 0 && baselineDecay < 1)) {
            throw new IllegalArgumentException("baseline decay must be in [0, 1), got " + baselineDecay);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("controller batch size must be >= 1, got " + batchSize);
        }
        RewardShaping.of(reward); // validates the id
        if (!(valueScale > 0) || Double.isInfinite(valueScale)) {
            throw new IllegalArgumentException("value scale must be > 0, got " + valueScale);
        }
    }

    /**
     * Defaults for table searches: 32 hidden units, init ±0.1, one head per position (as NAS), no
     * temperature or tanh squashing, Adam lr 0.01, entropy 1e-4, baseline decay 0.9, one child per update,
     * reward = accuracy (value / 100). Why these: on a 6×5 synthetic target the per-position controller
     * learns at lr 0.006-0.02 while heads shared across positions need lr ≤ 0.003 (larger steps collapse
     * the policy on a wrong sequence, since Adam makes every step about lr long whatever the advantage).
     */
    public static ControllerSettings defaults(long seed) {
        return new ControllerSettings(32, 0.1, true, 1.0, 0.0, 0.01, 1e-4, 0.9, 1, "accuracy", 100.0, seed, null);
    }

    public ControllerSettings withLearningRate(double lr) {
        return new ControllerSettings(hiddenSize, initRange, perPositionHeads, temperature, tanhConstant, lr,
                entropyWeight, baselineDecay, batchSize, reward, valueScale, seed, memory);
    }

    public ControllerSettings withReward(String id, double scale) {
        return new ControllerSettings(hiddenSize, initRange, perPositionHeads, temperature, tanhConstant, learningRate,
                entropyWeight, baselineDecay, batchSize, id, scale, seed, memory);
    }

    public ControllerSettings withMemory(MemorySettings m) {
        return new ControllerSettings(hiddenSize, initRange, perPositionHeads, temperature, tanhConstant, learningRate,
                entropyWeight, baselineDecay, batchSize, reward, valueScale, seed, m);
    }

    public ControllerSettings withBatch(int children) {
        return new ControllerSettings(hiddenSize, initRange, perPositionHeads, temperature, tanhConstant, learningRate,
                entropyWeight, baselineDecay, children, reward, valueScale, seed, memory);
    }

    public ControllerSettings withEntropy(double beta) {
        return new ControllerSettings(hiddenSize, initRange, perPositionHeads, temperature, tanhConstant, learningRate,
                beta, baselineDecay, batchSize, reward, valueScale, seed, memory);
    }

    public ControllerSettings withHidden(int units) {
        return new ControllerSettings(units, initRange, perPositionHeads, temperature, tanhConstant, learningRate,
                entropyWeight, baselineDecay, batchSize, reward, valueScale, seed, memory);
    }

    public ControllerSettings withBaselineDecay(double decay) {
        return new ControllerSettings(hiddenSize, initRange, perPositionHeads, temperature, tanhConstant, learningRate,
                entropyWeight, decay, batchSize, reward, valueScale, seed, memory);
    }

    /** ENAS's logit shaping: {@code c·tanh(logits / temperature)}; (1, 0) turns it off. */
    public ControllerSettings withLogitShaping(double temp, double tanhC) {
        return new ControllerSettings(hiddenSize, initRange, perPositionHeads, temp, tanhC, learningRate,
                entropyWeight, baselineDecay, batchSize, reward, valueScale, seed, memory);
    }

    public ControllerSettings withSharedHeads(boolean shared) {
        return new ControllerSettings(hiddenSize, initRange, !shared, temperature, tanhConstant, learningRate,
                entropyWeight, baselineDecay, batchSize, reward, valueScale, seed, memory);
    }

    public ControllerSettings withSeed(long s) {
        return new ControllerSettings(hiddenSize, initRange, perPositionHeads, temperature, tanhConstant, learningRate,
                entropyWeight, baselineDecay, batchSize, reward, valueScale, s, memory);
    }
}
