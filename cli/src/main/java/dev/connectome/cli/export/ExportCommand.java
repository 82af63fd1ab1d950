package dev.connectome.cli.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.cli.model.ModelFile;
import dev.connectome.cli.model.ModelHeader;
import dev.connectome.onnx.ModelInfo;
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
            "MODEL is a .cnm file written by 'connectome train' (or another command that saves models)."})
public final class ExportCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Io io;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file to export.")
    Path model;

    @Option(names = "--onnx", paramLabel = "FILE.onnx", required = true, description = "Where to write the ONNX model.")
    Path onnx;

    @Mixin
    CommonOptions common;

    public ExportCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(model)) {
            throw new UserException("no such model file: " + model);
        }
        if (onnx.getFileName() == null || Files.isDirectory(onnx)) {
            throw new UserException("--onnx must name a file, not a directory: " + onnx);
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

    private static String version() {
        String v = ExportCommand.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
