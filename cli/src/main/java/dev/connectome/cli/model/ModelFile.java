package dev.connectome.cli.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.connectome.cli.AtomicFiles;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Module;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * The {@code .cnm} model file: one self-describing file per trained network.
 * <pre>
 *   offset  size  content (integers little-endian)
 *   0       8     magic 89 'C' 'N' 'M' 0D 0A 1A 0A  (PNG-style: catches text-mode and 7-bit mangling)
 *   8       4     format version (1)
 *   12      4     header length H in bytes
 *   16      H     header: UTF-8 JSON ({@link ModelHeader})
 *   16+H    4     parameter value count P (must equal the header's shapes' total)
 *   20+H    4·P   parameters as float32, in the header's (= namedParameters) order
 *   end-4   4     CRC32 of every byte before it
 * </pre>
 * Files are written atomically; the reader checks magic, version, lengths and the CRC before it
 * trusts anything, and every failure is a {@link ModelFileException} naming the file.
 */
public final class ModelFile {
    /** The format version this build writes and reads. */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = {(byte) 0x89, 'C', 'N', 'M', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final int FIXED = MAGIC.length + 4 + 4 + 4 + 4; // magic, version, H, P, CRC
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelFile() {
    }

    /** A model read back from a file: its header and the rebuilt network with the stored weights. */
    public record Saved(ModelHeader header, Module model) {
    }

    /** Writes {@code model} with {@code header} to {@code path} atomically. */
    public static void write(Path path, ModelHeader header, Module model) throws IOException {
        Map<String, Tensor> params = model.namedParameters();
        checkMatches(header, params, "model to save");
        byte[] json = JSON.writeValueAsBytes(header);
        long count = header.parameterCount();
        long total = FIXED + json.length + 4 * count;
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("model too large for one file: " + count + " parameters");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(VERSION).putInt(json.length).put(json).putInt((int) count);
        for (Tensor t : params.values()) {
            buf.asFloatBuffer().put(t.data());
            buf.position(buf.position() + 4 * t.size());
        }
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        AtomicFiles.write(path, buf.array());
    }

    /** Reads and verifies {@code path}, and rebuilds the network it describes. */
    public static Saved read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        String name = path.toString();
        int probe = Math.min(bytes.length, MAGIC.length);
        if (bytes.length == 0 || !Arrays.equals(bytes, 0, probe, MAGIC, 0, probe)) {
            throw new ModelFileException(name + ": not a connectome model file (wrong magic bytes)");
        }
        if (bytes.length < FIXED) {
            throw new ModelFileException(name + ": truncated: " + bytes.length + " bytes is shorter than any model file");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.position(MAGIC.length);
        int version = buf.getInt();
        if (version != VERSION) {
            throw new ModelFileException(name + ": unsupported model format version " + version
                    + " (this build reads version " + VERSION + ")");
        }
        long headerLength = Integer.toUnsignedLong(buf.getInt());
        if (FIXED + headerLength > bytes.length) {
            throw new ModelFileException(name + ": truncated: header says " + headerLength
                    + " bytes of JSON but the file has " + bytes.length + " bytes in all");
        }
        int afterHeader = (int) (16 + headerLength);
        long count = Integer.toUnsignedLong(buf.getInt(afterHeader));
        long expected = FIXED + headerLength + 4 * count;
        if (bytes.length < expected) {
            throw new ModelFileException(name + ": truncated: expected " + expected + " bytes for " + count
                    + " parameters, the file has " + bytes.length);
        }
        if (bytes.length > expected) {
            throw new ModelFileException(name + ": corrupt: " + (bytes.length - expected) + " unexpected bytes at the end");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = buf.getInt(bytes.length - 4);
        if (stored != (int) crc.getValue()) {
            throw new ModelFileException(String.format("%s: corrupt: CRC32 mismatch (stored %08x, computed %08x)",
                    name, stored, (int) crc.getValue()));
        }
        ModelHeader header;
        try {
            header = JSON.readValue(new String(bytes, 16, (int) headerLength, StandardCharsets.UTF_8), ModelHeader.class);
        } catch (JacksonException e) {
            throw new ModelFileException(name + ": unreadable header: " + e.getOriginalMessage(), e);
        }
        if (header.architecture() == null) {
            throw new ModelFileException(name + ": header has no architecture");
        }
        if (header.parameterCount() != count) {
            throw new ModelFileException(name + ": corrupt: header shapes hold " + header.parameterCount()
                    + " values but " + count + " are stored");
        }
        Module model;
        try {
            // The initial values are overwritten below; any fixed seed will do.
            model = header.architecture().build(new SplittableRandom(0));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(name + ": cannot rebuild the network: " + e.getMessage(), e);
        }
        Map<String, Tensor> params = model.namedParameters();
        checkMatches(header, params, name);
        buf.position(afterHeader + 4);
        for (Tensor t : params.values()) {
            buf.asFloatBuffer().get(t.data());
            buf.position(buf.position() + 4 * t.size());
        }
        return new Saved(header, model);
    }

    private static void checkMatches(ModelHeader header, Map<String, Tensor> params, String what) {
        if (header.parameters().size() != params.size()) {
            throw new ModelFileException(what + ": header lists " + header.parameters().size()
                    + " parameter blocks but the network has " + params.size());
        }
        Iterator<Map.Entry<String, Tensor>> it = params.entrySet().iterator();
        for (ModelHeader.ParameterInfo info : header.parameters()) {
            Map.Entry<String, Tensor> e = it.next();
            if (!info.name().equals(e.getKey()) || !Arrays.equals(info.shape(), e.getValue().shape())) {
                throw new ModelFileException(what + ": parameter " + info.name() + Arrays.toString(info.shape())
                        + " does not match the network's " + e.getKey() + Arrays.toString(e.getValue().shape()));
            }
        }
    }
}
