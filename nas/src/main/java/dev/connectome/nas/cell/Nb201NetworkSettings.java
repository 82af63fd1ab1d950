package dev.connectome.nas.cell;

/**
 * Size of an {@link Nb201Network}: C (channels of the first stage), N (cells per stage), the number
 * of output classes, and whether BatchNorm layers are present (synflow scores networks without them).
 *
 * @param channels      C; the stages have C, 2C and 4C channels
 * @param cellsPerStage N
 * @param classes       outputs of the final linear layer (NASWOT uses 1)
 * @param batchNorm     false replaces every BatchNorm by the identity
 */
public record Nb201NetworkSettings(int channels, int cellsPerStage, int classes, boolean batchNorm) {

    public Nb201NetworkSettings {
        if (channels < 1 || cellsPerStage < 0 || classes < 1) {
            throw new IllegalArgumentException("NB201 network needs C >= 1, N >= 0, classes >= 1; got C=" + channels
                    + ", N=" + cellsPerStage + ", classes=" + classes);
        }
    }

    /** The skeleton the NB201 table was trained with: C = 16, N = 5, 10 classes, with BatchNorm. */
    public static Nb201NetworkSettings defaults() {
        return new Nb201NetworkSettings(16, 5, 10, true);
    }

    public Nb201NetworkSettings withClasses(int classes) {
        return new Nb201NetworkSettings(channels, cellsPerStage, classes, batchNorm);
    }

    public Nb201NetworkSettings withBatchNorm(boolean batchNorm) {
        return new Nb201NetworkSettings(channels, cellsPerStage, classes, batchNorm);
    }
}
