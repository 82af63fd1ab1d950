package dev.connectome.onnx;

import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.AvgPool2d;
import dev.connectome.engine.nn.BatchNorm2d;
import dev.connectome.engine.nn.Conv2d;
import dev.connectome.engine.nn.Flatten;
import dev.connectome.engine.nn.GlobalAvgPool;
import dev.connectome.engine.nn.Identity;
import dev.connectome.engine.nn.MaxPool2d;
import dev.connectome.engine.nn.Relu;
import dev.connectome.engine.nn.Zero;
import java.util.ArrayList;
import java.util.List;

/** ONNX mappings of the engine's image layers (NCHW, as ONNX expects). */
final class ConvolutionalLayers {
    private ConvolutionalLayers() {
    }

    static OnnxExporters register(OnnxExporters r) {
        return r.with(Conv2d.class, ConvolutionalLayers::conv)
                .with(BatchNorm2d.class, ConvolutionalLayers::batchNorm)
                .with(AvgPool2d.class, (m, in, name, g, reg) -> g.op("AveragePool", name + ".avgpool", in,
                        Attr.ints("kernel_shape", m.kernel(), m.kernel()), Attr.ints("strides", m.stride(), m.stride()),
                        Attr.ints("pads", m.padding(), m.padding(), m.padding(), m.padding()),
                        Attr.integer("count_include_pad", 0)))
                .with(MaxPool2d.class, (m, in, name, g, reg) -> g.op("MaxPool", name + ".maxpool", in,
                        Attr.ints("kernel_shape", m.kernel(), m.kernel()), Attr.ints("strides", m.stride(), m.stride()),
                        Attr.ints("pads", m.padding(), m.padding(), m.padding(), m.padding())))
                .with(GlobalAvgPool.class, (m, in, name, g, reg) -> g.op("Flatten", name + ".gap",
                        g.op("GlobalAveragePool", name + ".gap4d", in), Attr.integer("axis", 1)))
                .with(Flatten.class, (m, in, name, g, reg) -> g.op("Flatten", name + ".flatten", in, Attr.integer("axis", 1)))
                .with(Identity.class, (m, in, name, g, reg) -> in)
                .with(Relu.class, (m, in, name, g, reg) -> g.op("Relu", name + ".relu", in))
                .with(Zero.class, ConvolutionalLayers::zero);
    }

    static String conv(Conv2d c, String input, String name, OnnxGraph g, OnnxExporters r) {
        Tensor w = c.weight();
        List<String> inputs = new ArrayList<>(List.of(input, g.weight(name + ".weight", w.data(),
                w.dim(0), w.dim(1), w.dim(2), w.dim(3))));
        if (c.bias() != null) {
            inputs.add(g.weight(name + ".bias", c.bias().data(), c.bias().dim(0)));
        }
        int p = c.padding();
        return g.op("Conv", name + ".conv", inputs, Attr.ints("kernel_shape", c.kernel(), c.kernel()),
                Attr.ints("strides", c.stride(), c.stride()), Attr.ints("pads", p, p, p, p),
                Attr.integer("group", c.groups()));
    }

    /** Eval-mode batch norm with the running statistics; without them there is nothing fixed to export. */
    static String batchNorm(BatchNorm2d bn, String input, String name, OnnxGraph g, OnnxExporters r) {
        if (bn.runningMean() == null || bn.runningVar() == null) {
            throw new OnnxExportException("cannot export batch norm '" + name + "': it keeps no running statistics, "
                    + "so its inference output depends on the batch");
        }
        int c = bn.channels();
        float[] gamma = new float[c];
        float[] beta = new float[c];
        java.util.Arrays.fill(gamma, 1f);
        if (bn.weight() != null) {
            System.arraycopy(bn.weight().data(), 0, gamma, 0, c);
        }
        if (bn.bias() != null) {
            System.arraycopy(bn.bias().data(), 0, beta, 0, c);
        }
        return g.op("BatchNormalization", name + ".bn", List.of(input, g.weight(name + ".scale", gamma, c),
                g.weight(name + ".shift", beta, c), g.weight(name + ".running_mean", bn.runningMean().clone(), c),
                g.weight(name + ".running_var", bn.runningVar().clone(), c)), Attr.real("epsilon", bn.eps()));
    }

    /** x[:, :, ::s, ::s] · 0, as PyTorch's NB201 "none" op computes it. */
    static String zero(Zero z, String input, String name, OnnxGraph g, OnnxExporters r) {
        String value = input;
        if (z.stride() != 1) {
            long big = Long.MAX_VALUE;
            value = g.op("Slice", name + ".strided", List.of(input, g.int64(name + ".starts", new long[] {0, 0}, 2),
                    g.int64(name + ".ends", new long[] {big, big}, 2), g.int64(name + ".axes", new long[] {2, 3}, 2),
                    g.int64(name + ".steps", new long[] {z.stride(), z.stride()}, 2)));
        }
        return g.op("Mul", name + ".zero", List.of(value, g.scalar(name + ".nought", 0f)));
    }
}
