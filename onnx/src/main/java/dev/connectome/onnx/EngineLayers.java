package dev.connectome.onnx;

import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Linear;
import java.util.List;

/** ONNX mappings of the engine's layers (operator semantics from the ONNX operator specification, opset 13). */
final class EngineLayers {
    private EngineLayers() {
    }

    /** Linear stores its weight as [in, out], which is exactly Gemm's B without transposition. */
    static String linear(Linear layer, String input, String name, OnnxGraph g, OnnxExporters r) {
        Tensor w = layer.weight();
        String weight = g.weight(name + ".weight", w.data(), w.dim(0), w.dim(1));
        if (layer.bias() == null) {
            return g.op("MatMul", name, List.of(input, weight));
        }
        String bias = g.weight(name + ".bias", layer.bias().data(), layer.bias().dim(0));
        return g.op("Gemm", name, List.of(input, weight, bias));
    }

    static String activation(Activation a, String input, String name, OnnxGraph g, OnnxExporters r) {
        String hint = name + "." + a.id();
        return switch (a) {
            case LINEAR -> input;
            case RELU -> g.op("Relu", hint, input);
            case TANH -> g.op("Tanh", hint, input);
            case SIGMOID -> g.op("Sigmoid", hint, input);
            case SIN -> g.op("Sin", hint, input);
            case COS -> g.op("Cos", hint, input);
            case ABS -> g.op("Abs", hint, input);
            case SQUARE -> g.op("Mul", hint, List.of(input, input));
            case GAUSSIAN -> gaussian(g, hint, input);
            case STEP -> step(g, hint, input);
        };
    }

    /** exp(−x²/2). */
    static String gaussian(OnnxGraph g, String hint, String x) {
        String sq = g.op("Mul", hint + ".sq", List.of(x, x));
        String half = g.op("Mul", hint + ".scaled", List.of(sq, g.scalar(hint + ".minus_half", -0.5f)));
        return g.op("Exp", hint, half);
    }

    /** 1 where x &gt; 0, else 0 (the unsigned step of WANN). */
    static String step(OnnxGraph g, String hint, String x) {
        String positive = g.op("Greater", hint + ".positive", List.of(x, g.scalar(hint + ".zero", 0f)));
        return g.op("Cast", hint, positive, Attr.integer("to", ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT_VALUE));
    }

    static OnnxExporters registerConvolutional(OnnxExporters r) {
        return ConvolutionalLayers.register(r);
    }
}
