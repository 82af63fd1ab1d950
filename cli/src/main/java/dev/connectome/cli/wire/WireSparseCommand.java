package dev.connectome.cli.wire;

import dev.connectome.cli.DataOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.TrainingRun;
import dev.connectome.cli.UserException;
import dev.connectome.cli.model.MlpSpec;
import dev.connectome.cli.model.ModelFile;
import dev.connectome.cli.model.ModelHeader;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Linear;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Sequential;
import dev.connectome.nas.task.TrainSettings;
import dev.connectome.nas.wiring.SparseLinear;
import dev.connectome.nas.wiring.SparseMlp;
import dev.connectome.nas.wiring.WiringVariant;
import dev.connectome.nas.wiring.WiringVariants;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connectome wire sparse}: trains a model whose layers each use only a fraction of their weights. With
 * {@code -o} the trained network is saved as an ordinary MLP model file whose unused weights are zero, so
 * {@code connectome eval} and {@code connectome export} work on it unchanged.
 */
@Command(name = "sparse", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Train a sparse MLP: every linear layer uses only the --keep fraction of its weights per",
            "forward pass, chosen by magnitude each step with gradients to all weights (DNW's ChooseEdges).",
            "-o saves it as a plain MLP model file with the unused weights set to zero."})
public final class WireSparseCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--model", defaultValue = "mlp", description = "Model kind: mlp (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--keep", defaultValue = "0.1", description = "Fraction of each layer's weights in use (default: ${DEFAULT-VALUE}).")
    double keep;

    @Option(names = "--hidden", paramLabel = "N,N,...", defaultValue = "300,100", description = "Hidden widths (default: ${DEFAULT-VALUE}).")
    String hidden;

    @Option(names = "--first-layer-dense", description = "Keep the first layer dense.")
    boolean firstLayerDense;

    @Option(names = "--variant", defaultValue = "dnw",
            description = "dnw, random, dnw-no-update, fine-tune or complete (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.cnm",
            description = "Save the trained network as an MLP model file (unused weights stored as zeros).")
    Path output;

    @Mixin
    DataOptions data;

    @Mixin
    WireTrainingOptions training;

    public WireSparseCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (!model.equalsIgnoreCase("mlp")) {
            throw new UserException("--model must be mlp, got '" + model + "'");
        }
        if (!(keep > 0 && keep <= 1)) {
            throw new UserException("--keep must be in (0, 1], got " + keep);
        }
        WiringVariant v;
        try {
            v = WiringVariants.get(variant);
        } catch (IllegalArgumentException e) {
            throw new UserException("--variant: " + e.getMessage());
        }
        TrainSettings settings = training.settings();
        int[] sizes = WireRuns.parseSizes(hidden, "--hidden");
        if (output != null) {
            TrainingRun.checkOutput(output);
        }
        DataOptions.Loaded loaded = data.load();
        Sequential net = SparseMlp.of(loaded.train().sampleSize(), sizes, loaded.train().numClasses(), Activation.RELU,
                keep, firstLayerDense, v, settings.random("init"));
        io.out().printf(Locale.ROOT, "wire sparse: mlp %s, %s, keep %s%s: %d of %d parameters per forward pass, %s, %s,"
                        + " %d epochs%n", hidden, v.name(), keep, firstLayerDense ? " (first layer dense)" : "",
                SparseMlp.activeParameters(net), net.parameterCount(), loaded.name(), settings.optimizer().describe(),
                settings.epochs());
        double accuracy = WireRuns.trainAndTest(io, net, loaded, settings, training.augmentation(loaded.train()),
                WireRuns.epochPrinter(io));
        if (output != null) {
            save(net, sizes, loaded, settings, accuracy);
        }
        return ExitCodes.OK;
    }

    private void save(Sequential net, int[] sizes, DataOptions.Loaded loaded, TrainSettings settings, double accuracy) {
        MlpSpec spec = MlpSpec.of(loaded.train().sampleSize(), sizes, Activation.RELU.id(), loaded.train().numClasses(),
                loaded.train().sampleShape(), loaded.train().classNames());
        Module dense = spec.build(new SplittableRandom(0)); // every value is overwritten below
        materialise(net, dense);
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("command", "wire sparse");
        resolved.put("variant", variant);
        resolved.put("keep", keep);
        resolved.put("firstLayerDense", firstLayerDense);
        resolved.put("hidden", hidden);
        resolved.put("epochs", settings.epochs());
        resolved.put("batch", settings.batchSize());
        resolved.put("optimizer", settings.optimizer().describe());
        resolved.put("threads", settings.threads());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("testAccuracy", accuracy / 100);
        metrics.put("testSamples", loaded.test().size());
        metrics.put("activeParameters", SparseMlp.activeParameters(net));
        ModelHeader.Provenance provenance = new ModelHeader.Provenance(loaded.name(), loaded.train().sha256(),
                settings.seed(), TrainingRun.versionString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                System.getProperty("java.version") + " " + System.getProperty("java.vm.name"));
        try {
            ModelFile.write(output, ModelHeader.describe(spec, dense, resolved, metrics, provenance), dense);
        } catch (IOException e) {
            throw new UserException("cannot write model file " + output + ": " + e, e);
        }
        io.out().println("model saved to " + output + " (a dense MLP with the unused weights set to zero)");
    }

    /**
     * Copies {@code sparse}'s layers into the same-shaped dense MLP, each sparse layer's weight as its
     * selection makes it effective (unchosen entries zero), so the dense model computes what the sparse one does.
     */
    static void materialise(Sequential sparse, Module dense) {
        Map<String, Tensor> target = dense.namedParameters();
        List<Module> layers = sparse.children();
        try (Parallelism par = Parallelism.single()) {
            for (int i = 0; i < layers.size(); i++) {
                Module layer = layers.get(i);
                Tensor weight;
                Tensor bias;
                if (layer instanceof SparseLinear s) {
                    Tape tape = Tape.inference(par);
                    weight = s.selection().apply(tape, s.weight())[0];
                    bias = s.bias();
                } else if (layer instanceof Linear l) {
                    weight = l.weight();
                    bias = l.bias();
                } else {
                    continue;
                }
                copy(weight, target.get(i + ".weight"), i + ".weight");
                copy(bias, target.get(i + ".bias"), i + ".bias");
            }
        }
    }

    private static void copy(Tensor from, Tensor to, String name) {
        if (to == null || from.size() != to.size()) {
            throw new IllegalStateException("sparse layer " + name + " has no same-shaped dense parameter");
        }
        System.arraycopy(from.data(), 0, to.data(), 0, from.size());
    }
}
