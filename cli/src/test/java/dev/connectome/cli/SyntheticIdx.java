package dev.connectome.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a tiny learnable MNIST-shaped data set in IDX format: class c lights up rows 2c..2c+2 of a
 * 28×28 image (plus noise), so a small MLP separates it in one or two epochs.
 */
final class SyntheticIdx {
    private SyntheticIdx() {
    }

    static Path write(Path dir, int train, int test) throws IOException {
        Path mnist = Files.createDirectories(dir.resolve("mnist"));
        SplittableRandom rng = new SplittableRandom(42);
        writePair(mnist, "train", train, rng);
        writePair(mnist, "t10k", test, rng);
        return dir;
    }

    private static void writePair(Path dir, String prefix, int n, SplittableRandom rng) throws IOException {
        ByteBuffer images = ByteBuffer.allocate(16 + n * 784).putInt(0x803).putInt(n).putInt(28).putInt(28);
        ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            labels.put((byte) c);
            for (int p = 0; p < 784; p++) {
                int row = p / 28;
                int v = row >= 2 * c && row < 2 * c + 3 ? 200 + rng.nextInt(56) : rng.nextInt(60);
                images.put((byte) v);
            }
        }
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), images.array());
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), labels.array());
    }
}
