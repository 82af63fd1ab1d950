package dev.connectome.onnx;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.nas.wiring.EdgeSelection;
import dev.connectome.nas.wiring.NeuronGraphNet;
import dev.connectome.nas.wiring.SparseLinear;
import java.util.List;
import java.util.Map;

/**
 * ONNX mappings of the wired (DNW) modules. The edge choice is baked in: each weight matrix is written as its
 * selection makes it effective, unused edges as zeros, so a runtime sees plain dense Gemm/MatMul (which every
 * runtime runs well; a gather form would only pay off far sparser than DNW's ~10% of edges).
 */
final class WiringLayers {
    private WiringLayers() {
    }

    static OnnxExporters register(OnnxExporters r) {
        return r.with(NeuronGraphNet.class, WiringLayers::neuronGraph)
                .with(SparseLinear.class, WiringLayers::sparseLinear);
    }

    /** Gemm with the masked [in, out] weight and the dense bias. */
    static String sparseLinear(SparseLinear layer, String input, String name, OnnxGraph g, OnnxExporters r) {
        Tensor w = effective(layer.selection(), layer.weight())[0];
        String weight = g.weight(name + ".weight", w.data(), w.dim(0), w.dim(1));
        String bias = g.weight(name + ".bias", layer.bias().data(), layer.bias().dim(0));
        return g.op("Gemm", name, List.of(input, weight, bias));
    }

    /**
     * As NeuronGraphNet.forward: block j's input is the concatenation of the graph input and every earlier
     * hidden block's ReLU output, times the masked weights w{j}, plus b{j}; the last block's pre-activation
     * values are the logits.
     */
    static String neuronGraph(NeuronGraphNet net, String input, String name, OnnxGraph g, OnnxExporters r) {
        Map<String, Tensor> params = net.namedParameters();
        int targets = params.size() / 2;
        Tensor[] raw = new Tensor[targets];
        for (int j = 1; j <= targets; j++) {
            raw[j - 1] = params.get("w" + j);
        }
        Tensor[] w = effective(net.selection(), raw);
        String prefix = name.isEmpty() ? "" : name + ".";
        String soFar = input;
        for (int j = 1; j <= targets; j++) {
            Tensor b = params.get("b" + j);
            String in = g.op("Gemm", prefix + "block" + j, List.of(soFar,
                    g.weight(prefix + "w" + j, w[j - 1].data(), w[j - 1].dim(0), w[j - 1].dim(1)),
                    g.weight(prefix + "b" + j, b.data(), b.dim(0))));
            if (j == targets) {
                return in;
            }
            String z = g.op("Relu", prefix + "block" + j + ".relu", in);
            soFar = g.op("Concat", prefix + "upto" + j, List.of(soFar, z), Attr.integer("axis", 1));
        }
        throw new OnnxExportException("cannot export neuron graph '" + name + "': it has no output block");
    }

    /** The weights the selection uses in a forward pass (copied off the throw-away tape). */
    private static Tensor[] effective(EdgeSelection selection, Tensor... weights) {
        try (Parallelism par = Parallelism.single()) {
            Tensor[] masked = selection.apply(Tape.inference(par), weights);
            Tensor[] copies = new Tensor[masked.length];
            for (int i = 0; i < masked.length; i++) {
                copies[i] = Tensor.of(masked[i].data().clone(), masked[i].shape());
            }
            return copies;
        }
    }
}
