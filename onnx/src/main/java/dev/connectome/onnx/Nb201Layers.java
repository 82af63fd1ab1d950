package dev.connectome.onnx;

import dev.connectome.engine.nn.Module;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Network;
import dev.connectome.nas.cell.Nb201NetworkCell;
import dev.connectome.nas.cell.Nb201NetworkReduction;
import java.util.List;

/**
 * ONNX mappings of the NAS-Bench-201 network parts. The convolutions, batch norms and pools inside are the
 * engine's layers and go through the registry; these exporters only wire the DAG (sums of edges, the residual
 * reduction block). BatchNorm is written in eval mode with its running statistics.
 */
final class Nb201Layers {
    private Nb201Layers() {
    }

    static OnnxExporters register(OnnxExporters r) {
        return r.with(Nb201Network.class, Nb201Layers::network)
                .with(Nb201NetworkCell.class, Nb201Layers::cell)
                .with(Nb201NetworkReduction.class, Nb201Layers::reduction);
    }

    static String network(Nb201Network net, String input, String name, OnnxGraph g, OnnxExporters r) {
        String prefix = name.isEmpty() ? "" : name + ".";
        String h = r.export(net.stem(), input, prefix + "stem", g);
        List<Module> blocks = net.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            h = r.export(blocks.get(i), h, prefix + "blocks." + i, g);
        }
        return r.export(net.head(), h, prefix + "head", g);
    }

    /**
     * Node j is the sum of op(i→j)(node i) over i &lt; j; a node with only none inputs is zero, written as
     * x·0 so it keeps x's shape without a shape computation (the engine's forward uses zeros of x's shape).
     */
    static String cell(Nb201NetworkCell cell, String input, String name, OnnxGraph g, OnnxExporters r) {
        String[] node = new String[4];
        node[0] = input;
        int edge = 0;
        for (int j = 1; j <= 3; j++) {
            String sum = null;
            for (int i = 0; i < j; i++, edge++) {
                Module m = cell.edge(edge);
                if (m == null) {
                    continue;
                }
                String y = r.export(m, node[i], name + ".edge" + edge, g);
                sum = sum == null ? y : g.op("Add", name + ".node" + j, List.of(sum, y));
            }
            node[j] = sum != null ? sum
                    : g.op("Mul", name + ".node" + j + ".zero", List.of(input, g.scalar(name + ".nought", 0f)));
        }
        assert edge == Nb201Cell.EDGES;
        return node[3];
    }

    /** b(a(x)) + shortcut(x). */
    static String reduction(Nb201NetworkReduction red, String input, String name, OnnxGraph g, OnnxExporters r) {
        String main = r.export(red.b(), r.export(red.a(), input, name + ".a", g), name + ".b", g);
        String shortcut = r.export(red.shortcut(), input, name + ".shortcut", g);
        return g.op("Add", name + ".sum", List.of(main, shortcut));
    }
}
