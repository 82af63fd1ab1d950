package dev.connectome.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import dev.connectome.engine.nn.Module;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete ONNX model in memory, ready to be written. The graph is built first and the file written
 * last, through a temporary file and an atomic move, so a failed export never leaves a partial file.
 */
public final class OnnxModel {
    /** The ONNX operator set this exporter targets. */
    public static final int OPSET = 13;
    /** IR version 7 is the one that introduced opset 13 (ONNX 1.8). */
    static final int IR_VERSION = 7;

    private final ModelProto proto;

    private OnnxModel(ModelProto proto) {
        this.proto = proto;
    }

    /**
     * Exports a module that maps a flat or shaped float input to a float output.
     *
     * @param module      the network (in eval mode: batch norm uses running statistics)
     * @param sampleShape shape of one input sample, without the batch dimension
     * @param outputs     width of the output (per sample)
     * @param info        names and documentation stored in the file
     */
    public static OnnxModel of(Module module, int[] sampleShape, int outputs, ModelInfo info) {
        return of(module, sampleShape, outputs, info, OnnxExporters.defaults());
    }

    /** As {@link #of(Module, int[], int, ModelInfo)}, with a custom exporter registry. */
    public static OnnxModel of(Module module, int[] sampleShape, int outputs, ModelInfo info, OnnxExporters registry) {
        OnnxGraph g = new OnnxGraph(info.name());
        long[] inDims = new long[sampleShape.length + 1];
        inDims[0] = OnnxGraph.BATCH;
        for (int i = 0; i < sampleShape.length; i++) {
            inDims[i + 1] = sampleShape[i];
        }
        String in = g.input(info.inputName(), inDims);
        module.train(false);
        String out = registry.export(module, in, "", g);
        g.output(out, info.outputName(), OnnxGraph.BATCH, outputs);
        return assemble(g, info);
    }

    /** Wraps a graph built by hand (e.g. a neuron graph) into a model with {@code info}'s metadata. */
    public static OnnxModel assemble(OnnxGraph g, ModelInfo info) {
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("connectome")
                .setProducerVersion(info.producerVersion())
                .setDocString(info.description())
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(g.build());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("input", info.inputName() + ": " + info.inputDescription());
        meta.put("output", info.outputName() + ": " + info.outputDescription());
        meta.putAll(info.properties());
        meta.forEach((k, v) -> m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return new OnnxModel(m.build());
    }

    /** The serialised model. */
    public byte[] toBytes() {
        return proto.toByteArray();
    }

    /** The protobuf message, for inspection. */
    public ModelProto proto() {
        return proto;
    }

    /** Writes the model to {@code path} atomically (temporary file in the same directory, then a move). */
    public void write(Path path) throws IOException {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                proto.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
