package dev.connectome.cli.wann;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectome.cli.UserException;
import dev.connectome.nas.data.DataException;
import dev.connectome.nas.graph.GraphFormatException;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.TunedWeights;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.wann.GenomeText;
import dev.connectome.nas.wann.WannTask;
import dev.connectome.nas.wann.WannTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading genomes, weights and tasks for the wann commands, with every failure a one-line user error. */
public final class WannFiles {

    private WannFiles() {
    }

    /** The task spec for {@code --task}; unknown ids are a user error listing the known ones. */
    static WannTasks.Spec spec(String task) {
        try {
            return WannTasks.get(task);
        } catch (IllegalArgumentException e) {
            throw new UserException("--task: " + e.getMessage());
        }
    }

    /** Makes the task; MNIST256 needs {@code --data DIR} holding mnist/ (the sample task needs nothing). */
    static WannTask task(WannTasks.Spec spec, Path data) {
        if (spec.id().equals("mnist256") && data == null) {
            throw new UserException("--task mnist256 needs --data DIR with the MNIST IDX files "
                    + "(or use --task mnist256-sample for the MNIST sample embedded in the jar)");
        }
        if (data != null && !Files.isDirectory(data)) {
            throw new UserException("--data: no such directory: " + data);
        }
        try {
            return spec.create().apply(data);
        } catch (DataException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /**
     * Reads a genome for the task's node counts: a WANNRelease {@code .out} file, or the JSON that
     * {@code wann export --json} writes (its exact "genome" text).
     */
    public static NeuronGraph readGenome(Path file, WannTasks.Spec spec) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("no such file: " + file);
        }
        if (file.getFileName().toString().endsWith(".json")) {
            return readJson(file, spec);
        }
        try {
            return WannOutFormat.read(file, spec.inputs(), spec.outputs());
        } catch (GraphFormatException e) {
            throw new UserException(e.getMessage() + " (task " + spec.id() + " needs " + spec.inputs() + " inputs and "
                    + spec.outputs() + " outputs)", e);
        } catch (UncheckedIOException e) {
            throw new UserException("cannot read " + file + ": " + e.getCause().getMessage(), e);
        }
    }

    private static NeuronGraph readJson(Path file, WannTasks.Spec spec) {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new UserException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String format = doc.path("format").asText("");
        if (!format.startsWith("connectome-wann-genome/")) {
            throw new UserException(file + ": not a WANN genome JSON from 'connectome wann export --json' (format '"
                    + format + "')");
        }
        NeuronGraph g;
        try {
            g = GenomeText.parse(doc.path("genome").asText(""));
        } catch (IllegalArgumentException e) {
            throw new UserException(file + ": " + e.getMessage(), e);
        }
        if (g.inputCount() != spec.inputs() || g.outputCount() != spec.outputs()) {
            throw new UserException(file + ": genome has " + g.inputCount() + " inputs and " + g.outputCount()
                    + " outputs, task " + spec.id() + " needs " + spec.inputs() + " and " + spec.outputs());
        }
        return g;
    }

    /** Reads a WANNTool tuned-weight JSON for a compiled genome. */
    static float[] readWeights(Path json, GraphNet net, float weightBias) {
        if (!Files.isRegularFile(json)) {
            throw new UserException("no such file: " + json);
        }
        try {
            return TunedWeights.read(json, net, weightBias);
        } catch (GraphFormatException | IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UserException("cannot read " + json + ": " + e.getCause().getMessage(), e);
        }
    }
}
