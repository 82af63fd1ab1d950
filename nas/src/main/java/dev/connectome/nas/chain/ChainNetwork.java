package dev.connectome.nas.chain;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.AvgPool2d;
import dev.connectome.engine.nn.BatchNorm2d;
import dev.connectome.engine.nn.GlobalAvgPool;
import dev.connectome.engine.nn.Init;
import dev.connectome.engine.nn.Linear;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Relu;
import dev.connectome.engine.nn.Sequential;
import dev.connectome.engine.ops.ShapeOps;
import dev.connectome.nas.cell.LayerChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The child network of a {@link LayerChain}: flat images are reshaped to [N, C, H, W], optionally
 * average-pooled by {@code downsample} (to keep children cheap), then each layer is conv (its KH×KW,
 * filters, stride; SAME padding) → batch norm → ReLU, then global average pooling and a linear head.
 * (NAS's chain also had learned skip connections; this space is the plain chain of the issue.)
 */
public final class ChainNetwork implements Module {
    private final int channels;
    private final int height;
    private final int width;
    private final Sequential body;

    /**
     * @param image      [C, H, W] of one input sample (the data holds them flat)
     * @param downsample average-pool factor applied first (1: none)
     */
    public ChainNetwork(LayerChain chain, int[] image, int downsample, int classes, RandomGenerator rng) {
        if (image.length != 3 || downsample < 1 || classes < 2) {
            throw new IllegalArgumentException("a chain network needs an image shape [C, H, W], downsample >= 1 and >= 2 "
                    + "classes, got " + java.util.Arrays.toString(image) + ", " + downsample + ", " + classes);
        }
        this.channels = image[0];
        this.height = image[1];
        this.width = image[2];
        List<Module> parts = new ArrayList<>();
        if (downsample > 1) {
            parts.add(new AvgPool2d(downsample, downsample, 0));
        }
        int in = channels;
        for (LayerChain.Layer l : chain.layers()) {
            parts.add(new RectConv2d(in, l.filters(), l.filterHeight(), l.filterWidth(), l.stride(), rng));
            parts.add(new BatchNorm2d(l.filters(), true));
            parts.add(new Relu());
            in = l.filters();
        }
        parts.add(new GlobalAvgPool());
        parts.add(new Linear(in, classes, true, Init.glorotUniform(), rng));
        this.body = new Sequential(parts);
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        int n = x.dim(0);
        if (x.size() != n * channels * height * width) {
            throw new IllegalArgumentException("chain network expects samples of " + channels + "x" + height + "x" + width
                    + " values, got " + x);
        }
        return body.forward(tape, ShapeOps.reshape(tape, x, n, channels, height, width));
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return body.namedParameters();
    }

    @Override
    public Module train(boolean training) {
        body.train(training);
        return this;
    }
}
