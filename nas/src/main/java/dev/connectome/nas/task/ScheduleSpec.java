package dev.connectome.nas.task;

import dev.connectome.engine.optim.LearningRateSchedule;
import java.util.Locale;

/**
 * A learning-rate schedule over epochs, as one flat value: constant, step decay (×{@code gamma}
 * every {@code stepEpochs}) or cosine annealing from the base rate down to {@code minFactor}×base
 * over the run, optionally after a linear warm-up of {@code warmupEpochs}. {@link #build} turns it
 * into the engine's per-step {@link LearningRateSchedule}.
 */
public record ScheduleSpec(Kind kind, int stepEpochs, double gamma, double minFactor, int warmupEpochs) {

    /** The schedule shapes. */
    public enum Kind {
        CONSTANT, STEP, COSINE;

        /** Parses a lowercase name; the error lists the valid names. */
        public static Kind parse(String name) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(name.trim())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown schedule '" + name + "' (valid: constant, step, cosine)");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ScheduleSpec {
        if (kind == null) {
            throw new IllegalArgumentException("schedule kind is required");
        }
        if (stepEpochs < 1) {
            throw new IllegalArgumentException("schedule step must be at least 1 epoch, got " + stepEpochs);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("schedule gamma must be in (0, 1], got " + gamma);
        }
        if (!(minFactor >= 0 && minFactor <= 1)) {
            throw new IllegalArgumentException("schedule minimum factor must be in [0, 1], got " + minFactor);
        }
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("warm-up epochs must be >= 0, got " + warmupEpochs);
        }
        if (warmupEpochs > 0 && kind != Kind.COSINE) {
            throw new IllegalArgumentException("a learning-rate warm-up needs the cosine schedule, not " + kind);
        }
    }

    public static ScheduleSpec constant() {
        return new ScheduleSpec(Kind.CONSTANT, 1, 1, 0, 0);
    }

    public static ScheduleSpec step(int everyEpochs, double gamma) {
        return new ScheduleSpec(Kind.STEP, everyEpochs, gamma, 0, 0);
    }

    public static ScheduleSpec cosine(double minFactor) {
        return new ScheduleSpec(Kind.COSINE, 1, 1, minFactor, 0);
    }

    public ScheduleSpec withWarmup(int epochs) {
        return new ScheduleSpec(kind, stepEpochs, gamma, minFactor, epochs);
    }

    /**
     * The engine schedule for a run of {@code epochs} epochs of {@code stepsPerEpoch} optimizer
     * steps each, counting steps from 0 (so warm-up and cosine change smoothly within an epoch,
     * step decay at epoch boundaries).
     */
    public LearningRateSchedule build(double learningRate, int stepsPerEpoch, int epochs) {
        long total = (long) stepsPerEpoch * epochs;
        return switch (kind) {
            case CONSTANT -> LearningRateSchedule.constant(learningRate);
            case STEP -> LearningRateSchedule.stepDecay(learningRate, (long) stepEpochs * stepsPerEpoch, gamma);
            case COSINE -> {
                if (warmupEpochs >= epochs) {
                    throw new IllegalArgumentException("cosine schedule: warm-up of " + warmupEpochs
                            + " epochs must be shorter than the " + epochs + " epochs of the run");
                }
                yield LearningRateSchedule.cosine(learningRate, learningRate * minFactor, total,
                        (long) warmupEpochs * stepsPerEpoch);
            }
        };
    }

    public String describe() {
        String w = warmupEpochs > 0 ? ", warmup=" + warmupEpochs : "";
        return switch (kind) {
            case CONSTANT -> "constant";
            case STEP -> "step(every=" + stepEpochs + ", gamma=" + gamma + w + ")";
            case COSINE -> "cosine(min=" + minFactor + w + ")";
        };
    }
}
