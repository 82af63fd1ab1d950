package dev.connectome.report.wann;

import dev.connectome.nas.study.TrialRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-generation statistics of a WANN study, read from its trials (architecture {@code g<gen>|...},
 * value = mean reward over the shared weights, metrics {@code max} and {@code connections}).
 *
 * @param generation  generation number
 * @param bestMean    highest mean reward
 * @param medianMean  median mean reward
 * @param bestMax     highest best-weight reward
 * @param championConnections connections of the member with the highest mean
 * @param medianConnections   median connections
 */
public record WannGenerations(int generation, double bestMean, double medianMean, double bestMax,
                              double championConnections, double medianConnections) {

    /** One row per generation with at least one complete trial, in generation order. */
    public static List<WannGenerations> of(List<TrialRecord> trials) {
        Map<Integer, List<TrialRecord>> byGen = new TreeMap<>();
        for (TrialRecord t : trials) {
            int g = generationOf(t.architecture());
            if (g >= 0 && t.isComplete() && Double.isFinite(t.value())) {
                byGen.computeIfAbsent(g, k -> new ArrayList<>()).add(t);
            }
        }
        List<WannGenerations> rows = new ArrayList<>();
        for (Map.Entry<Integer, List<TrialRecord>> e : byGen.entrySet()) {
            List<TrialRecord> ts = e.getValue();
            TrialRecord champ = ts.get(0);
            double bestMax = Double.NEGATIVE_INFINITY;
            for (TrialRecord t : ts) {
                if (t.value() > champ.value()) {
                    champ = t;
                }
                bestMax = Math.max(bestMax, t.metrics().getOrDefault("max", t.value()));
            }
            double[] means = ts.stream().mapToDouble(TrialRecord::value).toArray();
            double[] conns = ts.stream().mapToDouble(t -> t.metrics().getOrDefault("connections", Double.NaN)).toArray();
            rows.add(new WannGenerations(e.getKey(), champ.value(), median(means), bestMax,
                    champ.metrics().getOrDefault("connections", Double.NaN), median(conns)));
        }
        return rows;
    }

    /** The generation of a stored WANN candidate, or −1 when the text is not one. */
    public static int generationOf(String architecture) {
        int bar = architecture == null ? -1 : architecture.indexOf('|');
        if (bar < 2 || architecture.charAt(0) != 'g') {
            return -1;
        }
        try {
            return Integer.parseInt(architecture.substring(1, bar));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
