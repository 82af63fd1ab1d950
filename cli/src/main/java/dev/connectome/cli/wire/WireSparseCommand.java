package dev.connectome.cli.wire;

import dev.connectome.cli.DataOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Sequential;
import dev.connectome.nas.task.TrainSettings;
import dev.connectome.nas.wiring.SparseMlp;
import dev.connectome.nas.wiring.WiringVariant;
import dev.connectome.nas.wiring.WiringVariants;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code connectome wire sparse}: trains a model whose layers each use only a fraction of their weights. */
@Command(name = "sparse", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Train a sparse MLP: every linear layer uses only the --keep fraction of its weights per",
            "forward pass, chosen by magnitude each step with gradients to all weights (DNW's ChooseEdges)."})
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
        DataOptions.Loaded loaded = data.load();
        Sequential net = SparseMlp.of(loaded.train().sampleSize(), sizes, loaded.train().numClasses(), Activation.RELU,
                keep, firstLayerDense, v, settings.random("init"));
        io.out().printf(Locale.ROOT, "wire sparse: mlp %s, %s, keep %s%s: %d of %d parameters per forward pass, %s, %s,"
                        + " %d epochs%n", hidden, v.name(), keep, firstLayerDense ? " (first layer dense)" : "",
                SparseMlp.activeParameters(net), net.parameterCount(), loaded.name(), settings.optimizer().describe(),
                settings.epochs());
        WireRuns.trainAndTest(io, net, loaded, settings, WireRuns.epochPrinter(io));
        return ExitCodes.OK;
    }
}
