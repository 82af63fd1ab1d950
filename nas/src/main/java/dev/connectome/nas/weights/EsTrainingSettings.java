package dev.connectome.nas.weights;

/**
 * Black-box training of a genome's weights, as in the WANN paper. On MNIST256 each generation
 * draws {@code fitnessBatch} training images (the same for the whole population, like WANN's
 * per-generation seed) and a solution's fitness is −mean cross-entropy on them (classify_gym's reward);
 * on a control task each generation draws {@code fitnessBatch} episode starts and a solution's
 * fitness is its mean return over them (WANNTool: 4 episodes).
 *
 * @param generations number of ask/tell rounds
 * @param fitnessBatch images per generation (1000 in WANN's mnist256 task) or episodes per candidate (control)
 * @param checkpointEvery measure train/validation/test accuracy of the strategy's mean every this many generations
 * @param init starting mean
 */
public record EsTrainingSettings(int generations, int fitnessBatch, int checkpointEvery, WeightInit init) {
    public EsTrainingSettings {
        if (generations < 1 || fitnessBatch < 1 || checkpointEvery < 1) {
            throw new IllegalArgumentException("generations, fitness batch and checkpoint interval must be >= 1, got "
                    + generations + ", " + fitnessBatch + ", " + checkpointEvery);
        }
        if (init == null) {
            throw new IllegalArgumentException("weight init must be given");
        }
    }

    public static EsTrainingSettings of(int generations) {
        return new EsTrainingSettings(generations, 1000, Math.max(1, generations / 20), WeightInit.ZERO);
    }

    public EsTrainingSettings withInit(WeightInit i) {
        return new EsTrainingSettings(generations, fitnessBatch, checkpointEvery, i);
    }

    public EsTrainingSettings withFitnessBatch(int b) {
        return new EsTrainingSettings(generations, b, checkpointEvery, init);
    }

    public EsTrainingSettings withCheckpointEvery(int k) {
        return new EsTrainingSettings(generations, fitnessBatch, k, init);
    }
}
