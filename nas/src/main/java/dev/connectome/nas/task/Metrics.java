package dev.connectome.nas.task;

/**
 * Mean loss and accuracy of a classifier on a set of samples.
 *
 * @param loss     mean softmax cross-entropy
 * @param accuracy share of samples whose arg-max logit is the label, in [0, 1]
 * @param count    number of samples
 */
public record Metrics(double loss, double accuracy, int count) {
    /** No samples: NaN loss and accuracy. */
    public static Metrics empty() {
        return new Metrics(Double.NaN, Double.NaN, 0);
    }
}
