package dev.connectome.cli.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.cli.wann.WannFiles;
import dev.connectome.cli.model.ModelFile;
import dev.connectome.cli.model.ModelHeader;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.TunedWeights;
import dev.connectome.nas.wann.WannTasks;
import dev.connectome.onnx.ModelInfo;
import dev.connectome.onnx.NeuronGraphExport;
import dev.connectome.onnx.OnnxModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code connectome export MODEL --onnx out.onnx}: hands a trained network to any ONNX runtime. The model's
 * provenance (data set, seed, version) and training settings travel in the file's metadata.
 */
@Command(name = "export", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Export a trained model to ONNX (opset 13), with its provenance in the model metadata.",
            "MODEL is a .cnm file written by 'connectome train' (or another command that saves models), or a WANN",
            "genome in WANNRelease's .out format or from 'wann export --json' (then --task and --weight or --weights say",
            "how to instantiate it).",
            "With --nb201 ARCH instead of MODEL: a freshly initialised NAS-Bench-201 cell network, for training elsewhere."})
public final class ExportCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Io io;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "The model file to export.")
    Path model;

    @Option(names = "--onnx", paramLabel = "FILE.onnx", required = true, description = "Where to write the ONNX model.")
    Path onnx;

    @Option(names = "--task", paramLabel = "TASK", description = "For a .out genome: the task it solves (swingup, mnist256), "
            + "which fixes its inputs, outputs and the tuned weights' bias.")
    String task;

    @Option(names = "--weight", paramLabel = "W", description = "For a .out genome: one shared weight for every connection.")
    Float weight;

    @Option(names = "--weights", paramLabel = "FILE.json", description = "For a .out genome: tuned per-connection weights "
            + "(WANNTool's [params, score] JSON).")
    Path weights;

    @Option(names = "--nb201", paramLabel = "ARCH", description = "Export an untrained NB201 network around this cell "
            + "(|op~0|+|op~0|op~1|+|op~0|op~1|op~2|) instead of a model file.")
    String nb201;

    @Option(names = "--channels", paramLabel = "C", defaultValue = "16", description = "With --nb201: channels of the first stage (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--cells", paramLabel = "N", defaultValue = "5", description = "With --nb201: cells per stage (default: ${DEFAULT-VALUE}).")
    int cells;

    @Option(names = "--classes", paramLabel = "K", defaultValue = "10", description = "With --nb201: output classes (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--image-size", paramLabel = "PX", defaultValue = "32", description = "With --nb201: input height and width in the ONNX signature (default: ${DEFAULT-VALUE}).")
    int imageSize;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "With --nb201: seed of the initial weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    CommonOptions common;

    public ExportCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        if (onnx.getFileName() == null || Files.isDirectory(onnx)) {
            throw new UserException("--onnx must name a file, not a directory: " + onnx);
        }
        if (nb201 != null) {
            if (model != null || task != null || weight != null || weights != null) {
                throw new UserException("--nb201 exports a fresh network and takes no MODEL, --task, --weight or --weights");
            }
            return Nb201Export.write(nb201, channels, cells, classes, imageSize, seed, onnx, version(), io);
        }
        if (model == null) {
            throw new UserException("export needs a MODEL file (or --nb201 ARCH)");
        }
        if (!Files.exists(model)) {
            throw new UserException("no such model file: " + model);
        }
        String file = model.getFileName().toString();
        if (file.endsWith(".out") || file.endsWith(".json")) {
            return exportGenome();
        }
        if (task != null || weight != null || weights != null) {
            throw new UserException("--task, --weight and --weights apply to .out genomes only; " + model + " is a model file");
        }
        ModelFile.Saved saved = ModelFile.read(model);
        ModelHeader header = saved.header();
        var arch = header.architecture();
        ModelInfo info = ModelInfo.of(model.getFileName().toString().replaceFirst("\\.cnm$", ""),
                        "connectome " + arch.describe() + " classifier; outputs are logits (apply softmax for probabilities)")
                .withInput("input", "float32 [batch, " + arch.inputs() + "]: samples of shape "
                        + Arrays.toString(arch.sampleShape()) + " flattened row-major, preprocessed as in training")
                .withOutput("logits", "float32 [batch, " + arch.outputs() + "]"
                        + (arch.classNames().isEmpty() ? "" : ", classes " + String.join(",", arch.classNames())))
                .withProducerVersion(version())
                .withProperty("connectome.architecture", JSON.writeValueAsString(arch))
                .withProperty("connectome.provenance", JSON.writeValueAsString(header.provenance()))
                .withProperty("connectome.training", JSON.writeValueAsString(header.training()))
                .withProperty("connectome.metrics", JSON.writeValueAsString(header.metrics()));
        OnnxModel exported = OnnxModel.of(saved.model(), new int[] {arch.inputs()}, arch.outputs(), info);
        exported.write(onnx);
        io.out().printf(Locale.ROOT, "wrote %s (%s, %,d parameters, %,d bytes): input 'input' [batch, %d], output 'logits' [batch, %d]%n",
                onnx, arch.describe(), saved.model().parameterCount(), Files.size(onnx), arch.inputs(), arch.outputs());
        return ExitCodes.OK;
    }

    private int exportGenome() throws IOException {
        if (task == null) {
            throw new UserException("exporting the genome " + model + " needs --task (" + String.join(", ", WannTasks.ids()) + ")");
        }
        if ((weight == null) == (weights == null)) {
            throw new UserException("exporting the genome " + model + " needs exactly one of --weight W (one shared weight) "
                    + "and --weights FILE.json (tuned per-connection weights)");
        }
        WannTasks.Spec spec;
        try {
            spec = WannTasks.get(task);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        NeuronGraph genome = WannFiles.readGenome(model, spec);
        String how = weight != null ? "shared weight " + weight : "tuned weights from " + weights.getFileName();
        ModelInfo info = ModelInfo.of(model.getFileName().toString().replaceFirst("\\.(out|json)$", ""),
                        "WANN genome for " + task + " (" + genome.hiddenCount() + " hidden nodes, "
                                + genome.enabledConnectionCount() + " connections), " + how + "; outputs are the raw output nodes"
                                + (spec.outputs() > 1 ? " (apply softmax for class probabilities)" : ""))
                .withInput("input", "float32 [batch, " + spec.inputs() + "]: the " + task + " observation / features")
                .withOutput("output", "float32 [batch, " + spec.outputs() + "]")
                .withProducerVersion(version())
                .withProperty("connectome.genome", model.getFileName().toString())
                .withProperty("connectome.task", task)
                .withProperty("connectome.weights", how);
        OnnxModel exported = weight != null ? NeuronGraphExport.shared(genome, weight, info)
                : NeuronGraphExport.of(genome, TunedWeights.read(weights, GraphNet.compile(genome), spec.weightBias()), info);
        exported.write(onnx);
        io.out().printf(Locale.ROOT, "wrote %s (WANN genome, %d hidden nodes, %d connections, %s, %,d bytes): input 'input' [batch, %d], output 'output' [batch, %d]%n",
                onnx, genome.hiddenCount(), genome.enabledConnectionCount(), how, Files.size(onnx), spec.inputs(), spec.outputs());
        return ExitCodes.OK;
    }

    static String version() {
        String v = ExportCommand.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
