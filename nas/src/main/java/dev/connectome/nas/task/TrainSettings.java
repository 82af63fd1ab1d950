package dev.connectome.nas.task;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Everything that decides a classification training run apart from the model and the data:
 * immutable, validated on construction, and printable as the run's resolved settings.
 *
 * @param epochs             passes over the training set
 * @param batchSize          samples per optimizer step (the last, smaller batch of an epoch is kept)
 * @param seed               root of every random choice of the run (split, shuffling; see {@link #random})
 * @param threads            kernel threads for the training tape
 * @param optimizer          optimizer kind and settings
 * @param schedule           learning-rate schedule over the epochs
 * @param clipNorm           clip the global gradient norm to this value; 0 disables clipping
 * @param validationFraction share of the training data held out for validation (0 ⇒ none), in [0, 1)
 */
public record TrainSettings(int epochs, int batchSize, long seed, int threads, OptimizerSpec optimizer,
                            ScheduleSpec schedule, double clipNorm, double validationFraction) {

    public TrainSettings {
        require(epochs >= 1, "epochs must be at least 1, got " + epochs);
        require(batchSize >= 1, "batch size must be at least 1, got " + batchSize);
        require(threads >= 1, "threads must be at least 1, got " + threads);
        require(optimizer != null, "optimizer is required");
        require(schedule != null, "schedule is required");
        require(clipNorm >= 0 && !Double.isInfinite(clipNorm), "gradient clip norm must be finite and >= 0, got " + clipNorm);
        require(schedule.warmupEpochs() < epochs, "the learning-rate warm-up (" + schedule.warmupEpochs()
                + " epochs) must be shorter than the run (" + epochs + " epochs)");
        require(validationFraction >= 0 && validationFraction < 1,
                "validation fraction must be in [0, 1), got " + validationFraction);
    }

    /** 10 epochs of Adam(1e-3), batch 128, seed 1, one thread, constant rate, no clipping, 10% validation. */
    public static TrainSettings defaults() {
        return new TrainSettings(10, 128, 1, 1, OptimizerSpec.adam(1e-3), ScheduleSpec.constant(), 0, 0.1);
    }

    public TrainSettings withEpochs(int e) {
        return new TrainSettings(e, batchSize, seed, threads, optimizer, schedule, clipNorm, validationFraction);
    }

    public TrainSettings withBatchSize(int b) {
        return new TrainSettings(epochs, b, seed, threads, optimizer, schedule, clipNorm, validationFraction);
    }

    public TrainSettings withSeed(long s) {
        return new TrainSettings(epochs, batchSize, s, threads, optimizer, schedule, clipNorm, validationFraction);
    }

    public TrainSettings withThreads(int t) {
        return new TrainSettings(epochs, batchSize, seed, t, optimizer, schedule, clipNorm, validationFraction);
    }

    public TrainSettings withOptimizer(OptimizerSpec o) {
        return new TrainSettings(epochs, batchSize, seed, threads, o, schedule, clipNorm, validationFraction);
    }

    public TrainSettings withSchedule(ScheduleSpec s) {
        return new TrainSettings(epochs, batchSize, seed, threads, optimizer, s, clipNorm, validationFraction);
    }

    public TrainSettings withClipNorm(double c) {
        return new TrainSettings(epochs, batchSize, seed, threads, optimizer, schedule, c, validationFraction);
    }

    public TrainSettings withValidationFraction(double f) {
        return new TrainSettings(epochs, batchSize, seed, threads, optimizer, schedule, clipNorm, f);
    }

    /**
     * An independent generator for one purpose of this run ("init", "split", "shuffle"), derived
     * from the seed alone, so that adding a new random choice never shifts the existing ones.
     */
    public RandomGenerator random(String purpose) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < purpose.length(); i++) {
            h = (h ^ purpose.charAt(i)) * 0xBF58476D1CE4E5B9L;
        }
        return new SplittableRandom(h ^ (h >>> 31));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
