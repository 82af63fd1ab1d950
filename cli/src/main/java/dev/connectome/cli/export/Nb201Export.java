package dev.connectome.cli.export;

import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Network;
import dev.connectome.nas.cell.Nb201NetworkSettings;
import dev.connectome.onnx.ModelInfo;
import dev.connectome.onnx.OnnxModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code connectome export --nb201 ARCH}: a freshly initialised NAS-Bench-201 network around a found cell,
 * so the architecture can be trained in another framework. The file says plainly that its weights are untrained.
 */
final class Nb201Export {
    private Nb201Export() {
    }

    static int write(String arch, int channels, int cells, int classes, int imageSize, long seed, Path onnx,
            String version, Io io) throws IOException {
        Nb201Cell cell;
        Nb201NetworkSettings settings;
        try {
            cell = Nb201Cell.parse(arch);
            settings = new Nb201NetworkSettings(channels, cells, classes, true);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        // Two stride-2 reductions whose main path (conv, pad 1) rounds up and shortcut (2×2 pool) rounds down.
        if (imageSize < 4 || imageSize % 4 != 0) {
            throw new UserException("--image-size must be a positive multiple of 4 (two stride-2 reductions), got " + imageSize);
        }
        Nb201Network net = new Nb201Network(cell, settings, new SplittableRandom(seed));
        String shape = "[batch, 3, " + imageSize + ", " + imageSize + "]";
        ModelInfo info = ModelInfo.of("nb201", "NAS-Bench-201 network " + cell.format() + " (C=" + channels + ", N=" + cells
                        + ", " + classes + " classes) with FRESHLY INITIALISED, UNTRAINED weights (seed " + seed
                        + "; PyTorch default init, BatchNorm running mean 0 / variance 1): train it before use. "
                        + "Outputs are logits.")
                .withInput("input", "float32 " + shape + ": images, NCHW")
                .withOutput("logits", "float32 [batch, " + classes + "]")
                .withProducerVersion(version)
                .withProperty("connectome.architecture", cell.format())
                .withProperty("connectome.network", String.format(Locale.ROOT,
                        "{\"space\":\"nb201\",\"channels\":%d,\"cellsPerStage\":%d,\"classes\":%d,\"batchNorm\":true}",
                        channels, cells, classes))
                .withProperty("connectome.weights", "untrained, seed " + seed);
        OnnxModel model = OnnxModel.of(net, new int[] {3, imageSize, imageSize}, classes, info);
        model.write(onnx);
        io.out().printf(Locale.ROOT, "wrote %s (untrained NB201 network %s, C=%d N=%d, %,d parameters, %,d bytes): "
                        + "input 'input' %s, output 'logits' [batch, %d]%n",
                onnx, cell.format(), channels, cells, net.parameterCount(), Files.size(onnx), shape, classes);
        return ExitCodes.OK;
    }
}
