package dev.connectome.nas.cell;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.evaluate.Evaluator;
import dev.connectome.nas.evaluate.TrialContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers from the NAS-Bench-201 table: objective = 200-epoch test accuracy (percent, maximise) on the
 * chosen dataset; metrics = all three datasets' accuracies and the NB201 index. Instant and thread-safe.
 */
public final class Nb201TableEvaluator implements Evaluator<Nb201Cell> {

    private final Nb201Dataset dataset;
    private final Nb201Table table;

    /** An evaluator on the shared table. */
    public Nb201TableEvaluator(Nb201Dataset dataset) {
        this(dataset, Nb201Table.get());
    }

    Nb201TableEvaluator(Nb201Dataset dataset, Nb201Table table) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.table = table;
    }

    /** The dataset whose accuracy is the objective. */
    public Nb201Dataset dataset() {
        return dataset;
    }

    @Override
    public Evaluation evaluate(Nb201Cell cell, TrialContext context) {
        int index = table.index(cell);
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Nb201Dataset d : Nb201Dataset.values()) {
            metrics.put(d.id() + "_test_accuracy", table.accuracy(index, d));
        }
        metrics.put("nb201_index", (double) index);
        return Evaluation.complete(table.accuracy(index, dataset), metrics, 0.0);
    }

    @Override
    public String id() {
        return "nb201-table:" + dataset.id();
    }

    @Override
    public Optional<String> datasetSha256() {
        return Optional.of(Nb201Table.SOURCE_SHA256);
    }
}
