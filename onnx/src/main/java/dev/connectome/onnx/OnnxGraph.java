package dev.connectome.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX graph under construction: inputs, weights (initializers), operator nodes and outputs. Every
 * value gets a unique name derived from a readable hint ("fc1.weight", "relu"), so exported files are
 * easy to inspect in Netron. Dimensions given as {@link #BATCH} become the symbolic dimension "batch".
 */
public final class OnnxGraph {
    /** Marks the (symbolic) batch dimension in {@link #input} and {@link #output}. */
    public static final long BATCH = -1;

    private final GraphProto.Builder graph;
    private final Map<String, Integer> used = new HashMap<>();

    public OnnxGraph(String name) {
        graph = GraphProto.newBuilder().setName(name);
    }

    /** Declares a float input; returns its name. */
    public String input(String name, long... dims) {
        String unique = fresh(name);
        graph.addInput(valueInfo(unique, dims));
        return unique;
    }

    /** Declares {@code value} as a float graph output called {@code name}. */
    public void output(String value, String name, long... dims) {
        String out = value;
        if (!value.equals(name)) {
            if (used.containsKey(name)) {
                throw new OnnxExportException("output name '" + name + "' is already used in the graph");
            }
            used.put(name, 1);
            graph.addNode(NodeProto.newBuilder().setOpType("Identity").addInput(value).addOutput(name)
                    .setName(name + "_identity"));
            out = name;
        }
        graph.addOutput(valueInfo(out, dims));
    }

    /** A float weight tensor stored in the file; returns its value name. */
    public String weight(String hint, float[] data, long... dims) {
        checkCount(hint, data.length, dims);
        ByteBuffer raw = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(data);
        String name = fresh(hint);
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(boxed(dims)).setRawData(com.google.protobuf.ByteString.copyFrom(raw.array())));
        return name;
    }

    /** A float scalar constant (rank 0). */
    public String scalar(String hint, float value) {
        return weight(hint, new float[] {value});
    }

    /** An int64 tensor stored in the file (shapes, indices, axes); returns its value name. */
    public String int64(String hint, long[] data, long... dims) {
        checkCount(hint, data.length, dims);
        ByteBuffer raw = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(data);
        String name = fresh(hint);
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addAllDims(boxed(dims)).setRawData(com.google.protobuf.ByteString.copyFrom(raw.array())));
        return name;
    }

    /** Adds one node with one output; returns the output's name (derived from {@code hint}). */
    public String op(String opType, String hint, List<String> inputs, AttributeProto... attributes) {
        String out = fresh(hint);
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(out + "_" + opType)
                .addAllInput(inputs).addOutput(out);
        for (AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        graph.addNode(node);
        return out;
    }

    /** Shorthand for a node with one input. */
    public String op(String opType, String hint, String input, AttributeProto... attributes) {
        return op(opType, hint, List.of(input), attributes);
    }

    /** A new unique value name based on {@code hint}. */
    public String fresh(String hint) {
        String base = hint.isBlank() ? "v" : hint;
        int n = used.merge(base, 1, Integer::sum);
        if (n == 1) {
            return base;
        }
        String candidate = base + "_" + (n - 1);
        while (used.containsKey(candidate)) {
            candidate = candidate + "_";
        }
        used.put(candidate, 1);
        return candidate;
    }

    GraphProto build() {
        return graph.build();
    }

    private static ValueInfoProto valueInfo(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d == BATCH ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    private static void checkCount(String hint, int count, long... dims) {
        long expected = 1;
        for (long d : dims) {
            expected *= d;
        }
        if (expected != count) {
            throw new IllegalArgumentException("tensor '" + hint + "' has " + count + " values but shape "
                    + Arrays.toString(dims) + " needs " + expected);
        }
    }

    private static List<Long> boxed(long[] dims) {
        return Arrays.stream(dims).boxed().toList();
    }
}
