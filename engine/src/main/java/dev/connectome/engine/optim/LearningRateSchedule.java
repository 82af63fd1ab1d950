package dev.connectome.engine.optim;

/**
 * The learning rate as a function of a step (or epoch) counter starting at 0. Schedules are
 * immutable values; {@link #apply} pushes the rate for a step into an optimizer.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /** The learning rate to use at {@code step} (0-based). */
    double rate(long step);

    /** Sets {@code optimizer}'s learning rate to {@link #rate(long) rate(step)}. */
    default void apply(Optimizer optimizer, long step) {
        optimizer.setLearningRate(rate(step));
    }

    /** The same rate at every step. */
    static LearningRateSchedule constant(double lr) {
        check(lr, "constant schedule rate");
        return step -> lr;
    }

    /** PyTorch's StepLR: {@code lr · γ^⌊step / every⌋}. */
    static LearningRateSchedule stepDecay(double lr, long every, double gamma) {
        check(lr, "step decay rate");
        if (every <= 0) {
            throw new IllegalArgumentException("step decay: interval must be > 0, got " + every);
        }
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("step decay: gamma must be finite and > 0, got " + gamma);
        }
        return step -> lr * Math.pow(gamma, Math.floorDiv(Math.max(step, 0), every));
    }

    /** Cosine annealing from {@code lr} at step 0 to {@code minLr} at {@code totalSteps} (and after). */
    static LearningRateSchedule cosine(double lr, double minLr, long totalSteps) {
        return cosine(lr, minLr, totalSteps, 0);
    }

    /**
     * Linear warm-up then cosine annealing (SGDR without restarts, Loshchilov &amp; Hutter 2017).
     * Steps 0 … warmup−1 ramp linearly as {@code lr·(step+1)/warmup}; from step {@code warmup} the
     * rate is {@code minLr + (lr − minLr)·(1 + cos(π·(step − warmup)/(totalSteps − warmup)))/2},
     * reaching {@code minLr} at {@code totalSteps} and staying there.
     */
    static LearningRateSchedule cosine(double lr, double minLr, long totalSteps, long warmupSteps) {
        check(lr, "cosine schedule rate");
        check(minLr, "cosine schedule minimum rate");
        if (warmupSteps < 0 || totalSteps <= warmupSteps) {
            throw new IllegalArgumentException("cosine schedule: need 0 <= warm-up steps < total steps, got warm-up "
                    + warmupSteps + ", total " + totalSteps);
        }
        long span = totalSteps - warmupSteps;
        return step -> {
            if (step < warmupSteps) {
                return lr * (Math.max(step, 0) + 1) / warmupSteps;
            }
            long t = Math.min(step - warmupSteps, span);
            return minLr + (lr - minLr) * 0.5 * (1 + Math.cos(Math.PI * t / span));
        };
    }

    private static void check(double lr, String what) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, got " + lr);
        }
    }
}
