package dev.connectome.nas.cell;

/**
 * How an ENAS search spends its budget (Pham et al. 2018, controller-nas.md): {@code epochs} rounds of
 * {@code sharedSteps} shared-weight Adam steps on training batches (each with a child sampled from the
 * policy), then {@code controllerSteps} policy updates, each rewarded by one sampled child's
 * shared-weight accuracy on a random validation batch of {@code rewardImages}. Afterwards
 * {@code finalSamples} children of the final policy are scored with shared weights on the fixed
 * validation images, and the best is retrained from scratch for {@code retrainEpochs}.
 *
 * @param batch        training batch size of shared steps and of retraining
 * @param learningRate Adam learning rate of the shared weights and of retraining
 */
public record EnasSchedule(int epochs, int sharedSteps, int controllerSteps, int batch, double learningRate,
                           int rewardImages, int finalSamples, int retrainEpochs) {

    public EnasSchedule {
        if (epochs < 1 || sharedSteps < 0 || controllerSteps < 1) {
            throw new IllegalArgumentException("an ENAS schedule needs epochs >= 1, shared steps >= 0 and controller steps"
                    + " >= 1, got " + epochs + ", " + sharedSteps + " and " + controllerSteps);
        }
        if (batch < 1 || rewardImages < 1 || finalSamples < 1 || retrainEpochs < 1) {
            throw new IllegalArgumentException("an ENAS schedule needs batch, reward images, final samples and"
                    + " retrain epochs >= 1, got " + batch + ", " + rewardImages + ", " + finalSamples + " and "
                    + retrainEpochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("ENAS learning rate must be > 0, got " + learningRate);
        }
    }

    /** The schedule of bench/results/enas.md: 10 × (200 shared + 50 controller steps), 200 samples, 3 epochs. */
    public static EnasSchedule bench() {
        return new EnasSchedule(10, 200, 50, 64, 1e-3, 256, 200, 3);
    }

    /** Search trials (one per controller step) plus the final retraining trial. */
    public int trials() {
        return epochs * controllerSteps + 1;
    }

    /** Number of the final trial (the retrained best child). */
    public int finalTrial() {
        return epochs * controllerSteps;
    }
}
