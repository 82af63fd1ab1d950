package dev.connectome.cli.wann;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.connectome.cli.AtomicFiles;
import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.cli.study.StorageOptions;
import dev.connectome.nas.graph.Connection;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.Node;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.nas.wann.GenomeText;
import dev.connectome.nas.wann.WannCandidate;
import dev.connectome.nas.wann.WannSearch;
import dev.connectome.nas.wann.WannSearchSettings;
import dev.connectome.nas.wann.WannTasks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code connectome wann export STUDY -o champion.out}: the best genome of a stored WANN search (or a
 * chosen trial) as a WANNRelease {@code .out} file, readable by WANNRelease and by {@code wann eval}; with
 * {@code --json} also as a JSON document (format {@value #JSON_FORMAT}) whose "genome" field is the exact
 * {@link GenomeText} form (innovations, ids, weights, enabled flags), next to readable node and connection lists.
 */
@Command(name = "export", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Write the champion (or --trial N) of a WANN search study as a WANNRelease .out file."})
public final class WannExportCommand implements Callable<Integer> {
    /** Identifies the JSON layout, so readers can refuse a future incompatible one. */
    public static final String JSON_FORMAT = "connectome-wann-genome/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Io io;

    @Parameters(index = "0", paramLabel = "STUDY", description = "Name of a WANN search study.")
    String study;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.out", required = true, description = "Where to write the genome.")
    Path output;

    @Option(names = "--trial", paramLabel = "N", description = "Export this trial instead of the best one.")
    Integer trial;

    @Option(names = "--json", paramLabel = "FILE.json", description = "Also write the genome as JSON (exact genome text, "
            + "nodes, connections, task and trial).")
    Path json;

    @Mixin
    StorageOptions storage;

    @Mixin
    CommonOptions common;

    public WannExportCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (TrialStore store = storage.openExisting()) {
            StudyInfo info = store.findStudy(study).orElseThrow(() -> new UserException("no study '" + study + "' in "
                    + storage.describe()));
            WannSearchSettings s;
            try {
                s = WannSearch.settingsOf(info);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage(), e);
            }
            List<TrialRecord> trials = store.trials(study);
            TrialRecord chosen = null;
            for (TrialRecord t : trials) {
                if (trial != null ? t.number() == trial : t.isComplete() && (chosen == null || t.value() > chosen.value())) {
                    chosen = t;
                }
            }
            if (chosen == null) {
                throw new UserException(trial != null ? "study '" + study + "' has no trial " + trial
                        : "study '" + study + "' has no complete trial yet");
            }
            WannCandidate c = WannSearch.space(WannTasks.get(s.task()), s.wann()).parse(chosen.architecture());
            NeuronGraph g = c.graph();
            WannOutFormat.write(g, output);
            if (json != null) {
                writeJson(s.task(), chosen, c, g);
            }
            io.out().printf(Locale.ROOT, "wrote %s: trial %d (generation %d), mean %.4g, %d connections, %d hidden nodes%n",
                    output, chosen.number(), c.generation(), chosen.value(), g.enabledConnectionCount(), g.hiddenCount());
        }
        return ExitCodes.OK;
    }

    private void writeJson(String task, TrialRecord chosen, WannCandidate c, NeuronGraph g) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", JSON_FORMAT);
        doc.put("study", study);
        doc.put("task", task);
        doc.put("trial", chosen.number());
        doc.put("generation", c.generation());
        doc.put("value", chosen.value());
        doc.put("inputs", g.inputCount());
        doc.put("outputs", g.outputCount());
        doc.put("genome", GenomeText.format(g));
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Node n : g.nodes()) {
            nodes.add(Map.of("id", n.id(), "kind", n.kind().name().toLowerCase(Locale.ROOT), "activation", n.activation()));
        }
        doc.put("nodes", nodes);
        List<Map<String, Object>> conns = new ArrayList<>();
        for (Connection k : g.connections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("innovation", k.innovation());
            m.put("source", k.source());
            m.put("target", k.target());
            m.put("weight", k.weight());
            m.put("enabled", k.enabled());
            conns.add(m);
        }
        doc.put("connections", conns);
        try {
            AtomicFiles.write(json, JSON.writeValueAsBytes(doc));
        } catch (IOException e) {
            throw new UserException("cannot write " + json + ": " + e.getMessage(), e);
        }
        io.out().println("wrote " + json);
    }
}
