package dev.connectome.nas.wann;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Weight-agnostic score of one genome: the reward at each shared weight value averaged over rollouts,
 * their mean (the fitness) and maximum, and the enabled connection count.
 *
 * @param weights     the shared weight values
 * @param perWeight   mean reward at each weight value
 * @param mean        mean of {@code perWeight} (WANN's fitness)
 * @param max         max of {@code perWeight} (fitMax)
 * @param connections enabled connections (nConn)
 */
public record WannScore(double[] weights, double[] perWeight, double mean, double max, int connections) {

    public WannScore {
        weights = weights.clone();
        perWeight = perWeight.clone();
    }

    /** Score from rewards[weight][rollout]. */
    public static WannScore of(double[] weights, double[][] rewards, int connections) {
        double[] per = new double[rewards.length];
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int w = 0; w < rewards.length; w++) {
            double s = 0;
            for (double r : rewards[w]) {
                s += r;
            }
            per[w] = s / rewards[w].length;
            sum += per[w];
            max = Math.max(max, per[w]);
        }
        return new WannScore(weights, per, sum / rewards.length, max, connections);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] perWeight() {
        return perWeight.clone();
    }

    /** The weight value with the highest mean reward. */
    public double bestWeight() {
        int best = 0;
        for (int w = 1; w < perWeight.length; w++) {
            if (perWeight[w] > perWeight[best]) {
                best = w;
            }
        }
        return weights[best];
    }

    /** Metric name of a weight value's mean reward, e.g. "w=-0.5". */
    public static String weightMetric(double w) {
        return "w=" + String.format(Locale.ROOT, "%s", w);
    }

    /** Metrics stored with a trial: max, connections and the reward at each weight. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("max", max);
        m.put("connections", (double) connections);
        for (int w = 0; w < weights.length; w++) {
            m.put(weightMetric(weights[w]), perWeight[w]);
        }
        return m;
    }
}
