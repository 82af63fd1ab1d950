package dev.connectome.nas.weights;

/**
 * Summed cross-entropy and correct predictions over some samples; {@link #plus} combines chunks.
 *
 * @param lossSum sum of per-sample cross-entropy (natural log)
 * @param correct samples whose arg-max output equals the label
 * @param count samples
 */
public record LossStats(double lossSum, long correct, long count) {
    public static final LossStats EMPTY = new LossStats(0, 0, 0);

    public LossStats plus(LossStats o) {
        return new LossStats(lossSum + o.lossSum, correct + o.correct, count + o.count);
    }

    /** Mean cross-entropy. */
    public double loss() {
        return count == 0 ? Double.NaN : lossSum / count;
    }

    public double accuracy() {
        return count == 0 ? Double.NaN : (double) correct / count;
    }
}
