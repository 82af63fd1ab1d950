package dev.connectome.nas.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads whole data files, decompressing gzip when the bytes start with the gzip magic number. */
final class DataFiles {
    private DataFiles() {
    }

    /** The file's bytes, gunzipped if they are gzip (by content, not by extension). */
    static byte[] read(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
        return maybeGunzip(raw, file.toString());
    }

    static boolean isGzip(byte[] raw) {
        return raw.length >= 2 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B;
    }

    static byte[] maybeGunzip(byte[] raw, String name) {
        if (raw.length == 0) {
            throw new DataException(name + ": empty file");
        }
        if (!isGzip(raw)) {
            return raw;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 1 << 16)) {
            byte[] out = in.readAllBytes();
            if (out.length == 0) {
                throw new DataException(name + ": empty file (gzip holds no data)");
            }
            return out;
        } catch (EOFException e) {
            throw new DataException(name + ": truncated gzip data (the download may be incomplete)", e);
        } catch (ZipException e) {
            throw new DataException(name + ": corrupt gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DataException(name + ": cannot decompress: " + e.getMessage(), e);
        }
    }

    /** The file name without directories, for messages and data set names. */
    static String shortName(Path file) {
        Path f = file.getFileName();
        return f == null ? file.toString() : f.toString();
    }

    static int u32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
