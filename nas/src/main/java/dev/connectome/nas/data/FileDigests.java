package dev.connectome.nas.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/** Streaming SHA-256 of files and of their gunzipped content. */
final class FileDigests {
    private FileDigests() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Hex SHA-256 of the file's bytes. */
    static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return digest(in);
        }
    }

    /** Hex SHA-256 of the gunzipped content, or null if the file is not gzip or does not decompress. */
    static String ofContent(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int a = raw.read();
            int b = raw.read();
            raw.reset();
            if (a != 0x1F || b != 0x8B) {
                return null;
            }
            try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                return digest(in);
            } catch (IOException e) {
                return null; // corrupt gzip: simply not the pinned content
            }
        }
    }

    private static String digest(InputStream in) throws IOException {
        MessageDigest md = sha256();
        try (DigestInputStream d = new DigestInputStream(in, md)) {
            byte[] buf = new byte[1 << 16];
            while (d.read(buf) >= 0) {
                // reading feeds the digest
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
