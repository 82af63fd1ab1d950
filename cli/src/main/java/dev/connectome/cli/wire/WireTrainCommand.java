package dev.connectome.cli.wire;

import dev.connectome.cli.DataOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.task.BatchAugmentation;
import dev.connectome.nas.task.TrainSettings;
import dev.connectome.nas.wiring.ChannelGraphNet;
import dev.connectome.nas.wiring.ChannelGraphSpec;
import dev.connectome.nas.wiring.NeuronGraphNet;
import dev.connectome.nas.wiring.NeuronGraphSpec;
import dev.connectome.nas.wiring.WiredModule;
import dev.connectome.nas.wiring.WiringRecorder;
import dev.connectome.nas.wiring.WiringVariant;
import dev.connectome.nas.wiring.WiringVariants;
import dev.connectome.report.wiring.WiringViewer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code connectome wire train}: trains a static neural graph whose wiring is learned (or fixed). */
@Command(name = "train", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Train a static neural graph with a learned (DNW) or fixed wiring of K edges.",
            "neuron: pixels, hidden blocks of ReLU neurons and the class outputs; edges only go to later blocks.",
            "channel: the paper's tiny classifier (stem, nodes = norm, ReLU, 3x3 single-channel conv; sparse 1x1 mixing).",
            "Writes the wiring over training as an HTML page with a slider when --viewer is given."})
public final class WireTrainCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--graph", defaultValue = "neuron", description = "neuron or channel (default: ${DEFAULT-VALUE}).")
    String graph;

    @Option(names = "--edges", paramLabel = "K", defaultValue = "2000", description = "Edge budget (default: ${DEFAULT-VALUE}).")
    int edges;

    @Option(names = "--variant", defaultValue = "dnw",
            description = "dnw, random, dnw-no-update, fine-tune, complete, dnw-every-node or dnw-node-scale"
                    + " (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--blocks", paramLabel = "N,N,...",
            description = "Block sizes after the inputs (default: 100,100,100 for neuron, 48,48,48,48 for channel).")
    String blocks;

    @Option(names = "--input-node-ops", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Channel graph: the input nodes apply norm, ReLU and a 3x3 conv to the stem's output before"
                    + " mixing, as allenai/dnw does (default: on; --no-input-node-ops mixes the stem's output"
                    + " directly).")
    boolean inputNodeOps;

    @Option(names = "--node-norm", paramLabel = "batch|instance", defaultValue = "batch",
            description = "Channel graph: the nodes' normalisation, BatchNorm or InstanceNorm as in allenai/dnw"
                    + " (default: ${DEFAULT-VALUE}).")
    String nodeNorm;

    @Option(names = "--snapshot-every", paramLabel = "STEPS", defaultValue = "50",
            description = "Record the wiring every STEPS optimizer steps (default: ${DEFAULT-VALUE}).")
    int snapshotEvery;

    @Option(names = "--viewer", paramLabel = "FILE.html", description = "Write the wiring viewer page here.")
    Path viewer;

    @Mixin
    DataOptions data;

    @Mixin
    WireTrainingOptions training;

    public WireTrainCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        WiringVariant v = variant();
        TrainSettings settings = training.settings();
        if (snapshotEvery < 0) {
            throw new UserException("--snapshot-every must be >= 0, got " + snapshotEvery);
        }
        DataOptions.Loaded loaded = data.load();
        int[] shape = loaded.train().sampleShape();
        int features = loaded.train().sampleSize();
        WiredModule model;
        try {
            model = switch (graph.toLowerCase(Locale.ROOT)) {
                case "neuron" -> new NeuronGraphNet(new NeuronGraphSpec(features,
                        WireRuns.parseSizes(blocks == null ? "100,100,100" : blocks, "--blocks"),
                        loaded.train().numClasses(), edges, shape.length >= 2 ? shape[shape.length - 1] : 0), v,
                        settings.random("init"));
                case "channel" -> channel(shape, loaded.train().numClasses(), v, settings);
                default -> throw new UserException("--graph must be neuron or channel, got '" + graph + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        io.out().printf(Locale.ROOT, "wire train: %s graph, %s, %d of %d potential edges, %s, %s, %d epochs, batch %d, seed %d%n",
                graph, v.name(), model.selection().edges(), model.selection().potentialEdges(), loaded.name(),
                settings.optimizer().describe(), settings.epochs(), settings.batchSize(), settings.seed());
        WiringRecorder recorder = new WiringRecorder(model, snapshotEvery, WireRuns.epochPrinter(io));
        try {
            recorder.recordInitial(); // the first edge choice: a budget the variant cannot meet fails here
        } catch (IllegalArgumentException e) {
            throw new UserException("--edges: " + e.getMessage());
        }
        BatchAugmentation augmentation = training.augmentation(loaded.train());
        double acc = WireRuns.trainAndTest(io, model, loaded, settings, augmentation, recorder);
        if (viewer != null) {
            String title = String.format(Locale.ROOT, "%s %s graph on %s: %d edges, test accuracy %.2f%%", v.name(), graph,
                    loaded.name(), model.selection().edges(), acc);
            WiringViewer.write(recorder.history(title), viewer);
            io.out().println("wiring viewer written to " + viewer + " (" + recorder.snapshots().size() + " snapshots)");
        }
        return ExitCodes.OK;
    }

    private WiringVariant variant() {
        try {
            return WiringVariants.get(variant);
        } catch (IllegalArgumentException e) {
            throw new UserException("--variant: " + e.getMessage());
        }
    }

    private ChannelGraphNet channel(int[] shape, int classes, WiringVariant v, TrainSettings settings) {
        int channels = shape.length == 3 ? shape[0] : 1;
        int side = shape[shape.length - 1];
        if (shape.length < 2 || shape[shape.length - 2] != side) {
            throw new UserException("--graph channel needs square images, the data set has samples of shape "
                    + java.util.Arrays.toString(shape));
        }
        int[] sizes = WireRuns.parseSizes(blocks == null ? "48,48,48,48" : blocks, "--blocks");
        ChannelGraphSpec.NodeNorm norm = switch (nodeNorm.toLowerCase(Locale.ROOT)) {
            case "batch" -> ChannelGraphSpec.NodeNorm.BATCH;
            case "instance" -> ChannelGraphSpec.NodeNorm.INSTANCE;
            default -> throw new UserException("--node-norm must be batch or instance, got '" + nodeNorm + "'");
        };
        return new ChannelGraphNet(new ChannelGraphSpec(channels, side, sizes, edges, 32, classes, inputNodeOps, false,
                norm), v, settings.random("init"));
    }
}
